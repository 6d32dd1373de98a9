"""The workshops' demo step: four workshops, seats as promised, translated index, idempotent."""

import pytest

from cms.demo import DemoContext
from cms.models import OutboundEmail
from home.models import MenuItem
from pilots.models import Registration, WorkshopIndexPage, WorkshopPage

pytestmark = pytest.mark.django_db


def test_the_workshop_demo_runs_twice_and_shows_full_and_nearly_full(
    client, django_capture_on_commit_callbacks
):
    from home.demo import load as load_home
    from pilots.demo_workshops import load as load_workshops

    def run():
        context = DemoContext()
        with django_capture_on_commit_callbacks(execute=True):
            load_home(context)
            load_workshops(context)

    run()
    counts = (WorkshopPage.objects.count(), Registration.objects.count(), OutboundEmail.objects.count())
    run()
    assert (
        WorkshopPage.objects.count(),
        Registration.objects.count(),
        OutboundEmail.objects.count(),
    ) == counts

    dutch = {page.slug: page for page in WorkshopPage.objects.filter(locale__language_code="nl")}
    assert len(dutch) == 4
    assert dutch["instrumenten"].seats_left == 3
    assert dutch["sluimerend-talent"].seats_left == 0
    assert dutch["sluimerend-talent"].has_waitlist
    assert Registration.objects.filter(workshop=dutch["pakketjes-maken"], status="attended").exists()
    assert WorkshopIndexPage.objects.filter(locale__language_code="en", live=True).exists()
    assert MenuItem.objects.filter(page__slug="workshops").exists()

    html = client.get("/nl/workshops/").content.decode()
    assert "Nog 3 plekken" in html
    assert "Vol — zet je op de wachtlijst" in html
    assert html.index("Instrumenten voor gangmakers") < html.index("Lief &amp; Leedpakketjes maken")
    assert client.get("/en/workshops/").status_code == 200
    assert client.get("/en/workshops/instrumenten/").status_code == 200
