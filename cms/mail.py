"""The mail outbox: the one way this project sends email.

Code calls `queue_mail()` (or `queue_templated_mail()`) inside its own transaction; the row is
committed with the record it belongs to, or not at all. The worker runs `send_pending_mail()`
(right after the commit and every minute), which claims each due row with a conditional update,
sends it, and marks it sent. A failed delivery is retried with exponential back-off until
OUTBOX_MAX_ATTEMPTS; nothing is lost while the SMTP server is down.
"""

import base64
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import OutboundEmail

logger = logging.getLogger(__name__)

MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
# A worker that died while sending leaves its row in "sending"; after this it is tried again.
SENDING_LEASE = timedelta(minutes=10)


def queue_mail(
    to,
    subject,
    text,
    *,
    html="",
    attachments=(),
    reply_to="",
    from_email=None,
    language="",
    idempotency_key=None,
):
    """Put one message in the outbox and return its row.

    `to` is an address or a list of addresses; `attachments` is a sequence of
    (filename, content bytes, mime type). With an `idempotency_key`, queueing the same message
    again returns the existing row instead of a second one.
    """
    recipients = [to] if isinstance(to, str) else list(to)
    if not recipients:
        raise ValueError("A mail needs at least one recipient.")
    encoded = []
    for filename, content, mimetype in attachments:
        if isinstance(content, str):
            content = content.encode()
        if len(content) > MAX_ATTACHMENT_BYTES:
            raise ValueError(f"Attachment {filename} is larger than {MAX_ATTACHMENT_BYTES} bytes.")
        encoded.append(
            {
                "filename": filename,
                "mimetype": mimetype,
                "content": base64.b64encode(content).decode("ascii"),
            }
        )
    values = {
        "recipients": recipients,
        "subject": " ".join(subject.split())[:255],
        "body_text": text,
        "body_html": html,
        "attachments": encoded,
        "reply_to": reply_to,
        "from_email": from_email or settings.DEFAULT_FROM_EMAIL,
        "language": language or translation.get_language() or "",
    }
    if idempotency_key:
        existing = OutboundEmail.objects.filter(idempotency_key=idempotency_key).first()
        if existing:
            return existing
        try:
            with transaction.atomic():
                mail = OutboundEmail.objects.create(idempotency_key=idempotency_key, **values)
        except IntegrityError:
            return OutboundEmail.objects.get(idempotency_key=idempotency_key)
    else:
        mail = OutboundEmail.objects.create(**values)
    transaction.on_commit(_wake_worker)
    return mail


def queue_templated_mail(to, template, context, *, language, **kwargs):
    """Render `email/<template>_subject.txt`, `.txt` and `.html` in `language` and queue them."""
    with translation.override(language):
        subject = render_to_string(f"email/{template}_subject.txt", context).strip()
        text = render_to_string(f"email/{template}.txt", context)
        html = render_to_string(f"email/{template}.html", context)
    return queue_mail(to, subject, text, html=html, language=language, **kwargs)


def _wake_worker():
    from django_q.tasks import async_task

    try:
        async_task("cms.mail.send_pending_mail", task_name="outbox-after-commit", group="outbox")
    except Exception:  # the schedule sends it within a minute anyway
        logger.warning("Could not wake the worker for the outbox", exc_info=True)


def backoff(attempts):
    """Seconds to wait after the n-th failed attempt: 1, 2, 4, ... minutes, at most 6 hours."""
    return min(60 * 2 ** max(attempts - 1, 0), 6 * 3600)


def build_message(mail, connection=None):
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.body_text,
        from_email=mail.from_email,
        to=mail.recipients,
        reply_to=[mail.reply_to] if mail.reply_to else None,
        headers={"Message-ID": mail.message_id, "Auto-Submitted": "auto-generated"},
        connection=connection,
    )
    if mail.body_html:
        message.attach_alternative(mail.body_html, "text/html")
    for attachment in mail.attachments:
        message.attach(
            attachment["filename"],
            base64.b64decode(attachment["content"]),
            attachment["mimetype"],
        )
    return message


def release_stale_claims(now=None):
    now = now or timezone.now()
    return OutboundEmail.objects.filter(
        status=OutboundEmail.Status.SENDING, claimed_at__lt=now - SENDING_LEASE
    ).update(status=OutboundEmail.Status.PENDING, next_attempt_at=now)


def send_pending_mail(batch_size=None):
    """Send the due mails of the outbox; safe to run concurrently and any number of times.

    Returns a dict with the number of mails sent and failed in this run.
    """
    now = timezone.now()
    release_stale_claims(now)
    due = list(
        OutboundEmail.objects.filter(status=OutboundEmail.Status.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "id")
        .values_list("pk", flat=True)[: batch_size or settings.OUTBOX_BATCH_SIZE]
    )
    result = {"sent": 0, "failed": 0}
    if not due:
        return result
    connection = get_connection(fail_silently=False)
    try:
        for pk in due:
            # The conditional update is the claim: of two workers, only one changes the row. It
            # checks the due time again: another worker may have tried (and failed) it meanwhile.
            claimed = OutboundEmail.objects.filter(
                pk=pk, status=OutboundEmail.Status.PENDING, next_attempt_at__lte=now
            ).update(
                status=OutboundEmail.Status.SENDING,
                claimed_at=timezone.now(),
                attempts=F("attempts") + 1,
            )
            if not claimed:
                continue
            mail = OutboundEmail.objects.get(pk=pk)
            try:
                build_message(mail, connection).send()
            except Exception as error:  # SMTP down, refused recipient, timeout ...
                _record_failure(mail, error)
                result["failed"] += 1
                if _is_connection_error(error):
                    break  # the server is unreachable: the rest waits for the next run
            else:
                OutboundEmail.objects.filter(pk=pk, status=OutboundEmail.Status.SENDING).update(
                    status=OutboundEmail.Status.SENT, sent_at=timezone.now(), last_error=""
                )
                result["sent"] += 1
    finally:
        try:
            connection.close()
        except Exception:
            logger.debug("Closing the mail connection failed", exc_info=True)
    if result["sent"] or result["failed"]:
        logger.info("Outbox: %(sent)d sent, %(failed)d failed", result)
    return result


def _is_connection_error(error):
    """True when the server cannot be used (the rest of the batch would fail the same way).

    smtplib's errors are OSErrors too: a refused recipient or a rejected message is not a
    connection error and must not hold up the other mails.
    """
    import smtplib

    if isinstance(
        error, smtplib.SMTPServerDisconnected | smtplib.SMTPConnectError | smtplib.SMTPAuthenticationError
    ):
        return True
    if isinstance(error, smtplib.SMTPException):
        return False
    return isinstance(error, OSError)


def _record_failure(mail, error):
    gave_up = mail.attempts >= settings.OUTBOX_MAX_ATTEMPTS
    OutboundEmail.objects.filter(pk=mail.pk, status=OutboundEmail.Status.SENDING).update(
        status=OutboundEmail.Status.FAILED if gave_up else OutboundEmail.Status.PENDING,
        next_attempt_at=timezone.now() + timedelta(seconds=backoff(mail.attempts)),
        last_error=f"{type(error).__name__}: {error}"[:2000],
    )
    log = logger.error if gave_up else logger.warning
    log("Outbox mail %s failed (attempt %s): %s", mail.pk, mail.attempts, type(error).__name__)


def retry_mail(mail):
    """Put a failed (or pending) mail back at the front of the queue; used by the admin action.

    A retried mail gets a full set of attempts again: someone has looked at it (and perhaps fixed
    the mail server), so it deserves more than one last try.
    """
    updated = OutboundEmail.objects.filter(
        pk=mail.pk, status__in=[OutboundEmail.Status.FAILED, OutboundEmail.Status.PENDING]
    ).update(status=OutboundEmail.Status.PENDING, next_attempt_at=timezone.now(), attempts=0)
    if updated:
        transaction.on_commit(_wake_worker)
    return bool(updated)
