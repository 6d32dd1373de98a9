"""Fast, isolated settings for the test suite.

SQLite in memory by default, PostgreSQL when DATABASE_URL is set (`.ci/run` does both); a fast
password hasher; local-memory cache; mail kept in memory; tasks run immediately.
"""

from .base import *  # noqa: F403
from .base import BASE_DIR, env

SECRET_KEY = "test-only-secret-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
if not env("DATABASE_URL"):
    DATABASES = {  # one in-memory database; the queue router falls back to "default"
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": ":memory:",
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
            "TEST": {"NAME": env("TEST_SQLITE_NAME")} if env("TEST_SQLITE_NAME") else {},
        }
    }
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Local memory per test process (tests/conftest.py clears both before every test); the shared
# caches themselves are tested in tests/cms/test_cache_processes.py and test_cache_eviction.py.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
    "counters": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "counters"},
}
# The test runner replaces EMAIL_BACKEND with locmem; tests of the outbox backend set it back.
EMAIL_BACKEND = "cms.mail.OutboxBackend"
OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {**STORAGES}  # noqa: F405
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
Q_CLUSTER = {**Q_CLUSTER, "sync": True}  # noqa: F405
Q_CLUSTER.pop("redis", None)
Q_CLUSTER["orm"] = "default"
SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": "WARNING"}}  # noqa: F405
# whitenoise serves from the source folders here (no collectstatic); it wants STATIC_ROOT to exist.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
SEARCH_RATE_LIMIT = 0  # search rate limit off in tests; tests/search sets it where it tests it
FORM_MIN_SECONDS = 0  # the time trap and the form rate limit are tested where they are the point
FORM_RATE_LIMIT = 0
# The page cache is off in tests: a test that changes a page and reads it again wants the new one.
# tests/cms/test_cache*.py switch it on.
PAGE_CACHE_SECONDS = 0
PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / "test-private"
