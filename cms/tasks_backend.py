"""A django-tasks backend that hands Wagtail's background work to the django-q2 workers.

Wagtail 8 enqueues its own work (search index, reference index, image focal points, file
deletion) through django-tasks. With this backend one worker pool does all background work.
"""

import time
from functools import partial

from django_q.tasks import async_task
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.exceptions import InvalidTaskError
from django_tasks.utils import get_random_id

from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string


class DjangoQBackend(BaseTaskBackend):
    supports_defer = False
    supports_async_task = False
    supports_get_result = False

    def validate_task(self, task):
        super().validate_task(task)
        if task.takes_context:
            # run_task calls the function as it is; a worker has no TaskContext to give it.
            raise InvalidTaskError("The django-q2 backend does not run tasks that take a context.")

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


TRANSIENT_ATTEMPTS = 3


def run_task(module_path, args, kwargs):
    """Run a django-tasks task inside a django-q2 worker (looked up by its module path).

    Wagtail's tasks are idempotent (they rewrite an index entry), but two workers indexing the same
    page at the same moment can collide on a unique row, and SQLite can be busy for a moment: such a
    transient database error is retried a few times with a short back-off instead of failing the job.
    """
    task = import_string(module_path)
    for attempt in range(1, TRANSIENT_ATTEMPTS + 1):
        try:
            with transaction.atomic():
                return task.call(*args, **kwargs)
        except (IntegrityError, OperationalError):
            if attempt == TRANSIENT_ATTEMPTS:
                raise
            time.sleep(0.2 * 2**attempt)
