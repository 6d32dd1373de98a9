#!/usr/bin/env python
"""Measure a page-cache hit on each candidate cache backend (docs/adr/0005-shared-cache.md).

    .venv/bin/python scripts/measure_page_cache.py [--rounds 3000]

What a hit costs the page-cache middleware: one `get` of the generation number and one `get` of a
stored page (status, headers, a 30 kB body), then Django's `request_finished` (which closes the
caches). Reports the median and the 90th percentile in microseconds per backend, all in one run.
Redis is measured when 127.0.0.1:6379 answers.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3000)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="cache-measure-")
    backends = {
        "locmem (per process: wrong)": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "diskcache, kept open (chosen)": {
            "BACKEND": "cms.cache.SharedDiskCache",
            "LOCATION": f"{folder}/open",
            "SHARDS": 4,
            "DATABASE_TIMEOUT": 0.1,
        },
        "diskcache, closed per request": {
            "BACKEND": "diskcache.DjangoCache",
            "LOCATION": f"{folder}/closed",
            "SHARDS": 4,
            "DATABASE_TIMEOUT": 0.1,
        },
        "Django DatabaseCache (SQLite file)": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "page_cache_measure",
        },
    }
    try:
        import redis

        redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=0.5).ping()
        backends["Redis (127.0.0.1, DB 15)"] = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
        }
    except Exception:  # no Redis here: measured where there is one
        pass

    import django
    from django.conf import settings

    settings.CACHES = {
        "default": backends["locmem (per process: wrong)"],
        **backends,
    }
    settings.DATABASES["default"]["NAME"] = f"{folder}/db.sqlite3"
    django.setup()
    from django.core.cache import caches
    from django.core.management import call_command
    from django.core.signals import request_finished

    call_command("createcachetable", verbosity=0)
    page = (200, [("Content-Type", "text/html; charset=utf-8")] * 8, b"<p>Lief &amp; Leed</p>" * 1400)
    print(f"{'backend':38} {'median µs':>10} {'p90 µs':>8}")
    for name in backends:
        cache = caches[name]
        cache.set("generation", 1, None)
        cache.set("page", page, 600)
        timings = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            cache.get("generation")
            assert cache.get("page") is not None
            request_finished.send(sender=None)
            timings.append((time.perf_counter() - start) * 1e6)
        timings.sort()
        print(f"{name:38} {statistics.median(timings):10.0f} {timings[int(len(timings) * 0.9)]:8.0f}")


if __name__ == "__main__":
    main()
