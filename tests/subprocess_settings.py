"""Run Python with another settings module in a fresh interpreter (settings load once per process).

Used by the settings, security and hardening tests: `run_python("manage.py", "check", "--deploy",
environment=production_environment())`, or `settings_in_subprocess(module, code, **environ)`.
"""

import os
import secrets
import string
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Nothing of the test run (its database, the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE ...) may leak
# into the child process.
TEST_RUN_VARIABLES = {
    "SECRET_KEY",
    "DATABASE_URL",
    "ALLOWED_HOSTS",
    "DEBUG",
    "REDIS_URL",
    "Q_BROKER",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "TEST_SQLITE_NAME",
    "DJANGO_SETTINGS_MODULE",
}


def clean_environment(**overrides):
    """os.environ without the test run's variables, plus `overrides` (None removes a variable)."""
    environment = {key: value for key, value in os.environ.items() if key not in TEST_RUN_VARIABLES}
    environment.update(overrides)
    return {key: value for key, value in environment.items() if value is not None}


def production_environment(**overrides):
    """A complete, valid production environment (a random strong key, a host, a throwaway SQLite)."""
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    values = {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "".join(secrets.choice(alphabet) for _ in range(60)),
        "ALLOWED_HOSTS": "liefenleed.example.org",
        "DATABASE_URL": "sqlite:////tmp/liefenleed-deploy-check.sqlite3",
        "TRUSTED_PROXY_COUNT": "1",  # behind the documented proxy (cms.W001 otherwise)
    }
    values.update(overrides)
    return clean_environment(**values)


def run_python(*args, environment):
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def settings_in_subprocess(module, code, **environ):
    """Run `code` after django.setup() with settings `module` and the variables `environ`."""
    return run_python(
        "-c",
        f"import django; django.setup()\n{code}",
        environment=clean_environment(DJANGO_SETTINGS_MODULE=module, **environ),
    )
