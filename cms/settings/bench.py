"""Benchmarks (scripts/bench): requests handled as in production, on a database of their own.

DEBUG is off (no query log, no debug pages), static files use the plain storage (no manifest to
build), and the data lives apart from the development site: an SQLite file in var/bench/, or,
when DATABASE_URL is set, a PostgreSQL database named after it with "_bench" appended (created by
tests/bench/run.py when missing), so a benchmark never writes into the database you work with.
"""

import dj_database_url

from .base import *  # noqa: F403
from .base import VAR_DIR, env, env_int, sqlite_database

DEBUG = False
SECRET_KEY = env("SECRET_KEY") or "bench-only-insecure-key-never-used-in-production"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
BENCH_DIR = VAR_DIR / "bench"
BENCH_DIR.mkdir(parents=True, exist_ok=True)

if env("DATABASE_URL"):
    _database = dj_database_url.parse(env("DATABASE_URL"), conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
    if _database["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES = {"default": sqlite_database(BENCH_DIR / "db.sqlite3")}
    else:
        _database["NAME"] = f"{_database['NAME']}_bench"
        _database["CONN_HEALTH_CHECKS"] = True
        DATABASES = {"default": _database}
else:
    # One file: there is no worker here, so the queue needs no database of its own.
    DATABASES = {"default": sqlite_database(BENCH_DIR / "db.sqlite3")}
Q_CLUSTER = {**Q_CLUSTER, "orm": "default"}  # noqa: F405
Q_CLUSTER.pop("redis", None)

# The benchmark's own URLs: cms.urls plus a minimal view that goes through the same middleware.
ROOT_URLCONF = "tests.bench.urls"

STORAGES = {**STORAGES}  # noqa: F405
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
STATIC_ROOT = BENCH_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_ROOT = BENCH_DIR / "media"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = False

# No worker runs during a benchmark: Wagtail's background work (search index, references) runs
# inline while the data set is made, so search has something to find.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {
    **LOGGING,  # noqa: F405
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        **LOGGING["loggers"],  # noqa: F405
        # A 404 in the path list is reported in the table; no log line per request.
        "django.request": {"level": "ERROR"},
    },
}

# Rate limits off: the benchmark sends hundreds of searches from one client, and a limited answer
# (429) would be measured instead of the search (scripts/bench says so in its output).
SEARCH_RATE_LIMIT = 0
FORM_RATE_LIMIT = 0
