"""Page latency and SQL queries, measured through Django's full middleware stack.

Machines differ and shared machines are noisy, so every latency is also given as a ratio to the
minimal view of tests/bench/urls.py, measured in the same rounds: all paths are requested once per
round, round after round, so a burst of noise from a neighbour hits every path alike.
"""

import statistics
import time
from contextlib import ExitStack

from django.conf import settings
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page

from .dataset import GENERATED_SLUG_PREFIX
from .urls import MINIMAL_PATH

SEARCH_QUERY = "buren"


def discover_paths(search_query=SEARCH_QUERY, all_generated=False):
    """Every public live page in every language, then search, /healthz and /sitemap.xml.

    Generated pages (tests/bench/dataset.py) are alike: only the first under each parent is
    measured, unless `all_generated`.
    """
    language_order = {code: position for position, (code, _) in enumerate(settings.LANGUAGES)}
    pages = (
        Page.objects.live()
        .public()
        .filter(depth__gt=1)
        .select_related("locale")
        .order_by("path")
        .specific(defer=True)
    )
    found = []
    seen_generated_parents = set()
    for page in pages:
        if page.slug.startswith(GENERATED_SLUG_PREFIX) and not all_generated:
            parent_key = (page.path[: -page.steplen], page.slug.rstrip("0123456789"))
            if parent_key in seen_generated_parents:
                continue
            seen_generated_parents.add(parent_key)
        parts = page.get_url_parts()
        if parts is None:
            continue
        found.append((language_order.get(page.locale.language_code, 99), page.path, parts[2]))
    paths = [path for _, _, path in sorted(found)]
    with translation.override(settings.LANGUAGE_CODE):
        paths.append(f"{reverse('search')}?q={search_query}")
    paths += ["/healthz", "/sitemap.xml"]
    return list(dict.fromkeys(paths))


def _get(client, path):
    response = client.get(path)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, len(body)


def _count_queries(client, path, failures=None):
    with ExitStack() as stack:
        contexts = [
            stack.enter_context(CaptureQueriesContext(connection)) for connection in connections.all()
        ]
        status, _ = _get(client, path)
    if failures is not None and status != 200:
        failures.append({"path": path, "round": "query count", "status": status})
    return sum(len(context.captured_queries) for context in contexts)


def measure(paths, *, iterations=30, warmup=3, client=None, baseline=MINIMAL_PATH):
    """Median latency, its ratio to `baseline`, and SQL queries per request for each path.

    Returns {"iterations", "warmup", "baseline": row, "pages": [row, ...]} where a row is
    {"path", "status", "bytes", "median_ms", "p90_ms", "min_ms", "ratio", "queries"}.
    Queries are counted on one extra request after the timed rounds (caches warm), because
    capturing them slows the request down.
    """
    if iterations < 1:
        raise ValueError("iterations must be at least 1")
    client = client or Client()
    ordered = [baseline, *(path for path in dict.fromkeys(paths) if path != baseline)]
    first = {}
    statuses = {path: {} for path in ordered}
    failures = []

    def record(path, round_name, status):
        statuses[path][status] = statuses[path].get(status, 0) + 1
        if status != 200:
            failures.append({"path": path, "round": round_name, "status": status})

    for path in ordered:
        for number in range(max(warmup, 1)):
            first[path] = _get(client, path)
            record(path, f"warm-up {number + 1}", first[path][0])
    samples = {path: [] for path in ordered}
    for number in range(iterations):
        for path in ordered:
            start = time.perf_counter()
            status, _ = _get(client, path)
            samples[path].append((time.perf_counter() - start) * 1000)
            record(path, f"round {number + 1}", status)
    queries = {path: _count_queries(client, path, failures) for path in ordered}

    baseline_median = statistics.median(samples[baseline])
    rows = []
    for path in ordered:
        timings = sorted(samples[path])
        median = statistics.median(timings)
        rows.append(
            {
                "path": path,
                # The worst status of every request (warm-up and timed rounds), and all of them.
                "status": max(statuses[path], key=lambda code: (code != 200, code)),
                "statuses": {str(code): count for code, count in sorted(statuses[path].items())},
                "bytes": first[path][1],
                "median_ms": round(median, 3),
                "p90_ms": round(timings[min(len(timings) - 1, int(0.9 * len(timings)))], 3),
                "min_ms": round(timings[0], 3),
                "ratio": round(median / baseline_median, 2) if baseline_median else None,
                "queries": queries[path],
            }
        )
    return {
        "iterations": iterations,
        "warmup": warmup,
        "baseline": rows[0],
        "pages": rows[1:],
        "failures": failures,
    }


def describe_failures(failures, limit=10):
    """One line per non-200 answer: page, round and status (the first `limit`, then a count)."""
    lines = [f"  {item['path']}: {item['round']}: status {item['status']}" for item in failures[:limit]]
    if len(failures) > limit:
        lines.append(f"  ... and {len(failures) - limit} more")
    return "\n".join(lines)


def measure_cached_and_uncached(paths, *, iterations=30, warmup=3):
    """`measure()` twice: with the page cache off (queries counted there) and on (hits).

    Each row gets `cached_median_ms` and `cached_ratio` besides the uncached numbers, and `cache`:
    "hit" when the cached pass was served from the page cache, "-" when the page is not cached
    (search, /healthz, pages with a form).
    """
    from django.core.cache import caches
    from django.test import override_settings

    from cms.pagecache import HEADER

    for cache in caches.all():
        cache.clear()
    with override_settings(PAGE_CACHE_SECONDS=0):
        uncached = measure(paths, iterations=iterations, warmup=warmup)
    with override_settings(PAGE_CACHE_SECONDS=600):
        cached = measure(paths, iterations=iterations, warmup=warmup)
        client = Client()
        served = {row["path"]: client.get(row["path"]).get(HEADER, "-") for row in cached["pages"]}
    by_path = {row["path"]: row for row in cached["pages"]}
    for row in uncached["pages"]:
        other = by_path[row["path"]]
        row["cached_median_ms"] = other["median_ms"]
        row["cached_ratio"] = other["ratio"]
        row["cache"] = served[row["path"]]
    uncached["cached_baseline"] = cached["baseline"]
    uncached["failures"] = [
        *uncached["failures"],
        *({**item, "round": f"cached {item['round']}"} for item in cached["failures"]),
    ]
    return uncached


def throughput(paths, *, seconds=3.0, client=None):
    """Requests per second, one after another in this process, for each path (same rounds)."""
    client = client or Client()
    counts = dict.fromkeys(paths, 0)
    spent = dict.fromkeys(paths, 0.0)
    for path in paths:
        _get(client, path)
    deadline = time.perf_counter() + seconds * len(paths)
    while time.perf_counter() < deadline:
        for path in paths:
            start = time.perf_counter()
            _get(client, path)
            spent[path] += time.perf_counter() - start
            counts[path] += 1
    return {path: round(counts[path] / spent[path], 1) for path in paths}


def format_table(result):
    """A plain-text table: path, status, median ms, ratio to the minimal view (uncached and
    cached), SQL queries (uncached)."""
    rows = [result["baseline"], *result["pages"]]
    width = max(len("path"), *(len(row["path"]) for row in rows))
    cached = any("cached_ratio" in row for row in rows)
    header = f"{'path':<{width}}  {'status':>6}  {'median ms':>9}  {'ratio':>6}  {'queries':>7}"
    if cached:
        header += f"  {'cached ms':>9}  {'c.ratio':>7}  {'cache':>5}"
    lines = [header, "-" * len(header)]
    for row in rows:
        ratio = "" if row["ratio"] is None else f"{row['ratio']:.1f}"
        line = (
            f"{row['path']:<{width}}  {row['status']:>6}  {row['median_ms']:>9.2f}  {ratio:>6}  "
            f"{row['queries']:>7}"
        )
        if cached and "cached_ratio" in row:
            line += f"  {row['cached_median_ms']:>9.2f}  {row['cached_ratio'] or 0:>7.1f}  {row['cache']:>5}"
        lines.append(line)
    return "\n".join(lines)


class _Rollback(Exception):
    pass


def query_growth(specs, *, extra=20, client=None):
    """SQL queries of each listing (and the sitemap) before and after `extra` more children.

    For every ExtraPages spec whose parent exists, the parent's page and /sitemap.xml are
    requested, `extra` more pages are made with the spec's factory, and both are requested again;
    everything happens in a transaction that is rolled back. Equal counts mean that a listing
    costs the same for 10 items or 10,000 (no query per item).
    Returns [{"path", "factory", "children_before", "children_after", "queries_before",
    "queries_after"}, ...].
    """
    from django.core.cache import caches
    from django.db import transaction
    from django.test import override_settings
    from django.utils.module_loading import import_string

    client = client or Client()
    with override_settings(PAGE_CACHE_SECONDS=0):
        return _query_growth(specs, extra, client, caches, transaction, import_string)


def _query_growth(specs, extra, client, caches, transaction, import_string):
    """query_growth() with the page cache off: every request renders, so the counts are real."""
    from .dataset import parent_page

    rows = []
    for spec in specs:
        parent = parent_page(spec)
        try:
            factory = import_string(spec.factory)
        except ImportError:
            continue
        if parent is None or parent.get_url_parts() is None:
            continue
        paths = [parent.get_url_parts()[2], "/sitemap.xml"]
        before_children = parent.get_children().count()
        failures = []
        before = {path: (_get(client, path), _count_queries(client, path, failures))[1] for path in paths}
        try:
            with transaction.atomic():
                for number in range(1, extra + 1):
                    factory(parent=type(parent).objects.get(pk=parent.pk), slug=f"bench-growth-{number}")
                after_children = parent.get_children().count()
                after = {
                    path: (_get(client, path), _count_queries(client, path, failures))[1] for path in paths
                }
                raise _Rollback
        except _Rollback:
            pass
        for cache in caches.all():
            cache.clear()
        for path in paths:
            rows.append(
                {
                    "path": path,
                    "factory": spec.factory,
                    "children_before": before_children,
                    "children_after": after_children,
                    "queries_before": before[path],
                    "queries_after": after[path],
                    "failures": [item for item in failures if item["path"] == path],
                }
            )
    return rows


def format_growth_table(rows):
    """path, page type, children before -> after, queries before -> after."""
    if not rows:
        return "(no listing to grow)"
    width = max(len("path"), *(len(row["path"]) for row in rows))
    kinds = [row["factory"].rsplit(".", 1)[-1].removesuffix("Factory") for row in rows]
    kind_width = max(len("pages added"), *(len(kind) for kind in kinds))
    header = f"{'path':<{width}}  {'pages added':<{kind_width}}  {'children':>11}  {'queries':>9}"
    lines = [header, "-" * len(header)]
    for row, kind in zip(rows, kinds, strict=True):
        children = f"{row['children_before']} -> {row['children_after']}"
        queries = f"{row['queries_before']} -> {row['queries_after']}"
        flag = "" if row["queries_after"] <= row["queries_before"] else "  grows"
        lines.append(f"{row['path']:<{width}}  {kind:<{kind_width}}  {children:>11}  {queries:>9}{flag}")
    return "\n".join(lines)
