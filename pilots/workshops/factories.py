"""Factories for workshops and registrations, shared by the tests and the demo content."""

import datetime

import factory
import wagtail_factories

from django.utils import timezone

from ..models.workshops import Registration, WorkshopIndexPage, WorkshopPage


def in_days(days, hour=19, minute=30):
    """An aware datetime `days` from today at hour:minute, Dutch time."""
    local = timezone.localtime() + datetime.timedelta(days=days)
    return local.replace(hour=hour, minute=minute, second=0, microsecond=0)


class WorkshopIndexPageFactory(wagtail_factories.PageFactory):
    title = "Workshops"
    slug = "workshops"
    intro = "Leer samen met andere gangmakers."

    class Meta:
        model = WorkshopIndexPage


class WorkshopPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Workshop {n}")
    slug = factory.Sequence(lambda n: f"workshop-{n}")
    intro = "Een avond vol ideeën voor je straat."
    description = "<p>We oefenen met de instrumenten van Lief &amp; Leed.</p>"
    audience = "Gangmakers"
    starts_at = factory.LazyFunction(lambda: in_days(14))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    venue = "Buurthuis De Kameel"
    address = "Kameelstraat 1, Rotterdam"
    accessibility = "Drempelvrij, met een invalidentoilet."
    capacity = 20
    ask_dietary = True
    ask_accessibility = True

    class Meta:
        model = WorkshopPage


class RegistrationFactory(factory.django.DjangoModelFactory):
    workshop = factory.SubFactory(WorkshopPageFactory)
    name = factory.Sequence(lambda n: f"Buur {n}")
    email = factory.Sequence(lambda n: f"buur{n}@example.org")
    street = "Korenaarstraat"
    people = 1
    language = "nl"
    status = Registration.Status.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Registration
