"""The cache every process of one site shares, on the embedded default (no Redis).

The site always runs as more than one process (the web process and the worker; in production
several web processes). A purge after a publish, a rate-limit count or a search statistic must be
seen by all of them, so a per-process local-memory cache is wrong. Without `REDIS_URL` the caches
are diskcache's Django backend: SQLite files under `CACHE_DIR`, safe for many processes and
threads, and reopened by diskcache itself after a fork.

Django closes every cache at the end of each request (`request_finished`). For diskcache that
closes the SQLite connections, and reopening them costs about ten times a page-cache hit
(scripts/measure_page_cache.py; docs/adr/0005-shared-cache.md). `SharedDiskCache` therefore stays
open for the life of the process.

Two caches, never one (settings `CACHES`):
- "default": whole pages and other things that can be made again; size-limited, evicts the
  least recently stored entries;
- "counters": rate limits, the login throttle and search statistics; never evicted, so filling
  the page cache cannot reset a count (cms.ratelimit, search.stats).
"""

from diskcache import DjangoCache

from django.core.cache import caches
from django.utils.connection import ConnectionProxy

COUNTERS = "counters"


class SharedDiskCache(DjangoCache):
    """diskcache's Django backend, kept open between requests (see the module docstring)."""

    def close(self, **kwargs):
        """Keep the connections: Django calls this after every request."""


# The "counters" cache, the way `django.core.cache.cache` is the default one.
counters = ConnectionProxy(caches, COUNTERS)
