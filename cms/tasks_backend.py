"""A django-tasks backend that hands Wagtail's background work to the django-q2 workers.

Wagtail 8 enqueues its own work (search index, reference index, image focal points, file
deletion) through django-tasks. With this backend one worker pool does all background work.
"""

from functools import partial

from django_q.tasks import async_task
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.utils import get_random_id

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string


class DjangoQBackend(BaseTaskBackend):
    supports_defer = False
    supports_async_task = False
    supports_get_result = False

    def enqueue(self, task, args, kwargs):
        self.validate_task(task)
        result_id = get_random_id()
        # After the commit: the worker must see the data the task is about, and django-q2's ORM
        # broker closes "old" connections when it enqueues, which would end an open transaction.
        transaction.on_commit(
            partial(
                async_task,
                "cms.tasks_backend.run_task",
                task.module_path,
                list(args),
                dict(kwargs),
                task_name=f"{task.name}-{result_id}",
                group="wagtail",
            ),
            robust=True,
        )
        return TaskResult(
            task=task,
            id=result_id,
            status=TaskResultStatus.READY,
            enqueued_at=timezone.now(),
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )


def run_task(module_path, args, kwargs):
    """Run a django-tasks task inside a django-q2 worker (looked up by its module path)."""
    task = import_string(module_path)
    return task.call(*args, **kwargs)
