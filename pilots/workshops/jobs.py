"""Scheduled jobs and signal receivers for workshops; all idempotent.

A job marks a registration and queues its mail in one transaction, with a conditional update
(`... WHERE reminder_sent_at IS NULL`) as the claim: a second run, a second worker or a job
delivered again after a crash finds nothing left to do.
"""

import datetime
import logging
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..models.workshops import Registration, WorkshopAnnouncement, WorkshopPage
from . import mails, seats

logger = logging.getLogger(__name__)

THANK_YOU_WITHIN = datetime.timedelta(days=7)  # a workshop longer ago than this gets no thank-you any more


def local_day_bounds(day):
    zone = ZoneInfo(settings.TIME_ZONE)
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=zone)
    return start, start + datetime.timedelta(days=1)


def _claim_and_queue(registrations, field_name, queue):
    sent = 0
    for registration in registrations:
        with transaction.atomic():
            claimed = Registration.objects.filter(
                pk=registration.pk, **{f"{field_name}__isnull": True}
            ).update(**{field_name: timezone.now()})
            if claimed:
                queue(registration, registration.workshop)
                sent += 1
    return sent


def send_reminders(now=None):
    """Remind everyone with a seat at a workshop that takes place tomorrow (Dutch time)."""
    now = now or timezone.now()
    tomorrow = now.astimezone(ZoneInfo(settings.TIME_ZONE)).date() + datetime.timedelta(days=1)
    start, end = local_day_bounds(tomorrow)
    due = Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        workshop__starts_at__gte=start,
        workshop__starts_at__lt=end,
        workshop__is_cancelled=False,
        workshop__live=True,
    ).select_related("workshop")
    sent = _claim_and_queue(due, "reminder_sent_at", mails.queue_reminder)
    if sent:
        logger.info("Workshop reminders queued: %d", sent)
    return sent


def send_thank_you(now=None):
    """A short thank-you with a question for feedback, after the workshop ended."""
    now = now or timezone.now()
    due = Registration.objects.filter(
        status__in=[Registration.Status.CONFIRMED, Registration.Status.ATTENDED],
        thank_you_sent_at__isnull=True,
        workshop__ends_at__lte=now,
        workshop__ends_at__gt=now - THANK_YOU_WITHIN,
        workshop__is_cancelled=False,
    ).select_related("workshop")
    sent = _claim_and_queue(due, "thank_you_sent_at", mails.queue_thank_you)
    if sent:
        logger.info("Workshop thank-you mails queued: %d", sent)
    return sent


def workshop_published(sender, instance, **kwargs):
    """page_published: tell registrants about a new time, place or cancellation; fill new seats."""
    workshop = instance.specific if not isinstance(instance, WorkshopPage) else instance
    if workshop.seat_owner_id != workshop.pk:
        return  # a translation: its times and place are synced from the Dutch page
    announce_changes(workshop)
    seats.capacity_changed(workshop)


def announce_changes(workshop):
    """Mail every registrant (confirmed or waiting) once per published change of time or place."""
    fingerprint = workshop.schedule_fingerprint()
    with transaction.atomic():
        current = WorkshopPage.objects.select_for_update(of=("self",)).get(pk=workshop.pk)
        announcement = WorkshopAnnouncement.objects.filter(workshop=current).first()
        if announcement is None:  # first publication: nobody to tell yet
            WorkshopAnnouncement.objects.create(workshop=current, fingerprint=fingerprint)
            return 0
        if announcement.fingerprint == fingerprint:
            return 0
        announcement.fingerprint = fingerprint
        announcement.save()
        told = 0
        for registration in Registration.objects.filter(
            workshop_id=workshop.pk, status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLIST]
        ):
            mails.queue_update(registration, current, fingerprint)
            told += 1
    logger.info("Workshop %s changed: %d registrants told", workshop.pk, told)
    return told
