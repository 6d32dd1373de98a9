"""Django's and Wagtail's own mail (send_mail, password reset) goes through the outbox too."""

import pytest

from django.contrib.auth import get_user_model
from django.core import mail as django_mail
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage, EmailMultiAlternatives, send_mail
from django.test import override_settings

from cms.mail import delivery_connection, queue_mail, send_pending_mail
from cms.models import OutboundEmail

pytestmark = pytest.mark.django_db

# The test runner swaps EMAIL_BACKEND for locmem; these tests put the site's setting back.
outbox_backend = override_settings(EMAIL_BACKEND="cms.mail.OutboxBackend")


def test_the_settings_send_every_mail_through_the_outbox():
    from django.conf import settings

    from cms.settings import base

    assert base.EMAIL_BACKEND == "cms.mail.OutboxBackend"
    assert settings.OUTBOX_DELIVERY_BACKEND == "django.core.mail.backends.locmem.EmailBackend"


@outbox_backend
def test_send_mail_queues_a_row_and_the_worker_delivers_it():
    assert send_mail("Hallo", "Tekst", "site@example.org", ["buur@example.org"]) == 1
    mail = OutboundEmail.objects.get()
    assert (mail.recipients, mail.subject, mail.body_text, mail.from_email) == (
        ["buur@example.org"],
        "Hallo",
        "Tekst",
        "site@example.org",
    )
    assert django_mail.outbox == []  # not sent in the request
    assert send_pending_mail() == {"sent": 1, "failed": 0}
    assert [message.to for message in django_mail.outbox] == [["buur@example.org"]]


@outbox_backend
def test_html_attachments_cc_and_bcc_are_kept():
    message = EmailMultiAlternatives(
        "Uitnodiging",
        "Platte tekst",
        "site@example.org",
        ["a@example.org"],
        cc=["b@example.org"],
        bcc=["geheim1@example.org", "geheim2@example.org"],
        reply_to=["antwoord@example.org"],
    )
    message.attach_alternative("<p>HTML</p>", "text/html")
    message.attach("flyer.pdf", b"%PDF-1.4", "application/pdf")
    assert message.send() == 1
    rows = list(OutboundEmail.objects.order_by("pk"))
    # To and Cc together; every Bcc address its own row, so nobody sees another's address.
    assert [row.recipients for row in rows] == [
        ["a@example.org", "b@example.org"],
        ["geheim1@example.org"],
        ["geheim2@example.org"],
    ]
    assert {row.body_html for row in rows} == {"<p>HTML</p>"}
    assert {row.reply_to for row in rows} == {"antwoord@example.org"}
    assert rows[0].attachments[0]["filename"] == "flyer.pdf"
    send_pending_mail()
    delivered = django_mail.outbox[0]
    assert delivered.attachments[0][0] == "flyer.pdf"
    assert delivered.alternatives[0][0] == "<p>HTML</p>"


@outbox_backend
def test_an_html_only_message_keeps_its_html():
    message = EmailMessage("Alleen HTML", "<p>Hoi</p>", "site@example.org", ["a@example.org"])
    message.content_subtype = "html"
    message.send()
    row = OutboundEmail.objects.get()
    assert (row.body_text, row.body_html) == ("", "<p>Hoi</p>")


@outbox_backend
def test_wagtails_password_reset_goes_through_the_outbox(client):
    get_user_model().objects.create_user("redacteur", "redacteur@example.org", "een-lang-wachtwoord-42")
    response = client.post("/admin/password_reset/", {"email": "redacteur@example.org"})
    assert response.status_code == 302
    row = OutboundEmail.objects.get()
    assert row.recipients == ["redacteur@example.org"]
    assert "/admin/password_reset/confirm/" in row.body_text
    assert django_mail.outbox == []


def test_the_delivery_backend_cannot_be_the_outbox_itself():
    with (
        override_settings(OUTBOX_DELIVERY_BACKEND="cms.mail.OutboxBackend"),
        pytest.raises(ImproperlyConfigured),
    ):
        delivery_connection()


@pytest.mark.parametrize(
    "address",
    [
        "a@example.org\r\nBcc: x@example.org",
        "a@example.org\nSubject: spam",
        "geen-adres",
        "",
        "a@example.org\0",
    ],
)
def test_header_injection_in_an_address_is_refused(address):
    with pytest.raises(ValueError):
        queue_mail(address, "Onderwerp", "Tekst")
    with pytest.raises(ValueError):
        queue_mail("ok@example.org", "Onderwerp", "Tekst", reply_to=address or "x")
    assert not OutboundEmail.objects.exists()


def test_a_line_break_in_the_subject_becomes_a_space():
    row = queue_mail("ok@example.org", "Hallo\r\nBcc: x@example.org", "Tekst")
    assert row.subject == "Hallo Bcc: x@example.org"
