"""Template tags for the site shell: menus and the language switcher."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Locale, Page

from home.models import Menu

register = template.Library()


def _active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


def _menu(kind, locale):
    """The menu of the visitor's language, or the Dutch one when it has not been translated."""
    menus = {
        menu.locale_id: menu
        for menu in Menu.objects.filter(kind=kind)
        .filter(locale__language_code__in={settings.LANGUAGE_CODE, translation.get_language()})
        .prefetch_related("items__page__locale")
    }
    menu = menus.get(locale.pk) if locale else None
    if menu is None:
        menu = next((m for m in menus.values()), None)
    return menu


def _localized_links(request, menu, locale):
    """(label, url, page, lang) per item, pointing at the page in the visitor's language where it exists.

    `lang` is the language of a page that has no translation yet (shown in its own language), so
    that screen readers pronounce it right (WCAG 3.1.2); empty otherwise. One query for all items,
    however many there are.
    """
    if menu is None:
        return []
    items = list(menu.items.all())
    keys = {item.page.translation_key for item in items if item.page_id}
    translated = {}
    if locale and keys:
        translated = {
            page.translation_key: page
            for page in Page.objects.live()
            .filter(translation_key__in=keys, locale=locale)
            .specific(defer=True)
        }
    links = []
    for item in items:
        if item.page_id:
            page = translated.get(item.page.translation_key)
            lang = ""
            if page is None:
                page = item.page
                lang = "" if locale and page.locale_id == locale.pk else page.locale.language_code
            if not page.live:
                continue
            links.append((item.label or page.title, page.get_url(request), page, lang))
        else:
            links.append((item.label, item.url, None, ""))
    return links


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    current = context.get("page")
    locale = _active_locale()
    links = [
        {
            "label": label,
            "url": url,
            "lang": lang,
            "active": bool(
                current
                and page
                and (current.pk == page.pk or current.path.startswith(page.path))
                and page.depth > 2
            ),
        }
        for label, url, page, lang in _localized_links(request, _menu(Menu.Kind.MAIN, locale), locale)
    ]
    return {"links": links, "request": request}


@register.inclusion_tag("components/footer.html", takes_context=True)
def site_footer(context):
    request = context.get("request")
    locale = _active_locale()
    menu = _menu(Menu.Kind.FOOTER, locale)
    links = _localized_links(request, menu, locale)
    return {
        "menu": menu,
        "links": [{"label": label, "url": url, "lang": lang} for label, url, _, lang in links],
        "settings": context.get("settings"),
        "request": request,
    }


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link per language: to this page's translation, or to that language's home page."""
    request = context.get("request")
    page = context.get("page")
    current_language = translation.get_language()
    translations = {}
    homes = {}
    if isinstance(page, Page):
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
    site_root = request and getattr(request, "_wagtail_site", None)
    if site_root is None and request is not None:
        from wagtail.models import Site

        site_root = Site.find_for_request(request)
    if site_root is not None:
        homes = {
            p.locale.language_code: p
            for p in site_root.root_page.get_translations(inclusive=True).live().select_related("locale")
        }
    # Django's 404 view gives its template `request_path`: the same path in another language would
    # be missing too, so the switcher leads to that language's home page instead.
    on_error_page = context.get("request_path") is not None
    languages = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request)
        elif page is None and request is not None and not on_error_page:
            url = translate_url(request.get_full_path(), code)
        elif code in homes:
            url = homes[code].get_url(request)
        else:
            continue
        languages.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current_language,
                "bidi": translation.get_language_info(code)["bidi"],
                "is_translation": target is not None or page is None,
            }
        )
    return {"languages": languages, "current_language": current_language}


@register.simple_tag(takes_context=True)
def localized_home_url(context):
    """The URL of the home page in the visitor's language (the Dutch one when there is none)."""
    from wagtail.models import Site

    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return "/"
    return site.root_page.localized.get_url(request) or "/"
