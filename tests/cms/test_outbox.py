"""The mail outbox (cms/mail.py): queued in the caller's transaction, sent once by the worker."""

from datetime import timedelta
from unittest import mock

import pytest

from django.core import mail as django_mail
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from cms import mail as outbox
from cms.mail import (
    SENDING_LEASE,
    backoff,
    queue_mail,
    queue_templated_mail,
    release_stale_claims,
    retry_mail,
    send_pending_mail,
)
from cms.models import OutboundEmail

pytestmark = pytest.mark.django_db

Status = OutboundEmail.Status


def make_due(*mails):
    OutboundEmail.objects.filter(pk__in=[m.pk for m in mails]).update(next_attempt_at=timezone.now())


# Queueing ------------------------------------------------------------------------------------


def test_queue_mail_writes_the_row_in_the_callers_transaction(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        queued = queue_mail(["buur@example.org"], "Welkom in de straat", "Hallo buur!")
        # Visible inside the transaction, before the commit, and nothing sent yet.
        assert OutboundEmail.objects.filter(pk=queued.pk, status=Status.PENDING).exists()
        assert django_mail.outbox == []
    # After the commit the worker is woken (django-q2 runs it at once in the test settings).
    assert len(callbacks) == 1
    queued.refresh_from_db()
    assert queued.status == Status.SENT
    assert queued.attempts == 1
    assert queued.sent_at is not None
    assert [m.to for m in django_mail.outbox] == [["buur@example.org"]]


def test_a_rolled_back_transaction_sends_nothing(django_capture_on_commit_callbacks):
    class Abort(Exception):
        pass

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(Abort),
        transaction.atomic(),
    ):
        queue_mail("buur@example.org", "Bevestiging", "Je aanmelding is binnen.")
        raise Abort
    assert callbacks == []
    assert not OutboundEmail.objects.exists()
    assert send_pending_mail() == {"sent": 0, "failed": 0}
    assert django_mail.outbox == []


def test_idempotency_key_returns_the_existing_row():
    first = queue_mail("a@example.org", "Onderwerp", "Tekst", idempotency_key="signup-42-confirm")
    again = queue_mail("a@example.org", "Onderwerp", "Tekst", idempotency_key="signup-42-confirm")
    other = queue_mail("a@example.org", "Onderwerp", "Tekst", idempotency_key="signup-43-confirm")
    assert again.pk == first.pk
    assert other.pk != first.pk
    assert OutboundEmail.objects.count() == 2


def test_idempotency_key_survives_a_race_on_the_unique_constraint():
    """Two callers that both miss the existing row: the second insert fails, the row is returned."""
    first = queue_mail("a@example.org", "Onderwerp", "Tekst", idempotency_key="race")
    real_filter = OutboundEmail.objects.filter

    def filter_that_misses(*args, **kwargs):
        if kwargs == {"idempotency_key": "race"}:
            return OutboundEmail.objects.none()
        return real_filter(*args, **kwargs)

    with mock.patch.object(OutboundEmail.objects, "filter", side_effect=filter_that_misses):
        again = queue_mail("a@example.org", "Onderwerp", "Tekst", idempotency_key="race")
    assert again.pk == first.pk
    assert OutboundEmail.objects.count() == 1


def test_attachments_and_html_round_trip():
    pdf = b"%PDF-1.7\n\x00\xff binary \x00"
    queued = queue_mail(
        ("a@example.org", "b@example.org"),
        "Je flyer",
        "De flyer zit in de bijlage.",
        html="<p>De flyer zit in de <strong>bijlage</strong>.</p>",
        attachments=[("flyer.pdf", pdf, "application/pdf"), ("lees-mij.txt", "Hallo ✓", "text/plain")],
        reply_to="team@example.org",
        language="nl",
    )
    queued.refresh_from_db()  # the JSON as it is stored
    assert queued.recipients == ["a@example.org", "b@example.org"]
    assert send_pending_mail() == {"sent": 1, "failed": 0}
    [message] = django_mail.outbox
    assert message.to == ["a@example.org", "b@example.org"]
    assert message.reply_to == ["team@example.org"]
    assert message.alternatives[0][0] == "<p>De flyer zit in de <strong>bijlage</strong>.</p>"
    attachments = {a[0]: (a[1], a[2]) for a in message.attachments}
    assert attachments["flyer.pdf"] == (pdf, "application/pdf")
    # Django hands text attachments back as str.
    assert attachments["lees-mij.txt"][1] == "text/plain"
    assert attachments["lees-mij.txt"][0] in ("Hallo ✓", "Hallo ✓".encode())
    assert message.extra_headers["Message-ID"] == f"<outbox-{queued.pk}@liefenleed.opzoomermee.nl>"
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"


def test_queue_mail_refuses_bad_input():
    with pytest.raises(ValueError):
        queue_mail([], "Onderwerp", "Tekst")
    too_big = b"x" * (outbox.MAX_ATTACHMENT_BYTES + 1)
    with pytest.raises(ValueError):
        queue_mail("a@example.org", "Onderwerp", "Tekst", attachments=[("groot.bin", too_big, "x/y")])
    assert not OutboundEmail.objects.exists()


def test_subject_is_one_line_and_language_defaults_to_the_active_one():
    from django.utils import translation

    with translation.override("en"):
        queued = queue_mail("a@example.org", "Hallo\r\nBcc: iedereen@example.org", "Tekst")
    assert queued.subject == "Hallo Bcc: iedereen@example.org"
    assert queued.language == "en"
    assert queued.from_email == "Lief & Leed <liefenleed@opzoomermee.nl>"


def test_queue_templated_mail_renders_in_the_language_given(tmp_path):
    templates = tmp_path / "email"
    templates.mkdir()
    (templates / "hello_subject.txt").write_text("{% load i18n %}{% translate 'Zoeken' %} {{ name }}\n")
    (templates / "hello.txt").write_text("Hallo {{ name }}")
    (templates / "hello.html").write_text("<p>Hallo {{ name }}</p>")
    engine = {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [tmp_path],
    }
    with override_settings(TEMPLATES=[engine]):
        queued = queue_templated_mail("a@example.org", "hello", {"name": "Fatma"}, language="tr")
    assert queued.subject.endswith("Fatma")
    assert "\n" not in queued.subject
    assert queued.body_text == "Hallo Fatma"
    assert queued.body_html == "<p>Hallo Fatma</p>"
    assert queued.language == "tr"


# Sending -------------------------------------------------------------------------------------


def test_backoff_doubles_and_is_capped():
    assert [backoff(n) for n in (1, 2, 3, 4)] == [60, 120, 240, 480]
    assert backoff(30) == 6 * 3600


def test_send_pending_mail_only_sends_due_mails():
    due = queue_mail("a@example.org", "Nu", "Tekst")
    later = queue_mail("b@example.org", "Straks", "Tekst")
    OutboundEmail.objects.filter(pk=later.pk).update(next_attempt_at=timezone.now() + timedelta(hours=1))
    assert send_pending_mail() == {"sent": 1, "failed": 0}
    assert [m.subject for m in django_mail.outbox] == ["Nu"]
    due.refresh_from_db()
    later.refresh_from_db()
    assert (due.status, later.status) == (Status.SENT, Status.PENDING)


def test_batch_size_limits_one_run():
    for n in range(3):
        queue_mail("a@example.org", f"Mail {n}", "Tekst")
    assert send_pending_mail(batch_size=2) == {"sent": 2, "failed": 0}
    assert send_pending_mail(batch_size=2) == {"sent": 1, "failed": 0}
    assert OutboundEmail.objects.filter(status=Status.SENT).count() == 3


def test_stale_sending_rows_are_released_and_sent():
    now = timezone.now()
    stale = queue_mail("a@example.org", "Blijven hangen", "Tekst")
    busy = queue_mail("b@example.org", "Wordt nu verzonden", "Tekst")
    OutboundEmail.objects.filter(pk=stale.pk).update(
        status=Status.SENDING, attempts=1, claimed_at=now - SENDING_LEASE - timedelta(minutes=1)
    )
    OutboundEmail.objects.filter(pk=busy.pk).update(
        status=Status.SENDING, attempts=1, claimed_at=now - timedelta(minutes=1)
    )
    assert send_pending_mail() == {"sent": 1, "failed": 0}
    stale.refresh_from_db()
    busy.refresh_from_db()
    assert stale.status == Status.SENT
    assert stale.attempts == 2
    assert busy.status == Status.SENDING  # another worker is still on it
    assert [m.subject for m in django_mail.outbox] == ["Blijven hangen"]
    assert release_stale_claims(now + SENDING_LEASE + timedelta(minutes=1)) == 1


def test_an_overlapping_run_never_sends_a_row_twice():
    """Worker B runs completely between worker A listing the due rows and claiming them."""
    mails = [queue_mail(f"buur{n}@example.org", f"Mail {n}", "Tekst") for n in range(4)]
    real_get_connection = outbox.get_connection
    results = []

    def get_connection_after_other_worker(**kwargs):
        if not results:
            results.append("B started")
            results.append(send_pending_mail())  # worker B: sees the same due rows
        return real_get_connection(**kwargs)

    with mock.patch.object(outbox, "get_connection", side_effect=get_connection_after_other_worker):
        result_a = send_pending_mail()
    assert results[1] == {"sent": 4, "failed": 0}
    assert result_a == {"sent": 0, "failed": 0}
    assert sorted(m.subject for m in django_mail.outbox) == [m.subject for m in mails]
    assert set(OutboundEmail.objects.values_list("status", "attempts")) == {(Status.SENT, 1)}


def test_a_row_that_failed_meanwhile_keeps_its_back_off():
    """A row listed as due that another worker tried (and failed) meanwhile is not tried again."""
    queued = queue_mail("a@example.org", "Onderwerp", "Tekst")
    real_get_connection = outbox.get_connection

    def other_worker_failed(**kwargs):
        OutboundEmail.objects.filter(pk=queued.pk).update(
            attempts=1, next_attempt_at=timezone.now() + timedelta(minutes=1), last_error="Timeout"
        )
        return real_get_connection(**kwargs)

    with mock.patch.object(outbox, "get_connection", side_effect=other_worker_failed):
        assert send_pending_mail() == {"sent": 0, "failed": 0}
    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (Status.PENDING, 1)
    assert django_mail.outbox == []


def test_retry_mail_puts_a_failed_mail_back():
    failed = queue_mail("a@example.org", "Mislukt", "Tekst")
    sent = queue_mail("b@example.org", "Gelukt", "Tekst")
    later = timezone.now() + timedelta(hours=3)
    OutboundEmail.objects.filter(pk=failed.pk).update(
        status=Status.FAILED, attempts=12, next_attempt_at=later
    )
    OutboundEmail.objects.filter(pk=sent.pk).update(status=Status.SENT, attempts=1)
    assert retry_mail(failed) is True
    assert retry_mail(sent) is False
    failed.refresh_from_db()
    assert failed.status == Status.PENDING
    assert failed.next_attempt_at <= timezone.now()
    assert send_pending_mail() == {"sent": 1, "failed": 0}
    assert [m.subject for m in django_mail.outbox] == ["Mislukt"]


def test_str_and_message_id():
    queued = queue_mail(["a@example.org", "b@example.org"], "Onderwerp", "Tekst")
    assert str(queued) == "Onderwerp → a@example.org, b@example.org"
    assert queued.message_id == f"<outbox-{queued.pk}@liefenleed.opzoomermee.nl>"
