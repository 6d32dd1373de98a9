"""Search costs the same number of SQL queries on 5,000 pages as on 10 (issue #8).

The 5,000 pages are written in bulk (tests/bench/bulk.py), so this runs in seconds.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import StandardPage

from .bulk import bulk_pages

URL = "/nl/zoeken/"
BODY = [{"type": "paragraph", "value": "<p>De sleutel ligt bij de buren.</p>"}]


def search(client, query):
    client.get(URL, {"q": query})  # warm: statistics, caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, {"q": query})
    assert response.status_code == 200
    return len(queries), response


def add_pages(home_page, count, prefix):
    return bulk_pages(
        home_page,
        StandardPage,
        count,
        slug_prefix=prefix,
        title="Sleutelkastje {n}",
        fields={"intro": "Een sleutel bij de buren, nummer {n}.", "body": BODY},
    )


def test_bulk_pages_are_live_routable_and_found(client, home_page):
    ids = add_pages(home_page, 12, "bulk-")
    assert StandardPage.objects.live().public().filter(pk__in=ids).count() == 12
    home_page.refresh_from_db()
    assert home_page.numchild == 12
    response = client.get("/nl/bulk-3/")
    assert response.status_code == 200
    assert b"Sleutelkastje 3" in response.content
    queries, response = search(client, "sleutelkastje")
    assert response.context["results"].paginator.count == 12


def test_search_query_count_is_the_same_at_5000_pages(client, home_page):
    add_pages(home_page, 10, "weinig-")
    few, response = search(client, "sleutel")
    assert response.context["results"].paginator.count == 10
    add_pages(home_page, 4990, "veel-")
    many, response = search(client, "sleutel")
    assert response.context["results"].paginator.count == 5000
    assert many == few, f"{few} queries at 10 pages, {many} at 5,000"
