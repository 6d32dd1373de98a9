"""The editorial workflow end to end, through the admin as the editors use it."""

import json

import pytest

from django.core import mail
from django.urls import reverse

from wagtail.models import PageLogEntry, TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import OutboundEmail
from pilots.models import ConsentCheckTaskState, ConsentConfirmation, StoryPage

pytestmark = pytest.mark.django_db

PEOPLE = [
    {"name": "Ria van der Reek", "role": "gangmaker", "street_or_organisation": "Langenhorst"},
    {"name": "Herman van der Reek", "role": "gangmaker", "street_or_organisation": "Langenhorst"},
]


def story_form(**changes):
    data = {
        "title": "Hulp is nooit ver weg",
        "slug": "hulp-is-nooit-ver-weg",
        "intro": "In een flat in Zuidwijk kijken buren naar elkaar om.",
        "kind": "gangmaker",
        "date": "2016-03-01",
        "pilot": "",
        "people": inline_formset(PEOPLE, min=1),
        "pull_quote": "Hulp is nooit ver weg.",
        "image": "",
        "image_alt": "",
        "body": streamfield([("paragraph", rich_text("<p>Een enquête bracht gesprekken op gang.</p>"))]),
        "tags": "burenhulp, sleutels",
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
    }
    data.update(changes)
    return nested_form_data(data)


def submit_new_story(client, user, story_index):
    client.force_login(user)
    data = story_form()
    data["action-submit"] = "Ter beoordeling aanbieden"
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["pilots", "storypage", story_index.pk]), data
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return StoryPage.objects.get(slug="hulp-is-nooit-ver-weg")


def current_task_state(page):
    return WorkflowState.objects.active().for_instance(page).get().current_task_state.specific


def act(client, user, page, action, data=None, ajax=False):
    client.force_login(user)
    task_state = current_task_state(page)
    headers = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"} if ajax else {}
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]),
        data or {},
        **headers,
    )


def consent_data(page, locations):
    data = {"review": current_task_state(page).pk}
    for number, location in enumerate(locations):
        if location:
            data[f"person_{number}_confirmed"] = "on"
            data[f"person_{number}_location"] = location
    return data


def mails_to(address):
    return [m for m in OutboundEmail.objects.order_by("pk") if address in m.recipients]


def test_a_story_goes_live_only_after_review_consent_and_final_approval(client, story_index, editors):
    story = submit_new_story(client, editors["redacteur"], story_index)
    assert not story.live
    assert current_task_state(story).task.name == "Redactie"
    # The Redactie colleague hears about it; the author, the other groups and the superuser do not.
    assert [m.recipients for m in OutboundEmail.objects.all()] == [["collega@example.org"]]
    assert "Hulp is nooit ver weg" in OutboundEmail.objects.get().subject

    # Step 1: Redactie.
    assert act(client, editors["collega"], story, "approve", {"comment": "Mooi verhaal."}).status_code == 302
    story.refresh_from_db()
    assert not story.live
    assert current_task_state(story).task.name == "Toestemming"
    assert isinstance(current_task_state(story), ConsentCheckTaskState)
    assert len(mails_to("moderator@example.org")) == 1

    # Step 2: the consent check refuses approval until every person is confirmed.
    response = act(
        client,
        editors["moderator"],
        story,
        "approve",
        consent_data(story, ["Map Lief & Leed", ""]),
        ajax=True,
    )
    html = json.loads(response.content)["html"]
    assert "Goedkeuren kan pas als de toestemming van iedereen op de pagina is bevestigd." in html
    assert "Vul in waar de toestemming van Herman van der Reek bewaard wordt." in html
    act(client, editors["moderator"], story, "approve", {"review": current_task_state(story).pk})
    assert current_task_state(story).task.name == "Toestemming"
    assert not ConsentConfirmation.objects.exists()

    locations = ["Map Lief & Leed, kast 2", "Map Lief & Leed, kast 2 (tweede formulier)"]
    response = act(client, editors["moderator"], story, "approve", consent_data(story, locations))
    assert response.status_code == 302
    story.refresh_from_db()
    assert not story.live
    assert current_task_state(story).task.name == "Eindredactie"
    confirmations = ConsentConfirmation.objects.order_by("pk")
    assert [(c.person_name, c.location, c.confirmed_by.username) for c in confirmations] == [
        ("Ria van der Reek", locations[0], "moderator"),
        ("Herman van der Reek", locations[1], "moderator"),
    ]
    assert {c.revision_id for c in confirmations} == {story.latest_revision_id}
    assert len(mails_to("eindredacteur@example.org")) == 1

    # Step 3: Eindredactie; the workflow publishes the page.
    assert act(client, editors["eindredacteur"], story, "approve", {"comment": ""}).status_code == 302
    story.refresh_from_db()
    assert story.live
    assert client.get("/nl/verhalen/hulp-is-nooit-ver-weg/").status_code == 200
    approved = mails_to("redacteur@example.org")
    assert len(approved) == 1 and "Goedgekeurd" in approved[0].subject
    assert story.full_url.endswith("/nl/verhalen/hulp-is-nooit-ver-weg/")
    assert story.full_url in approved[0].body_text

    # Each step's action and its user are in the audit log.
    log = list(
        PageLogEntry.objects.filter(page=story)
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )
    steps = [
        entry for entry in log if entry[0].startswith(("wagtail.workflow", "pilots.", "wagtail.publish"))
    ]
    assert steps == [
        ("wagtail.workflow.start", "redacteur"),
        ("wagtail.workflow.approve", "collega"),
        ("pilots.consent_confirmed", "moderator"),
        ("wagtail.workflow.approve", "moderator"),
        ("wagtail.workflow.approve", "eindredacteur"),
        ("wagtail.publish", "eindredacteur"),
    ]
    consent_entry = PageLogEntry.objects.get(page=story, action="pilots.consent_confirmed")
    assert [person["name"] for person in consent_entry.data["people"]] == [
        "Ria van der Reek",
        "Herman van der Reek",
    ]
    assert "Map Lief & Leed, kast 2" in consent_entry.message

    # Every mail went through the outbox; nobody got one straight from Wagtail, the superuser none.
    assert mail.outbox == []
    assert mails_to("beheerder@example.org") == []
    assert OutboundEmail.objects.count() == 4


def test_the_page_history_shows_the_consent_confirmation(client, story_index, editors):
    story = submit_new_story(client, editors["redacteur"], story_index)
    act(client, editors["collega"], story, "approve", {"comment": ""})
    act(client, editors["moderator"], story, "approve", consent_data(story, ["Kast 2", "Kast 3"]))

    client.force_login(editors["eindredacteur"])
    response = client.get(reverse("wagtailadmin_pages:history", args=[story.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Toestemming bevestigd voor Ria van der Reek (Kast 2); Herman van der Reek (Kast 3)." in body

    workflow_state = WorkflowState.objects.for_instance(story).get()
    response = client.get(
        reverse("wagtailadmin_pages:workflow_history_detail", args=[story.pk, workflow_state.pk])
    )
    assert (
        "Toestemming bevestigd voor: Ria van der Reek (Kast 2); Herman van der Reek (Kast 3)."
        in response.content.decode()
    )


@pytest.mark.parametrize(
    ("step", "outsider"),
    [
        (0, "moderator"),
        (0, "vertaler"),
        (0, "eindredacteur"),
        (1, "collega"),
        (1, "eindredacteur"),
        (2, "moderator"),
    ],
)
def test_approving_without_the_right_group_is_forbidden(client, story_index, editors, step, outsider):
    story = submit_new_story(client, editors["redacteur"], story_index)
    if step >= 1:
        act(client, editors["collega"], story, "approve", {"comment": ""})
    if step >= 2:
        act(client, editors["moderator"], story, "approve", consent_data(story, ["Kast 2", "Kast 2"]))
    task_state = current_task_state(story)

    data = consent_data(story, ["Kast 2", "Kast 2"]) if step == 1 else {"comment": ""}
    # The admin's modal posts with XMLHttpRequest: the answer is a plain 403.
    assert act(client, editors[outsider], story, "approve", data, ajax=True).status_code == 403
    # A plain form post is sent back to the dashboard with "no access"; nothing changes either way.
    response = act(client, editors[outsider], story, "approve", data)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    story.refresh_from_db()
    assert not story.live


def test_the_editor_cannot_skip_the_consent_form(client, story_index, editors):
    """The page editor posts the form data as JSON; without confirmations approval is refused."""
    story = submit_new_story(client, editors["redacteur"], story_index)
    act(client, editors["collega"], story, "approve", {"comment": ""})
    client.force_login(editors["moderator"])
    data = story_form()
    data.update(
        {
            "action-workflow-action": "true",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": json.dumps(
                {"confirmations": [{"name": "Ria van der Reek", "location": "x"}]}
            ),
        }
    )
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[story.pk]), data, HTTP_X_REQUESTED_WITH="XMLHttpRequest"
    )
    assert response.status_code == 403
    assert current_task_state(story).task.name == "Toestemming"
    assert not ConsentConfirmation.objects.exists()


def test_sending_back_mails_the_author_with_the_comment(client, story_index, editors):
    story = submit_new_story(client, editors["redacteur"], story_index)
    act(client, editors["collega"], story, "approve", {"comment": ""})
    act(client, editors["moderator"], story, "reject", {"comment": "Er ontbreekt een formulier van Herman."})
    workflow_state = WorkflowState.objects.for_instance(story).get()
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    story.refresh_from_db()
    assert not story.live
    (rejected,) = mails_to("redacteur@example.org")
    assert "Graag aanpassen" in rejected.subject
    assert "Er ontbreekt een formulier van Herman." in rejected.body_text
    assert "Er ontbreekt een formulier van Herman." in rejected.body_html
    assert PageLogEntry.objects.filter(
        page=story, action="wagtail.workflow.reject", user=editors["moderator"]
    ).exists()


def test_only_the_workflow_publishes(client, story_index, editors):
    """Nobody in the editorial groups can publish a page whose consent was not checked."""
    from pilots.factories import StoryPageFactory

    draft = StoryPageFactory(parent=story_index, live=False)
    draft.save_revision()
    permissions = draft.permissions_for_user(editors["redacteur"])
    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert story_index.permissions_for_user(editors["redacteur"]).can_add_subpage()
    for name in ("redacteur", "moderator", "eindredacteur", "vertaler"):
        assert not draft.permissions_for_user(editors[name]).can_publish(), name
    assert not draft.permissions_for_user(editors["moderator"]).can_edit()
    assert not draft.permissions_for_user(editors["vertaler"]).can_edit()
    assert draft.permissions_for_user(editors["beheerder"]).can_publish()

    # Once the consent check covers everyone on the page, Eindredactie can publish (which is
    # what the final approval does); and Eindredactie can take a live page offline again.
    story = submit_new_story(client, editors["redacteur"], story_index)
    eindredacteur = editors["eindredacteur"]
    assert not story.permissions_for_user(eindredacteur).can_publish()
    act(client, editors["collega"], story, "approve", {"comment": ""})
    assert not story.permissions_for_user(eindredacteur).can_publish()
    act(client, editors["moderator"], story, "approve", consent_data(story, ["Kast 2", "Kast 2"]))
    assert story.permissions_for_user(eindredacteur).can_publish()
    act(client, eindredacteur, story, "approve", {"comment": ""})
    story.refresh_from_db()
    assert story.live
    assert story.permissions_for_user(eindredacteur).can_unpublish()


def test_the_consent_modal_lists_every_person(client, story_index, editors):
    story = submit_new_story(client, editors["redacteur"], story_index)
    act(client, editors["collega"], story, "approve", {"comment": ""})
    client.force_login(editors["moderator"])
    task_state = current_task_state(story)
    response = client.get(
        reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk])
    )
    assert response.status_code == 200
    html = json.loads(response.content)["html"]
    assert f'name="review" value="{task_state.pk}"' in html
    assert "Op deze pagina staan 2 personen." in html
    for number, person in enumerate(PEOPLE):
        assert f'name="person_{number}_confirmed"' in html
        assert f'name="person_{number}_location"' in html
        assert f"Waar wordt de toestemming van {person['name']} bewaard?" in html
    # The editor's own "approve" menu item collects the same form in its modal.
    response = client.get(
        reverse("wagtailadmin_pages:collect_workflow_action_data", args=[story.pk, "approve", task_state.pk])
    )
    assert 'name="person_1_location"' in json.loads(response.content)["html"]


def test_the_consent_confirmations_are_listed_read_only(client, story_index, editors):
    story = submit_new_story(client, editors["redacteur"], story_index)
    act(client, editors["collega"], story, "approve", {"comment": ""})
    act(client, editors["moderator"], story, "approve", consent_data(story, ["Kast 2", "Kast 3"]))
    for name in ("moderator", "eindredacteur", "redacteur"):
        client.force_login(editors[name])
        response = client.get(reverse("toestemmingen:index"))
        assert response.status_code == 200, name
        assert "Herman van der Reek" in response.content.decode()
        assert client.get(reverse("toestemmingen:add")).status_code == 302  # "no access"
    confirmation = ConsentConfirmation.objects.first()
    client.force_login(editors["beheerder"])
    assert client.get(reverse("toestemmingen:edit", args=[confirmation.pk])).status_code == 302
    assert client.get(reverse("toestemmingen:delete", args=[confirmation.pk])).status_code == 302
    client.force_login(editors["vertaler"])
    assert client.get(reverse("toestemmingen:index")).status_code == 302
