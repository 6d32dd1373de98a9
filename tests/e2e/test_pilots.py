"""Pilots and stories in a real browser: axe (WCAG 2.1 AA) on phone and desktop, filters without JS."""

import pytest

from .conftest import DESKTOP, PHONE, assert_no_axe_violations, screenshot

pytestmark = pytest.mark.e2e

VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}
PAGES = [
    "/nl/pilots/",
    "/nl/pilots/zuidwijk-langenhorst/",
    "/nl/verhalen/",
    "/nl/verhalen/een-verrassing-voor-de-buurvrouw/",
    "/en/stories/help-is-never-far-away/",
    "/ar/qisas/mufaja-lil-jara/",
]


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("path", PAGES)
def test_pilot_and_story_pages_have_no_axe_violations(new_page, live_url, path, viewport):
    page = new_page(**VIEWPORTS[viewport])
    response = page.goto(live_url(path))
    assert response.status == 200
    assert_no_axe_violations(page)
    if viewport == "phone":
        # Nothing sticks out sideways on a phone.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_story_filters_work_without_javascript(new_page, live_url):
    page = new_page(java_script_enabled=False)
    page.goto(live_url("/nl/verhalen/"))
    page.get_by_label("Soort").select_option("reflection")
    page.get_by_role("button", name="Toon verhalen").click()
    assert "kind=reflection" in page.url
    kinds = page.locator(".story-card__kind").all_inner_texts()
    assert kinds and set(kinds) == {"Reflectie van een professional"}
    screenshot(page, "pilots-story-filter-reflections")


def test_pilot_page_screenshots(new_page, live_url):
    for name, size in VIEWPORTS.items():
        page = new_page(**size)
        page.goto(live_url("/nl/pilots/hart-van-de-landenbuurt/"))
        screenshot(page, f"pilots-pilot-page-{name}")
