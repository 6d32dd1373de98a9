"""Factories for pilots and stories, shared by the tests and `load_demo_content`."""

import factory
import wagtail_factories

from wagtail.rich_text import RichText

from .models import (
    PersonRole,
    PilotIndexPage,
    PilotPage,
    PilotPerson,
    StoryIndexPage,
    StoryKind,
    StoryPage,
    StoryPerson,
)


class PilotIndexPageFactory(wagtail_factories.PageFactory):
    title = "Pilots"
    slug = "pilots"
    intro = "Zo ging het in de pilotstraten."

    class Meta:
        model = PilotIndexPage


class PilotPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pilot {n}")
    slug = factory.Sequence(lambda n: f"pilot-{n}")
    intro = "Buren leerden elkaar beter kennen."
    district = "Zuidwijk"
    streets = "Langenhorst"
    year_start = 2015
    year_end = 2016
    project_leader = ""
    result_summary = "Meer contact tussen buren."
    streets_count = 1
    approach = factory.LazyFunction(lambda: [("paragraph", RichText("<p>Een enquête over burenhulp.</p>"))])

    class Meta:
        model = PilotPage


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Verhalen"
    slug = "verhalen"
    intro = "Gangmakers en professionals vertellen."

    class Meta:
        model = StoryIndexPage


class StoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Verhaal {n}")
    slug = factory.Sequence(lambda n: f"verhaal-{n}")
    intro = "Een buurvrouw kreeg een kerststukje."
    kind = StoryKind.GANGMAKER
    pull_quote = "Blijf vriendelijk en blijf het proberen."
    body = factory.LazyFunction(lambda: [("paragraph", RichText("<p>Het begon met een pakketje.</p>"))])

    class Meta:
        model = StoryPage


class StoryPersonFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(StoryPageFactory)
    name = factory.Sequence(lambda n: f"Bewoner {n}")
    role = PersonRole.GANGMAKER
    street_or_organisation = "Korenaarstraat"
    sort_order = factory.Sequence(int)

    class Meta:
        model = StoryPerson


class PilotPersonFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(PilotPageFactory)
    name = factory.Sequence(lambda n: f"Gangmaker {n}")
    role = PersonRole.GANGMAKER
    sort_order = factory.Sequence(int)

    class Meta:
        model = PilotPerson


# --- Pilot rounds, street sign-ups and story submissions ------------------------------------


def _open_from():
    import datetime

    from django.utils import timezone

    return timezone.now() - datetime.timedelta(days=7)


def _open_until():
    import datetime

    from django.utils import timezone

    return timezone.now() + datetime.timedelta(days=30)


class PilotRoundFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Ronde {2027 + n}")
    districts = "Feijenoord, Charlois"
    signup_opens = factory.LazyFunction(_open_from)
    signup_closes = factory.LazyFunction(_open_until)
    capacity = 10
    status = "open"
    selection_criteria = "Minstens twee gangmakers.\nDe straat wil een Opzoomerstraat zijn."

    class Meta:
        model = "pilots.PilotRound"


class StreetSignupFactory(factory.django.DjangoModelFactory):
    round = factory.SubFactory(PilotRoundFactory)
    street = factory.Sequence(lambda n: f"Teststraat {n}")
    postcode = "3074 TK"
    district = "Feijenoord"
    households = 40
    privacy_consent_at = factory.LazyFunction(_open_from)

    class Meta:
        model = "pilots.StreetSignup"


class GangmakerFactory(factory.django.DjangoModelFactory):
    signup = factory.SubFactory(StreetSignupFactory)
    name = factory.Sequence(lambda n: f"Gangmaker {n}")
    email = factory.Sequence(lambda n: f"gangmaker{n}@example.org")

    class Meta:
        model = "pilots.Gangmaker"


class StorySubmissionFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Ingestuurd verhaal {n}")
    text = "Onze buurvrouw kreeg elke dag een pannetje soep van iemand uit de straat."
    street = "Pruimenhof"
    display_name = "Mirjam"
    email = factory.Sequence(lambda n: f"schrijver{n}@example.org")
    publication_consent_at = factory.LazyFunction(_open_from)

    class Meta:
        model = "pilots.StorySubmission"
