"""Scheduled publishing without cron: the django-q2 schedule runs cms.queue.publish_scheduled_pages."""

import datetime
from unittest import mock

import pytest

from django.utils import timezone

from wagtail.models import Workflow

from cms.models import OutboundEmail
from cms.queue import publish_scheduled_pages
from pilots.consent import confirm_consent_and_approve
from pilots.factories import StoryPageFactory, StoryPersonFactory
from pilots.workflow import WORKFLOW_NAME

pytestmark = pytest.mark.django_db


def test_the_publishing_schedule_exists_and_runs_every_minute():
    from django_q.models import Schedule

    schedule = Schedule.objects.get(func="cms.queue.publish_scheduled_pages")
    assert schedule.schedule_type == Schedule.MINUTES
    assert schedule.minutes == 1
    assert schedule.repeats == -1


def test_a_page_whose_go_live_time_has_passed_is_published(story_index):
    story = StoryPageFactory(parent=story_index, live=False, title="Gepland")
    story.go_live_at = timezone.now() + datetime.timedelta(minutes=5)
    revision = story.save_revision()
    revision.publish()  # with a future go-live time this only schedules it
    story.refresh_from_db()
    assert not story.live
    assert revision.approved_go_live_at is not None

    publish_scheduled_pages()  # too early: nothing happens
    story.refresh_from_db()
    assert not story.live

    later = timezone.now() + datetime.timedelta(minutes=6)
    with mock.patch("django.utils.timezone.now", return_value=later):
        publish_scheduled_pages()
    story.refresh_from_db()
    assert story.live
    assert story.live_revision_id == revision.pk


def test_an_expired_page_is_unpublished(story_index):
    story = StoryPageFactory(parent=story_index, title="Verlopen")
    story.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    story.save()
    publish_scheduled_pages()
    story.refresh_from_db()
    assert not story.live
    assert story.expired


def test_an_approved_story_scheduled_for_later_goes_live_by_itself(story_index, editors):
    """The workflow approves a story with a go-live time in 5 minutes; the schedule publishes it."""
    story = StoryPageFactory(parent=story_index, live=False, title="Straks online")
    StoryPersonFactory(page=story, name="Noreen Mir")
    story.go_live_at = timezone.now() + datetime.timedelta(minutes=5)
    story.save_revision(user=editors["redacteur"])
    Workflow.objects.get(name=WORKFLOW_NAME).start(story, editors["redacteur"])
    story.current_workflow_task_state.approve(user=editors["collega"])
    confirm_consent_and_approve(
        story.current_workflow_task_state.specific,
        editors["moderator"],
        confirmations=[{"name": "Noreen Mir", "location": "Map"}],
    )
    story.current_workflow_task_state.approve(user=editors["eindredacteur"])
    story.refresh_from_db()
    assert not story.live
    approved = OutboundEmail.objects.get(
        recipients=["redacteur@example.org"], subject__startswith="Goedgekeurd"
    )
    assert "komt vanzelf online op" in approved.body_text

    with mock.patch("django.utils.timezone.now", return_value=timezone.now() + datetime.timedelta(minutes=6)):
        publish_scheduled_pages()
    story.refresh_from_db()
    assert story.live
