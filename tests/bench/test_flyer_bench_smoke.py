"""The flyer benchmark code works (one round of each case, tiny letters); no timing is asserted."""

import json

import pytest

from tests.bench.flyers import format_flyer_table, measure_flyers
from toolkit import flyers
from toolkit.models import FlyerJob

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_measure_flyers_rows_and_table(home_page, media_root):
    result = measure_flyers(iterations=1, letter_runs=1, letter_counts=(3,), log=lambda message: None)

    cases = [row["case"] for row in result["rows"]]
    assert cases == ["one page, cold", "one page, cached", "one page nl+ar, cold", "letters, 3 addresses"]
    for row in result["rows"]:
        assert row["runs"] >= 1 and row["bytes"] > 1000
        assert row["min_ms"] <= row["median_ms"]
    assert result["rows"][3]["pages"] == 3 and result["rows"][3]["peak_child_rss_mb"] > 0
    assert isinstance(result["cached_to_cold_ratio"], float)
    json.dumps(result)
    table = format_flyer_table(result).splitlines()
    assert table[0].split()[:2] == ["flyer", "case"]
    assert table[-2].startswith("cached / cold")
    assert table[-1].startswith("peak MB: ")
    assert FlyerJob.objects.count() == 0  # rolled back
    assert not any(flyers.flyer_dir().glob("*.pdf")) if flyers.flyer_dir().exists() else True
