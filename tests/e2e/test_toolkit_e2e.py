"""The toolkit in a real browser: axe on phone and desktop, two taps to the welcome letter, filters."""

import pytest

from .conftest import DESKTOP, PHONE, assert_no_axe_violations, screenshot

pytestmark = pytest.mark.e2e

VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}
PATHS = [
    "/nl/toolkit/",
    "/nl/toolkit/?occasion=nieuwe-buren&kind=brief&language=nl",
    "/nl/toolkit/welkomstbrief/",
    "/en/toolkit/welcome-letter/",
]


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("path", PATHS)
def test_toolkit_pages_have_no_axe_violations(new_page, live_url, path, viewport):
    page = new_page(**VIEWPORTS[viewport])
    response = page.goto(live_url(path))
    assert response.status == 200
    assert_no_axe_violations(page)


def test_a_phone_user_downloads_the_welcome_letter_in_two_taps(phone_page, live_url):
    page = phone_page
    page.goto(live_url("/nl/"))
    tile = page.locator(".toolkit-highlight", has=page.get_by_role("heading", name="Nieuwe buren"))
    tile.get_by_role("link", name="Welkom heten met een brief").tap()  # tap 1
    page.wait_for_url("**/nl/toolkit/welkomstbrief/")
    screenshot(page, "toolkit-item-phone")
    letter = page.locator(".toolkit-downloads a[hreflang='nl']").first
    assert "Welkomstbrief voor nieuwe buren" in letter.inner_text()
    letter.scroll_into_view_if_needed()
    with page.expect_download() as download_info:
        letter.tap()  # tap 2
    download = download_info.value
    # The storage may add a suffix when the file name was taken (an earlier demo load).
    assert download.suggested_filename.startswith("welkomstbrief-nieuwe-buren")
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_filters_work_with_the_keyboard_and_without_javascript(new_page, live_url):
    page = new_page(java_script_enabled=False)
    page.goto(live_url("/nl/toolkit/"))
    page.get_by_label("Waarvoor?").select_option("ziekte")
    page.get_by_label("Wat voor materiaal?").select_option("advies")
    page.get_by_label("Wat voor materiaal?").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    page.wait_for_url("**/nl/toolkit/?occasion=ziekte&kind=advies&language=")
    titles = page.locator(".toolkit-card .card__title").all_inner_texts()
    assert "Bloemen of een maaltijd voor een zieke buur" in titles
    assert "Een reservesleutel bij de buren" not in titles  # a card, not advice
    assert page.get_by_label("Waarvoor?").input_value() == "ziekte"


def test_focus_is_visible_on_toolkit_links(page, live_url):
    page.goto(live_url("/nl/toolkit/welkomstbrief/"))
    link = page.locator(".toolkit-downloads a").first
    link.focus()
    outline = link.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none"
