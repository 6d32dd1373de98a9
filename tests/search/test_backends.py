"""The site's search backends give the stock backends' results, only faster (SQLite)."""

import pytest

from django.db import connection

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home.factories import StandardPageFactory

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite backend")


def test_sqlite_ranked_search_matches_the_stock_order_and_slices(home_page, django_assert_num_queries):
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    for n in range(12):
        StandardPageFactory(
            parent=home_page,
            slug=f"p{n}",
            title="Sleutel bij de buren" if n % 3 == 0 else f"Pagina {n}",
            intro=" ".join(["sleutel"] * (n % 4 + 1)) + " en meer tekst over de straat",
        )
    StandardPageFactory(parent=home_page, slug="draft", title="Sleutel concept", live=False)
    pages = Page.objects.live()
    ours = get_search_backend()
    stock = SQLiteSearchBackend({})
    expected = [page.pk for page in stock.search("sleutel", pages)]
    assert len(expected) == 12
    assert [page.pk for page in ours.search("sleutel", pages)] == expected
    assert [page.pk for page in ours.search("sleutel", pages)[3:7]] == expected[3:7]
    assert ours.search("sleutel", pages).count() == 12
    # Three queries for any number of matches: the ranked ids, the filter, the slice.
    with django_assert_num_queries(3):
        list(ours.search("sleutel", pages)[:10])
    # Unranked and negated searches take the stock path.
    unranked = ours.search("sleutel", pages, order_by_relevance=False)
    assert sorted(page.pk for page in unranked) == sorted(expected)
