"""Sharing a story in a real browser: axe on the form, its errors and the thank-you page."""

import pytest

from .conftest import DESKTOP, PHONE, assert_no_axe_violations, screenshot

pytestmark = pytest.mark.e2e
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_sharing_a_story_has_no_axe_violations(new_page, live_url, viewport):
    from pilots.models import StorySubmission

    page = new_page(**VIEWPORTS[viewport])
    page.goto(live_url("/nl/deel-je-verhaal/"))
    assert_no_axe_violations(page)
    page.get_by_label("Titel van je verhaal").fill("De sleutel bij de buren")
    page.get_by_role("button", name="Verhaal insturen").click()
    page.locator(".error-summary").wait_for()
    assert page.get_by_label("Titel van je verhaal").input_value() == "De sleutel bij de buren"
    assert_no_axe_violations(page)
    screenshot(page, f"submission-errors-{viewport}")
    page.get_by_label("Je verhaal", exact=True).fill(
        "Toen ik mijn sleutel kwijt was, had de buurvrouw er een. Sindsdien drinken we elke week koffie."
    )
    page.get_by_label("In welke straat?").fill("Korenaarstraat")
    page.get_by_label("Je naam zoals die bij het verhaal mag staan").fill("Noor")
    page.get_by_label("Je e-mailadres").fill("noor@example.org")
    page.get_by_label("Opzoomer Mee mag mijn verhaal").check()
    page.get_by_role("button", name="Verhaal insturen").click()
    page.wait_for_url("**/nl/deel-je-verhaal/bedankt/")
    assert_no_axe_violations(page)
    screenshot(page, f"submission-thanks-{viewport}")
    assert StorySubmission.objects.filter(title="De sleutel bij de buren", state="new").exists()
    if viewport == "phone":
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
