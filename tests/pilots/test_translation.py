"""Translations: Vertalers translate but cannot publish, and translations pass the same workflow."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page, WorkflowPage, WorkflowState
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from pilots.consent import confirm_consent_and_approve
from pilots.factories import StoryPageFactory, StoryPersonFactory
from pilots.models import StoryPage
from pilots.translation_review import can_submit_translation
from pilots.workflow import WORKFLOW_NAME

from .conftest import publish_translation, publish_with_consent

pytestmark = pytest.mark.django_db


@pytest.fixture
def synced_story(story_index, english_home, locales, django_capture_on_commit_callbacks):
    """A live Dutch story with a live English translation that wagtail-localize keeps in sync."""
    story = StoryPageFactory(parent=story_index, title="Hulp is nooit ver weg", slug="hulp")
    StoryPersonFactory(page=story, name="Ria van der Reek", street_or_organisation="Langenhorst")
    publish_with_consent(story)
    publish_translation(story_index, locales["en"], title="Stories", slug="stories")
    source, _ = TranslationSource.get_or_create_from_instance(story)
    translation = Translation.objects.create(source=source, target_locale=locales["en"])
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=False)  # untranslated strings fall back to the Dutch text
    english = publish_with_consent(story.get_translation(locales["en"]))  # it names Ria too
    return story, english, translation


def translate_title(translation, text):
    segment = translation.source.stringsegment_set.get(context__path="title")
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=translation.target_locale,
        context=segment.context,
        defaults={"data": text},
    )


def test_every_language_gets_the_workflow_and_the_permissions(story_index, english_home, locales):
    english = publish_translation(story_index, locales["en"], title="Stories", slug="stories")
    assert WorkflowPage.objects.get(page=story_index).workflow.name == WORKFLOW_NAME
    assert WorkflowPage.objects.get(page=english).workflow.name == WORKFLOW_NAME

    def groups_with(page, codename):
        return sorted(
            GroupPagePermission.objects.filter(page=page, permission__codename=codename).values_list(
                "group__name", flat=True
            )
        )

    assert groups_with(story_index, "change_page") == ["Eindredactie", "Redactie"]
    assert groups_with(english, "change_page") == ["Eindredactie", "Vertalers"]
    assert (
        groups_with(story_index, "publish_page") == groups_with(english, "publish_page") == ["Eindredactie"]
    )


def test_vertalers_edit_translations_but_not_the_dutch_source(synced_story, editors):
    story, english, _ = synced_story
    vertaler = editors["vertaler"]
    assert english.permissions_for_user(vertaler).can_edit()
    assert not english.permissions_for_user(vertaler).can_publish()
    assert not story.permissions_for_user(vertaler).can_edit()
    assert not story.permissions_for_user(vertaler).can_publish()
    assert vertaler.has_perm("wagtail_localize.submit_translation")
    assert not english.permissions_for_user(editors["redacteur"]).can_edit()


def test_the_translation_editor_opens_for_vertalers_only_on_translations(client, synced_story, editors):
    story, english, _ = synced_story
    client.force_login(editors["vertaler"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    assert response.status_code == 200
    assert b"wagtail-localize" in response.content  # the synced translation editor
    response = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    assert response.status_code == 302  # "no access"
    assert response["Location"] == reverse("wagtailadmin_home")


def test_a_translation_goes_through_the_same_workflow(client, synced_story, editors):
    story, english, translation = synced_story
    vertaler = editors["vertaler"]
    assert english.get_workflow().name == WORKFLOW_NAME
    assert can_submit_translation(english, vertaler)
    assert not can_submit_translation(story, vertaler)  # the Dutch page is not a translation
    assert not can_submit_translation(english, editors["redacteur"])  # no permission on English pages

    translate_title(translation, "Help is never far away")
    client.force_login(vertaler)
    url = reverse("pilots_submit_translation", args=[english.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert "Ter controle aanbieden" in response.content.decode()
    response = client.post(url)
    assert response.status_code == 302

    english = StoryPage.objects.get(pk=english.pk)
    assert english.title == "Hulp is nooit ver weg"  # the live page is unchanged for now
    assert english.draft_title == "Help is never far away" and english.has_unpublished_changes
    assert "Help is never far away" not in client.get("/en/stories/hulp/").content.decode()
    assert english.get_latest_revision_as_object().title == "Help is never far away"
    workflow_state = WorkflowState.objects.active().for_instance(english).get()
    assert workflow_state.requested_by == vertaler
    assert not can_submit_translation(english, vertaler)  # already in review
    assert client.post(url).status_code == 302  # refused: back to the dashboard
    assert WorkflowState.objects.active().for_instance(english).count() == 1

    # The same three steps; the last one publishes the English page.
    english.current_workflow_task_state.approve(user=editors["collega"])
    confirm_consent_and_approve(
        english.current_workflow_task_state.specific,
        editors["moderator"],
        confirmations=[{"name": "Ria van der Reek", "location": "Map Zuidwijk"}],
    )
    english.current_workflow_task_state.approve(user=editors["eindredacteur"])
    english.refresh_from_db()
    assert english.live and english.title == "Help is never far away"
    assert client.get("/en/stories/hulp/").status_code == 200
    assert StoryPage.objects.get(pk=story.pk).title == "Hulp is nooit ver weg"


def test_the_submit_button_shows_for_translations_in_the_explorer(client, synced_story, editors):
    _, english, _ = synced_story
    client.force_login(editors["vertaler"])
    response = client.get(reverse("wagtailadmin_explore", args=[english.get_parent().pk]))
    assert response.status_code == 200
    assert reverse("pilots_submit_translation", args=[english.pk]) in response.content.decode()


def test_groups_have_least_privilege():
    def codenames(name):
        return sorted(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    assert codenames("Redactie") == ["access_admin", "view_consentconfirmation"]
    assert codenames("Eindredactie") == ["access_admin", "view_consentconfirmation"]
    # Moderatoren also moderate sign-ups and story submissions (migration pilots/0003).
    from pilots.signup_mail_defaults import MODERATOR_PERMISSIONS

    moderation = [f"{action}_{model}" for model, actions in MODERATOR_PERMISSIONS for action in actions]
    assert codenames("Moderatoren") == sorted(["access_admin", "view_consentconfirmation", *moderation])
    assert codenames("Vertalers") == ["access_admin", "submit_translation"]
    # No page permissions anywhere but the pilots and stories sections.
    root = Page.get_first_root_node()
    assert not GroupPagePermission.objects.filter(
        page=root, group__name__in=["Redactie", "Vertalers"]
    ).exists()


def test_ensure_workflow_is_idempotent(story_index, pilot_index):
    from wagtail.models import GroupCollectionPermission, Task, Workflow

    from pilots.workflow import ensure_workflow

    def counts():
        return (
            Group.objects.count(),
            Workflow.objects.count(),
            Task.objects.count(),
            WorkflowPage.objects.count(),
            GroupPagePermission.objects.count(),
            GroupCollectionPermission.objects.count(),
        )

    before = counts()
    ensure_workflow()
    ensure_workflow()
    assert counts() == before
    assert (
        WorkflowPage.objects.filter(page__in=[story_index, pilot_index], workflow__name=WORKFLOW_NAME).count()
        == 2
    )


def test_translators_see_and_hear_what_is_out_of_date(synced_story, editors):
    from cms.models import OutboundEmail

    story, english, translation = synced_story
    translate_title(translation, "Help is never far away")
    total, done = translation.get_progress()
    OutboundEmail.objects.all().delete()

    story.title = "Hulp is altijd dichtbij"
    story.intro = "Een nieuwe inleiding."
    revision = story.save_revision(user=editors["eindredacteur"])
    revision.publish()

    translation.refresh_from_db()
    new_total, new_done = translation.get_progress()
    assert new_total - new_done >= 2  # the new title and intro wait for a translator
    segment_texts = set(translation.source.stringsegment_set.values_list("string__data", flat=True))
    assert "Hulp is altijd dichtbij" in segment_texts
    (mail,) = OutboundEmail.objects.all()
    assert mail.recipients == ["vertaler@example.org"]
    assert mail.subject == "Vertaling bijwerken: Hulp is altijd dichtbij"
    assert "English" in mail.body_text and "teksten te vertalen" in mail.body_text
    assert f"/admin/pages/{english.pk}/edit/" in mail.body_text

    # Publishing the English page itself changes no source: no mail.
    english.save_revision().publish()
    assert OutboundEmail.objects.count() == 1
