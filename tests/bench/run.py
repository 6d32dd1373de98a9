"""Run the benchmarks: `scripts/bench` (or `python -m tests.bench.run --help`).

Prepares the data set (tests/bench/dataset.py) in the benchmark's own database, measures every
public page (tests/bench/measure.py), prints a table and writes tests/bench/results/<time>.json,
latest.json and latest.txt. Numbers are for comparing within a run (ratios) and between runs on
the same machine; nothing here asserts a time.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

RESULTS_DIR = Path(__file__).resolve().parent / "results"
BASE_DIR = Path(__file__).resolve().parents[2]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--iterations", type=int, default=30, help="timed requests per path (default 30)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed requests per path first (default 3)")
    parser.add_argument("--fresh", action="store_true", help="delete the benchmark database first")
    parser.add_argument("--no-extra-pages", action="store_true", help="only the demo content")
    parser.add_argument(
        "--all-generated", action="store_true", help="measure every generated page, not one per parent"
    )
    parser.add_argument("--path", action="append", dest="paths", help="measure only this path (repeatable)")
    parser.add_argument(
        "--growth",
        type=int,
        default=20,
        help="pages added (then rolled back) to see whether listing queries grow (default 20, 0: skip)",
    )
    parser.add_argument(
        "--search-sizes",
        default="500,5000",
        help="page counts for the search benchmark, comma-separated (default 500,5000; 0: skip)",
    )
    parser.add_argument(
        "--throughput-seconds",
        type=float,
        default=3.0,
        help="seconds per path for the cached home page against a static file (default 3; 0: skip)",
    )
    parser.add_argument("--no-flyers", action="store_true", help="skip the flyer PDF benchmark")
    parser.add_argument("--only-flyers", action="store_true", help="only the flyer PDF benchmark")
    parser.add_argument(
        "--flyer-iterations", type=int, default=7, help="rounds per one-page flyer case (default 7)"
    )
    parser.add_argument("--letter-runs", type=int, default=2, help="rounds per letter case (default 2)")
    parser.add_argument("--output-dir", type=Path, default=RESULTS_DIR)
    return parser.parse_args(argv)


def git_commit():
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=BASE_DIR, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def environment():
    import django

    import wagtail

    from .dataset import database_description

    return {
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "settings": os.environ.get("DJANGO_SETTINGS_MODULE"),
        "database": database_description(),
        "git_commit": git_commit(),
    }


def write_results(result, output_dir, table):
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    paths = [output_dir / f"{stamp}.json", output_dir / "latest.json"]
    for path in paths:
        path.write_text(text, encoding="utf-8")
    (output_dir / "latest.txt").write_text(table + "\n", encoding="utf-8")
    return paths[0]


def main(argv=None):
    args = parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.bench")
    import django

    django.setup()

    from .dataset import EXTRA_PAGES, prepare
    from .flyers import format_flyer_table, measure_flyers
    from .measure import (
        describe_failures,
        discover_paths,
        format_growth_table,
        format_table,
        measure_cached_and_uncached,
        query_growth,
        throughput,
    )
    from .search_scale import format_search_table, search_scale

    started = datetime.now(UTC)
    dataset = prepare(fresh=args.fresh, extra_pages=[] if args.no_extra_pages else EXTRA_PAGES)
    paths, table, rates, search, growth, flyer_result = [], "", {}, [], [], None
    measured = {"baseline": {"median_ms": 0.0}, "pages": []}
    if not args.only_flyers:
        paths = args.paths or discover_paths(all_generated=args.all_generated)
        print(
            f"Measuring {len(paths)} paths: {args.warmup} warm-up + {args.iterations} timed requests each..."
        )
        measured = measure_cached_and_uncached(paths, iterations=args.iterations, warmup=args.warmup)
        table = format_table(measured)
    if args.throughput_seconds > 0 and paths:
        from django.conf import settings
        from django.test import override_settings

        home_path = next((path for path in paths if path == f"/{settings.LANGUAGE_CODE}/"), paths[0])
        static_path = f"{settings.STATIC_URL}css/site.css"
        print(f"Throughput of {home_path} (page cache on) against {static_path} (whitenoise)...")
        with override_settings(PAGE_CACHE_SECONDS=600):
            rates = throughput([home_path, static_path], seconds=args.throughput_seconds)
        table += "\n\nThroughput, one request after another in one process (requests per second):\n"
        table += "\n".join(f"  {path:<30} {rate:>8.1f}/s" for path, rate in rates.items())
        table += f"\n  cached home / static file: {rates[home_path] / rates[static_path]:.2f}"
    sizes = [int(size) for size in args.search_sizes.split(",") if size.strip() and int(size) > 0]
    if sizes and not args.only_flyers:
        from django.db import connection

        print(
            f"Search at {', '.join(map(str, sizes))} pages (added in bulk, then rolled back; "
            f"{rate_limits_note()})..."
        )
        search = search_scale(sizes, iterations=max(5, args.iterations // 2))
        table += (
            "\n\nSearch as the site grows (ratio to the minimal view; queries per search; "
            f"{rate_limits_note()}):\n"
        )
        table += format_search_table(search, connection.vendor)
    if not args.no_flyers:
        flyer_result = measure_flyers(iterations=args.flyer_iterations, letter_runs=args.letter_runs)
        table += ("\n\n" if table else "") + "Flyer PDFs (toolkit.flyers through cms.pdf):\n"
        table += format_flyer_table(flyer_result)
    if args.growth > 0 and not args.no_extra_pages and not args.only_flyers:
        print(f"Counting queries of the listings before and after {args.growth} more pages...")
        growth = query_growth(EXTRA_PAGES, extra=args.growth)
        table += (
            "\n\nSQL queries as listings grow (page cache off; pages added in a transaction, "
            "then rolled back):\n"
        )
        table += format_growth_table(growth)
    result = {
        "started": started.isoformat(timespec="seconds"),
        "environment": environment(),
        "dataset": dataset,
        **measured,
        "query_growth": growth,
        "throughput": rates,
        "search_scale": search,
        "flyers": flyer_result,
    }
    written = write_results(result, args.output_dir, table)
    print()
    print(table)
    print()
    if measured["pages"]:
        print(
            "ratio = median latency / median latency of the minimal view "
            f"({measured['baseline']['median_ms']:.2f} ms) through the same middleware; "
            "c.ratio: the same with the page cache on (cache: hit when the page was served from it)."
        )
    print(f"Results: {written} (and latest.json, latest.txt)")
    failures = [
        *measured.get("failures", []),
        *(item for row in search for item in row["failures"]),
        *(item for row in growth for item in row["failures"]),
    ]
    if failures:
        print(
            f"{len(failures)} answers were not 200 (page: round: status):\n{describe_failures(failures)}",
            file=sys.stderr,
        )
        return 1
    return 0


def rate_limits_note():
    """ "rate limits off", or which limit is on (then the search rows may measure 429 answers)."""
    from django.conf import settings

    on = [name for name in ("SEARCH_RATE_LIMIT", "FORM_RATE_LIMIT") if getattr(settings, name, 0)]
    return "rate limits off" if not on else f"rate limits ON: {', '.join(on)}"


if __name__ == "__main__":
    sys.exit(main())
