"""Demo content of the site shell: the home page in five languages, the standard pages, menus."""

from django.db.models import Max

from wagtail.models import Locale, Page, Site

from cms.demo import child_page, segment_pairs, site_root_page, stream, translate
from cms.links import sync_default_site

from .demo_content import ABOUT, ACCESSIBILITY, HOME, MENU_LABELS, PRIVACY
from .models import HomePage, Menu, MenuItem, SiteSettings, StandardPage

LANGUAGES = ["nl", "en", "tr", "ar", "pl"]


def page_fields(content):
    return {
        "title": content["title"],
        "intro": content["intro"],
        "body": stream(content["body"]),
    }


def ensure_home_page():
    """The Dutch HomePage as the root of the default site, replacing Wagtail's welcome page."""
    dutch = Locale.objects.get(language_code="nl")
    home = HomePage.objects.filter(depth=2, locale=dutch).first()
    site = Site.objects.filter(is_default_site=True).first()
    if home is None:
        welcome = site.root_page if site else None
        home, _ = child_page(
            site_root_page(), HomePage, HOME["nl"]["slug"], locale=dutch, **page_fields(HOME["nl"])
        )
        if site is None:
            site = Site.objects.create(hostname="localhost", port=80, is_default_site=True, root_page=home)
        site.root_page = home
        site.site_name = "Lief & Leed"
        site.save()
        if welcome is not None and welcome.specific_class is Page:
            welcome.delete()
    sync_default_site()  # links in mails and the sitemap: the address the site runs on (SITE_URL)
    return home


def translate_once(page, language_code, content_by_language, content_key=None, *, publish=True):
    """Translate `page` into `language_code` unless a translation exists (editors' work is kept).
    With ``publish=False`` a new translation stays a draft (for the editorial workflow)."""
    locale = Locale.objects.get(language_code=language_code)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing
    return translate(
        page,
        language_code,
        segment_pairs(content_by_language["nl"], content_by_language[language_code]),
        publish=publish,
    )


def add_menu_link(page, kind=Menu.Kind.MAIN, label=""):
    """Link `page` from the menu of `kind` in every language (once). Labels default to the page title."""
    for menu in Menu.objects.filter(kind=kind):
        if not menu.items.filter(page=page).exists():
            position = menu.items.aggregate(last=Max("sort_order"))["last"]
            MenuItem.objects.create(menu=menu, page=page, label=label, sort_order=(position or 0) + 1)


def ensure_menus():
    dutch = Locale.objects.get(language_code="nl")
    for kind in Menu.Kind.values:
        menu = Menu.objects.filter(kind=kind, locale=dutch).first()
        if menu is None:
            menu = Menu.objects.create(
                kind=kind, locale=dutch, text=MENU_LABELS["footer"]["nl"] if kind == "footer" else ""
            )
        for code in LANGUAGES[1:]:
            locale = Locale.objects.get(language_code=code)
            if not Menu.objects.filter(kind=kind, locale=locale).exists():
                copy = menu.copy_for_translation(locale)
                copy.text = MENU_LABELS["footer"][code] if kind == "footer" else ""
                copy.save()


def load(context):
    home = ensure_home_page()
    context.objects["home"] = home
    for code in LANGUAGES[1:]:
        translate_once(home, code, HOME)
    context.log("Home page in nl, en, tr, ar and pl")

    ensure_menus()
    for content in (ABOUT, PRIVACY, ACCESSIBILITY):
        page, created = child_page(home, StandardPage, content["nl"]["slug"], **page_fields(content["nl"]))
        translate_once(page, "en", content)
        add_menu_link(page, Menu.Kind.FOOTER)
        context.objects[f"page:{content['nl']['slug']}"] = page
    add_menu_link(context.objects["page:over"], Menu.Kind.MAIN)
    context.log("About, privacy and accessibility pages (nl, en) and the menus")

    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    if not settings.contact_email:
        settings.organisation_name = "Opzoomer Mee"
        settings.contact_email = "liefenleed@opzoomermee.nl"
        settings.address = "Opzoomer Mee\nRotterdam"
        settings.save()
