"""Demo content of sign-ups and submissions: the sign-up and story pages (nl, en), the open round
"Lief & Leed ronde 2027" with a sign-up in every state (and one duplicate), stories waiting for a
moderator, and the moderation mail texts in Dutch and English.

Idempotent: pages are found by slug, the round by name, sign-ups by street and postcode,
submissions by title, mail texts by purpose and language. Editors' changes are kept.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.models import Locale

from cms.demo import child_page
from home.demo import add_menu_link, translate_once
from home.models import Menu

from .models import (
    Gangmaker,
    PilotRound,
    SignupMailTemplate,
    SignupPage,
    StorySubmission,
    StorySubmissionPage,
    StreetSignup,
)
from .signup_mail_defaults import DEFAULT_MAIL_TEMPLATES
from .submission_images import reencode_photo

ROUND_NAME = "Lief & Leed ronde 2027"

SIGNUP_PAGE = {
    "nl": {
        "title": "Meedoen met je straat",
        "slug": "meedoen",
        "intro": (
            "Wil je met je buren meer naar elkaar omkijken? Meld je straat aan voor de volgende ronde "
            "van Lief & Leed. Dat doe je met minstens twee gangmakers."
        ),
        "closed_text": (
            "De volgende ronde begint waarschijnlijk in het voorjaar. Laat je e-mailadres achter, "
            "dan hoor je het als eerste."
        ),
        "thanks_text": "Vragen? Bel Opzoomer Mee op werkdagen tussen 9 en 17 uur.",
    },
    "en": {
        "title": "Join with your street",
        "slug": "join",
        "intro": (
            "Would you like neighbours to look out for each other more? Sign your street up for the next "
            "round of Lief & Leed. You need at least two gangmakers (street volunteers)."
        ),
        "closed_text": (
            "The next round will probably start in spring. Leave your email address and you will be "
            "the first to know."
        ),
        "thanks_text": "Questions? Call Opzoomer Mee on weekdays between 9:00 and 17:00.",
    },
}

SUBMISSION_PAGE = {
    "nl": {
        "title": "Deel je verhaal",
        "slug": "deel-je-verhaal",
        "intro": (
            "Heb je iets moois meegemaakt met je buren? Een kaartje bij een geboorte, hulp na een val, "
            "een pannetje soep? Vertel het ons. Andere straten leren ervan."
        ),
        "thanks_text": "Wil je vaker iets delen? Dat mag. Elk verhaal lezen we met aandacht.",
    },
    "en": {
        "title": "Share your story",
        "slug": "share-your-story",
        "intro": (
            "Did something good happen between you and your neighbours? A card for a new baby, help after a "
            "fall, a pot of soup? Tell us. Other streets learn from it."
        ),
        "thanks_text": "Would you like to share more often? Please do. We read every story with care.",
    },
}

ENGLISH_MAIL_TEMPLATES = {
    "signup_under_review": (
        "Under review (default)",
        "We are looking at your sign-up: {straat}",
        "Hello {naam},\n\nThank you for signing up {straat} for {ronde}. We are looking at your sign-up now. "
        "You will hear from us within three weeks.\n\n{opmerking}\n\nBest wishes, Opzoomer Mee, Lief & Leed",
    ),
    "signup_accepted": (
        "Accepted (default)",
        "Welcome to {ronde}: {straat} takes part",
        "Hello {naam},\n\nGood news: {straat} takes part in {ronde}. A project leader will call or email you "
        "soon to get to know you and plan the first steps.\n\n{opmerking}\n\nBest wishes, Opzoomer Mee, "
        "Lief & Leed",
    ),
    "signup_waitlisted": (
        "Waiting list (default)",
        "Your street is on the waiting list: {straat}",
        "Hello {naam},\n\n{ronde} is full, so {straat} is on the waiting list. If a place becomes free, "
        "we will "
        "let you know straight away.\n\n{opmerking}\n\nBest wishes, Opzoomer Mee, Lief & Leed",
    ),
    "signup_declined": (
        "Declined (default)",
        "About your sign-up for {ronde}",
        "Hello {naam},\n\nThank you for signing up {straat}. Unfortunately your street cannot take part in "
        "{ronde}.\n\n{opmerking}\n\nYou are welcome to use the tips and materials in the toolkit.\n\n"
        "Best wishes, Opzoomer Mee, Lief & Leed",
    ),
    "signup_withdrawn": (
        "Withdrawn (default)",
        "Your sign-up has been withdrawn: {straat}",
        "Hello {naam},\n\nAs you asked, we have withdrawn the sign-up of {straat} for "
        "{ronde}.\n\n{opmerking}\n\n"
        "Best wishes, Opzoomer Mee, Lief & Leed",
    ),
    "submission_approved": (
        "Story approved (default)",
        "Thank you for your story: {titel}",
        "Hello {naam},\n\nThank you for your story “{titel}”. We have read it and would like to use it. The "
        "editors are getting it ready for the website.\n\n{opmerking}\n\nBest wishes, Opzoomer Mee, Lief "
        "& Leed",
    ),
    "submission_rejected": (
        "Story not published (default)",
        "About your story: {titel}",
        "Hello {naam},\n\nThank you for sharing your story “{titel}” with us. We will not publish it this "
        "time.\n\n{opmerking}\n\nWe are glad you do something for your neighbours. You are always welcome to "
        "send another story.\n\nBest wishes, Opzoomer Mee, Lief & Leed",
    ),
}

# (street, postcode, district, households, state, gangmakers); made-up streets and people.
SIGNUPS = [
    (
        "Bloemkoolstraat",
        "3074 TK",
        "Feijenoord",
        48,
        StreetSignup.State.SUBMITTED,
        [("Ans de Wit", "ans"), ("Yusuf Kaya", "yusuf")],
    ),
    (
        "Pruimenhof",
        "3083 AB",
        "Charlois",
        36,
        StreetSignup.State.EMAIL_CONFIRMED,
        [("Mirjam Bos", "mirjam"), ("Karim Amrani", "karim")],
    ),
    (
        "Zonnebloemweg",
        "3078 CD",
        "IJsselmonde",
        60,
        StreetSignup.State.UNDER_REVIEW,
        [("Els Verhoef", "els"), ("Piotr Nowak", "piotr")],
    ),
    (
        "Lijnbaanhof",
        "3026 EF",
        "Delfshaven",
        28,
        StreetSignup.State.ACCEPTED,
        [("Fatma Yildiz", "fatma"), ("Gerard Smit", "gerard"), ("Lotte Jansen", "lotte")],
    ),
    (
        "Vlierboomstraat",
        "3034 GH",
        "Noord",
        75,
        StreetSignup.State.WAITLISTED,
        [("Henk Visser", "henk"), ("Samira El Idrissi", "samira")],
    ),
    (
        "Kerspelstraat",
        "3082 JK",
        "Charlois",
        22,
        StreetSignup.State.DECLINED,
        [("Joke Mulder", "joke"), ("Dewi Pranoto", "dewi")],
    ),
    (
        "Appelgaarde",
        "3075 LM",
        "Feijenoord",
        40,
        StreetSignup.State.WITHDRAWN,
        [("Rob de Groot", "rob"), ("Nadia Haddou", "nadia")],
    ),
]
DUPLICATE = ("Pruimenhof", "3083 AB", "Charlois", 36, [("Wim Bakker", "wim"), ("Sanne Kok", "sanne")])

SUBMISSIONS = [
    {
        "title": "Soep voor de buurman",
        "text": (
            "Toen onze buurman na zijn operatie thuiskwam, hebben we een rooster gemaakt. Elke dag "
            "bracht iemand "
            "uit de straat een pannetje soep.\n\nHij zei later dat hij zich nog nooit zo welkom had "
            "gevoeld in "
            "zijn eigen straat."
        ),
        "street": "Pruimenhof",
        "display_name": "Mirjam",
        "anonymous": False,
        "email": "mirjam@example.org",
        "photo": True,
    },
    {
        "title": "Een kaartje in elke bus",
        "text": (
            "Bij ons in de flat kenden veel mensen elkaar niet. Met de gangmakers hebben we een kaartje "
            "gemaakt "
            "met onze namen en telefoonnummers. Dat ging in elke brievenbus. Nu weten mensen wie ze "
            "kunnen bellen."
        ),
        "street": "Zonnebloemweg",
        "display_name": "",
        "anonymous": True,
        "email": "anoniem@example.org",
        "photo": False,
    },
]


def ensure_mail_templates():
    """The Dutch default texts (made by the migration too) and their English translations."""
    dutch = Locale.objects.get(language_code="nl")
    for purpose, name, subject, body in DEFAULT_MAIL_TEMPLATES:
        template = SignupMailTemplate.objects.filter(purpose=purpose, locale=dutch, is_default=True).first()
        if template is None:
            template = SignupMailTemplate.objects.create(
                purpose=purpose, name=name, subject=subject, body=body, is_default=True, locale=dutch
            )
        english_locale = Locale.objects.get(language_code="en")
        if template.get_translation_or_none(english_locale) is None:
            # A copy in English (a multi-line body is one segment with <br/> in wagtail-localize,
            # which cms.demo.translate cannot express in plain text).
            copy = template.copy_for_translation(english_locale)
            copy.name, copy.subject, copy.body = ENGLISH_MAIL_TEMPLATES[purpose]
            copy.save()


def ensure_round(now=None):
    now = now or timezone.now()
    round_ = PilotRound.objects.filter(name=ROUND_NAME).first()
    if round_ is None:
        closes = max(
            timezone.make_aware(datetime.datetime(2027, 3, 1, 23, 59)), now + datetime.timedelta(days=60)
        )
        round_ = PilotRound.objects.create(
            name=ROUND_NAME,
            districts="Feijenoord, Charlois, IJsselmonde, Delfshaven, Noord",
            signup_opens=now - datetime.timedelta(days=14),
            signup_closes=closes,
            capacity=12,
            status=PilotRound.Status.OPEN,
            selection_criteria=(
                "Er zijn minstens twee gangmakers in de straat.\n"
                "De straat is al een Opzoomerstraat, of wil dat worden.\n"
                "De gangmakers willen twee workshops volgen.\n"
                "Er wonen ouderen of mensen alleen in de straat die wat extra aandacht kunnen gebruiken."
            ),
        )
    return round_


def ensure_signups(round_):
    now = timezone.now()
    made = {}
    for number, (street, postcode, district, households, state, people) in enumerate(SIGNUPS):
        signup = StreetSignup.objects.filter(
            round=round_, street=street, postcode=postcode, duplicate_of=None
        ).first()
        if signup is None:
            signup = StreetSignup.objects.create(
                round=round_,
                street=street,
                postcode=postcode,
                district=district,
                households=households,
                is_opzoomerstraat=StreetSignup.Opzoomer.YES if number % 2 else StreetSignup.Opzoomer.UNKNOWN,
                already_does="Elk jaar een straatfeest en samen de geveltuinen bijhouden.",
                hopes="Dat buren elkaar beter kennen en weten bij wie ze terecht kunnen.",
                heard_from=StreetSignup.HeardFrom.OPZOOMER,
                state=state,
                privacy_consent_at=now - datetime.timedelta(days=10 - number),
                created_at=now - datetime.timedelta(days=10 - number),
            )
            confirmed = state != StreetSignup.State.SUBMITTED
            for position, (name, local) in enumerate(people):
                Gangmaker.objects.create(
                    signup=signup,
                    name=name,
                    email=f"{local}.{street.lower()}@example.org",
                    sort_order=position,
                    confirmed_at=signup.created_at + datetime.timedelta(hours=2)
                    if confirmed or position == 0
                    else None,
                )
        made[street] = signup
    street, postcode, district, households, people = DUPLICATE
    original = made[street]
    if not original.duplicates.exists():
        duplicate = StreetSignup.objects.create(
            round=round_,
            street=street,
            postcode=postcode,
            district=district,
            households=households,
            state=StreetSignup.State.SUBMITTED,
            duplicate_of=original,
            privacy_consent_at=now - datetime.timedelta(days=1),
            created_at=now - datetime.timedelta(days=1),
        )
        for position, (name, local) in enumerate(people):
            Gangmaker.objects.create(
                signup=duplicate, name=name, email=f"{local}@example.org", sort_order=position
            )
    return made


def ensure_submissions():
    from .demo import draw_illustration

    for content in SUBMISSIONS:
        if StorySubmission.objects.filter(title=content["title"]).exists():
            continue
        submission = StorySubmission(
            title=content["title"],
            text=content["text"],
            street=content["street"],
            display_name=content["display_name"],
            anonymous=content["anonymous"],
            email=content["email"],
            photo_people_consent=content["photo"],
            publication_consent_at=timezone.now(),
        )
        if content["photo"]:
            photo = reencode_photo(ContentFile(draw_illustration("package"), name="soep.png"))
            submission.photo.save(photo.name, photo, save=False)
        submission.save()


def load(context):
    home = context.objects["home"]
    signup_page, _created = child_page(home, SignupPage, "meedoen", **_fields(SIGNUP_PAGE["nl"]))
    submission_page, _created = child_page(
        home, StorySubmissionPage, "deel-je-verhaal", **_fields(SUBMISSION_PAGE["nl"])
    )
    translate_once(signup_page, "en", SIGNUP_PAGE)
    translate_once(submission_page, "en", SUBMISSION_PAGE)
    add_menu_link(signup_page)
    add_menu_link(submission_page, kind=Menu.Kind.FOOTER)
    ensure_mail_templates()
    round_ = ensure_round()
    ensure_signups(round_)
    ensure_submissions()
    context.objects.update({"signup_page": signup_page, "submission_page": submission_page, "round": round_})
    context.log(
        f"Sign-up and story pages (nl, en); “{round_.name}” with sign-ups in every state; stories waiting"
    )


def _fields(content):
    return {key: value for key, value in content.items() if key != "slug"}
