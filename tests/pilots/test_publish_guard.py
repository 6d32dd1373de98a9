"""Every route that can make a page live, tried by every group (issue 13, item 1).

The guard is one point, ``cms.publishing`` (every page model's ``publish``). The table below walks
the routes: Wagtail's edit view, its bulk action, wagtail-localize's edit-translation and
update-translations views, and a shell or command publishing a member's revision. A story that
names a person, in Dutch and in English, goes live for nobody in the editorial groups; only an
administrator may publish directly (as documented). The workflow itself publishes after consent.
"""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from cms.publishing import PublishRefused
from pilots.factories import StoryPageFactory, StoryPersonFactory
from pilots.models import StoryPage
from pilots.workflow import EINDREDACTIE, MODERATOREN, REDACTIE, VERTALERS

from .conftest import make_user, publish_translation, publish_with_consent
from .test_workflow import story_form

pytestmark = pytest.mark.django_db

GROUPS = [REDACTIE, EINDREDACTIE, MODERATOREN, VERTALERS, "Privacyfunctionaris"]


@pytest.fixture
def subjects(story_index, english_home, locales, django_capture_on_commit_callbacks):
    """A Dutch draft story naming a person (never reviewed) and a draft English translation of a
    live, consented story (its translation names the same person and was never reviewed)."""
    dutch = StoryPageFactory(parent=story_index, title="Nog niet gecontroleerd", slug="concept", live=False)
    StoryPersonFactory(page=dutch, name="Noreen Mir", street_or_organisation="Korenaarstraat")
    dutch.save_revision()
    live = StoryPageFactory(parent=story_index, title="Hulp is nooit ver weg", slug="hulp")
    StoryPersonFactory(page=live, name="Ria van der Reek", street_or_organisation="Langenhorst")
    publish_with_consent(live)
    publish_translation(story_index, locales["en"], title="Stories", slug="stories")
    source, _ = TranslationSource.get_or_create_from_instance(live)
    translation = Translation.objects.create(source=source, target_locale=locales["en"])
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=False)
    english = live.get_translation(locales["en"])
    assert not english.live
    return {"dutch": Page.objects.get(pk=dutch.pk).specific, "english": english, "source": source}


def member(group_name):
    if group_name == "superuser":
        return make_user("beheerder", superuser=True)
    return make_user(f"lid-{group_name.lower()}", group_name)


def edit_view(client, user, page, subjects, capture):
    """Wagtail's page editor, "Publiceren" (for a synced translation: wagtail-localize's editor)."""
    client.force_login(user)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if page.locale.language_code == "nl":
        data = story_form(title=page.title, slug=page.slug)
        data["action-publish"] = "publish"
    else:
        data = {"action": "publish"}
    with capture(execute=True):
        return client.post(url, data)


def bulk_action(client, user, page, subjects, capture):
    client.force_login(user)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={page.pk}"
    with capture(execute=True):
        return client.post(url, {})


def update_translations(client, user, page, subjects, capture):
    """wagtail-localize's "update existing translations" with "publish immediately"."""
    client.force_login(user)
    url = reverse("wagtail_localize:update_translations", args=[subjects["source"].pk])
    with capture(execute=True):
        return client.post(url, {"publish_translations": "on"})


def shell(client, user, page, subjects, capture):
    """A shell, a command or any code: the member's revision, published without a user."""
    try:
        with capture(execute=True):
            page.save_revision(user=user).publish()
    except PublishRefused as refused:
        return refused
    return None


ROUTES = {
    "dutch": [edit_view, bulk_action, shell],
    "english": [edit_view, bulk_action, update_translations, shell],
}
CASES = [
    (subject, route, group)
    for subject, routes in ROUTES.items()
    for route in routes
    for group in [*GROUPS, "superuser"]
]


@pytest.mark.parametrize("subject,route,group", CASES, ids=[f"{s}-{r.__name__}-{g}" for s, r, g in CASES])
def test_no_group_makes_a_page_naming_people_live_without_consent(
    client, subjects, subject, route, group, django_capture_on_commit_callbacks
):
    page = subjects[subject]
    user = member(group)
    route(client, user, page, subjects, django_capture_on_commit_callbacks)
    live = StoryPage.objects.get(pk=page.pk).live
    # Administrators may publish directly (docs/editing-guide.md); nobody else, on any route.
    assert live == (group == "superuser"), f"{subject} via {route.__name__} as {group}"


def test_a_translator_is_told_on_the_form_and_loses_nothing(client, subjects):
    vertaler = member(VERTALERS)
    client.force_login(vertaler)
    url = reverse("wagtail_localize:update_translations", args=[subjects["source"].pk])
    response = client.post(url, {"publish_translations": "on"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "niet meteen publiceren" in html and "stuur ze in voor controle" in html
    assert not StoryPage.objects.get(pk=subjects["english"].pk).live
    # Without the box the translations are updated as drafts, as before.
    response = client.post(url, {})
    assert response.status_code == 302


def test_the_shell_is_refused_with_the_reason(subjects):
    refusal = shell(None, member(REDACTIE), subjects["dutch"], subjects, _no_capture)
    assert isinstance(refusal, PublishRefused) and "toestemming" in str(refusal)
    # With no user at all (the site itself), the consent rule still holds.
    with pytest.raises(PublishRefused):
        subjects["english"].save_revision().publish()
    assert not StoryPage.objects.get(pk=subjects["english"].pk).live


def test_the_workflow_publishes_both_languages_after_consent(subjects):
    for page in (subjects["dutch"], subjects["english"]):
        publish_with_consent(page)
        assert StoryPage.objects.get(pk=page.pk).live


def test_scheduled_publishing_of_an_approved_revision_goes_ahead(subjects):
    """The go-live time is approved by whoever may publish; publish_scheduled then goes ahead."""
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    page = subjects["dutch"]
    publish_with_consent(page)  # consent for this content
    page.refresh_from_db()
    page.unpublish()
    revision = page.save_revision(user=member(REDACTIE))
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save(update_fields=["approved_go_live_at"])
    call_command("publish_scheduled", verbosity=0)
    assert StoryPage.objects.get(pk=page.pk).live


def test_a_member_cannot_schedule_past_the_guard(subjects):
    import datetime

    from django.utils import timezone

    page = subjects["dutch"]
    eindredacteur = member(EINDREDACTIE)
    page.go_live_at = timezone.now() + datetime.timedelta(days=1)
    revision = page.save_revision(user=eindredacteur)
    with pytest.raises(PublishRefused):
        revision.publish(user=eindredacteur)
    assert not Page.objects.get(pk=page.pk).live
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None


def test_every_page_model_has_the_guard():
    from wagtail.models import get_page_models

    from cms.publishing import GuardedPublishMixin

    unguarded = [
        model.__name__
        for model in get_page_models()
        if model is not Page and not issubclass(model, GuardedPublishMixin)
    ]
    assert unguarded == []


def test_wagtails_default_groups_are_gone():
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


class _no_capture:
    def __init__(self, execute=True):
        pass

    def __enter__(self):
        return []

    def __exit__(self, *exc):
        return False
