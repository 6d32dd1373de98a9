"""Demo flyer templates: six kinds, two of them also in English, Turkish and Arabic.

Found again by their Dutch name (idempotent); translated the way a translator does it
(wagtail-localize, cms.demo.translate) and attached to the demo's toolkit materials.
"""

from wagtail.models import Locale, Page

from cms.demo import translate

from .choices import ColourTheme, FlyerKind, PaperFormat
from .models import FlyerTemplate, ToolkitItemFlyerTemplate, ToolkitItemPage

TEXT_FIELDS = ("name", "headline", "body", "qr_text")

TEMPLATES = [
    {
        "key": "kennismaken",
        "items": ["welkomstbrief", "koffie-op-de-stoep"],
        "qr": "meedoen",
        "fields": {
            "kind": FlyerKind.INTRODUCTION,
            "paper": PaperFormat.A5,
            "theme": ColourTheme.BRICK,
            "reply_strip": True,
            "per_address": True,
        },
        "nl": {
            "name": "Uitnodiging om kennis te maken",
            "headline": "Kom kennismaken in de {straat}",
            "body": (
                "Wij zijn {gangmakers}. Wij zijn de gangmakers van Lief & Leed in de {straat}.\n\n"
                "We willen graag weten wie er in de straat woont. Zo kunnen we elkaar helpen als het "
                "nodig is. En samen iets leuks doen als er iets te vieren is.\n\n"
                "Kom op {datum} om {tijd} naar {plek}. Er is koffie en thee. Je hoeft niets mee te nemen."
            ),
            "qr_text": "Scan de code en lees hoe jullie straat meedoet.",
        },
        "en": {
            "name": "Invitation to get acquainted",
            "headline": "Come and meet your neighbours in {straat}",
            "body": (
                "We are {gangmakers}, the Lief & Leed volunteers of {straat}.\n\n"
                "We would like to know who lives in our street. Then we can help each other when it is "
                "needed, and celebrate together when there is something to celebrate.\n\n"
                "Come on {datum} at {tijd} to {plek}. There is coffee and tea. "
                "You do not need to bring anything."
            ),
            "qr_text": "Scan the code to read how your street can take part.",
        },
        "tr": {
            "name": "Tanışma daveti",
            "headline": "{straat} sokağında tanışalım",
            "body": (
                "Biz {gangmakers}. {straat} sokağının Lief & Leed gönüllüleriyiz.\n\n"
                "Sokağımızda kimlerin yaşadığını öğrenmek istiyoruz. Böylece gerektiğinde birbirimize "
                "yardım edebiliriz. Kutlanacak bir şey olduğunda da birlikte kutlarız.\n\n"
                "{datum} günü saat {tijd} {plek} adresine gelin. Kahve ve çay var. "
                "Bir şey getirmenize gerek yok."
            ),
            "qr_text": "Sokağınızın nasıl katılabileceğini okumak için kodu tarayın.",
        },
        "ar": {
            "name": "دعوة للتعارف",
            "headline": "تعالوا نتعارف في شارع {straat}",
            "body": (
                "نحن {gangmakers}، متطوعو برنامج Lief & Leed في شارع {straat}.\n\n"
                "نريد أن نعرف من يسكن في شارعنا. هكذا نساعد بعضنا عند الحاجة، ونحتفل معاً "
                "عندما تكون هناك مناسبة سعيدة.\n\n"
                "تعالوا يوم {datum} الساعة {tijd} إلى {plek}. توجد قهوة وشاي. لا تحتاجون إلى إحضار أي شيء."
            ),
            "qr_text": "امسحوا الرمز لتقرأوا كيف يشارك شارعكم.",
        },
    },
    {
        "key": "koffieochtend",
        "items": ["koffie-op-de-stoep", "jubileum"],
        "qr": "toolkit",
        "fields": {"kind": FlyerKind.POSTER, "paper": PaperFormat.A4, "theme": ColourTheme.LEAF},
        "nl": {
            "name": "Poster koffieochtend in de straat",
            "headline": "Koffieochtend in de {straat}!",
            "body": (
                "Iedereen is welkom: jong en oud, nieuw in de straat of al veertig jaar.\n\n"
                "Zet een stoel buiten of kom gewoon even langs. Neem gerust je buren mee.\n\n"
                "Vragen? Bel of mail {gangmakers}: {contact}."
            ),
            "qr_text": "Meer ideeën voor je straat in de toolkit.",
        },
        "en": {
            "name": "Poster for a street coffee morning",
            "headline": "Coffee morning in {straat}!",
            "body": (
                "Everyone is welcome: young and old, new in the street or here for forty years.\n\n"
                "Put a chair outside or just drop by. Feel free to bring your neighbours.\n\n"
                "Questions? Call or email {gangmakers}: {contact}."
            ),
            "qr_text": "More ideas for your street in the toolkit.",
        },
        "tr": {
            "name": "Sokakta kahve sabahı afişi",
            "headline": "{straat} sokağında kahve sabahı!",
            "body": (
                "Herkes davetli: genç ve yaşlı, sokağa yeni gelen ya da kırk yıldır burada oturan.\n\n"
                "Dışarıya bir sandalye koyun ya da kısaca uğrayın. Komşularınızı da getirin.\n\n"
                "Sorunuz mu var? {gangmakers} ile iletişime geçin: {contact}."
            ),
            "qr_text": "Sokağınız için daha fazla fikir araç kutusunda.",
        },
        "ar": {
            "name": "ملصق صباح القهوة في الشارع",
            "headline": "صباح القهوة في شارع {straat}!",
            "body": (
                "الجميع مرحب بهم: الصغار والكبار، الجدد في الشارع ومن يسكن هنا منذ أربعين سنة.\n\n"
                "ضعوا كرسياً أمام البيت أو مرّوا علينا قليلاً. أحضروا جيرانكم معكم.\n\n"
                "عندكم سؤال؟ اتصلوا بـ {gangmakers}: {contact}."
            ),
            "qr_text": "أفكار أخرى لشارعكم في صندوق الأدوات.",
        },
    },
    {
        "key": "pakketje",
        "items": ["lief-en-leedpakketje"],
        "fields": {"kind": FlyerKind.PACKAGE_CARD, "paper": PaperFormat.A6, "theme": ColourTheme.SUN},
        "nl": {
            "name": "Kaartje bij het Lief & Leedpakketje",
            "headline": "Welkom in de {straat}!",
            "body": (
                "Dit pakketje is van de buren. Fijn dat je hier komt wonen.\n\n"
                "Heb je iets nodig of wil je kennismaken? Bel of app {gangmakers}: {contact}."
            ),
            "qr_text": "",
        },
    },
    {
        "key": "sleutel",
        "items": ["reservesleutel"],
        "fields": {"kind": FlyerKind.KEY_CARD, "paper": PaperFormat.A6, "theme": ColourTheme.HARBOUR},
        "nl": {
            "name": "Sleutelkaart",
            "headline": "Een reservesleutel bij de buren",
            "body": (
                "Buitengesloten, of ziek en de thuiszorg staat voor de deur? In de {straat} bewaren "
                "buren een reservesleutel voor elkaar.\n\n"
                "Wil je dat ook? Vraag het aan {gangmakers}: {contact}. Je sleutel komt in een envelop "
                "met alleen je huisnummer erop."
            ),
            "qr_text": "",
        },
    },
    {
        "key": "bedankt",
        "items": ["koffie-op-de-stoep"],
        "fields": {"kind": FlyerKind.THANK_YOU, "paper": PaperFormat.A6, "theme": ColourTheme.SUN},
        "nl": {
            "name": "Bedankkaart",
            "headline": "Dank je wel!",
            "body": (
                "Fijn dat je meedeed in de {straat}. Zonder buren zoals jij lukt het niet.\n\n"
                "Hartelijke groet van {gangmakers}."
            ),
            "qr_text": "",
        },
    },
    {
        "key": "workshop",
        "items": ["georganiseerde-straat"],
        "qr": "workshops",
        "fields": {
            "kind": FlyerKind.INVITATION,
            "paper": PaperFormat.A5,
            "theme": ColourTheme.HARBOUR,
            "reply_strip": True,
        },
        "nl": {
            "name": "Uitnodiging voor een workshop",
            "headline": "Ga je mee naar de workshop?",
            "body": (
                "Opzoomer Mee geeft workshops voor gangmakers, bijvoorbeeld over wat buren goed kunnen "
                "en graag doen.\n\n"
                "Wij gaan op {datum} om {tijd}, naar {plek}. Ga je mee? Het is gratis.\n\n"
                "Laat het weten aan {gangmakers} ({contact}), of lever het strookje in."
            ),
            "qr_text": "Scan de code voor alle workshops.",
        },
    },
]


def qr_target(name, home):
    """The Dutch page the QR code points to: meedoen, the workshops or the toolkit (when present)."""
    for slug in (name, "meedoen", "toolkit"):
        page = (
            Page.objects.live()
            .filter(locale__language_code="nl", slug=slug)
            .descendant_of(home)
            .order_by("path")
        ).first()
        if page is not None:
            return page
    return home


def ensure_template(spec, home):
    dutch = Locale.objects.get(language_code="nl")
    template = FlyerTemplate.objects.filter(locale=dutch, name=spec["nl"]["name"]).first()
    if template is None:
        template = FlyerTemplate(locale=dutch, **spec["fields"], **spec["nl"])
        if spec.get("qr"):
            template.qr_page = qr_target(spec["qr"], home)
        template.full_clean()
        template.save()
        template.save_revision()
    for language in ("en", "tr", "ar"):
        if (
            language in spec
            and template.get_translation_or_none(Locale.objects.get(language_code=language)) is None
        ):
            strings = {spec["nl"][name]: spec[language][name] for name in TEXT_FIELDS if spec["nl"][name]}
            translate(template, language, strings)
    return template


def attach(template, slugs):
    """Offer `template` on the Dutch materials `slugs`, as a new published revision of each page."""
    for slug in slugs:
        page = ToolkitItemPage.objects.filter(locale__language_code="nl", slug=slug).first()
        if page is None or ToolkitItemFlyerTemplate.objects.filter(page=page, template=template).exists():
            continue
        page.flyer_template_links.add(
            ToolkitItemFlyerTemplate(template=template, sort_order=page.flyer_template_links.count())
        )
        page.save_revision().publish()


def load(context):
    home = context.objects["home"]
    templates = []
    for spec in TEMPLATES:
        template = ensure_template(spec, home)
        attach(template, spec["items"])
        templates.append(template)
    translated = sum(1 for spec in TEMPLATES if "ar" in spec)
    context.log(f"{len(templates)} flyer templates ({translated} also in en, tr and ar)")
