"""Rate limits for public endpoints (search, forms), kept in the cache and shared by all workers.

A window starts at a client's first request and lasts `period` seconds, so the count never resets
halfway through a burst. The client's IP address is hashed with the secret key and never stored.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    """The client's address; behind `TRUSTED_PROXY_COUNT` proxies, taken from X-Forwarded-For."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


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
