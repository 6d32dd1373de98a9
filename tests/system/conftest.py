"""System tests: the real stack (gunicorn with two workers, `manage.py qcluster`, a local SMTP
server) as separate processes, once per set-up; the tests speak HTTP and read the SMTP server only."""

import os
import shutil
from urllib.parse import urlsplit

import pytest
import redis

from .scene import prepare, reset_postgres_database
from .stack import Stack, reachable

ADMIN_PASSWORD = "system-test-password-1"  # noqa: S105 (a throwaway site's own test account)
POSTGRES_URL = os.environ.get("SYSTEM_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/liefleed_system")
REDIS_URL = os.environ.get("SYSTEM_REDIS_URL", "redis://127.0.0.1:6379/2")

# Which set-ups to start: both by default; scripts/test gives each CI pass its own (SYSTEM_SETUPS).
SETUPS = os.environ.get("SYSTEM_SETUPS", "embedded postgres-redis").split()


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/system/" in str(item.fspath):
            item.add_marker(pytest.mark.system)


def _unreachable(url):
    parts = urlsplit(url)
    return not reachable(parts.hostname, parts.port)


@pytest.fixture(scope="session", params=SETUPS)
def stack(request, tmp_path_factory):
    name = request.param
    var_dir = tmp_path_factory.mktemp(f"system-{name}")
    if name == "postgres-redis":
        if _unreachable(POSTGRES_URL) or _unreachable(REDIS_URL):
            pytest.skip(f"PostgreSQL ({POSTGRES_URL}) or Redis ({REDIS_URL}) is not reachable")
        reset_postgres_database(urlsplit(POSTGRES_URL).path.lstrip("/"))
        redis.Redis.from_url(REDIS_URL).flushdb()
        running = Stack(name, var_dir, database_url=POSTGRES_URL, redis_url=REDIS_URL)
    else:
        running = Stack(name, var_dir)
    prepare(running, ADMIN_PASSWORD)
    running.start()
    yield running
    running.stop()
    if not request.session.testsfailed:
        shutil.rmtree(var_dir, ignore_errors=True)
