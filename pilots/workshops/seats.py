"""Seat allocation: the one place where a seat is given, freed or handed to the waitlist.

Every change that can move a seat (a new registration, a cancellation, a change in the number of
people, a capacity change, a status set in the admin) goes through `allocate()`. It opens a
transaction, locks the workshop's row (`SELECT ... FOR UPDATE` on PostgreSQL; on SQLite the
project's IMMEDIATE transactions already give one writer at a time), applies the change, and then
fills free seats from the waitlist in order of arrival. Mails are queued in the same transaction,
with idempotency keys, so a promotion is announced exactly once.

Rules: a registration gets all its seats or none (a party of three never gets two); the waitlist
is strictly first come, first served (when the first in line does not fit, nobody behind them
skips ahead); lowering the capacity never removes anyone (the page form refuses it).
"""

import hmac
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from ..models.workshops import Registration, WorkshopPage, new_token
from . import mails


@dataclass
class Outcome:
    registration: Registration | None = None
    created: bool = False
    promoted: list = field(default_factory=list)
    error: str = ""


def allocate(workshop_id, change=None):
    """Run `change(workshop, outcome)` under the workshop's lock, then promote from the waitlist.

    `change` may add or alter registrations; it must not queue promotion mails itself. Returns the
    Outcome (with the registrations promoted in this call).
    """
    outcome = Outcome()
    with transaction.atomic():
        workshop = WorkshopPage.objects.select_for_update(of=("self",)).get(pk=workshop_id)
        if change is not None:
            change(workshop, outcome)
            if outcome.error:
                return outcome
        outcome.promoted = _promote_waitlist(workshop)
    return outcome


def free_seats(workshop):
    taken = (
        Registration.objects.filter(workshop=workshop, status__in=Registration.HOLDS_SEAT).aggregate(
            total=Sum("people")
        )["total"]
        or 0
    )
    return workshop.capacity - taken


def _promote_waitlist(workshop):
    if workshop.is_cancelled or workshop.starts_at <= timezone.now():
        return []
    free = free_seats(workshop)
    promoted = []
    for registration in Registration.objects.filter(
        workshop=workshop, status=Registration.Status.WAITLIST
    ).order_by("waitlisted_at", "pk"):
        if registration.people > free:
            break
        free -= registration.people
        registration.status = Registration.Status.CONFIRMED
        registration.confirmed_at = timezone.now()
        registration.save(update_fields=["status", "confirmed_at"])
        mails.queue_promoted(registration, workshop)
        promoted.append(registration)
    return promoted


# --- the changes ---------------------------------------------------------------------------------


def register(workshop, data, *, language):
    """Register someone (or find their registration). Returns the Outcome; `created` is False when
    this email was already registered (the confirmation is sent again)."""
    owner_id = workshop.seat_owner_id
    email = data["email"].strip().lower()

    def change(locked, outcome):
        existing = Registration.objects.filter(workshop=locked, email=email).first()
        if existing is not None and existing.status != Registration.Status.CANCELLED:
            outcome.registration = existing
            mails.queue_confirmation(existing, locked, resent=True)
            return
        registration = existing or Registration(workshop=locked, email=email)
        for name in ("name", "phone", "street", "people", "dietary_needs", "accessibility_needs"):
            setattr(registration, name, data.get(name) or ("" if name != "people" else 1))
        registration.language = language
        registration.token = new_token()
        registration.created_at = timezone.now()
        registration.cancelled_at = registration.confirmed_at = None
        registration.reminder_sent_at = registration.thank_you_sent_at = None
        waitlist_empty = not Registration.objects.filter(
            workshop=locked, status=Registration.Status.WAITLIST
        ).exists()
        if waitlist_empty and registration.people <= free_seats(locked):
            registration.status = Registration.Status.CONFIRMED
            registration.confirmed_at = registration.created_at
            registration.waitlisted_at = None
        else:
            registration.status = Registration.Status.WAITLIST
            registration.waitlisted_at = registration.created_at
        registration.save()
        outcome.registration, outcome.created = registration, True
        mails.queue_confirmation(registration, locked)

    try:
        return allocate(owner_id, change)
    except IntegrityError:
        # Two posts for the same email at the same moment: the other one won; answer as a repeat.
        existing = Registration.objects.get(workshop_id=owner_id, email=email)
        return Outcome(registration=existing, created=False)


def cancel(registration, *, notify=True):
    """Cancel a registration (by its owner or in the admin); the freed seats go to the waitlist.

    `notify=False` when the person asked to be erased: no mail that keeps their address around."""

    def change(locked, outcome):
        current = Registration.objects.get(pk=registration.pk)
        outcome.registration = current
        if current.status == Registration.Status.CANCELLED:
            return
        current.status = Registration.Status.CANCELLED
        current.cancelled_at = timezone.now()
        current.save(update_fields=["status", "cancelled_at"])
        if notify:
            mails.queue_cancelled(current, locked)

    return allocate(registration.workshop_id, change)


def change_people(registration, people):
    """Change the number of people; more people only when the seats are free (else `error`)."""

    def change(locked, outcome):
        current = Registration.objects.get(pk=registration.pk)
        outcome.registration = current
        if current.status == Registration.Status.CANCELLED or current.people == people:
            return
        if current.holds_seat and people - current.people > max(free_seats(locked), 0):
            outcome.error = "no_seats"
            return
        current.people = people
        current.save(update_fields=["people"])
        mails.queue_changed(current, locked)

    return allocate(registration.workshop_id, change)


def set_status(registration, status):
    """Admin check-in and corrections: attended, no-show, confirmed, cancelled."""
    if status == Registration.Status.CANCELLED:
        return cancel(registration)

    def change(locked, outcome):
        current = Registration.objects.get(pk=registration.pk)
        outcome.registration = current
        if status == current.status:
            return
        if (
            status in Registration.HOLDS_SEAT
            and not current.holds_seat
            and current.people > free_seats(locked)
        ):
            outcome.error = "no_seats"
            return
        current.status = status
        if status == Registration.Status.CONFIRMED and current.confirmed_at is None:
            current.confirmed_at = timezone.now()
        current.save(update_fields=["status", "confirmed_at"])

    return allocate(registration.workshop_id, change)


def capacity_changed(workshop):
    """After an editor published a new capacity: fill the extra seats from the waitlist."""
    return allocate(workshop.seat_owner_id)


def find_by_token(workshop, pk, token):
    """The registration for a self-service link, or None (constant-time token comparison)."""
    registration = (
        Registration.objects.filter(pk=pk, workshop_id=workshop.seat_owner_id)
        .select_related("workshop")
        .first()
    )
    if registration is None or not hmac.compare_digest(registration.token.encode(), str(token).encode()):
        return None
    return registration
