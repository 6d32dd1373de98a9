"""Signing up a street on a phone with the keyboard only; axe on the form, its errors and the
confirmation pages (phone and desktop)."""

import time

import pytest

from .conftest import DESKTOP, PHONE, assert_no_axe_violations, screenshot

pytestmark = pytest.mark.e2e
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}


def tab_to(page, selector, limit=25):
    """Press Tab until `selector` has the focus (keyboard only, as a person would)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Could not reach {selector} with the Tab key")


def type_into(page, selector, text):
    tab_to(page, selector)
    page.keyboard.type(text)


def test_a_street_signs_up_with_two_gangmakers_on_a_phone_with_the_keyboard(phone_page, live_url):
    from cms.models import OutboundEmail
    from pilots.models import StreetSignup
    from pilots.signup_moderation import apply_transition

    page = phone_page
    started = time.monotonic()
    page.goto(live_url("/nl/meedoen/"))
    type_into(page, "#id_street", "Korenbloemstraat")
    type_into(page, "#id_postcode", "3074ab")
    tab_to(page, "#id_district")
    page.keyboard.type("Feij")
    type_into(page, "#id_households", "32")
    tab_to(page, "input[name=is_opzoomerstraat]")
    page.keyboard.press("ArrowLeft")  # from "Weet ik niet" to "Nee"
    type_into(page, "#id_gangmaker-0-name", "Marja Peters")
    type_into(page, "#id_gangmaker-0-email", "marja@example.org")
    type_into(page, "#id_gangmaker-1-name", "Hakan Demir")
    type_into(page, "#id_gangmaker-1-email", "hakan@example.org")
    tab_to(page, "#id_privacy_consent")
    page.keyboard.press("Space")
    tab_to(page, "button[type=submit]:not(.button--small)")
    page.keyboard.press("Enter")
    page.wait_for_url("**/nl/meedoen/bedankt/")
    assert time.monotonic() - started < 120
    assert page.get_by_role("heading", level=1).inner_text() == "Bedankt voor je aanmelding"
    assert_no_axe_violations(page)
    screenshot(page, "signup-thanks-phone")

    signup = StreetSignup.objects.get(street="Korenbloemstraat")
    assert signup.postcode == "3074 AB" and signup.is_opzoomerstraat == "no"
    assert signup.state == "submitted"  # in the moderators' queue, waiting for the two confirmations
    recipients = sorted(
        m.recipients[0]
        for m in OutboundEmail.objects.filter(idempotency_key__startswith=f"signup-confirm:{signup.pk}:")
    )
    assert recipients == ["hakan@example.org", "marja@example.org"]

    # Each gangmaker confirms by the link in their mail.
    for mail in OutboundEmail.objects.filter(idempotency_key__startswith=f"signup-confirm:{signup.pk}:"):
        link = next(line for line in mail.body_text.splitlines() if "/bevestigen/?t=" in line).strip()
        page.goto(link)  # built from the request: it points at the live server
        assert_no_axe_violations(page)
        page.get_by_role("button", name="Ja, ik bevestig mijn e-mailadres").press("Enter")
        page.get_by_text("Je e-mailadres is bevestigd").wait_for()
    signup.refresh_from_db()
    assert signup.state == "email_confirmed"

    from django.contrib.auth import get_user_model

    moderator = get_user_model().objects.filter(groups__name="Moderatoren").first()
    apply_transition(signup, "start_review", moderator)
    apply_transition(signup, "accept", moderator)
    accepted = OutboundEmail.objects.filter(idempotency_key__startswith=f"signup:{signup.pk}:accept:")
    assert sorted(m.recipients[0] for m in accepted) == ["hakan@example.org", "marja@example.org"]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_form_and_its_errors_have_no_axe_violations(new_page, live_url, viewport):
    page = new_page(**VIEWPORTS[viewport])
    page.goto(live_url("/nl/meedoen/"))
    assert_no_axe_violations(page)
    page.get_by_label("Straatnaam").fill("Bloemstraat")
    page.get_by_role("button", name="Aanmelding versturen").click()
    summary = page.locator(".error-summary")
    summary.wait_for()
    assert "Postcode" in summary.inner_text()
    assert page.get_by_label("Straatnaam").input_value() == "Bloemstraat"  # kept
    assert page.locator("#id_postcode").get_attribute("aria-invalid") == "true"
    assert_no_axe_violations(page)
    screenshot(page, f"signup-errors-{viewport}")
    if viewport == "phone":
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_open_round_is_announced_on_the_home_page(page, live_url):
    page.goto(live_url("/nl/"))
    announcement = page.locator(".round-announcement")
    assert "Lief & Leed ronde 2027" in announcement.inner_text()
    announcement.get_by_role("link", name="Meld je straat aan").click()
    page.wait_for_url("**/nl/meedoen/")
    assert_no_axe_violations(page)
