"""The demo step of the pilots: complete, translated, idempotent, with a story waiting for consent."""

import pytest

from django.contrib.auth import get_user_model

from wagtail.models import Page, WorkflowState

from cms.demo import DemoContext
from cms.models import OutboundEmail
from home.models import Menu
from pilots.demo_content import PILOTS, STORIES, WAITING_STORY
from pilots.models import ConsentCheckTaskState, PilotPage, StoryPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(django_capture_on_commit_callbacks, media_root):
    from home.demo import load as load_home
    from pilots.demo import load as load_pilots

    def run():
        context = DemoContext()
        with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
            load_home(context)
            load_pilots(context)
        return context

    return run


def test_the_demo_builds_the_pilots_and_stories_and_runs_twice(client, demo):
    """One test, because the demo takes a while: it runs twice and is checked once."""
    demo()
    counts = (
        Page.objects.count(),
        PilotPage.objects.count(),
        StoryPage.objects.count(),
        OutboundEmail.objects.count(),
    )
    demo()
    assert (
        Page.objects.count(),
        PilotPage.objects.count(),
        StoryPage.objects.count(),
        OutboundEmail.objects.count(),
    ) == counts

    dutch_pilots = PilotPage.objects.filter(locale__language_code="nl")
    assert sorted(dutch_pilots.values_list("slug", flat=True)) == sorted(PILOTS)
    assert PilotPage.objects.filter(locale__language_code="en").count() >= 2
    assert StoryPage.objects.filter(locale__language_code="nl").count() == len(STORIES)
    assert StoryPage.objects.filter(locale__language_code="en", live=True).count() >= 3
    assert StoryPage.objects.filter(locale__language_code="ar", live=True).count() == 1

    for url in [
        "/nl/pilots/",
        "/nl/pilots/zuidwijk-langenhorst/",
        "/nl/verhalen/",
        "/nl/verhalen/een-verrassing-voor-de-buurvrouw/",
        "/en/pilots/",
        "/en/pilots/heart-of-the-landenbuurt/",
        "/en/stories/",
        "/en/stories/help-is-never-far-away/",
        "/ar/qisas/mufaja-lil-jara/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
    arabic = client.get("/ar/qisas/mufaja-lil-jara/").content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic and "مفاجأة للجارة" in arabic
    english = client.get("/en/stories/help-is-never-far-away/").content.decode()
    assert 'alt="Drawing of a tall block of flats with balconies and trees in front."' in english
    assert 'href="/en/pilots/zuidwijk-langenhorst/"' in english

    main_menu = Menu.objects.get(kind=Menu.Kind.MAIN, locale__language_code="nl")
    linked = set(main_menu.items.values_list("page__slug", flat=True))
    assert {"pilots", "verhalen"} <= linked
    nav = client.get("/nl/").content.decode()
    assert 'href="/nl/pilots/"' in nav and 'href="/nl/verhalen/"' in nav

    check_the_story_that_waits_at_the_consent_step(client)
    check_the_demo_editors()


def check_the_story_that_waits_at_the_consent_step(client):
    waiting = StoryPage.objects.get(slug=WAITING_STORY)
    assert not waiting.live
    assert client.get(f"/nl/verhalen/{WAITING_STORY}/").status_code == 404
    workflow_state = WorkflowState.objects.active().for_instance(waiting).get()
    assert workflow_state.requested_by.username == "redacteur"
    task_state = workflow_state.current_task_state.specific
    assert isinstance(task_state, ConsentCheckTaskState)
    first = workflow_state.task_states.order_by("pk").first()
    assert first.task.name == "Redactie" and first.finished_by.username == "redacteur2"
    # The moderator was told, through the outbox, with a plain-text subject.
    mail = OutboundEmail.objects.get(recipients=["moderator@example.org"])
    assert mail.subject == f"Ter controle (Toestemming): {waiting.title}"
    assert "&amp;" not in mail.subject


def check_the_demo_editors():
    """One per group; they cannot log in until an administrator gives them a password."""
    users = get_user_model().objects.filter(
        username__in=["redacteur", "moderator", "eindredacteur", "vertaler"]
    )
    assert users.count() == 4
    assert not any(user.has_usable_password() for user in users)
    assert sorted(users.values_list("groups__name", flat=True)) == sorted(
        ["Redactie", "Moderatoren", "Eindredactie", "Vertalers"]
    )
