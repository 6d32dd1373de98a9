"""Workshops in a real browser: axe on phone and desktop, registering with the keyboard only."""

import pytest

from .conftest import DESKTOP, PHONE, assert_no_axe_violations, screenshot

pytestmark = pytest.mark.e2e

VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}
PAGES = [
    "/nl/workshops/",
    "/nl/workshops/instrumenten/",
    "/nl/workshops/sluimerend-talent/",
    "/en/workshops/",
]


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("path", PAGES)
def test_workshop_pages_have_no_axe_violations(new_page, live_url, path, viewport):
    page = new_page(**VIEWPORTS[viewport])
    response = page.goto(live_url(path))
    assert response.status == 200
    assert_no_axe_violations(page)
    if viewport == "phone":
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def tab_to(page, element_id, limit=80):
    """Press Tab until the element with `element_id` has the focus (as a keyboard user would)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} never got the focus with Tab")


def test_register_on_a_phone_with_the_keyboard_only(phone_page, live_url):
    page = phone_page
    page.goto(live_url("/nl/workshops/instrumenten/"))
    assert "Nog 3 plekken" in page.locator(".workshop__facts").inner_text()

    tab_to(page, "id_name")
    page.keyboard.type("Fatima de Vries")
    page.keyboard.press("Tab")
    page.keyboard.type("fatima.e2e@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("06 12345678")
    page.keyboard.press("Tab")
    page.keyboard.type("Korenaarstraat")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_people"
    page.keyboard.press("ArrowDown")  # 2 people
    tab_to(page, "id_accessibility_needs", limit=3)
    page.keyboard.type("Een stoel bij de deur")
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":
            break
    assert page.evaluate("document.activeElement.type") == "submit"
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "/bedankt/" in page.url
    assert page.get_by_role("heading", level=1).inner_text() == "Bedankt voor je aanmelding"
    assert_no_axe_violations(page)
    screenshot(page, "workshop-registered-phone")

    page.goto(live_url("/nl/workshops/instrumenten/"))
    assert "Nog 1 plek" in page.locator(".workshop__facts").inner_text()


def test_errors_are_summarised_focused_and_accessible(new_page, live_url):
    page = new_page(**PHONE)
    page.goto(live_url("/nl/workshops/sluimerend-talent/"))
    assert "wachtlijst" in page.locator(".workshop__register").inner_text()
    page.get_by_label("Je naam").fill("Karel")
    page.get_by_label("Je e-mailadres").fill("geen-adres")
    page.get_by_role("button", name="Zet me op de wachtlijst").click()
    summary = page.locator("#form-errors")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.id") == "form-errors"
    assert page.get_by_label("Je naam").input_value() == "Karel"
    assert page.get_by_label("Je e-mailadres").get_attribute("aria-invalid") == "true"
    assert_no_axe_violations(page)
    screenshot(page, "workshop-errors-phone")


def test_cancel_through_the_personal_link_with_the_keyboard(new_page, live_url):
    from pilots.models import Registration, WorkshopPage

    workshop = WorkshopPage.objects.get(slug="sluimerend-talent", locale__language_code="nl")
    registration = Registration.objects.filter(workshop=workshop, status="confirmed").order_by("pk").first()
    first_waiting = (
        Registration.objects.filter(workshop=workshop, status="waitlist").order_by("waitlisted_at").first()
    )
    path = workshop.url + workshop.reverse_subpage(
        "manage_registration", args=(registration.pk, registration.token)
    )

    page = new_page(**PHONE)
    page.goto(live_url(path))
    assert page.get_by_role("heading", level=1).inner_text() == "Je aanmelding"
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Ik meld me af").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    screenshot(page, "workshop-cancelled-phone")
    assert "Je bent afgemeld" in page.locator(".messages").inner_text()
    assert_no_axe_violations(page)

    registration.refresh_from_db()
    first_waiting.refresh_from_db()
    assert registration.status == "cancelled"
    assert first_waiting.status == "confirmed" or first_waiting.people > registration.people
