"""Reminders, thank-you mails and change notices: each sent once, in the registrant's language."""

import datetime

import pytest

from django.utils import timezone

from cms.queue import registered_schedules
from pilots.models import Registration
from pilots.workshops import jobs
from pilots.workshops.factories import (
    RegistrationFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
    in_days,
)

from .workshop_helpers import attachment, mails_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop_index(home_page):
    return WorkshopIndexPageFactory(parent=home_page)


def test_schedules_are_registered():
    funcs = {job.func for job in registered_schedules()}
    assert "pilots.workshops.jobs.send_reminders" in funcs
    assert "pilots.workshops.jobs.send_thank_you" in funcs


def test_reminder_is_sent_once_the_day_before_even_when_the_schedule_runs_twice(workshop_index):
    tomorrow = WorkshopPageFactory(parent=workshop_index, title="Morgen", starts_at=in_days(1, hour=10))
    later = WorkshopPageFactory(parent=workshop_index, title="Later", starts_at=in_days(3))
    going = RegistrationFactory(workshop=tomorrow, email="gaat@example.org")
    waiting = RegistrationFactory(workshop=tomorrow, email="wacht@example.org", status="waitlist")
    cancelled = RegistrationFactory(workshop=tomorrow, email="niet@example.org", status="cancelled")
    RegistrationFactory(workshop=later, email="later@example.org")

    assert jobs.send_reminders() == 1
    assert jobs.send_reminders() == 0  # a second run (or a restarted worker) sends nothing again
    [mail] = mails_to("gaat@example.org")
    assert mail.subject == "Morgen: Morgen"
    assert attachment(mail) is not None
    going.refresh_from_db()
    assert going.reminder_sent_at is not None
    for registration in (waiting, cancelled):
        assert mails_to(registration.email) == []
    assert mails_to("later@example.org") == []


def test_reminder_uses_the_registrants_language(workshop_index, locales):
    workshop = WorkshopPageFactory(parent=workshop_index, starts_at=in_days(1))
    RegistrationFactory(workshop=workshop, email="en@example.org", language="en")
    jobs.send_reminders()
    [mail] = mails_to("en@example.org")
    assert mail.language == "en"


def test_a_reminder_claimed_by_another_worker_is_not_sent(workshop_index):
    workshop = WorkshopPageFactory(parent=workshop_index, starts_at=in_days(1))
    registration = RegistrationFactory(workshop=workshop)
    due = list(Registration.objects.filter(pk=registration.pk).select_related("workshop"))
    Registration.objects.filter(pk=registration.pk).update(
        reminder_sent_at=timezone.now()
    )  # the other worker
    assert jobs._claim_and_queue(due, "reminder_sent_at", jobs.mails.queue_reminder) == 0
    assert mails_to(registration.email) == []


def test_thank_you_after_the_workshop_once_and_not_for_no_shows(workshop_index):
    past = WorkshopPageFactory(
        parent=workshop_index,
        starts_at=timezone.now() - datetime.timedelta(hours=5),
        ends_at=timezone.now() - datetime.timedelta(hours=3),
    )
    RegistrationFactory(workshop=past, email="was-er@example.org", status="attended")
    RegistrationFactory(workshop=past, email="weg@example.org", status="no_show")
    assert jobs.send_thank_you() == 1
    assert jobs.send_thank_you() == 0
    assert len(mails_to("was-er@example.org", "Bedankt")) == 1
    assert mails_to("weg@example.org") == []


def test_time_change_and_cancellation_are_announced_once_per_change(workshop_index):
    workshop = WorkshopPageFactory(parent=workshop_index, title="Instrumenten")
    workshop.save_revision().publish()  # first publication: remembered, nobody told
    registration = RegistrationFactory(workshop=workshop, email="buur@example.org")
    RegistrationFactory(workshop=workshop, email="weg@example.org", status="cancelled")

    workshop.intro = "Nieuwe inleiding"
    workshop.save_revision().publish()
    assert mails_to("buur@example.org") == []  # nothing that matters to registrants changed

    workshop.starts_at += datetime.timedelta(hours=1)
    workshop.ends_at += datetime.timedelta(hours=1)
    workshop.save_revision().publish()
    workshop.save_revision().publish()
    [changed] = mails_to("buur@example.org")
    assert changed.subject == "Gewijzigd: Instrumenten"
    assert attachment(changed) is not None

    workshop.is_cancelled = True
    workshop.save_revision().publish()
    subjects = [mail.subject for mail in mails_to("buur@example.org")]
    assert subjects == ["Gewijzigd: Instrumenten", "Gaat niet door: Instrumenten"]
    assert mails_to("weg@example.org") == []
    registration.refresh_from_db()
    assert registration.status == "confirmed"
