"""50 people register at the same moment for the last 10 seats: exactly 10 get one, 40 wait.

A real threaded HTTP server and 50 client threads, in a subprocess on a copy of the migrated test
database: a SQLite file in WAL mode with IMMEDIATE transactions (as in production on SQLite), or a
PostgreSQL database made from the test database (row lock with SELECT ... FOR UPDATE).
"""

import json
import os
import sqlite3
import subprocess
import sys

from django.conf import settings
from django.db import connection, connections

CAPACITY, TAKEN, CLIENTS = 12, 2, 50


def run_race(database_url):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url,
        "DB_CONN_MAX_AGE": "0",
    }
    environment.pop("TEST_SQLITE_NAME", None)
    completed = subprocess.run(
        [sys.executable, "-m", "tests.pilots.workshop_race", str(CAPACITY), str(TAKEN), str(CLIENTS)],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(completed.stdout.strip().splitlines()[-1])


def assert_no_overbooking(report):
    assert report["errors"] == []
    assert len(report["results"]) == CLIENTS
    assert {result["status"] for result in report["results"]} == {200}
    assert all("/bedankt/" in result["url"] for result in report["results"])
    assert report["total"] == CLIENTS  # no lost registration
    assert report["confirmed"] == CAPACITY - TAKEN
    assert report["waitlist"] == CLIENTS - (CAPACITY - TAKEN)
    assert report["seats_taken"] == CAPACITY


def race_on_sqlite(django_db_blocker, tmp_path):
    """A file copy of the (in-memory or file) test database, made with SQLite's backup API."""
    path = tmp_path / "race.sqlite3"
    with django_db_blocker.unblock():
        copy = sqlite3.connect(path)
        connection.ensure_connection()
        connection.connection.backup(copy)
        copy.close()
    return run_race(f"sqlite:///{path}")


def race_on_postgresql(django_db_blocker):
    """A database made from the test database as a template, dropped afterwards."""
    source = connection.settings_dict["NAME"]
    race_db = f"{source}_race"[:63]
    with django_db_blocker.unblock():
        connections.close_all()  # a template database must have no other sessions
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{race_db}"')
            cursor.execute(f'CREATE DATABASE "{race_db}" TEMPLATE "{source}"')
        try:
            params = connection.settings_dict
            return run_race(f"postgres://{params['USER']}@{params['HOST']}:{params['PORT']}/{race_db}")
        finally:
            with connection._nodb_cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{race_db}"')


def test_fifty_simultaneous_registrations_for_ten_seats(
    transactional_db, django_db_serialized_rollback, django_db_blocker, tmp_path
):
    """Runs on the suite's database: SQLite in the ordinary pass, PostgreSQL in the CI's second.

    Transactional (nothing is written here; the copy is made from committed tables), with a
    serialized rollback so that the flush afterwards does not take the migrations' data away.
    """
    if connection.vendor == "postgresql":
        report = race_on_postgresql(django_db_blocker)
    else:
        report = race_on_sqlite(django_db_blocker, tmp_path)
    assert_no_overbooking(report)
