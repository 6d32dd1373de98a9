"""Template tags for the site shell: menus and the language switcher."""

from django import template
from django.conf import settings
from django.db.models import Prefetch
from django.urls import translate_url
from django.utils import translation
from django.utils.functional import cached_property

from wagtail.models import Locale, Page

from home.models import Menu, MenuItem

register = template.Library()


class _Shell:
    """What the shell of every page needs, fetched once per request however many tags ask.

    Locales (one query for all), the site's home page in each language together with the
    current page's translations (one query), and both menus with their links (four queries).
    Kept on the request, so nothing leaks between requests.
    """

    def __init__(self, request):
        self.request = request
        self._menus = None
        self._translations = {}

    @cached_property
    def locales(self):
        return {locale.pk: locale for locale in Locale.objects.all()}

    @cached_property
    def locale(self):
        code = translation.get_language()
        by_code = {locale.language_code: locale for locale in self.locales.values()}
        return by_code.get(code) or by_code.get(translation.get_supported_language_variant(code)) or None

    def language_of(self, page):
        locale = self.locales.get(page.locale_id)
        return locale.language_code if locale else ""

    @cached_property
    def site(self):
        if self.request is None:
            return None
        from wagtail.models import Site

        return Site.find_for_request(self.request)

    def translations(self, page):
        """{language code: live page} for `page` and for the site's home page, in one query."""
        home = self.site.root_page if self.site else None
        known = self._translations
        wanted = [p for p in (page, home) if isinstance(p, Page) and p.translation_key not in known]
        if wanted:
            for p in wanted:
                self._translations[p.translation_key] = {}
            found = Page.objects.live().filter(translation_key__in={p.translation_key for p in wanted})
            for p in found.order_by("path"):
                self._translations[p.translation_key].setdefault(self.language_of(p), p)
        return self._translations.get(page.translation_key, {}) if isinstance(page, Page) else {}

    def homes(self, page=None):
        if isinstance(page, Page):
            self.translations(page)  # the page's translations come with the same query
        return self.translations(self.site.root_page) if self.site else {}

    def menu(self, kind):
        if self._menus is None:
            self._menus = self._load_menus()
        return self._menus.get(kind, (None, []))

    def _load_menus(self):
        """{kind: (menu, links)}: the visitor's language's menu, or the Dutch one when it has none."""
        wanted = {settings.LANGUAGE_CODE, translation.get_language()}
        locale_ids = [pk for pk, locale in self.locales.items() if locale.language_code in wanted]
        menus = list(
            Menu.objects.filter(locale_id__in=locale_ids).prefetch_related(
                Prefetch("items", queryset=MenuItem.objects.select_related("page"))
            )
        )
        chosen = {}
        for menu in menus:
            if menu.kind not in chosen or (self.locale and menu.locale_id == self.locale.pk):
                chosen[menu.kind] = menu
        items = [item for menu in chosen.values() for item in menu.items.all()]
        keys = {item.page.translation_key for item in items if item.page_id}
        translated = {}
        if self.locale and keys:
            translated = {
                page.translation_key: page
                for page in Page.objects.live().filter(translation_key__in=keys, locale=self.locale)
            }
        return {kind: (menu, self._links(menu, translated)) for kind, menu in chosen.items()}

    def _links(self, menu, translated):
        """(label, url, page, lang) per item, pointing at the page in the visitor's language where it exists.

        `lang` is the language of a page that has no translation yet (shown in its own language), so
        that screen readers pronounce it right (WCAG 3.1.2); empty otherwise.
        """
        links = []
        for item in menu.items.all():
            if item.page_id:
                page = translated.get(item.page.translation_key)
                lang = ""
                if page is None:
                    page = item.page
                    lang = "" if self.locale and page.locale_id == self.locale.pk else self.language_of(page)
                if not page.live:
                    continue
                links.append((item.label or page.title, page.get_url(self.request), page, lang))
            else:
                links.append((item.label, item.url, None, ""))
        return links


def _shell(request):
    if request is None:
        return _Shell(None)
    shell = getattr(request, "_site_shell", None)
    if shell is None or shell.language != translation.get_language():
        shell = _Shell(request)
        shell.language = translation.get_language()
        request._site_shell = shell
    return shell


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    current = context.get("page")
    _menu, menu_links = _shell(request).menu(Menu.Kind.MAIN)
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
        for label, url, page, lang in menu_links
    ]
    return {"links": links, "request": request}


@register.inclusion_tag("components/footer.html", takes_context=True)
def site_footer(context):
    request = context.get("request")
    menu, links = _shell(request).menu(Menu.Kind.FOOTER)
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
    shell = _shell(request)
    homes = shell.homes(page)
    translations = shell.translations(page) if isinstance(page, Page) else {}
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
    request = context.get("request")
    shell = _shell(request)
    if shell.site is None:
        return "/"
    homes = shell.homes(context.get("page"))
    home = homes.get(translation.get_language()) or shell.site.root_page
    return home.get_url(request) or "/"


@register.simple_tag
def responsive_picture(image, name, **attrs):
    """`<picture>` with AVIF, WebP and JPEG in the widths of cms.renditions.PICTURES[name].

    The same list the worker makes ahead of time, so a visitor never waits for a resize:
    `{% responsive_picture page.image "card" alt="" loading="lazy" %}`.
    """
    if not image:
        return ""
    from wagtail.images.models import Picture
    from wagtail.images.shortcuts import get_renditions_or_not_found

    from cms.renditions import PICTURES

    picture = PICTURES[name]
    renditions = get_renditions_or_not_found(image, picture.filter_specs)
    return Picture(renditions, {"sizes": picture.sizes, **attrs}).__html__()
