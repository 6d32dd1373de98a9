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
from email.mime.base import MIMEBase
from email.utils import parseaddr
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation

from .models import OutboundEmail

logger = logging.getLogger(__name__)

MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
# A worker that died while sending leaves its row in "sending"; after this it is tried again.
# OUTBOX_SENDING_LEASE_SECONDS: longer than a send can take, or a slow send would be claimed twice.
SENDING_LEASE = timedelta(seconds=getattr(settings, "OUTBOX_SENDING_LEASE_SECONDS", 600))


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
    for address in [*recipients, *([reply_to] if reply_to else [])]:
        _check_address(address)
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


def _check_address(address):
    """Refuse an address that is not one address: a line break would inject mail headers."""
    _, bare = parseaddr(address)
    if any(char in address for char in "\r\n\0") or not bare:
        raise ValueError("Not a valid email address.")
    try:
        validate_email(bare)
    except ValidationError:
        raise ValueError("Not a valid email address.") from None


def render_plain_text(template_name, context):
    """Render a plain-text template with autoescaping off: `&`, `<` and quotes stay as they are.

    HTML escaping belongs to HTML; in a subject or a text body it shows as `&amp;` and `&#x27;`.
    """
    template = get_template(template_name).template
    return template.render(Context(context, autoescape=False))


def queue_templated_mail(to, template, context, *, language, **kwargs):
    """Render `email/<template>_subject.txt`, `.txt` and `.html` in `language` and queue them."""
    with translation.override(language):
        subject = " ".join(render_plain_text(f"email/{template}_subject.txt", context).split())
        text = render_plain_text(f"email/{template}.txt", context)
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
    connection = delivery_connection()
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


# Personal data (cms.privacy) ---------------------------------------------------------------------


def _mentions(mail, needles):
    haystack = " ".join(
        [" ".join(mail.recipients), mail.reply_to, mail.subject, mail.body_text, mail.body_html]
    ).lower()
    return any(needle in haystack for needle in needles)


def _mails_mentioning(*needles):
    from django.db.models import Q

    needles = [needle.strip().lower() for needle in needles if needle and needle.strip()]
    if not needles:
        return []
    query = Q()
    for needle in needles:
        query |= (
            Q(recipients__icontains=needle)
            | Q(reply_to__icontains=needle)
            | Q(subject__icontains=needle)
            | Q(body_text__icontains=needle)
            | Q(body_html__icontains=needle)
        )
    # The database narrows it down; Python decides (JSON text and case folding differ per database).
    return [mail for mail in OutboundEmail.objects.filter(query) if _mentions(mail, needles)]


def purge_outbox():
    """Delete sent and failed mails older than PERSONAL_DATA_RETENTION_DAYS["outbox"]."""
    from .privacy import retention_cutoff

    deleted, _ = OutboundEmail.objects.filter(
        status__in=[OutboundEmail.Status.SENT, OutboundEmail.Status.FAILED],
        created_at__lt=retention_cutoff("outbox"),
    ).delete()
    return deleted


def export_outbox(email):
    """The mails sent (or to be sent) to `email`, with their attachments as files."""
    from .privacy import Export, normalise_email

    email = normalise_email(email)
    export = Export()
    for mail in OutboundEmail.objects.filter(recipients__icontains=email).order_by("created_at", "pk"):
        if email not in [normalise_email(parseaddr(address)[1]) for address in mail.recipients]:
            continue
        export.records.append(
            {
                "id": mail.pk,
                "created_at": mail.created_at,
                "sent_at": mail.sent_at,
                "status": mail.status,
                "from": mail.from_email,
                "to": mail.recipients,
                "reply_to": mail.reply_to,
                "subject": mail.subject,
                "text": mail.body_text,
                "html": mail.body_html,
                "attachments": [attachment["filename"] for attachment in mail.attachments],
            }
        )
        for attachment in mail.attachments:
            filename = PurePosixPath(attachment["filename"].replace("\\", "/")).name or "bijlage"
            export.files.append((f"{mail.pk}-{filename}", base64.b64decode(attachment["content"])))
    return export


def erase_mail_mentioning(*needles):
    """Delete every outbox row addressed to or mentioning one of `needles` (an address, a name)."""
    mails = _mails_mentioning(*needles)
    if not mails:
        return 0
    deleted, _ = OutboundEmail.objects.filter(pk__in=[mail.pk for mail in mails]).delete()
    return deleted


def erase_outbox(email):
    from .privacy import normalise_email

    return erase_mail_mentioning(normalise_email(email))


# Django's and Wagtail's own mail ----------------------------------------------------------------


class OutboxBackend(BaseEmailBackend):
    """EMAIL_BACKEND: `send_mail()`, password resets and Wagtail's notifications go into the outbox.

    Each message becomes one outbox row (To and Cc together; each Bcc address a row of its own,
    so that no recipient sees another's address), written in the caller's transaction. The
    worker delivers it with OUTBOX_DELIVERY_BACKEND.
    """

    def send_messages(self, email_messages):
        count = 0
        for message in email_messages:
            html = ""
            for content, mimetype in getattr(message, "alternatives", []):
                if mimetype == "text/html":
                    html = content
            if message.content_subtype == "html":
                text, html = "", message.body
            else:
                text = message.body
            attachments = []
            for attachment in message.attachments:
                if isinstance(attachment, MIMEBase):
                    attachments.append(
                        (
                            attachment.get_filename() or "bijlage",
                            attachment.get_payload(decode=True) or b"",
                            attachment.get_content_type(),
                        )
                    )
                else:
                    filename, content, mimetype = attachment
                    mimetype = mimetype or "application/octet-stream"
                    attachments.append((filename or "bijlage", content, mimetype))
            common = {
                "html": html,
                "attachments": attachments,
                "reply_to": message.reply_to[0] if message.reply_to else "",
                "from_email": message.from_email,
            }
            visible = [*message.to, *message.cc]
            if visible:
                queue_mail(visible, message.subject, text, **common)
            for hidden in message.bcc:
                queue_mail(hidden, message.subject, text, **common)
            count += bool(visible or message.bcc)
        return count


def delivery_connection():
    """A connection of the backend that really delivers (OUTBOX_DELIVERY_BACKEND)."""
    backend = settings.OUTBOX_DELIVERY_BACKEND
    if backend.endswith("OutboxBackend"):
        raise ImproperlyConfigured("OUTBOX_DELIVERY_BACKEND must deliver mail, not queue it again.")
    return get_connection(backend=backend, fail_silently=False)
