"""The outbox against a real SMTP server on 127.0.0.1 (aiosmtpd), which a test starts and stops."""

from email import message_from_bytes

import pytest

from django.test import override_settings
from django.utils import timezone

from cms.mail import queue_mail, retry_mail, send_pending_mail
from cms.models import OutboundEmail

pytestmark = pytest.mark.django_db

Status = OutboundEmail.Status


def make_due(*mails):
    OutboundEmail.objects.filter(pk__in=[m.pk for m in mails]).update(next_attempt_at=timezone.now())


def test_a_mail_queued_while_the_server_is_down_is_delivered_once_it_is_up(smtp_server):
    queued = queue_mail("buur@example.org", "Welkom in de Korenaarstraat", "Hallo buur!")
    before = timezone.now()

    # The server is down: the attempt fails, the mail waits with back-off.
    assert send_pending_mail() == {"sent": 0, "failed": 1}
    queued.refresh_from_db()
    assert queued.status == Status.PENDING
    assert queued.attempts == 1
    assert "ConnectionRefusedError" in queued.last_error
    assert queued.next_attempt_at >= before + timezone.timedelta(seconds=59)

    # Not due yet: a run in the meantime does not try again.
    assert send_pending_mail() == {"sent": 0, "failed": 0}
    queued.refresh_from_db()
    assert queued.attempts == 1

    smtp_server.start()
    assert send_pending_mail() == {"sent": 0, "failed": 0}  # still waiting for its back-off
    make_due(queued)
    assert send_pending_mail() == {"sent": 1, "failed": 0}
    assert len(smtp_server.messages) == 1
    envelope = smtp_server.messages[0]
    assert envelope.rcpt_tos == ["buur@example.org"]
    message = message_from_bytes(envelope.content)
    assert message["Subject"] == "Welkom in de Korenaarstraat"
    assert message["Message-ID"] == queued.message_id
    queued.refresh_from_db()
    assert (queued.status, queued.attempts, queued.last_error) == (Status.SENT, 2, "")

    # Running the worker again sends nothing more, even when the row would be due.
    make_due(queued)
    assert send_pending_mail() == {"sent": 0, "failed": 0}
    assert len(smtp_server.messages) == 1


def test_a_down_server_stops_the_run_and_keeps_the_rest_pending(smtp_server):
    mails = [queue_mail(f"buur{n}@example.org", f"Mail {n}", "Tekst") for n in range(3)]
    # One failed connection is enough: the other mails wait for the next run untouched.
    assert send_pending_mail() == {"sent": 0, "failed": 1}
    assert sorted(OutboundEmail.objects.values_list("attempts", flat=True)) == [0, 0, 1]
    smtp_server.start()
    make_due(*mails)
    assert send_pending_mail() == {"sent": 3, "failed": 0}
    assert sorted(smtp_server.handler.subjects()) == ["Mail 0", "Mail 1", "Mail 2"]


def test_a_refused_recipient_does_not_hold_up_the_other_mails(smtp_server):
    smtp_server.handler.refused.add("bestaat-niet@example.org")
    smtp_server.start()
    refused = queue_mail("bestaat-niet@example.org", "Eerste", "Tekst")
    fine = [queue_mail(f"buur{n}@example.org", f"Mail {n}", "Tekst") for n in range(2)]
    assert send_pending_mail() == {"sent": 2, "failed": 1}
    refused.refresh_from_db()
    assert refused.status == Status.PENDING
    assert "SMTPRecipientsRefused" in refused.last_error
    assert sorted(smtp_server.handler.subjects()) == ["Mail 0", "Mail 1"]
    assert {m.status for m in OutboundEmail.objects.filter(pk__in=[m.pk for m in fine])} == {Status.SENT}


@override_settings(OUTBOX_MAX_ATTEMPTS=3)
def test_a_mail_that_keeps_failing_ends_failed_and_can_be_retried(smtp_server):
    queued = queue_mail("buur@example.org", "Blijft mislukken", "Tekst")
    statuses = []
    for _attempt in range(4):
        make_due(queued)
        send_pending_mail()
        queued.refresh_from_db()
        statuses.append((queued.status, queued.attempts))
    assert statuses == [
        (Status.PENDING, 1),
        (Status.PENDING, 2),
        (Status.FAILED, 3),
        (Status.FAILED, 3),  # a failed mail is not tried again by itself
    ]
    assert queued.last_error.startswith("ConnectionRefusedError")

    smtp_server.start()
    assert retry_mail(queued) is True
    assert send_pending_mail() == {"sent": 1, "failed": 0}
    assert smtp_server.handler.subjects() == ["Blijft mislukken"]
    queued.refresh_from_db()
    assert queued.status == Status.SENT
