"""Wiring for workshops, called from PilotsConfig.ready(): schedules, signals, privacy, demo."""

from django.utils.translation import gettext_lazy as _


def setup_workshops():
    from wagtail.signals import page_published

    from cms import privacy
    from cms.demo import register_step
    from cms.queue import register_schedule

    from ..models.workshops import WorkshopPage
    from .jobs import workshop_published

    register_schedule("Workshopherinneringen versturen", "pilots.workshops.jobs.send_reminders", minutes=60)
    register_schedule("Workshop-bedankmails versturen", "pilots.workshops.jobs.send_thank_you", minutes=60)
    page_published.connect(workshop_published, sender=WorkshopPage, dispatch_uid="pilots_workshop_published")
    privacy.register(
        "workshop_registrations",
        label=_("Aanmeldingen voor workshops"),
        retention=_("3 maanden na de workshop"),
        purge="pilots.workshops.privacy.purge_registrations",
        export="pilots.workshops.privacy.export_registrations",
        erase="pilots.workshops.privacy.erase_registrations",
    )
    register_step("pilots.demo_workshops.load")
