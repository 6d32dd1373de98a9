"""Workshop registrations in the personal-data register: purge, export, erase."""

import datetime

import pytest

from django.utils import timezone

from cms import privacy
from pilots.models import Registration
from pilots.workshops.factories import RegistrationFactory, WorkshopIndexPageFactory, WorkshopPageFactory

from .workshop_helpers import mails_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return WorkshopIndexPageFactory(parent=home_page)


def kind():
    return next(k for k in privacy.registered() if k.name == "workshop_registrations")


def past_workshop(index, days_ago):
    ended = timezone.now() - datetime.timedelta(days=days_ago)
    return WorkshopPageFactory(parent=index, starts_at=ended - datetime.timedelta(hours=2), ends_at=ended)


def test_purge_removes_registrations_three_months_after_the_workshop(index):
    old = RegistrationFactory(workshop=past_workshop(index, 91))
    recent = RegistrationFactory(workshop=past_workshop(index, 80))
    upcoming = RegistrationFactory(workshop=WorkshopPageFactory(parent=index))
    assert kind().run_purge() == 1
    assert kind().run_purge() == 0
    remaining = set(Registration.objects.values_list("pk", flat=True))
    assert remaining == {recent.pk, upcoming.pk}
    assert old.pk not in remaining


def test_export_and_erase_by_email(index):
    workshop = WorkshopPageFactory(parent=index, capacity=1)
    RegistrationFactory(workshop=workshop, email="fatima@example.org", name="Fatima", phone="0612345678")
    waiting = RegistrationFactory(workshop=workshop, status="waitlist", waitlisted_at=timezone.now())
    export = kind().run_export("Fatima@Example.org ")
    assert [record["name"] for record in export.records] == ["Fatima"]
    assert export.records[0]["phone"] == "0612345678"
    assert kind().run_erase("fatima@example.org") == 1
    assert not Registration.objects.filter(email="fatima@example.org").exists()
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"  # the erased seat went to the waitlist
    assert kind().run_erase("fatima@example.org") == 0
    assert mails_to("fatima@example.org") == []  # no "you are cancelled" mail keeps the address
