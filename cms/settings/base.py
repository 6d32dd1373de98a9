"""Settings shared by every environment.

Every value that differs between machines is read from the environment here, in one place
(see docs/deployment.md for the list). dev.py, test.py and production.py only change defaults.
"""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    return int(os.environ.get(name, default))


def sqlite_database(path):
    """An SQLite database that queues concurrent writers instead of failing.

    WAL lets readers work while one writer writes; IMMEDIATE transactions take the write lock at
    BEGIN, so two writers never deadlock upgrading a read lock; the timeout makes the second writer
    wait for the lock instead of failing with "database is locked" (docs/adr/0002).
    """
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
            ),
        },
    }


def databases_from_environment():
    url = env("DATABASE_URL")
    if url:
        database = dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
        database["CONN_HEALTH_CHECKS"] = True
        if database["ENGINE"] == "django.db.backends.sqlite3":
            return {"default": sqlite_database(database["NAME"])}
        return {"default": database}
    # Embedded default: the site and the task queue in two SQLite files, so that the worker's
    # polling and bookkeeping never hold the write lock that a visitor's form post needs.
    return {
        "default": sqlite_database(VAR_DIR / "db.sqlite3"),
        "queue": sqlite_database(VAR_DIR / "queue.sqlite3"),
    }


SECRET_KEY = env("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "home",
    "pilots",
    "toolkit",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_q",
    "django_tasks",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cms.security.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Inside the security and CSP middleware (a cached page gets the same headers), before CSRF,
    # sessions' users and messages (a hit makes no query). See cms/pagecache.py.
    "cms.pagecache.PageCacheMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

DATABASES = databases_from_environment()
DATABASE_ROUTERS = ["cms.db_router.QueueRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Dutch is the source language of the content and of every UI string.
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
    ("pl", "Polski"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ORIGINS = []  # where images are served from when that is not this site (S3-compatible media)
if env("AWS_STORAGE_BUCKET_NAME"):
    _endpoint = urlsplit(env("AWS_S3_ENDPOINT_URL", "https://s3.amazonaws.com"))
    MEDIA_ORIGINS = [
        env("MEDIA_ORIGIN") or f"{_endpoint.scheme}://{env('AWS_STORAGE_BUCKET_NAME')}.{_endpoint.netloc}",
        f"{_endpoint.scheme}://{_endpoint.netloc}",
    ]
    # S3-compatible media (docs/deployment.md); credentials come from the standard AWS_* variables.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL"),
            "region_name": env("AWS_S3_REGION_NAME"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# Caches, shared by every process of the site (web processes and the worker): Redis when REDIS_URL
# is set, else SQLite files under CACHE_DIR (cms/cache.py, docs/adr/0005-shared-cache.md). "default"
# holds whole pages and can evict them; "counters" holds rate limits, the login throttle and search
# statistics and never evicts (with Redis: keep Redis's default maxmemory-policy "noeviction", or
# give the counters their own Redis with COUNTERS_REDIS_URL).
REDIS_URL = env("REDIS_URL")
CACHE_DIR = Path(env("CACHE_DIR", VAR_DIR / "cache"))
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "liefleed",
        },
        "counters": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env("COUNTERS_REDIS_URL", REDIS_URL),
            "KEY_PREFIX": "liefleed-counters",
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "cms.cache.SharedDiskCache",
            "LOCATION": str(CACHE_DIR / "default"),
            "SHARDS": 4,
            "DATABASE_TIMEOUT": 0.1,
            "OPTIONS": {
                "size_limit": env_int("CACHE_SIZE_MB", 256) * 1024 * 1024,
                "eviction_policy": "least-recently-stored",
            },
        },
        "counters": {
            "BACKEND": "cms.cache.SharedDiskCache",
            "LOCATION": str(CACHE_DIR / "counters"),
            "SHARDS": 4,
            "DATABASE_TIMEOUT": 0.1,
            "OPTIONS": {"eviction_policy": "none", "size_limit": 2**40},
        },
    }
# Whole pages for anonymous visitors (cms/pagecache.py): purged on every publish (in every process:
# the cache is shared), and expired after this many seconds for what changes with time (upcoming
# workshops). 0 switches the cache off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)

# Mail: every message goes through the outbox (cms.mail), Django's and Wagtail's own too: their
# send_mail() lands in OutboxBackend. The worker delivers with OUTBOX_DELIVERY_BACKEND.
EMAIL_BACKEND = "cms.mail.OutboxBackend"
OUTBOX_DELIVERY_BACKEND = env(
    "OUTBOX_DELIVERY_BACKEND", env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
)
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
if env("EMAIL_URL"):
    # One variable instead of the EMAIL_* ones: smtp://user:password@host:587?tls=1 (or smtps://
    # for implicit TLS on 465). User and password are URL-encoded.
    _mail_url = urlsplit(env("EMAIL_URL"))
    if _mail_url.scheme not in {"smtp", "smtps"}:
        raise ImproperlyConfigured("EMAIL_URL must start with smtp:// or smtps://")
    _mail_options = parse_qs(_mail_url.query)
    OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _mail_url.hostname or "localhost"
    EMAIL_PORT = _mail_url.port or (465 if _mail_url.scheme == "smtps" else 25)
    EMAIL_HOST_USER = unquote(_mail_url.username or "")
    EMAIL_HOST_PASSWORD = unquote(_mail_url.password or "")
    EMAIL_USE_SSL = _mail_url.scheme == "smtps"
    EMAIL_USE_TLS = not EMAIL_USE_SSL and _mail_options.get("tls", ["0"])[0] in {"1", "true", "yes"}
EMAIL_FILE_PATH = str(VAR_DIR / "mail")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Lief & Leed <liefenleed@opzoomermee.nl>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
OUTBOX_MAX_ATTEMPTS = env_int("OUTBOX_MAX_ATTEMPTS", 12)
OUTBOX_BATCH_SIZE = env_int("OUTBOX_BATCH_SIZE", 50)
# A pending mail older than this means the worker or the SMTP server is down (healthz says 503).
OUTBOX_STALE_AFTER_SECONDS = env_int("OUTBOX_STALE_AFTER_SECONDS", 15 * 60)
# A row a worker claimed but never finished (it died) is sent again after this lease.
OUTBOX_SENDING_LEASE_SECONDS = env_int("OUTBOX_SENDING_LEASE_SECONDS", 10 * 60)
QUEUE_STALE_AFTER_SECONDS = env_int("QUEUE_STALE_AFTER_SECONDS", 10 * 60)

# How long personal data is kept (cms.privacy; shown on the privacy statement page), in days.
PERSONAL_DATA_RETENTION_DAYS = {
    "workshop_registrations": 90,  # after the workshop
    "street_signups": 365,  # after their round closes (accepted streets: after they stop taking part)
    "declined_submissions": 30,  # declined or withdrawn sign-ups and story submissions
    "outbox": 90,  # sent mail in the outbox
    "task_queue": 30,  # finished task-queue rows (their arguments can hold personal data)
}

# Public forms (cms.forms.PublicForm): the time trap, the honeypot and the per-client rate limit.
FORM_MIN_SECONDS = env_int("FORM_MIN_SECONDS", 2)  # faster than this is a bot: it gets a fake "thank you"
FORM_MAX_AGE_SECONDS = env_int("FORM_MAX_AGE_SECONDS", 24 * 60 * 60)
FORM_RATE_LIMIT = env_int("FORM_RATE_LIMIT", 5)  # posts per client (and per email) per FORM_RATE_PERIOD
FORM_RATE_PERIOD = env_int("FORM_RATE_PERIOD", 60)
SEARCH_RATE_LIMIT = env_int("SEARCH_RATE_LIMIT", 30)  # searches per client per minute
# Behind N reverse proxies the client address is the N-th from the right in X-Forwarded-For.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Admin sign-in (cms.auth): failed logins per username and per IP address in LOGIN_FAILURE_PERIOD
# seconds before the form refuses to try; password-reset mails per address per hour (3x per IP).
WAGTAILADMIN_USER_LOGIN_FORM = "cms.auth.ThrottledLoginForm"
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "cms.auth.ThrottledPasswordResetForm"  # noqa: S105 (a class path)
LOGIN_FAILURES_PER_USER = env_int("LOGIN_FAILURES_PER_USER", 5)
LOGIN_FAILURES_PER_IP = env_int("LOGIN_FAILURES_PER_IP", 20)
LOGIN_FAILURE_PERIOD = env_int("LOGIN_FAILURE_PERIOD", 15 * 60)
PASSWORD_RESETS_PER_HOUR = env_int("PASSWORD_RESETS_PER_HOUR", 3)

# Task queue: django-q2. The ORM broker redelivers a task whose worker died (at-least-once), so
# every task is idempotent; `retry` stays above `timeout` so a slow task is not run twice.
Q_CLUSTER = {
    "name": "liefleed",
    "workers": env_int("Q_WORKERS", 2),
    "recycle": 500,
    # Q_TIMEOUT: seconds a task may run before its worker is replaced; Q_RETRY: seconds after which
    # an unacknowledged task (its worker killed) is handed out again. Retry must exceed timeout.
    "timeout": env_int("Q_TIMEOUT", 300),
    "retry": env_int("Q_RETRY", 420),
    "max_attempts": 5,
    "ack_failures": True,
    "catch_up": False,
    "save_limit": 1000,
    "poll": 1,
}
if env("Q_BROKER", "orm") == "redis":
    if not REDIS_URL:
        raise ImproperlyConfigured("Q_BROKER=redis needs REDIS_URL.")
    Q_CLUSTER["redis"] = REDIS_URL
else:
    Q_CLUSTER["orm"] = "queue" if "queue" in DATABASES else "default"
if Q_CLUSTER["retry"] <= Q_CLUSTER["timeout"]:
    raise ImproperlyConfigured(
        f"Q_RETRY ({Q_CLUSTER['retry']}) must be greater than Q_TIMEOUT ({Q_CLUSTER['timeout']}): "
        "otherwise a task that is still running is handed to a second worker."
    )

# Wagtail's own background work (search index, reference index, renditions, file deletion) runs
# in the same django-q2 workers through this django-tasks backend.
TASKS = {"default": {"BACKEND": "cms.tasks_backend.DjangoQBackend"}}

# Wagtail
WAGTAIL_SITE_NAME = "Lief & Leed"
# The address visitors use: every absolute link (mail, QR codes, .ics, sitemap) is built from it
# (cms/links.py). scripts/run sets it from HOST and PORT; production defaults it to the admin's.
SITE_URL = env("SITE_URL", env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000"))
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", SITE_URL)
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "pptx", "png", "jpg", "jpeg", "zip"]
# Documents carry a language and a description (toolkit downloads); every chooser uses this model.
WAGTAILDOCS_DOCUMENT_MODEL = "toolkit.ToolkitDocument"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Every document is sent as an attachment, PDFs too (never shown inside the site's origin).
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# SQLite: FTS5, ranked in one pass (search/backends/sqlite.py); PostgreSQL: see below.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.sqlite"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Stemming per language on PostgreSQL: "uitnodigingen" finds "uitnodiging" on a Dutch page,
    # "keys" finds "key" on an English one. search/backends/postgres.py indexes each page with its locale's
    # configuration; search/migrations create them, each with unaccent ("enquete" finds "enquête").
    # On SQLite the database backend uses FTS5 (no stemming; unicode61 ignores accents).
    # To move to OpenSearch/Elasticsearch, see docs/deployment.md ("Search").
    # Polish has no stemmer in PostgreSQL: lief_simple only lower-cases and strips accents.
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": "search.backends.postgres",
        "SEARCH_CONFIG": env("SEARCH_CONFIG", "lief_dutch"),
        "LANGUAGE_CONFIGS": {
            "nl": env("SEARCH_CONFIG", "lief_dutch"),
            "en": "lief_english",
            "tr": "lief_turkish",
            "ar": "lief_arabic",
            "pl": "lief_simple",
        },
    }
# Off: Wagtail would wrap each embed in an inline style="padding-bottom" that the CSP blocks; the
# .block-embed__frame rule in site.css gives the frame its 16:9 shape instead.
WAGTAILEMBEDS_RESPONSIVE_HTML = False
WAGTAIL_PASSWORD_RESET_ENABLED = True
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAIL_MODERATION_ENABLED = True

# Security defaults that hold everywhere; production.py adds HTTPS-only settings.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Public pages: no inline script or style at all. The admin is Wagtail's and stays same-origin.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", *MEDIA_ORIGINS],
    "font-src": ["'self'"],
    "frame-src": ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "connect-src": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}
# Wagtail's admin needs inline scripts and styles (its templates and Draftail); everything else stays
# as strict as on the public site: images from here (and the media bucket, and the video services'
# thumbnails in embed previews), frames from here (previews) and the video services only.
CONTENT_SECURITY_POLICY_ADMIN = {
    **CONTENT_SECURITY_POLICY,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *MEDIA_ORIGINS, "https://i.ytimg.com", "https://i.vimeocdn.com"],
    "frame-ancestors": ["'self'"],
    "frame-src": ["'self'", *CONTENT_SECURITY_POLICY["frame-src"]],
}
# No avatars from gravatar.com: that would send a hash of every editor's address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django-q": {"level": env("Q_LOG_LEVEL", "WARNING")},
    },
}

# Files that must never be public (photos of story submissions before approval): outside MEDIA_ROOT,
# served to moderators only through an admin view. Several web machines need a shared folder here.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
SUBMISSION_PHOTO_MAX_BYTES = 10 * 1024 * 1024
# Pixels decoded at most per upload (RGB(A), ~4 bytes a pixel: 16 MP is about 64 MB of pixels).
SUBMISSION_PHOTO_MAX_PIXELS = 16_000_000
# A JPEG may be larger: it is decoded downscaled (draft mode) to at most SUBMISSION_PHOTO_MAX_PIXELS.
SUBMISSION_PHOTO_MAX_SOURCE_PIXELS = 80_000_000
# PDFs (cms.pdf) and personalised flyers (toolkit.flyers).
PERSONAL_DATA_RETENTION_DAYS["flyers"] = env_int("FLYER_RETENTION_DAYS", 7)  # cached flyers hold first names
FLYER_SYNC_MAX_PAGES = env_int("FLYER_SYNC_MAX_PAGES", 4)  # more addresses: rendered in the worker
PDF_RENDER_LIMITS = {  # a render in the worker runs in a child process under these limits
    "cpu_seconds": env_int("PDF_RENDER_CPU_SECONDS", 120),
    "memory_bytes": env_int("PDF_RENDER_MEMORY_MB", 1536) * 1024 * 1024,  # on top of the process itself
    "wall_seconds": env_int("PDF_RENDER_WALL_SECONDS", 180),
}
