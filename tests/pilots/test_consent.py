"""The consent check task on its own: the form, the one function that records consent, the log."""

import pytest

from django.core.exceptions import PermissionDenied

from wagtail.log_actions import registry as log_registry
from wagtail.models import PageLogEntry, Task, TaskState, Workflow

from pilots.consent import ConsentApprovalForm, ConsentMissing, confirm_consent_and_approve
from pilots.factories import PilotPageFactory, PilotPersonFactory, StoryPageFactory, StoryPersonFactory
from pilots.models import ConsentCheckTask, ConsentCheckTaskState, ConsentConfirmation
from pilots.workflow import WORKFLOW_NAME

pytestmark = pytest.mark.django_db


def start_at_consent_step(page, user):
    """Submit `page` to the editorial workflow and approve the first step: it waits for consent."""
    page.save_revision(user=user)
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    workflow.start(page, user)
    page.current_workflow_task_state.approve(user=user)
    task_state = page.current_workflow_task_state.specific
    assert isinstance(task_state, ConsentCheckTaskState)
    return task_state


@pytest.fixture
def story(story_index):
    story = StoryPageFactory(parent=story_index, title="Een verrassing", live=False)
    StoryPersonFactory(page=story, name="Noreen Mir", street_or_organisation="Korenaarstraat")
    StoryPersonFactory(page=story, name="Frieda", street_or_organisation="Korenaarstraat")
    return story


def test_the_workflow_has_the_consent_check_as_its_second_step():
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    tasks = [task.specific for task in workflow.tasks]
    assert [task.name for task in tasks] == ["Redactie", "Toestemming", "Eindredactie"]
    assert [type(task).__name__ for task in tasks] == [
        "GroupApprovalTask",
        "ConsentCheckTask",
        "GroupApprovalTask",
    ]
    assert [[group.name for group in task.groups.all()] for task in tasks] == [
        ["Redactie"],
        ["Moderatoren"],
        ["Eindredactie"],
    ]
    assert ConsentCheckTask.get_task_state_class() is ConsentCheckTaskState


def test_the_form_lists_every_person_and_refuses_an_incomplete_confirmation(story, editors):
    task_state = start_at_consent_step(story, editors["redacteur"])
    form = ConsentApprovalForm(task_state=task_state)
    assert [person["name"] for person in form.people] == ["Noreen Mir", "Frieda"]
    assert form.fields["review"].initial == task_state.pk
    assert "Toestemming van Noreen Mir (gangmaker, Korenaarstraat) is aanwezig" in str(
        form.fields["person_0_confirmed"].label
    )

    incomplete = ConsentApprovalForm(
        {
            "review": task_state.pk,
            "person_0_confirmed": "on",
            "person_0_location": "Map 1",
            "person_1_confirmed": "on",
        }
    )
    assert not incomplete.is_valid()
    assert list(incomplete.errors) == ["person_1_location", "__all__"]

    unchecked = ConsentApprovalForm(
        {
            "review": task_state.pk,
            "person_0_location": "Map 1",
            "person_1_confirmed": "on",
            "person_1_location": "Map 1",
        }
    )
    assert not unchecked.is_valid()
    assert "person_0_confirmed" in unchecked.errors

    complete = ConsentApprovalForm(
        {
            "review": task_state.pk,
            "person_0_confirmed": "on",
            "person_0_location": "  Map 1  ",
            "person_1_confirmed": "on",
            "person_1_location": "Map 2",
            "comment": "Formulieren gescand.",
        }
    )
    assert complete.is_valid(), complete.errors
    assert complete.cleaned_data == {
        "review": task_state.pk,
        "comment": "Formulieren gescand.",
        "confirmations": [
            {"name": "Noreen Mir", "role": "gangmaker, Korenaarstraat", "location": "Map 1"},
            {"name": "Frieda", "role": "gangmaker, Korenaarstraat", "location": "Map 2"},
        ],
    }


def test_the_form_without_a_review_is_invalid():
    form = ConsentApprovalForm({"review": "not-a-number"})
    assert not form.is_valid()
    assert form.people == []


def test_approval_without_every_person_is_impossible(story, editors):
    task_state = start_at_consent_step(story, editors["redacteur"])
    moderator = editors["moderator"]
    with pytest.raises(ConsentMissing):
        confirm_consent_and_approve(task_state, moderator, confirmations=[])
    with pytest.raises(ConsentMissing):
        confirm_consent_and_approve(
            task_state,
            moderator,
            confirmations=[{"name": "Noreen Mir", "location": "Map 1"}, {"name": "Frieda", "location": "  "}],
        )
    with pytest.raises(ConsentMissing):  # "nobody" does not count when there are people
        confirm_consent_and_approve(task_state, moderator, nobody=True)
    # Wagtail's plain "approve" goes through the same check.
    with pytest.raises(PermissionDenied):
        task_state.task.specific.on_action(task_state, moderator, "approve", comment="ok")
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not ConsentConfirmation.objects.exists()
    assert not PageLogEntry.objects.filter(action="pilots.consent_confirmed").exists()


def test_a_confirmation_for_another_review_is_refused(story, editors):
    task_state = start_at_consent_step(story, editors["redacteur"])
    with pytest.raises(PermissionDenied):
        confirm_consent_and_approve(
            task_state,
            editors["moderator"],
            review=task_state.pk + 1000,
            confirmations=[
                {"name": "Noreen Mir", "location": "Map 1"},
                {"name": "Frieda", "location": "Map 1"},
            ],
        )


def test_confirming_stores_logs_and_approves(story, editors):
    task_state = start_at_consent_step(story, editors["redacteur"])
    moderator = editors["moderator"]
    confirm_consent_and_approve(
        task_state,
        moderator,
        review=task_state.pk,
        comment="Gecontroleerd.",
        confirmations=[
            {"name": "Frieda", "location": "Kast 2"},
            {"name": "Noreen Mir", "location": "Kast 1"},
        ],
    )
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    assert task_state.finished_by == moderator
    rows = list(ConsentConfirmation.objects.order_by("pk"))
    assert [(row.person_name, row.location) for row in rows] == [
        ("Noreen Mir", "Kast 1"),
        ("Frieda", "Kast 2"),
    ]
    assert {row.revision_id for row in rows} == {story.get_latest_revision().pk}
    assert {row.page_id for row in rows} == {story.pk}
    assert all(row.confirmed_by == moderator and row.confirmed_at for row in rows)
    assert task_state.specific.get_comment() == (
        "Gecontroleerd.\nToestemming bevestigd voor: Noreen Mir (Kast 1); Frieda (Kast 2)."
    )

    entry = PageLogEntry.objects.get(page=story, action="pilots.consent_confirmed")
    assert entry.user == moderator
    assert entry.revision_id == story.get_latest_revision().pk
    assert entry.data["task_state_id"] == task_state.pk
    assert entry.message == "Toestemming bevestigd voor Noreen Mir (Kast 1); Frieda (Kast 2)."
    assert str(log_registry.get_action_label("pilots.consent_confirmed")) == "Toestemming bevestigd"
    # The Wagtail approval entry carries the same summary as its comment.
    approve = PageLogEntry.objects.filter(page=story, action="wagtail.workflow.approve", user=moderator).get()
    assert "Noreen Mir (Kast 1)" in approve.data["comment"]

    # Approving twice is refused: the task is finished.
    with pytest.raises(PermissionDenied):
        confirm_consent_and_approve(task_state, moderator, confirmations=[])


def test_people_added_during_the_review_need_consent_too(story, editors):
    """The check is made on the latest revision, which is what the workflow publishes."""
    task_state = start_at_consent_step(story, editors["redacteur"])
    StoryPersonFactory(page=story, name="Buurvrouw Elsa")
    story.save_revision(user=editors["redacteur"])
    with pytest.raises(ConsentMissing):
        confirm_consent_and_approve(
            task_state,
            editors["moderator"],
            confirmations=[{"name": "Noreen Mir", "location": "Map"}, {"name": "Frieda", "location": "Map"}],
        )
    form = ConsentApprovalForm(task_state=task_state)
    assert [person["name"] for person in form.people] == ["Noreen Mir", "Frieda", "Buurvrouw Elsa"]


def test_a_page_without_people_needs_an_explicit_nobody(story_index, editors):
    page = StoryPageFactory(parent=story_index, live=False)
    task_state = start_at_consent_step(page, editors["redacteur"])
    form = ConsentApprovalForm({"review": task_state.pk})
    assert not form.is_valid() and "nobody" in form.errors
    form = ConsentApprovalForm({"review": task_state.pk, "nobody": "on"})
    assert form.is_valid()
    confirm_consent_and_approve(task_state, editors["moderator"], **form.cleaned_data)
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    assert PageLogEntry.objects.get(page=page, action="pilots.consent_confirmed").message == (
        "Toestemming gecontroleerd: niemand op deze pagina heeft toestemming nodig."
    )


def test_a_pilot_asks_consent_of_its_project_leader_and_people(pilot_index, editors):
    pilot = PilotPageFactory(parent=pilot_index, project_leader="Ireen van der Lem", live=False)
    PilotPersonFactory(page=pilot, name="Aisa", street_or_organisation="Essenburgstraat")
    task_state = start_at_consent_step(pilot, editors["redacteur"])
    assert [person["name"] for person in ConsentApprovalForm(task_state=task_state).people] == [
        "Ireen van der Lem",
        "Aisa",
    ]


def test_only_the_task_groups_and_superusers_get_actions(story, editors):
    task_state = start_at_consent_step(story, editors["redacteur"])
    task = Task.objects.get(pk=task_state.task_id).specific
    assert [name for name, _, _ in task.get_actions(story, editors["moderator"])] == ["reject", "approve"]
    assert all(modal for _, _, modal in task.get_actions(story, editors["moderator"]))
    assert task.get_actions(story, editors["beheerder"])
    for name in ("redacteur", "eindredacteur", "vertaler"):
        assert task.get_actions(story, editors[name]) == [], name
    assert task.get_form_for_action("approve") is ConsentApprovalForm
    assert task.get_template_for_action("approve") == "pilots/admin/consent_approval_modal.html"
    assert task.get_form_for_action("reject") is not ConsentApprovalForm
