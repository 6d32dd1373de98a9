"""Search latency and SQL queries at 500 and 5,000 pages (issue #8), as a ratio to the minimal view.

The pages are added in bulk (tests/bench/bulk.py) inside a transaction that is rolled back at the
end, so the benchmark's data set stays as it was. Run on SQLite (the default) and on PostgreSQL
(`DATABASE_URL=postgres://.../name scripts/bench`): the search backend differs (FTS5 or
PostgreSQL's full-text search with the Dutch configuration).
"""

from django.db import transaction

from home.models import HomePage, StandardPage

from .bulk import bulk_pages
from .measure import measure

QUERY = "sleutelkastje"
BODY = [{"type": "paragraph", "value": "<p>Een sleutelkastje bij de buren: wie heeft de sleutel?</p>"}]


class _Rollback(Exception):
    pass


def search_scale(sizes=(500, 5000), *, iterations=20, warmup=2):
    """[{"pages", "path", "status", "statuses", "failures", "median_ms", "ratio", "queries",
    "baseline_ms"}, ...] per size. Run with SEARCH_RATE_LIMIT = 0 (cms.settings.bench): a 429
    would be measured instead of the search."""
    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation

    home = HomePage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if home is None:
        return []
    with translation.override(settings.LANGUAGE_CODE):
        path = f"{reverse('search')}?q={QUERY}"
    rows = []
    try:
        with transaction.atomic():
            made = 0
            for size in sorted(sizes):
                bulk_pages(
                    home,
                    StandardPage,
                    size - made,
                    start=made,
                    slug_prefix="bench-search-",
                    title="Sleutelkastje {n}",
                    fields={"intro": "Een sleutelkastje in straat {n}.", "body": BODY},
                )
                made = size
                result = measure([path], iterations=iterations, warmup=warmup)
                row = result["pages"][0]
                rows.append(
                    {
                        "pages": size,
                        "path": path,
                        "status": row["status"],
                        "statuses": row["statuses"],
                        "failures": [
                            {**item, "round": f"{size} pages, {item['round']}"} for item in result["failures"]
                        ],
                        "median_ms": row["median_ms"],
                        "ratio": row["ratio"],
                        "queries": row["queries"],
                        "baseline_ms": result["baseline"]["median_ms"],
                    }
                )
            raise _Rollback
    except _Rollback:
        pass
    return rows


def format_search_table(rows, vendor):
    if not rows:
        return "(no Dutch home page: search scale skipped)"
    header = (
        f"{'database':<10}  {'pages':>6}  {'statuses':<12}  {'median ms':>9}  {'ratio':>6}  {'queries':>7}"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        ratio = row["ratio"] or 0
        lines.append(
            f"{vendor:<10}  {row['pages']:>6}  {_statuses(row):<12}  {row['median_ms']:>9.2f}  "
            f"{ratio:>6.1f}  {row['queries']:>7}"
        )
    return "\n".join(lines)


def _statuses(row):
    """ "200x22": every status of every request of the row with its count."""
    return ",".join(f"{code}x{count}" for code, count in row["statuses"].items())
