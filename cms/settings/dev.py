"""Local development: the embedded default (SQLite, local files, mail written to var/mail)."""

from .base import *  # noqa: F403
from .base import VAR_DIR, env, env_bool

DEBUG = env_bool("DEBUG", True)
# A development key that is only ever used on a developer's own machine.
SECRET_KEY = env("SECRET_KEY") or "dev-only-insecure-key-never-used-in-production"  # noqa: S105
OUTBOX_DELIVERY_BACKEND = env(
    "OUTBOX_DELIVERY_BACKEND", env("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
)
EMAIL_FILE_PATH = str(VAR_DIR / "mail")
# Manifest storage needs collectstatic; in development Django serves the files as they are.
STORAGES = {**STORAGES}  # noqa: F405
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# whitenoise serves from the source folders here (no collectstatic); it wants STATIC_ROOT to exist.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
