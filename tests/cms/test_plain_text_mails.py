"""Plain-text mail parts (subject and text body) are never HTML-escaped; the HTML part still is."""

import pytest

from cms.mail import render_plain_text
from cms.models import OutboundEmail

pytestmark = pytest.mark.django_db
NAME = "Jan & \"Piet\" <o'Neil> 's-Gravendijkwal"


class Signup:
    street = NAME


def test_a_subject_keeps_ampersands_quotes_and_angle_brackets():
    subject = render_plain_text("email/pilots/signup_confirm_subject.txt", {"signup": Signup()})
    assert NAME in subject
    assert "&amp;" not in subject and "&#x27;" not in subject and "&lt;" not in subject


def test_a_queued_mail_has_a_literal_subject_and_an_escaped_html_part():
    from cms.mail import queue_templated_mail

    queue_templated_mail(
        "bewoner@example.org",
        "pilots/signup_moderation",
        {"subject": f"Aanmelding {NAME}", "body": f"Hallo {NAME}"},
        language="nl",
        idempotency_key="plain-text-test",
    )
    mail = OutboundEmail.objects.get()
    assert mail.subject == f"Aanmelding {NAME}"
    assert NAME in mail.body_text
    assert NAME not in mail.body_html and "&amp;" in mail.body_html
