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
