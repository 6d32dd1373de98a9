"""A copy of the whole test database, taken once and put back before every browser test.

Django's serialized rollback does the same through the ORM, one object at a time: with the demo
content that is several seconds per test, and it grows with every app's demo. These copies are
made by the database itself and take milliseconds:

- SQLite (in memory or a file): the sqlite3 backup API into an in-memory database and back.
- PostgreSQL: every table copied into a schema of its own; restoring truncates the tables and
  inserts the copies in one transaction (Django's foreign keys are DEFERRABLE INITIALLY DEFERRED,
  so the order does not matter). Sequences are left as they are: they stay ahead of every row.
"""

import sqlite3

from django.core.cache import caches
from django.db import connections, transaction

SCHEMA = "e2e_snapshot"


class DatabaseSnapshot:
    def __init__(self, alias="default"):
        self.alias = alias
        self.connection = connections[alias]
        self._copy = None
        self._tables = []

    def take(self):
        vendor = self.connection.vendor
        if vendor == "sqlite":
            self._copy = sqlite3.connect(":memory:", check_same_thread=False)
            self._raw().backup(self._copy)
        elif vendor == "postgresql":
            self._tables = self._postgres_tables()
            with transaction.atomic(using=self.alias), self.connection.cursor() as cursor:
                cursor.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
                cursor.execute(f"CREATE SCHEMA {SCHEMA}")
                for table in self._tables:
                    cursor.execute(f'CREATE TABLE {SCHEMA}."{table}" AS TABLE public."{table}"')
        else:
            raise NotImplementedError(f"No database snapshot for {vendor}.")
        return self

    def restore(self):
        if self.connection.vendor == "sqlite":
            self._copy.backup(self._raw())
        else:
            quoted = ", ".join(f'public."{table}"' for table in self._tables)
            with transaction.atomic(using=self.alias), self.connection.cursor() as cursor:
                cursor.execute(f"TRUNCATE {quoted}")
                for table in self._tables:
                    cursor.execute(f'INSERT INTO public."{table}" SELECT * FROM {SCHEMA}."{table}"')
        # Cached pages, site root paths and settings may describe rows that changed.
        for cache in caches.all():
            cache.clear()

    def drop(self):
        if self.connection.vendor == "sqlite":
            if self._copy is not None:
                self._copy.close()
        elif self._tables:
            with self.connection.cursor() as cursor:
                cursor.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        self._copy = None

    def _raw(self):
        self.connection.ensure_connection()
        return self.connection.connection

    def _postgres_tables(self):
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
            return [row[0] for row in cursor.fetchall()]
