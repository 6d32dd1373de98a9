"""Flyer PDF rendering (toolkit.flyers, cms.pdf): cold and cached, bilingual, letters for many addresses.

Each case goes through the service the views use: `get_or_create_job` (content hash), then the
cached file or a render. "cold" cases use a new street name in every round, so nothing is cached;
"cached" repeats one input (the file is there: no WeasyPrint). Letters render like the worker does,
in a child process under PDF_RENDER_LIMITS; their peak memory is the child's maximum RSS.
Rows give median and minimum milliseconds; the ratio of a cached hit to a cold render is reported.
"""

import resource
import statistics
import time
import uuid

from django.db import transaction

from wagtail.models import Locale

DEMO_TEMPLATE_NAME = "Uitnodiging om kennis te maken"


def bench_template():
    """The demo's introduction template (with an Arabic translation), or a new one like it."""
    from toolkit.demo_flyers import TEMPLATES, ensure_template
    from toolkit.models import FlyerTemplate

    template = FlyerTemplate.objects.filter(locale__language_code="nl", name=DEMO_TEMPLATE_NAME).first()
    if template is None or template.get_translation_or_none(Locale.objects.get(language_code="ar")) is None:
        from wagtail.models import Site

        home = Site.objects.get(is_default_site=True).root_page
        template = ensure_template(TEMPLATES[0], home)
    return template


def base_inputs(street="Korenaarstraat"):
    return {
        "street": street,
        "date": "2026-09-12",
        "start_time": "10:00",
        "end_time": "12:00",
        "place": "bij nummer 14",
        "gangmakers": "Noreen en Kees",
        "contact": "06 12345678",
    }


def _produce(template, inputs, languages, *, worker=False):
    """What a request does: find the job by its hash; serve the file or render it."""
    from toolkit import flyers

    job = flyers.get_or_create_job(template, inputs, languages)
    if not flyers.job_is_ready(job):
        job = flyers.render_job(job.pk) if worker else flyers.render_now(job)
    if job.status != "ready":
        raise RuntimeError(f"Flyer render failed: {job.error}")
    with flyers.open_file(job) as handle:
        return handle.read()


def _children_max_rss_mb():
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _time_case(name, runs, make_inputs, template, languages, *, worker=False, pages=1):
    timings = []
    size = 0
    for run in range(runs):
        inputs = make_inputs(run)
        started = time.perf_counter()
        data = _produce(template, inputs, languages, worker=worker)
        timings.append((time.perf_counter() - started) * 1000)
        size = len(data)
    row = {
        "case": name,
        "languages": "+".join(languages),
        "pages": pages,
        "runs": runs,
        "median_ms": round(statistics.median(timings), 1),
        "min_ms": round(min(timings), 1),
        "bytes": size,
    }
    if worker:
        row["peak_child_rss_mb"] = round(_children_max_rss_mb(), 1)
    return row


def measure_flyers(*, iterations=7, letter_runs=2, letter_counts=(50, 200), log=print):
    """Run every case inside a transaction that is rolled back (the cached files are removed too)."""
    from toolkit import flyers

    rows = []
    with transaction.atomic():
        template = bench_template()
        unique = uuid.uuid4().hex[:6]

        def cold(run):
            return base_inputs(f"Bench{unique}straat{run}")

        def cached(run):
            return base_inputs(f"Bench{unique}straat-cached")

        def letters(count):
            def make(run):
                return {
                    **base_inputs(f"Bench{unique}laan{count}x{run}"),
                    "number_from": 1,
                    "number_to": count,
                }

            return make

        log("Flyers: one page cold...")
        _produce(template, base_inputs(f"Bench{unique}warmup"), ["nl"])  # fonts and templates loaded once
        rows.append(_time_case("one page, cold", iterations, cold, template, ["nl"]))
        _produce(template, cached(0), ["nl"])
        log("Flyers: one page cached...")
        rows.append(_time_case("one page, cached", iterations, cached, template, ["nl"]))
        log("Flyers: bilingual nl+ar cold...")
        rows.append(_time_case("one page nl+ar, cold", iterations, cold, template, ["nl", "ar"]))
        for count in letter_counts:
            log(f"Flyers: letters for {count} addresses (worker, child process)...")
            rows.append(
                _time_case(
                    f"letters, {count} addresses",
                    letter_runs,
                    letters(count),
                    template,
                    ["nl"],
                    worker=True,
                    pages=count,
                )
            )
        for job in template.jobs.all():
            flyers.delete_file(job)
        transaction.set_rollback(True)
    cold_median = rows[0]["median_ms"]
    cached_median = rows[1]["median_ms"]
    return {
        "rows": rows,
        "cached_to_cold_ratio": round(cached_median / cold_median, 4) if cold_median else None,
    }


def format_flyer_table(result):
    header = (
        f"{'flyer case':28} {'pages':>5} {'runs':>4} {'median ms':>10} {'min ms':>9} {'KB':>7} {'peak MB':>8}"
    )
    lines = [header, "-" * len(header)]
    for row in result["rows"]:
        peak = f"{row['peak_child_rss_mb']:.0f}" if "peak_child_rss_mb" in row else ""
        lines.append(
            f"{row['case']:28} {row['pages']:>5} {row['runs']:>4} {row['median_ms']:>10.1f} "
            f"{row['min_ms']:>9.1f} {row['bytes'] / 1024:>7.0f} {peak:>8}"
        )
    lines.append(f"cached / cold (one page, median): {result['cached_to_cold_ratio']}")
    lines.append(
        "peak MB: the largest maximum RSS of the render children this process waited for "
        "(getrusage RUSAGE_CHILDREN, read from outside cms.pdf), i.e. of the process that rendered; "
        "blank for in-process renders"
    )
    return "\n".join(lines)
