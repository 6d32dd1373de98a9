"""Search in a real browser on the demo content: axe with and without results, language, types."""

import pytest

from .conftest import DESKTOP, PHONE, assert_no_axe_violations

pytestmark = pytest.mark.e2e

VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}
PATHS = [
    "/nl/zoeken/?q=ziek",
    "/nl/zoeken/?q=qwxzyk",
    "/nl/zoeken/?q=ziek&type=verhalen",
]


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("path", PATHS)
def test_search_pages_have_no_axe_violations(new_page, live_url, path, viewport):
    page = new_page(**VIEWPORTS[viewport])
    response = page.goto(live_url(path))
    assert response.status == 200
    assert_no_axe_violations(page)


def test_demo_searches(page, live_url):
    page.goto(live_url("/nl/zoeken/?q=ziek"))
    types = page.locator(".search-results .search-result__type").all_inner_texts()
    assert "TOOLKIT" in [text.upper() for text in types]
    assert "VERHALEN" in [text.upper() for text in types]
    assert page.locator(".search-results mark").count() > 0
    titles = " ".join(page.locator(".search-results a").all_inner_texts())
    assert "Langenhorst" in titles or "Langenhorst" in page.locator(".search-results").inner_text()

    page.goto(live_url("/nl/zoeken/?q=enquete"))
    found = " ".join(page.locator(".search-results a").all_inner_texts())
    assert "Enquête burenhulp" in found

    page.goto(live_url("/nl/zoeken/?q=qwxzyk"))
    assert page.get_by_text("We hebben niets gevonden").is_visible()
    assert page.locator(".search-suggestions a[href*='occasion=ziekte']").count() == 1

    page.goto(live_url("/en/search/?q=key"))
    hrefs = page.locator(".search-results a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs
    assert all(href.startswith("/en/") or not href.startswith("/nl/") for href in hrefs)
    assert not any(href.startswith("/nl/") for href in hrefs)
