"""Glue between the project and django-q2: recurring schedules and their jobs.

Apps register their recurring jobs in their AppConfig.ready() with `register_schedule`; the
schedules are written (idempotently, by name) after every `migrate`, so a deploy that migrates
also brings the schedules up to date. Every scheduled function must be idempotent: the ORM
broker redelivers a job whose worker died.
"""

import logging
from dataclasses import dataclass

from django.core.management import call_command
from django.db import router

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RecurringJob:
    name: str
    func: str
    minutes: int = 0
    cron: str = ""


_registry: dict[str, RecurringJob] = {}


def register_schedule(name, func, *, minutes=0, cron=""):
    """Declare a recurring job; `minutes` for an interval, or `cron` for a cron expression."""
    if bool(minutes) == bool(cron):
        raise ValueError("Give either minutes or cron for a schedule.")
    _registry[name] = RecurringJob(name=name, func=func, minutes=minutes, cron=cron)


def registered_schedules():
    return list(_registry.values())


def ensure_schedules(using=None):
    """Create or update one django-q2 Schedule per registered job; safe to run any number of times."""
    from django_q.models import Schedule

    using = using or router.db_for_write(Schedule)
    changed = 0
    for job in _registry.values():
        values = {"func": job.func, "repeats": -1}
        if job.cron:
            values.update(schedule_type=Schedule.CRON, cron=job.cron, minutes=None)
        else:
            values.update(schedule_type=Schedule.MINUTES, minutes=job.minutes, cron=None)
        # The name is not unique in django-q2: two machines that migrate at the same moment can
        # both create one. Keep the oldest, so that the job does not run twice.
        existing = list(Schedule.objects.using(using).filter(name=job.name).order_by("pk"))
        schedule = existing[0] if existing else None
        if len(existing) > 1:
            Schedule.objects.using(using).filter(pk__in=[s.pk for s in existing[1:]]).delete()
            changed += 1
        if schedule is None:
            Schedule.objects.using(using).create(name=job.name, **values)
            changed += 1
        elif any(getattr(schedule, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(schedule, key, value)
            schedule.save(using=using)
            changed += 1
    return changed


def ensure_schedules_after_migrate(sender, using, **kwargs):
    from django_q.models import Schedule

    # Runs once per migrated database; the schedules live where the router puts django-q2.
    if sender.label == "cms" and using == router.db_for_write(Schedule):
        ensure_schedules(using=using)


def publish_scheduled_pages():
    """Publish pages whose go-live time has passed and unpublish expired ones (Wagtail's command)."""
    call_command("publish_scheduled", verbosity=0)


# Personal data (cms.privacy): the arguments and results of jobs can hold an address or a name. --


def _task_text(*values):
    return " ".join(repr(value) for value in values).lower()


def _finished_tasks_mentioning(email):
    from django_q.models import Task

    for task in Task.objects.only("id", "name", "func", "args", "kwargs", "result").iterator():
        if email in _task_text(task.name, task.func, task.args, task.kwargs, task.result):
            yield task


def _queued_tasks_mentioning(email):
    from django_q.models import OrmQ

    for queued in OrmQ.objects.all().iterator():
        package = queued.task
        if email in _task_text(package.get("name"), package.get("args"), package.get("kwargs")):
            yield queued


def purge_task_rows():
    """Delete finished jobs (successes and failures) older than PERSONAL_DATA_RETENTION_DAYS["task_queue"].

    Also queued jobs whose lock expired that long ago: no worker will run them any more.
    """
    from django_q.models import OrmQ, Task

    from .privacy import retention_cutoff

    cutoff = retention_cutoff("task_queue")
    finished, _ = Task.objects.filter(stopped__lt=cutoff).delete()
    abandoned, _ = OrmQ.objects.filter(lock__lt=cutoff).delete()
    return finished + abandoned


def export_task_rows(email):
    from .privacy import Export, normalise_email

    email = normalise_email(email)
    export = Export()
    for task in _finished_tasks_mentioning(email):
        export.records.append(
            {
                "id": task.id,
                "name": task.name,
                "func": task.func,
                "started": task.started,
                "stopped": task.stopped,
                "success": task.success,
                "args": repr(task.args),
                "kwargs": repr(task.kwargs),
                "result": repr(task.result),
            }
        )
    for queued in _queued_tasks_mentioning(email):
        package = queued.task
        export.records.append(
            {
                "id": package.get("id"),
                "name": package.get("name"),
                "func": str(package.get("func")),
                "queued": True,
                "args": repr(package.get("args")),
                "kwargs": repr(package.get("kwargs")),
            }
        )
    return export


def erase_task_rows(email):
    """Delete finished and queued jobs whose name, arguments or result mention `email`."""
    from django_q.models import OrmQ, Task

    from .privacy import normalise_email

    email = normalise_email(email)
    if not email:
        return 0
    finished = [task.pk for task in _finished_tasks_mentioning(email)]
    queued = [row.pk for row in _queued_tasks_mentioning(email)]
    return Task.objects.filter(pk__in=finished).delete()[0] + OrmQ.objects.filter(pk__in=queued).delete()[0]
