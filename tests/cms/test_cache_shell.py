"""The site shell (menus, language switcher, home link, settings) costs a fixed, small number of queries.

Measured on an uncached page (the page cache is off in the test settings): the shell's template
tags share one per-request memo (home/templatetags/site_tags.py), so asking for the locale, the
home page or the menus again costs nothing.
"""

import pytest

from django.db import connection
from django.template import engines
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from home.factories import MenuFactory, MenuItemFactory, StandardPageFactory
from home.models import Menu, SiteSettings

# Wagtail's routing of /nl/<slug>/: site, locale, home page, child by slug, its specific row,
# ancestors and their view restrictions.
ROUTING_QUERIES = 7
# The shell: translations of the page and of the home page (one query), the locales, the menus,
# their items with pages, the pages' translations, the site settings.
SHELL_QUERIES = 6


def build_site(home_page, items):
    SiteSettings.for_site(home_page.get_site())
    pages = [StandardPageFactory(parent=home_page, slug=f"p{n}", title=f"Pagina {n}") for n in range(items)]
    for kind in (Menu.Kind.MAIN, Menu.Kind.FOOTER):
        menu = MenuFactory(kind=kind)
        for page in pages:
            MenuItemFactory(menu=menu, page=page)
    return pages


def count(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("items", [3, 15])
def test_an_uncached_page_costs_routing_plus_a_fixed_shell(client, home_page, items):
    build_site(home_page, items)
    client.get("/nl/p0/")
    queries, response = count(client, "/nl/p0/")
    assert queries == ROUTING_QUERIES + SHELL_QUERIES
    html = response.content.decode()
    assert html.count('href="/nl/p1/"') == 2  # main menu and footer
    assert 'hreflang="nl"' in html


def test_the_shell_tags_together_cost_the_shell_queries_once(home_page):
    build_site(home_page, 5)
    page = StandardPageFactory(parent=home_page, slug="los", title="Los")
    template = engines["django"].from_string(
        "{% load site_tags %}{% localized_home_url %}{% language_switcher %}{% main_menu %}"
        "{% site_footer %}{% localized_home_url %}{% main_menu %}"
    )
    request = RequestFactory().get("/nl/los/")
    with translation.override("nl"), CaptureQueriesContext(connection) as queries:
        html = template.render({"request": request, "page": page}, request)
    # Plus the site lookup, which routing has done (and memoised on the request) in a real request.
    assert len(queries) == 1 + SHELL_QUERIES
    assert html.count('href="/nl/p4/"') == 3
