"""Concurrent outbox workers never send a mail twice (threads against a real SMTP server)."""

import json
import os
import subprocess
import sys

from django.conf import settings
from django.db import connection

from cms.models import OutboundEmail
from tests.cms import outbox_race

MAILS, WORKERS = 30, 3


def race_on_postgresql(django_db_blocker):
    """In this process, on committed rows (the threads need to see them), removed afterwards.

    A transactional test with serialized rollback: the data the migrations made is restored.
    """
    with django_db_blocker.unblock():
        pks = outbox_race.create_mails(MAILS)
        try:
            return outbox_race.race(WORKERS, pks)
        finally:
            OutboundEmail.objects.filter(pk__in=pks).delete()
            connection.close()


def race_on_sqlite(port, tmp_path):
    """In a subprocess on a file database: the suite's in-memory one cannot be shared by threads."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'race.sqlite3'}",
    }
    completed = subprocess.run(
        [sys.executable, "-m", "tests.cms.outbox_race", str(port), str(MAILS), str(WORKERS)],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout.strip().splitlines()[-1])


def test_concurrent_workers_never_send_a_row_twice(
    smtp_server, tmp_path, transactional_db, django_db_serialized_rollback, django_db_blocker
):
    smtp_server.start()
    if connection.vendor == "postgresql":
        report = race_on_postgresql(django_db_blocker)
    else:
        report = race_on_sqlite(smtp_server.port, tmp_path)
    assert report["errors"] == []
    assert len(report["results"]) == WORKERS
    assert sum(result["sent"] for result in report["results"]) == MAILS
    assert sum(result["failed"] for result in report["results"]) == 0
    assert report["statuses"] == ["sent"]
    assert report["attempts"] == [1]
    subjects = smtp_server.handler.subjects()
    assert len(subjects) == MAILS
    assert sorted(subjects) == sorted(f"Mail {n}" for n in range(MAILS))
