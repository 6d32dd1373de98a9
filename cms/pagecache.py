"""A whole-page cache for anonymous visitors of Wagtail pages, purged by one generation number.

How it works (docs/architecture.md, "The page cache"):

- `PageCacheMiddleware` answers an anonymous GET or HEAD from the cache before Django resolves
  the URL, so a hit costs no SQL query. A request is anonymous when it carries no session or
  messages cookie: editors (logged in), visitors who entered a page password and visitors with a
  pending message always get a fresh page.
- Only Wagtail pages are stored, and only those whose class says `cache_public = True` (the
  default here; pages with a form set it to False). The `on_serve_page` hook marks the request
  when Wagtail really serves the page, that is after its view-restriction checks, so a password
  form or a login redirect is never stored. A response is stored only when it is a plain 200
  with no cookie, no CSRF token used, no session written, no message and no `Cache-Control`
  that says private, no-cache, no-store or max-age=0.
- The key is scheme, host, path, query string (sorted: the listing filters) and language, plus
  the current *generation*. Publishing, unpublishing, moving or deleting a page, and saving or
  deleting a snippet, a setting, an image, a document, a site or a locale, moves the generation
  on: every stored page is then out of date at once (and expires from the cache by itself).
  Entries also expire after PAGE_CACHE_SECONDS, for what changes with time (upcoming workshops).

Security headers: the middleware sits inside SecurityMiddleware and the CSP middleware and
before sessions, CSRF and messages, so a hit gets the same Content-Security-Policy, Referrer,
nosniff and COOP headers as a fresh page; the stored response carries `Vary: Cookie` and never
a Set-Cookie header.
"""

import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

GENERATION_KEY = "pagecache:generation"
HEADER = "X-Page-Cache"
_UNCACHEABLE_DIRECTIVES = ("private", "no-cache", "no-store", "max-age=0")
logger = logging.getLogger(__name__)
_STORED_HEADERS_EXCLUDED = {"set-cookie", "content-length"}
_extra_purge_models = set()


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def enabled():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0


def is_cacheable_page(page):
    """False for pages that hold a form or personal content (the `cache_public` attribute)."""
    from wagtail.contrib.forms.models import FormMixin

    if isinstance(page, FormMixin):
        return False
    return bool(getattr(page, "cache_public", True))


def current_generation(cache=None):
    """The generation number every stored page is keyed with (made the first time it is asked)."""
    cache = cache or page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A new number that no earlier generation had, so that an evicted generation key never
        # brings back pages that were stored under an older one.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def purge_all(**_kwargs):
    """Make every stored page out of date (cheap: one cache write). Used by the signal receivers."""
    page_cache().set(GENERATION_KEY, time.time_ns(), timeout=None)


def register_purge_model(model):
    """Purge the page cache when an instance of `model` is saved or deleted.

    Snippets, settings, images, documents, sites and locales are purged without registering.
    Register other models whose rows appear on cached pages.
    """
    _extra_purge_models.add(model)


def _purge_models():
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Site
    from wagtail.snippets.models import get_snippet_models

    return (
        *get_snippet_models(),
        *_extra_purge_models,
        BaseGenericSetting,
        BaseSiteSetting,
        get_image_model(),
        get_document_model(),
        Site,
        Locale,
    )


def _model_saved_or_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if kwargs.get("raw"):
        return
    if issubclass(sender, _purge_models()) or (
        kwargs.get("signal") is post_delete and issubclass(sender, Page)
    ):
        purge_all()


def connect_signals():
    """Called from CmsConfig.ready()."""
    from wagtail import signals

    for signal in (signals.page_published, signals.page_unpublished, signals.post_page_move):
        signal.connect(purge_all, dispatch_uid=f"pagecache-{id(signal)}")
    # Snippets with a draft state send these on publish; plain snippets only post_save.
    signals.published.connect(purge_all, dispatch_uid="pagecache-published")
    signals.unpublished.connect(purge_all, dispatch_uid="pagecache-unpublished")
    post_save.connect(_model_saved_or_deleted, dispatch_uid="pagecache-post-save")
    post_delete.connect(_model_saved_or_deleted, dispatch_uid="pagecache-post-delete")


def mark_cacheable(request, page):
    if is_cacheable_page(page):
        request._page_cache_candidate = True


def _is_anonymous_read(request):
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def cache_key(request, generation):
    query = "&".join(sorted(request.META.get("QUERY_STRING", "").split("&")))
    return ":".join(
        [
            "pagecache",
            str(generation),
            request.scheme,
            request.get_host(),
            translation.get_language() or "",
            request.path,
            query,
        ]
    )


def _storable(request, response):
    if not getattr(request, "_page_cache_candidate", False) or response.status_code != 200:
        return False
    if response.streaming or response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and (messages._queued_messages or messages.used):
        return False
    cache_control = response.get("Cache-Control", "").lower().replace(" ", "")
    return not any(directive in cache_control.split(",") for directive in _UNCACHEABLE_DIRECTIVES)


class PageCacheMiddleware:
    """See the module docstring. Place after LocaleMiddleware and before SessionMiddleware's users."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled() or not _is_anonymous_read(request):
            return self.get_response(request)
        cache = page_cache()
        try:
            key = cache_key(request, current_generation(cache))
            stored = cache.get(key)
        except DisallowedHost:
            return self.get_response(request)
        except Exception:  # the cache is unreachable or busy: serve the page without it
            logger.warning("Page cache: read failed, serving uncached", exc_info=True)
            return self.get_response(request)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if _storable(request, response):
            # The page depends on the cookies (an editor sees another one), so shared caches
            # downstream must not give it to someone who has a session.
            patch_vary_headers(response, ("Cookie",))
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in _STORED_HEADERS_EXCLUDED
            ]
            try:
                cache.set(key, (response.status_code, headers, response.content), settings.PAGE_CACHE_SECONDS)
            except Exception:  # a page that cannot be stored is still served
                logger.warning("Page cache: store failed", exc_info=True)
            response[HEADER] = "miss"
        return response
