"""Keeps django-q2's tables in the "queue" database when one is configured.

On the embedded SQLite default the worker polls and writes its bookkeeping many times a second;
in a file of its own it never holds the write lock that a visitor's form post needs. With one
database (PostgreSQL, tests) everything stays in "default".
"""

from django.conf import settings

QUEUE_APPS = {"django_q"}


def _queue_alias():
    return "queue" if "queue" in settings.DATABASES else "default"


class QueueRouter:
    def db_for_read(self, model, **hints):
        if model._meta.app_label in QUEUE_APPS:
            return _queue_alias()
        return None

    db_for_write = db_for_read

    def allow_relation(self, obj1, obj2, **hints):
        return None

    def allow_migrate(self, db, app_label, **hints):
        if _queue_alias() == "default":
            return None
        if app_label in QUEUE_APPS:
            return db == "queue"
        return db == "default"
