from search import stats
from search.models import SearchQueryStat

URL = "/nl/zoeken/"


def test_normalise_keeps_words_drops_personal_data():
    assert stats.normalise("  Buurvrouw ZIEK!! ") == "buurvrouw ziek"
    assert stats.normalise("mail jan@example.nl") == ""
    assert stats.normalise("bel 0612345678 sleutel") == "bel sleutel"
    assert len(stats.normalise("x" * 10_000)) == stats.MAX_STORED_LENGTH


def test_search_records_in_cache_only_and_flush_moves_counts(client, home_page, django_assert_num_queries):
    client.get(URL, {"q": "Sleutel"})
    client.get(URL, {"q": "sleutel!"})
    client.get(URL, {"q": "qwxzyk"})
    assert not SearchQueryStat.objects.exists()  # nothing written by the requests themselves
    assert stats.flush_search_stats() == 3
    rows = {(row.query, row.zero_results): row.count for row in SearchQueryStat.objects.all()}
    assert rows == {("sleutel", True): 2, ("qwxzyk", True): 1}
    # Idempotent: a second flush adds nothing; new searches are added to the same row.
    assert stats.flush_search_stats() == 0
    client.get(URL, {"q": "sleutel"})
    stats.flush_search_stats()
    assert SearchQueryStat.objects.get(query="sleutel").count == 3
    assert SearchQueryStat.objects.count() == 2


def test_no_stat_for_empty_query_or_later_pages(client, home_page):
    client.get(URL, {"q": ""})
    client.get(URL, {"q": "sleutel", "page": "2"})
    stats.flush_search_stats()
    assert SearchQueryStat.objects.count() == 1  # page 2 of a query without results falls back to page 1


def test_report_shows_top_and_zero_queries(admin_client, client, home_page):
    for _ in range(3):
        client.get(URL, {"q": "eenzaam"})
    stats.flush_search_stats()
    response = admin_client.get("/admin/zoekstatistiek/")
    assert response.status_code == 200
    assert response.context["top"][0] == {"query": "eenzaam", "total": 3}
    assert response.context["zero"][0] == {"query": "eenzaam", "total": 3}
    assert "eenzaam" in response.content.decode()


def test_report_refused_to_visitors(client, db):
    response = client.get("/admin/zoekstatistiek/")
    assert response.status_code in (302, 403)


def test_flush_is_registered_as_schedule():
    from cms.queue import registered_schedules

    assert "search.stats.flush_search_stats" in [job.func for job in registered_schedules()]


def test_nothing_found_page_suggests_popular_searches(client, home_page):
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    SearchQueryStat.objects.create(day=today, query="sleutel", count=5)
    SearchQueryStat.objects.create(day=today, query="buren", count=9)
    SearchQueryStat.objects.create(day=today, query="qqq", count=50, zero_results=True)
    SearchQueryStat.objects.create(day=today - datetime.timedelta(days=40), query="oud", count=99)
    response = client.get(URL, {"q": "qwxzyk"})
    assert response.context["popular"] == ["buren", "sleutel"]
    assert 'href="?q=buren"' in response.content.decode()
