"""Look for a person's traces in the whole database and the media folder (the erase tests use it).

    assert dump_database_mentions("anna@example.org", "Anna de Vries") == []
    assert scan_media(settings.MEDIA_ROOT, "anna@example.org", "Anna de Vries") == []

On PostgreSQL the dump is a real `pg_dump` of the test database, so the data must be committed:
use it in a `@pytest.mark.django_db(transaction=True, serialized_rollback=True)` test (the
rollback brings back the data the migrations made, which the flush removes). On SQLite it is the
connection's own `iterdump()`, which sees the test's transaction too.
"""

import os
import subprocess
from pathlib import Path

from django.db import connection


def dump_database():
    """The whole test database as SQL text."""
    if connection.vendor == "postgresql":
        settings = connection.settings_dict
        environment = {**os.environ, "PGPASSWORD": settings.get("PASSWORD") or ""}
        command = ["pg_dump", "--data-only", "--no-owner", "-h", settings.get("HOST") or "127.0.0.1"]
        if settings.get("PORT"):
            command += ["-p", str(settings["PORT"])]
        if settings.get("USER"):
            command += ["-U", settings["USER"]]
        command.append(settings["NAME"])
        return subprocess.run(command, env=environment, capture_output=True, text=True, check=True).stdout
    connection.ensure_connection()
    return "\n".join(connection.connection.iterdump())


def dump_database_mentions(*needles):
    """The lines of the database dump that contain one of `needles` (case-insensitive)."""
    needles = [needle.lower() for needle in needles if needle]
    lines = dump_database().splitlines()
    return [line for line in lines if any(needle in line.lower() for needle in needles)]


def scan_media(root, *needles):
    """Files under `root` whose name or content contains one of `needles` (UTF-8, case-insensitive)."""
    needles = [needle.lower() for needle in needles if needle]
    found = []
    root = Path(root)
    if not root.exists():
        return found
    for path in root.rglob("*"):
        if not path.is_file():
            continue
        content = path.read_bytes().lower()
        if any(needle in path.name.lower() or needle.encode() in content for needle in needles):
            found.append(path)
    return found
