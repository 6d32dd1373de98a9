"""Query statistics without personal data, counted in the cache and written to the database by a schedule.

A search only touches the "counters" cache (shared by every process, never evicted: cms/cache.py):
per day and normalised query a counter, and a numbered slot list so the flush job can find the day's
queries. `flush_search_stats` (every 10 minutes, registered in SearchConfig.ready) moves the counts
into SearchQueryStat and takes the same amount off the cache counters, so searches made during a
flush are not lost and running the job twice adds nothing twice. Normalisation keeps words only
(lower case), drops digit runs of five or more (phone numbers, house numbers with postcodes) and
anything with an @ is never stored.
"""

import datetime
import hashlib
import re

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from cms.cache import counters as cache

MAX_STORED_LENGTH = 100
TIMEOUT = 3 * 24 * 3600


def normalise(query):
    if "@" in query:
        return ""
    words = [word for word in re.findall(r"\w+", query.lower()) if not re.search(r"\d{5,}", word)]
    return " ".join(words)[:MAX_STORED_LENGTH].strip()


def _key(day, *parts):
    return "searchstat:" + day.isoformat() + ":" + ":".join(str(part) for part in parts)


def _incr(key, amount=1):
    cache.add(key, 0, timeout=TIMEOUT)
    try:
        return cache.incr(key, amount)
    except ValueError:  # expired in between
        cache.set(key, amount, timeout=TIMEOUT)
        return amount


def record(query, zero_results):
    """Count one search (cache only; no database write)."""
    text = normalise(query)
    if not text:
        return
    day = timezone.localdate()
    digest = hashlib.sha256(f"{text}|{int(zero_results)}".encode()).hexdigest()[:32]
    if cache.add(_key(day, "q", digest), (text, bool(zero_results)), timeout=TIMEOUT):
        slot = _incr(_key(day, "n"))
        cache.set(_key(day, "slot", slot), digest, timeout=TIMEOUT)
    _incr(_key(day, "c", digest))


def flush_search_stats():
    """Move cached counts of today and yesterday into SearchQueryStat. Idempotent."""
    from .models import SearchQueryStat

    today = timezone.localdate()
    flushed = 0
    for day in (today - datetime.timedelta(days=1), today):
        slots = cache.get(_key(day, "n")) or 0
        slot_keys = [_key(day, "slot", n) for n in range(1, slots + 1)]
        digests = list(cache.get_many(slot_keys).values())
        texts = cache.get_many([_key(day, "q", digest) for digest in digests])
        counts = cache.get_many([_key(day, "c", digest) for digest in digests])
        for digest in digests:
            entry = texts.get(_key(day, "q", digest))
            count = counts.get(_key(day, "c", digest)) or 0
            if not entry or count <= 0:
                continue
            text, zero = entry
            with transaction.atomic():
                stat, _created = SearchQueryStat.objects.get_or_create(day=day, query=text, zero_results=zero)
                SearchQueryStat.objects.filter(pk=stat.pk).update(count=F("count") + count)
            try:
                cache.decr(_key(day, "c", digest), count)
            except ValueError:  # the counter expired meanwhile: nothing left to take off
                pass
            flushed += count
    return flushed
