"""The privacy officer's admin page in a real browser: keyboard, confirmation step, download."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from .conftest import assert_no_axe_violations, screenshot

pytestmark = pytest.mark.e2e


def test_an_officer_exports_and_erases_with_the_keyboard(page, live_url):
    user = get_user_model().objects.create_user("privacy", "privacy@example.org", "een-lang-wachtwoord-42")
    user.groups.add(Group.objects.get(name="Privacyfunctionaris"))
    page.goto(live_url("/admin/login/"))
    page.fill("#id_username", "privacy")
    page.fill("#id_password", "een-lang-wachtwoord-42")
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/")
    page.goto(live_url("/admin/privacy/"))
    screenshot(page, "privacy-admin")
    assert_no_axe_violations(page)

    page.get_by_label("E-mailadres van de persoon").fill("buur@example.org")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Alles downloaden (ZIP)").click()
    assert download_info.value.suggested_filename.startswith("persoonsgegevens-")

    page.get_by_label("E-mailadres van de persoon").fill("buur@example.org")
    page.get_by_role("button", name="Alles verwijderen…").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/privacy/verwijderen/**")
    screenshot(page, "privacy-admin-confirm")
    page.get_by_role("button", name="Ja, verwijder alles").click()
    page.wait_for_url("**/admin/privacy/")
    assert "Verwijderd" in page.inner_text("body")
