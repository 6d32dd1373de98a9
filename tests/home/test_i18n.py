"""Languages: URL prefixes, the language switcher, right-to-left, translated URLs, the menus."""

import re

import pytest

from django.template import engines
from django.test import RequestFactory
from django.urls import resolve
from django.utils import translation

from wagtail.models import Locale

from home.factories import MenuFactory, MenuItemFactory, StandardPageFactory
from home.models import Menu
from search import views as search_views

pytestmark = pytest.mark.django_db


def translate_page(page, language_code, **fields):
    """A published copy of `page` in another language (its parents are copied too)."""
    locale = Locale.objects.get(language_code=language_code)
    copy = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


def switcher_links(html):
    """{language code: href} of the language switcher."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {hreflang: href for href, hreflang in re.findall(r'<a href="([^"]*)"[^>]*hreflang="([^"]+)"', nav)}


# Prefixes and redirects ----------------------------------------------------------------------


def test_root_redirects_to_dutch_by_default(client, home_page):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/nl/"


def test_root_redirects_to_the_visitors_language(client, home_page):
    response = client.get("/", headers={"accept-language": "en-GB,en;q=0.9,nl;q=0.5"})
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    response = client.get("/", headers={"accept-language": "ar"})
    assert response["Location"] == "/ar/"


def test_root_redirects_to_dutch_for_an_unsupported_language(client, home_page):
    response = client.get("/", headers={"accept-language": "fr-FR,fr;q=0.9"})
    assert response.status_code == 302
    assert response["Location"] == "/nl/"


def test_each_language_has_its_own_html_lang(client, home_page):
    for code in ("en", "tr", "pl", "ar"):
        translate_page(home_page, code)
    for code, direction in (("nl", "ltr"), ("en", "ltr"), ("tr", "ltr"), ("pl", "ltr"), ("ar", "rtl")):
        response = client.get(f"/{code}/")
        assert response.status_code == 200, code
        assert f'<html lang="{code}" dir="{direction}">' in response.content.decode(), code


# The language switcher -----------------------------------------------------------------------


def test_switcher_links_to_the_translation_of_the_page(client, home_page):
    page = StandardPageFactory(parent=home_page, slug="over-ons", title="Over ons")
    translate_page(page, "en", slug="about-us", title="About us")
    translate_page(home_page, "tr")  # a Turkish home page, but no Turkish "over ons"

    links = switcher_links(client.get("/nl/over-ons/").content.decode())
    assert links["nl"] == "/nl/over-ons/"
    assert links["en"] == "/en/about-us/"
    assert links["tr"] == "/tr/"  # no translation: the Turkish home page
    assert "pl" not in links and "ar" not in links  # no Polish or Arabic site at all

    html = client.get("/en/about-us/").content.decode()
    assert switcher_links(html)["nl"] == "/nl/over-ons/"
    assert re.search(r'<a href="/en/about-us/"[^>]*aria-current="true"', html)


def test_switcher_marks_arabic_as_right_to_left(client, home_page):
    translate_page(home_page, "ar")
    html = client.get("/nl/").content.decode()
    assert re.search(r'<a href="/ar/" lang="ar" hreflang="ar" dir="rtl"', html)


def test_switcher_on_the_search_page_keeps_the_view(client, home_page):
    html = client.get("/nl/zoeken/").content.decode()
    links = switcher_links(html)
    assert links["nl"] == "/nl/zoeken/"
    assert links["en"] == "/en/search/"


# Translated URL paths ------------------------------------------------------------------------


def test_search_path_is_translated(client, home_page):
    assert resolve("/nl/zoeken/").func is search_views.search
    with translation.override("en"):
        assert resolve("/en/search/").func is search_views.search
    assert client.get("/nl/zoeken/").status_code == 200
    response = client.get("/en/search/")
    assert response.status_code == 200
    assert response.resolver_match.func is search_views.search
    assert '<html lang="en"' in response.content.decode()


# Menus ---------------------------------------------------------------------------------------


def render_main_menu(request, page):
    template = engines["django"].from_string("{% load site_tags %}{% main_menu %}")
    return template.render({"request": request, "page": page}, request)


def menu_with_items(home_page, count):
    menu = MenuFactory(kind=Menu.Kind.MAIN)
    pages = [StandardPageFactory(parent=home_page, slug=f"menu-{n}", title=f"Menu {n}") for n in range(count)]
    for page in pages:
        MenuItemFactory(menu=menu, page=page)
    MenuItemFactory(menu=menu, url="https://www.opzoomermee.nl/", label="Opzoomer Mee")
    return menu, pages


@pytest.mark.parametrize("count", [3, 12])
def test_main_menu_costs_the_same_queries_for_any_number_of_items(
    home_page, count, django_assert_max_num_queries
):
    _menu, pages = menu_with_items(home_page, count)
    request = RequestFactory().get("/nl/")
    request.LANGUAGE_CODE = "nl"
    with translation.override("nl"), django_assert_max_num_queries(9):
        html = render_main_menu(request, home_page)
    assert html.count("<li>") == count + 1
    assert 'href="/nl/menu-0/"' in html
    assert f'href="/nl/menu-{count - 1}/"' in html
    assert 'href="https://www.opzoomermee.nl/"' in html


def test_main_menu_links_to_translations_and_marks_the_current_section(home_page):
    _menu, pages = menu_with_items(home_page, 3)
    translate_page(pages[1], "en", slug="menu-one", title="Menu one")
    request = RequestFactory().get("/en/")
    with translation.override("en"):
        html = render_main_menu(request, pages[0])
    # The English visitor gets the English page where there is one, the Dutch page otherwise,
    # marked as Dutch so that a screen reader pronounces it right (WCAG 3.1.2).
    assert 'href="/en/menu-one/">Menu one</a>' in html
    assert 'href="/nl/menu-0/" lang="nl" aria-current="page">Menu 0</a>' in html
    assert 'href="/nl/menu-2/" lang="nl">Menu 2</a>' in html


def test_main_menu_skips_unpublished_pages(home_page):
    _menu, pages = menu_with_items(home_page, 3)
    pages[2].unpublish()
    with translation.override("nl"):
        html = render_main_menu(RequestFactory().get("/nl/"), home_page)
    assert "Menu 2" not in html
    assert "Menu 1" in html


def test_an_english_menu_is_used_for_english_visitors(home_page):
    dutch, pages = menu_with_items(home_page, 2)
    english = MenuFactory(kind=Menu.Kind.MAIN, locale=Locale.objects.get(language_code="en"))
    MenuItemFactory(menu=english, url="https://example.org/en/", label="In English")
    with translation.override("en"):
        html = render_main_menu(RequestFactory().get("/en/"), home_page)
    assert "In English" in html
    assert "Menu 0" not in html
    with translation.override("tr"):  # no Turkish menu: the Dutch one
        html = render_main_menu(RequestFactory().get("/tr/"), home_page)
    assert "Menu 0" in html
    assert "In English" not in html


def test_language_switcher_on_a_missing_page_leads_to_the_home_pages(client, home_page, locales):
    english_home = home_page.copy_for_translation(locales["en"])
    english_home.save_revision().publish()
    response = client.get("/nl/bestaat-niet/")
    assert response.status_code == 404
    content = response.content.decode()
    assert 'href="/en/"' in content
    assert "/en/bestaat-niet/" not in content
