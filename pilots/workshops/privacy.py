"""Personal data in workshop registrations (registered with cms.privacy in setup.py)."""

import datetime
import logging

from django.conf import settings
from django.utils import timezone

from cms.privacy import Export, normalise_email

from ..models.workshops import Registration
from . import seats

logger = logging.getLogger(__name__)


def purge_registrations():
    """Delete registrations of workshops that ended longer ago than the retention period."""
    days = settings.PERSONAL_DATA_RETENTION_DAYS["workshop_registrations"]
    deleted, _ = Registration.objects.filter(
        workshop__ends_at__lt=timezone.now() - datetime.timedelta(days=days)
    ).delete()
    logger.info("Purged %d workshop registrations", deleted)
    return deleted


def export_registrations(email):
    records = [
        {
            "workshop": registration.workshop.title,
            "starts_at": registration.workshop.starts_at.isoformat(),
            "name": registration.name,
            "email": registration.email,
            "phone": registration.phone,
            "street": registration.street,
            "people": registration.people,
            "dietary_needs": registration.dietary_needs,
            "accessibility_needs": registration.accessibility_needs,
            "language": registration.language,
            "status": registration.status,
            "created_at": registration.created_at.isoformat(),
        }
        for registration in Registration.objects.filter(email=normalise_email(email)).select_related(
            "workshop"
        )
    ]
    return Export(records=records)


def erase_registrations(email):
    """Erase every registration of `email`; an upcoming seat goes to the waitlist first."""
    registrations = list(Registration.objects.filter(email=normalise_email(email)))
    for registration in registrations:
        if registration.holds_seat and registration.workshop.starts_at > timezone.now():
            seats.cancel(registration, notify=False)
        Registration.objects.filter(pk=registration.pk).delete()
    logger.info("Erased %d workshop registrations", len(registrations))
    return len(registrations)
