"""The benchmark code works (structure of its results); no timing is asserted here or anywhere."""

import json

import pytest

from home.factories import StandardPageFactory
from tests.bench import run
from tests.bench.dataset import ExtraPages, add_extra_pages
from tests.bench.measure import (
    describe_failures,
    discover_paths,
    format_growth_table,
    format_table,
    measure,
    query_growth,
)
from tests.bench.urls import MINIMAL_PATH

pytestmark = pytest.mark.django_db

ROW_KEYS = {"path", "status", "statuses", "bytes", "median_ms", "p90_ms", "min_ms", "ratio", "queries"}


@pytest.fixture
def bench_urls(settings):
    settings.ROOT_URLCONF = "tests.bench.urls"


def test_minimal_view_goes_through_the_middleware(client, bench_urls):
    response = client.get(MINIMAL_PATH)
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "Content-Security-Policy" in response  # set by the site's middleware


def test_measure_two_paths(bench_urls, home_page):
    result = measure(["/nl/", "/healthz"], iterations=2, warmup=1)

    assert result["iterations"] == 2
    assert result["baseline"]["path"] == MINIMAL_PATH
    assert [row["path"] for row in result["pages"]] == ["/nl/", "/healthz"]
    for row in [result["baseline"], *result["pages"]]:
        assert set(row) == ROW_KEYS
        assert row["status"] == 200
        assert row["bytes"] > 0
        assert isinstance(row["median_ms"], float)
        assert isinstance(row["ratio"], float)
        assert row["min_ms"] <= row["median_ms"] <= row["p90_ms"]
    assert result["baseline"]["queries"] == 0
    assert result["pages"][0]["queries"] > 0  # the home page reads the database
    json.dumps(result)  # what scripts/bench writes

    table = format_table(result).splitlines()
    assert table[0].split() == ["path", "status", "median", "ms", "ratio", "queries"]
    assert [line.split()[0] for line in table[2:]] == [MINIMAL_PATH, "/nl/", "/healthz"]


def test_a_non_200_answer_in_a_timed_round_is_a_failure(bench_urls, home_page, settings):
    # The search limit lets the warm-up through and answers 429 in the timed rounds.
    settings.SEARCH_RATE_LIMIT = 2
    path = "/nl/zoeken/?q=buren"

    result = measure([path], iterations=3, warmup=1)

    row = result["pages"][0]
    assert row["status"] == 429
    assert row["statuses"] == {"200": 2, "429": 2}  # warm-up and timed rounds
    assert result["failures"][0] == {"path": path, "round": "round 2", "status": 429}
    assert {item["round"] for item in result["failures"]} == {"round 2", "round 3", "query count"}
    assert "round 2: status 429" in describe_failures(result["failures"])


def test_bench_settings_turn_the_rate_limits_off():
    from cms.settings import bench

    assert bench.SEARCH_RATE_LIMIT == 0
    assert bench.FORM_RATE_LIMIT == 0


def test_discover_paths_lists_live_pages_search_healthz_and_sitemap(home_page):
    StandardPageFactory(parent=home_page, slug="privacy")
    StandardPageFactory(parent=home_page, slug="concept", live=False)
    for number in (1, 2, 3):
        StandardPageFactory(parent=home_page, slug=f"bench-standardpage-{number}")

    paths = discover_paths()

    assert paths[:3] == ["/nl/", "/nl/privacy/", "/nl/bench-standardpage-1/"]
    assert "/nl/concept/" not in paths
    assert paths[-3:] == ["/nl/zoeken/?q=buren", "/healthz", "/sitemap.xml"]
    assert "/nl/bench-standardpage-3/" in discover_paths(all_generated=True)


def test_extra_pages_are_topped_up_not_duplicated(home_page):
    spec = ExtraPages("home.factories.StandardPageFactory", "home.HomePage", 3)
    assert add_extra_pages(spec) == (3, None)
    assert add_extra_pages(spec) == (3, None)
    home_page.refresh_from_db()  # its numchild changed
    slugs = set(home_page.get_children().values_list("slug", flat=True))
    assert slugs == {"bench-standardpage-1", "bench-standardpage-2", "bench-standardpage-3"}


def test_extra_pages_skip_what_does_not_exist(home_page):
    missing_factory = ExtraPages("nothing.factories.PageFactory", "home.HomePage", 3)
    missing_parent = ExtraPages("home.factories.StandardPageFactory", "nothing.IndexPage", 3)
    assert add_extra_pages(missing_factory)[0] == 0
    assert "no factory" in add_extra_pages(missing_factory)[1]
    assert add_extra_pages(missing_parent) == (0, "no live Dutch nothing.IndexPage in the demo content")


def test_query_growth_adds_pages_and_rolls_them_back(home_page):
    StandardPageFactory(parent=home_page, slug="privacy")
    spec = ExtraPages("home.factories.StandardPageFactory", "home.HomePage", 3)

    rows = query_growth([spec], extra=2)

    assert [row["path"] for row in rows] == ["/nl/", "/sitemap.xml"]
    for row in rows:
        assert (row["children_before"], row["children_after"]) == (1, 3)
        assert row["queries_before"] > 0
        assert row["queries_after"] > 0
    home_page.refresh_from_db()
    assert list(home_page.get_children().values_list("slug", flat=True)) == ["privacy"]
    assert format_growth_table(rows).splitlines()[2].startswith("/nl/ ")


def test_results_are_written(tmp_path):
    result = {"baseline": {}, "pages": []}
    written = run.write_results(result, tmp_path, "table")
    assert json.loads(written.read_text()) == result
    assert json.loads((tmp_path / "latest.json").read_text()) == result
    assert (tmp_path / "latest.txt").read_text() == "table\n"
