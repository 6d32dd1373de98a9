"""Rate limits for public endpoints (search, forms) and the login throttle, kept in the "counters"
cache: shared by every process of the site and never evicted by page-cache entries (cms/cache.py).

A window starts at a client's first request and lasts `period` seconds, so the count never resets
halfway through a burst. The client's IP address is hashed with the secret key and never stored.
"""

import hashlib
import logging

from django.conf import settings

from .cache import counters as cache

logger = logging.getLogger(__name__)


def client_ip(request):
    """The client's address; behind `TRUSTED_PROXY_COUNT` proxies, taken from X-Forwarded-For.

    The address is the one the outermost trusted proxy saw (counted from the right), so what a
    client writes into its own X-Forwarded-For never counts. Without enough entries (a request
    that did not pass the proxies) it is the connection's address.
    """
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded_header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies:
        forwarded = [part.strip() for part in forwarded_header.split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    elif forwarded_header and getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        _warn_once_about_proxies()
    return request.META.get("REMOTE_ADDR", "")


_warned = False


def _warn_once_about_proxies():
    global _warned
    if not _warned:
        _warned = True
        logger.warning(
            "Requests arrive through a proxy (X-Forwarded-For) but TRUSTED_PROXY_COUNT is 0: every "
            "visitor counts as the proxy's address for rate limits and the login throttle. "
            "Set TRUSTED_PROXY_COUNT (docs/deployment.md)."
        )


def _key(scope, request, key=None):
    who = client_ip(request) if key is None else key
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{scope}:{who}".encode()).hexdigest()
    return f"rl:{scope}:{digest[:32]}"


def hit(request, scope, limit, period=60, key=None):
    """Count one request in `scope`; True when it goes over `limit` per `period`.

    Counted per client IP, or per `key` when given (e.g. an email address, hashed like the IP).
    A limit of 0 (or None) switches the limit off.
    """
    if not limit:
        return False
    key = _key(scope, request, key)
    if cache.add(key, 1, timeout=period):
        return False
    try:
        return cache.incr(key) > limit
    except ValueError:  # the window expired between add and incr
        cache.add(key, 1, timeout=period)
        return False


def reset(request, scope, key=None):
    cache.delete(_key(scope, request, key))


def is_limited(request, scope, limit, key=None):
    """True when `scope` has already reached `limit` in the current window (counts nothing)."""
    if not limit:
        return False
    return (cache.get(_key(scope, request, key)) or 0) >= limit
