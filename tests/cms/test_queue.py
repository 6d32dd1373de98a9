"""The task-queue glue: schedules, the scheduled-publishing job, the django-tasks backend, the router."""

from datetime import timedelta
from unittest import mock

import pytest
from django_q.models import OrmQ, Schedule, Success
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks.exceptions import InvalidTaskError

from django.apps import apps
from django.core.management.sql import emit_post_migrate_signal
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from wagtail.models import Page, ReferenceIndex

from cms import queue
from cms.db_router import QueueRouter
from home.factories import StandardPageFactory
from home.models import StandardPage

pytestmark = pytest.mark.django_db

DJANGO_Q_TASKS = {"default": {"BACKEND": "cms.tasks_backend.DjangoQBackend"}}
CORE_JOBS = {
    "cms.queue.publish_scheduled_pages",
    "cms.mail.send_pending_mail",
}

calls = []


@task()
def record_call(word, *, times=1):
    """A django-tasks task for these tests: writes down that (and how) it ran."""
    calls.append((word, times))
    return word * times


@task(takes_context=True)
def task_with_context(context, word):
    return word


@pytest.fixture
def registry(monkeypatch):
    """The schedule registry, restored after the test."""
    monkeypatch.setattr(queue, "_registry", dict(queue._registry))
    return queue._registry


# Schedules -----------------------------------------------------------------------------------


def test_core_schedules_exist_after_migrate():
    funcs = list(Schedule.objects.values_list("func", flat=True))
    for func in CORE_JOBS:
        assert funcs.count(func) == 1, func
    mail = Schedule.objects.get(func="cms.mail.send_pending_mail")
    assert (mail.schedule_type, mail.minutes, mail.repeats) == (Schedule.MINUTES, 1, -1)


def test_post_migrate_brings_the_schedules_back():
    Schedule.objects.all().delete()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert set(Schedule.objects.values_list("func", flat=True)) >= CORE_JOBS
    count = Schedule.objects.count()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert Schedule.objects.count() == count


def test_ensure_schedules_is_idempotent(registry):
    queue.register_schedule("Testtaak", "tests.cms.test_queue.record_call", minutes=5)
    assert queue.ensure_schedules() >= 1
    assert queue.ensure_schedules() == 0
    assert Schedule.objects.filter(name="Testtaak").count() == 1

    # A changed declaration updates the schedule in place.
    original_pk = Schedule.objects.get(name="Testtaak").pk
    queue.register_schedule("Testtaak", "tests.cms.test_queue.record_call", cron="30 3 * * *")
    assert queue.ensure_schedules() == 1
    schedule = Schedule.objects.get(name="Testtaak")
    assert schedule.pk == original_pk
    assert (schedule.schedule_type, schedule.cron, schedule.minutes) == (Schedule.CRON, "30 3 * * *", None)
    assert queue.ensure_schedules() == 0

    queue.register_schedule("Testtaak", "tests.cms.test_queue.record_call", minutes=10)
    assert queue.ensure_schedules() == 1
    schedule.refresh_from_db()
    assert (schedule.schedule_type, schedule.minutes, schedule.cron) == (Schedule.MINUTES, 10, None)
    assert Schedule.objects.filter(name="Testtaak").count() == 1


def test_ensure_schedules_removes_duplicates(registry):
    """Two machines that migrate at the same moment may both create a schedule (name is not unique)."""
    queue.register_schedule("Testtaak", "tests.cms.test_queue.record_call", minutes=5)
    for _ in range(2):
        Schedule.objects.create(
            name="Testtaak",
            func="tests.cms.test_queue.record_call",
            schedule_type=Schedule.MINUTES,
            minutes=5,
        )
    queue.ensure_schedules()
    assert Schedule.objects.filter(name="Testtaak").count() == 1


def test_register_schedule_needs_minutes_or_cron(registry):
    with pytest.raises(ValueError):
        queue.register_schedule("Fout", "x.y")
    with pytest.raises(ValueError):
        queue.register_schedule("Fout", "x.y", minutes=1, cron="* * * * *")
    assert "Fout" not in registry
    names = {job.name for job in queue.registered_schedules()}
    assert {"Publiceer ingeplande pagina's", "Verstuur e-mail uit de outbox"} <= names


def test_post_migrate_writes_schedules_only_to_the_queue_database(registry):
    queue.register_schedule("Testtaak", "tests.cms.test_queue.record_call", minutes=5)
    cms_config = apps.get_app_config("cms")
    with mock.patch("cms.db_router._queue_alias", return_value="queue"):
        # migrating "default" while django-q2 lives in "queue": not here
        queue.ensure_schedules_after_migrate(sender=cms_config, using="default")
    assert not Schedule.objects.filter(name="Testtaak").exists()
    queue.ensure_schedules_after_migrate(sender=apps.get_app_config("home"), using="default")
    assert not Schedule.objects.filter(name="Testtaak").exists()
    queue.ensure_schedules_after_migrate(sender=cms_config, using="default")
    assert Schedule.objects.filter(name="Testtaak").exists()


# The scheduled-publishing job ----------------------------------------------------------------


def test_publish_scheduled_pages_publishes_a_page_whose_time_has_come(home_page):
    page = StandardPageFactory(parent=home_page, slug="binnenkort", title="Binnenkort", live=False)
    page.go_live_at = timezone.now() + timedelta(hours=1)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live  # scheduled, not published

    queue.publish_scheduled_pages()
    page.refresh_from_db()
    assert not page.live  # its time has not come yet

    later = timezone.now() + timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        queue.publish_scheduled_pages()
    page.refresh_from_db()
    assert page.live
    assert page.title == "Binnenkort"


def test_publish_scheduled_pages_unpublishes_an_expired_page(home_page):
    page = StandardPageFactory(parent=home_page, slug="verlopen")
    StandardPage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    queue.publish_scheduled_pages()
    page.refresh_from_db()
    assert not page.live
    assert page.expired


# The django-tasks backend on django-q2 -------------------------------------------------------


@override_settings(TASKS=DJANGO_Q_TASKS)
def test_django_q_backend_runs_a_task_after_the_commit(django_capture_on_commit_callbacks):
    calls.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        result = record_call.enqueue("ja", times=2)
        assert result.status == TaskResultStatus.READY
        assert result.backend == "default"
        assert calls == []  # not inside the transaction
    assert len(callbacks) == 1
    assert calls == [("ja", 2)]
    # django-q2 (sync in the test settings) went through its worker and kept the result.
    success = Success.objects.get(group="wagtail")
    assert success.func == "cms.tasks_backend.run_task"
    assert success.result == "jaja"
    assert success.name.startswith("record_call-")


@override_settings(TASKS=DJANGO_Q_TASKS)
def test_django_q_backend_sends_nothing_for_a_rolled_back_transaction(django_capture_on_commit_callbacks):
    calls.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                record_call.enqueue("nee")
                raise RuntimeError
        except RuntimeError:
            pass
    assert callbacks == []
    assert calls == []
    assert not OrmQ.objects.exists()


@override_settings(TASKS=DJANGO_Q_TASKS)
def test_django_q_backend_refuses_tasks_it_cannot_run():
    with pytest.raises(InvalidTaskError):
        task_with_context.enqueue("context")


@override_settings(TASKS=DJANGO_Q_TASKS)
def test_django_q_backend_runs_wagtails_reference_index(home_page, django_capture_on_commit_callbacks):
    target = StandardPageFactory(parent=home_page, slug="doel", title="Doel")
    with django_capture_on_commit_callbacks(execute=True):
        source = StandardPageFactory(
            parent=home_page,
            slug="bron",
            body=[
                (
                    "call_to_action",
                    {"title": "Kijk", "text": "", "page": target, "url": "", "button_label": "Ga"},
                )
            ],
        )
    references = ReferenceIndex.get_references_to(target)
    assert source.pk in {int(ref.object_id) for ref in references}
    assert Success.objects.filter(group="wagtail", func="cms.tasks_backend.run_task").exists()


# The database router -------------------------------------------------------------------------


def test_router_keeps_everything_in_default_with_one_database():
    router = QueueRouter()
    assert router.db_for_read(OrmQ) == "default"
    assert router.db_for_write(Schedule) == "default"
    assert router.db_for_read(Page) is None
    assert router.allow_migrate("default", "django_q") is None
    assert router.allow_migrate("default", "wagtailcore") is None
    assert router.allow_relation(Page(), Page()) is None


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_router_sends_django_q_to_the_queue_database():
    databases = {
        "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"},
        "queue": {"ENGINE": "django.db.backends.sqlite3", "NAME": "queue.sqlite3"},
    }
    router = QueueRouter()
    with override_settings(DATABASES=databases):
        assert router.db_for_read(OrmQ) == "queue"
        assert router.db_for_write(Schedule) == "queue"
        assert router.db_for_write(Success) == "queue"
        assert router.db_for_read(Page) is None
        assert router.db_for_write(StandardPage) is None
        assert router.allow_migrate("queue", "django_q") is True
        assert router.allow_migrate("default", "django_q") is False
        assert router.allow_migrate("default", "wagtailcore") is True
        assert router.allow_migrate("queue", "wagtailcore") is False
        assert router.allow_migrate("queue", "contenttypes") is False
