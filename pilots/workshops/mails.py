"""Every mail about a registration, queued in the outbox in the registrant's language.

Each function is called inside the transaction that made the change, and gives the mail an
idempotency key, so a mail is queued once per event even when a job or a request runs twice.
"""

from django.utils import timezone, translation

from cms.links import page_url
from cms.mail import queue_templated_mail

from . import ics


def _links(registration, page):
    manage = page_url(page) + page.reverse_subpage(
        "manage_registration", args=(registration.pk, registration.token)
    )
    return {
        "manage_url": manage,
        "cancel_url": manage + "#afmelden",
        "people_url": manage + "#aantal",
        "ics_url": page_url(page) + page.reverse_subpage("calendar"),
        "workshop_url": page_url(page),
        "google_url": ics.google_calendar_url(page),
    }


def _queue(registration, workshop, template, key, *, attach_ics=False, extra=None):
    language = registration.language or "nl"
    with translation.override(language):
        page = workshop.in_language(language)
        context = {
            "registration": registration,
            "workshop": page,
            **_links(registration, page),
            **(extra or {}),
        }
        attachments = []
        if attach_ics:
            attachments = [(f"{page.slug}.ics", ics.ics_bytes([page], method="PUBLISH"), "text/calendar")]
    return queue_templated_mail(
        registration.email,
        f"pilots/{template}",
        context,
        language=language,
        idempotency_key=key,
        attachments=attachments,
    )


def _key(registration, event):
    # The token changes when someone registers again after cancelling: a new round of mails.
    return f"workshop-registration:{registration.pk}:{registration.token[:12]}:{event}"


def queue_confirmation(registration, workshop, *, resent=False):
    """'You are registered' (with the calendar file) or 'you are on the waitlist'."""
    key = _key(registration, registration.status)
    if resent:  # at most once a minute; the per-email rate limit of the form keeps it rarer still
        key += f":resent:{int(timezone.now().timestamp() // 60)}"
    return _queue(
        registration,
        workshop,
        "workshop_confirmation",
        key,
        attach_ics=registration.holds_seat,
        extra={"resent": resent},
    )


def queue_promoted(registration, workshop):
    return _queue(
        registration, workshop, "workshop_promoted", _key(registration, "promoted"), attach_ics=True
    )


def queue_cancelled(registration, workshop):
    return _queue(registration, workshop, "workshop_cancelled", _key(registration, "cancelled"))


def queue_changed(registration, workshop):
    # Every change is its own message (2 -> 3 -> 2 people are three mails).
    key = _key(registration, f"people:{registration.people}:{timezone.now().timestamp()}")
    return _queue(registration, workshop, "workshop_changed", key)


def queue_reminder(registration, workshop):
    return _queue(
        registration, workshop, "workshop_reminder", _key(registration, "reminder"), attach_ics=True
    )


def queue_thank_you(registration, workshop):
    return _queue(registration, workshop, "workshop_thank_you", _key(registration, "thank-you"))


def queue_update(registration, workshop, fingerprint):
    """Time, place or cancellation changed (one mail per registration per published change)."""
    return _queue(
        registration,
        workshop,
        "workshop_update",
        _key(registration, f"update:{fingerprint[:16]}"),
        attach_ics=not workshop.is_cancelled and registration.holds_seat,
    )
