"""Making a flyer in a real browser: axe on phone and desktop, keyboard only, live preview, download."""

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from .conftest import DESKTOP, PHONE, assert_no_axe_violations, screenshot

pytestmark = pytest.mark.e2e

ITEM = "/nl/toolkit/koffie-op-de-stoep/"
TEMPLATE = "Uitnodiging om kennis te maken"
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}


def open_form(page, live_url):
    page.goto(live_url(ITEM))
    page.get_by_role("link", name=f"Maak zelf: {TEMPLATE}").click()
    page.wait_for_url("**/maak/*/")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_flyer_form_has_no_axe_violations_empty_with_errors_and_with_preview(new_page, live_url, viewport):
    page = new_page(**VIEWPORTS[viewport])
    page.goto(live_url(ITEM))
    assert_no_axe_violations(page)  # the item page with its "Maak je eigen uitnodiging" section
    open_form(page, live_url)
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Maak de PDF").click()  # nothing filled in: errors
    page.wait_for_selector(".flyer-errors")
    assert_no_axe_violations(page)
    page.get_by_label("Straat").fill("Korenaarstraat")
    page.get_by_label("Voornamen van de gangmakers").fill("Noreen en Kees")
    page.get_by_label("Datum").fill("2026-09-12")
    page.get_by_label("Begintijd").fill("10:00")
    page.get_by_label("Plek").fill("bij nummer 14")
    page.get_by_label("Tweede taal ernaast (mag leeg)").select_option("ar")
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    page.wait_for_selector(".flyer-preview [lang='ar']")
    assert_no_axe_violations(page)
    screenshot(page, f"flyer-form-{viewport}")


def test_keyboard_user_makes_and_downloads_a_bilingual_invitation(page, live_url):
    open_form(page, live_url)
    page.get_by_label("Straat").focus()
    page.keyboard.type("Korenaarstraat")
    # The live preview follows what is typed (JavaScript; the server renders the same template).
    expect(page.locator("#flyer-preview")).to_contain_text("Korenaarstraat")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the help text to the date field
    page.get_by_label("Datum").fill("2026-09-12")
    page.get_by_label("Begintijd").fill("10:00")
    page.get_by_label("Plek").fill("bij nummer 14")
    page.get_by_label("Voornamen van de gangmakers").fill("Noreen en Kees")
    page.get_by_label("Tweede taal ernaast (mag leeg)").select_option("ar")
    page.locator("#flyer-preview [lang='ar']").first.wait_for()
    page.get_by_role("button", name="Maak de PDF").focus()
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename.endswith("-korenaarstraat.pdf")
    with open(download.path(), "rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    text = reader.pages[0].extract_text()
    assert text.count("Korenaarstraat") >= 2
    assert "Noreen en Kees" in text
    assert "السبت" in text


def test_preview_without_javascript(new_page, live_url):
    page = new_page(java_script_enabled=False)
    open_form(page, live_url)
    page.get_by_label("Straat").fill("Tarwestraat")
    page.get_by_label("Voornamen van de gangmakers").fill("Ayşe")
    page.get_by_label("Datum").fill("2026-09-12")
    page.get_by_label("Begintijd").fill("10:00")
    page.get_by_label("Plek").fill("op de stoep")
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    page.wait_for_selector(".flyer-preview")
    assert "Tarwestraat" in page.locator(".flyer-preview").inner_text()
    assert page.get_by_label("Straat").input_value() == "Tarwestraat"  # the form keeps what was typed
