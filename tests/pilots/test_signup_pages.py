"""The sign-up and story pages, the home-page announcement, privacy of sign-ups, the demo step."""

import datetime

import pytest

from django.utils import timezone

from cms.demo import DemoContext
from pilots.factories import GangmakerFactory, PilotRoundFactory, StreetSignupFactory
from pilots.models import (
    PilotRound,
    RoundSubscriber,
    SignupPage,
    StoryIndexPage,
    StorySubmission,
    StorySubmissionPage,
    StreetSignup,
)

pytestmark = pytest.mark.django_db


def test_the_pages_live_under_the_home_page_once(home_page, signup_page, submission_page, story_index):
    assert not SignupPage.can_create_at(home_page)  # one per home page
    assert not StorySubmissionPage.can_create_at(home_page)
    assert not SignupPage.can_create_at(story_index)
    assert not StorySubmissionPage.can_create_at(story_index)
    assert StoryIndexPage.can_create_at(home_page) is False


def test_the_home_page_announces_the_open_round_with_its_deadline(client, home_page, signup_page):
    assert "Meld je straat aan" not in client.get("/nl/").content.decode()
    PilotRoundFactory(
        name="Lief & Leed ronde 2027", signup_closes=timezone.now() + datetime.timedelta(days=12, hours=1)
    )
    html = client.get("/nl/").content.decode()
    assert "Aanmelden voor Lief &amp; Leed ronde 2027" in html
    assert "Nog 12 dagen" in html
    assert 'href="/nl/meedoen/"' in html


def test_a_round_that_closed_or_is_planned_is_not_open(client, signup_page):
    PilotRoundFactory(status="open", signup_closes=timezone.now() - datetime.timedelta(minutes=1))
    PilotRoundFactory(status="planned")
    assert PilotRound.objects.open().count() == 0
    assert "Aanmelden kan nu niet" in client.get("/nl/meedoen/").content.decode()


def test_signup_privacy_export_erase_and_purge(open_round):
    from cms import privacy

    kinds = {kind.name: kind for kind in privacy.registered()}
    signup = StreetSignupFactory(round=open_round)
    GangmakerFactory(signup=signup, email="ans@example.org", name="Ans")
    GangmakerFactory(signup=signup, email="yusuf@example.org", name="Yusuf")
    RoundSubscriber.objects.create(email="ans@example.org")
    export = kinds["street_signups"].run_export("ANS@example.org")
    assert {record["kind"] for record in export.records} == {"street_signup", "round_subscriber"}
    assert export.records[0]["gangmaker"]["name"] == "Ans"
    assert kinds["street_signups"].run_erase("ans@example.org") == 2
    assert list(signup.gangmakers.values_list("name", flat=True)) == ["Yusuf"]
    assert kinds["street_signups"].run_erase("yusuf@example.org") == 1
    assert not StreetSignup.objects.filter(pk=signup.pk).exists()  # nobody left on it

    closed = PilotRoundFactory(
        signup_opens=timezone.now() - datetime.timedelta(days=500),
        signup_closes=timezone.now() - datetime.timedelta(days=400),
        status="closed",
    )
    old = StreetSignupFactory(round=closed, state="declined")
    kept = StreetSignupFactory(round=closed, state="accepted")  # still taking part
    declined = StreetSignupFactory(
        round=open_round, state="declined", state_changed_at=timezone.now() - datetime.timedelta(days=40)
    )
    current = StreetSignupFactory(round=open_round)
    kinds["street_signups"].run_purge()
    remaining = set(StreetSignup.objects.values_list("pk", flat=True))
    assert remaining == {kept.pk, current.pk}
    assert old.pk and declined.pk


def test_the_demo_builds_pages_a_round_in_every_state_and_runs_twice(
    client, django_capture_on_commit_callbacks
):
    from home.demo import load as load_home
    from pilots.demo import load as load_pilots
    from pilots.demo_signups import load as load_signups

    def run():
        context = DemoContext()
        with django_capture_on_commit_callbacks(execute=True):
            load_home(context)
            load_pilots(context)
            load_signups(context)

    run()
    counts = (StreetSignup.objects.count(), StorySubmission.objects.count(), PilotRound.objects.count())
    run()
    assert (
        StreetSignup.objects.count(),
        StorySubmission.objects.count(),
        PilotRound.objects.count(),
    ) == counts
    round_ = PilotRound.objects.get(name="Lief & Leed ronde 2027")
    assert round_.is_open()
    assert set(round_.signups.values_list("state", flat=True)) == set(StreetSignup.State.values)
    assert round_.signups.filter(duplicate_of__isnull=False).count() == 1
    assert StorySubmission.objects.filter(state="new").count() >= 2
    for url in ["/nl/meedoen/", "/en/join/", "/nl/deel-je-verhaal/", "/en/share-your-story/", "/nl/"]:
        assert client.get(url).status_code == 200, url
    assert "ronde 2027" in client.get("/nl/").content.decode()
