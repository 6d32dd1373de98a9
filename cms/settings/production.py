"""Production: PostgreSQL, HTTPS behind a proxy, whitenoise, workers, Redis when configured.

Every value comes from the environment (docs/deployment.md). Start-up fails loudly when a
required one is missing rather than running with an unsafe default.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, env, env_bool, env_int

if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Set SECRET_KEY to a random value of at least 50 characters.")

if not env("ALLOWED_HOSTS"):
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the site's host names (comma-separated).")

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST", False)

# Search: Wagtail's database backend (PostgreSQL full-text search, Dutch configuration; base.py).
# When the site outgrows it (hundreds of thousands of pages, or fuzzy matching and synonyms in
# the engine), switch to OpenSearch or Elasticsearch without code changes (docs/deployment.md):
#   pip install opensearch-py          (or "elasticsearch>=9,<10" for Elasticsearch 9)
#   WAGTAILSEARCH_BACKENDS = {
#       "default": {
#           "BACKEND": "wagtail.search.backends.opensearch3",  # or .elasticsearch9
#           "URLS": [env("SEARCH_URL")],  # e.g. https://user:password@search.internal:9200
#           "INDEX": "liefleed",
#           "OPTIONS": {},
#           "INDEX_SETTINGS": {"settings": {"analysis": {"analyzer": {"default": {"type": "dutch"}}}}},
#       }
#   }
# then `manage.py update_index` once; the worker keeps the index up to date from then on.
