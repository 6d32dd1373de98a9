import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

from home.models import HomePage, StandardPage
from toolkit.choices import Kind, Occasion
from toolkit.factories import AdviceCardFactory, ToolkitDocumentFactory, ToolkitItemPageFactory
from toolkit.models import ToolkitIndexPage, ToolkitItemPage

pytestmark = pytest.mark.django_db


def card_titles(response):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a></h3>', response.content.decode())


def test_page_types_live_where_they_belong(home_page):
    assert ToolkitIndexPage.can_exist_under(HomePage())
    assert not ToolkitIndexPage.can_exist_under(StandardPage())
    assert ToolkitItemPage.can_exist_under(ToolkitIndexPage())
    assert not ToolkitItemPage.can_exist_under(HomePage())
    assert ToolkitItemPage.allowed_subpage_models() == []
    assert ToolkitIndexPage.can_create_at(home_page)


def test_one_toolkit_per_home_page(toolkit_index, home_page):
    assert not ToolkitIndexPage.can_create_at(home_page)


def test_index_and_item_are_routable_and_render(client, toolkit_index, welcome_letter):
    item = ToolkitItemPageFactory(
        parent=toolkit_index, title="Welkom, nieuwe buren", slug="welkom", document_list=[welcome_letter]
    )
    assert toolkit_index.url == "/nl/toolkit/"
    assert item.url == "/nl/toolkit/welkom/"
    response = client.get("/nl/toolkit/")
    assert response.status_code == 200
    assert card_titles(response) == ["Welkom, nieuwe buren"]
    response = client.get("/nl/toolkit/welkom/")
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Wat heb je nodig?", "Een envelop", "Zo pak je het aan", "Schrijf een kaartje"):
        assert text in html
    assert "Tips van gangmakers" in html and "Neem er rustig de tijd voor." in html
    assert welcome_letter.url in html
    assert "PDF, " in html  # format and size


def test_item_shows_every_part_in_heading_order(client, toolkit_index, welcome_letter):
    card = AdviceCardFactory(title="Neem de tijd", text="Contact groeit langzaam.", source="Rob en Corrie")
    story = toolkit_index.get_parent().add_child(
        instance=StandardPage(title="Het verhaal van Noreen", slug="noreen", body=[])
    )
    item = ToolkitItemPageFactory(
        parent=toolkit_index,
        slug="pakketje",
        kind=Kind.PACKAGE,
        occasion_values=[Occasion.NEW_NEIGHBOURS, Occasion.HOLIDAYS],
        document_list=[welcome_letter],
        card_list=[card],
        tips=[("tip", {"text": "Blijf vriendelijk.", "person": "Noreen Mir", "page": story})],
    )
    related = ToolkitItemPageFactory(
        parent=toolkit_index, title="Kerststukje", occasion_values=[Occasion.HOLIDAYS]
    )
    ToolkitItemPageFactory(parent=toolkit_index, title="Bij ziekte", occasion_values=[Occasion.ILLNESS])
    html = client.get(item.url).content.decode()
    headings = re.findall(r"<h([1-6])", html.split('<main id="main"')[1].split("</main>")[0])
    levels = [int(level) for level in headings]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    assert "Neem de tijd" in html and "Rob en Corrie" in html
    assert 'href="/nl/noreen/"' in html and "Noreen Mir" in html
    assert related.title in html and "Bij ziekte" not in html  # related: the same occasion only
    assert 'href="/nl/toolkit/?occasion=kerstdagen"' not in html
    assert 'href="/nl/toolkit/?occasion=feestdagen"' in html
    assert 'href="/nl/toolkit/alles/nieuwe-buren/"' in html  # the bundle of each occasion


def test_filter_form_works_without_javascript(client, toolkit_index):
    html = client.get("/nl/toolkit/").content.decode()
    form = re.search(
        r'<form class="toolkit-filters" method="get" action="/nl/toolkit/".*?</form>', html, re.S
    )
    assert form is not None
    for name in ("occasion", "kind", "language"):
        assert f'<label for="toolkit-filter-{name}">' in form.group(0)
        assert f'<select name="{name}" id="toolkit-filter-{name}">' in form.group(0)
    assert '<button type="submit"' in form.group(0)


def test_filters_combine_and_keep_their_state(client, toolkit_index):
    english = ToolkitDocumentFactory(language="en", filename="welcome.pdf")
    dutch = ToolkitDocumentFactory(language="nl", filename="welkom.pdf")
    ToolkitItemPageFactory(parent=toolkit_index, title="A brief nl", kind=Kind.LETTER, document_list=[dutch])
    ToolkitItemPageFactory(
        parent=toolkit_index, title="B brief en", kind=Kind.LETTER, document_list=[english]
    )
    ToolkitItemPageFactory(parent=toolkit_index, title="C kaart en", kind=Kind.CARD, document_list=[english])
    ToolkitItemPageFactory(
        parent=toolkit_index,
        title="D ziekte brief en",
        kind=Kind.LETTER,
        occasion_values=[Occasion.ILLNESS],
        document_list=[english],
    )

    def titles(query):
        return card_titles(client.get(f"/nl/toolkit/?{query}"))

    assert titles("") == ["A brief nl", "B brief en", "C kaart en", "D ziekte brief en"]
    assert titles("occasion=nieuwe-buren") == ["A brief nl", "B brief en", "C kaart en"]
    assert titles("occasion=nieuwe-buren&kind=brief") == ["A brief nl", "B brief en"]
    assert titles("occasion=nieuwe-buren&kind=brief&language=en") == ["B brief en"]
    assert titles("kind=brief&language=en") == ["B brief en", "D ziekte brief en"]
    assert titles("occasion=jubileum") == []
    # A tampered value is ignored, not an error page.
    assert titles("occasion=<script>&kind=brief") == ["A brief nl", "B brief en", "D ziekte brief en"]

    html = client.get("/nl/toolkit/?occasion=nieuwe-buren&kind=brief&language=en").content.decode()
    assert '<option value="nieuwe-buren" selected>' in html
    assert '<option value="brief" selected>' in html
    assert '<option value="en" selected>' in html
    assert "1 materiaal voor Nieuwe buren" in html
    # Filter combinations stay out of search engines.
    assert '<meta name="robots" content="noindex, follow">' in html
    assert "noindex" not in client.get("/nl/toolkit/").content.decode()
    assert "Alle filters wissen" in html


def test_listing_is_paginated_and_pages_keep_the_filters(client, toolkit_index):
    for number in range(15):
        ToolkitItemPageFactory(parent=toolkit_index, title=f"Materiaal {number:02}", kind=Kind.CARD)
    first = client.get("/nl/toolkit/?kind=kaart")
    assert len(card_titles(first)) == ToolkitIndexPage.per_page
    assert 'href="?kind=kaart&amp;page=2"' in first.content.decode()
    second = client.get("/nl/toolkit/?kind=kaart&page=2")
    assert card_titles(second) == [f"Materiaal {number:02}" for number in range(12, 15)]
    assert client.get("/nl/toolkit/?page=99").status_code == 200  # the last page, not an error


def test_unpublished_items_are_not_listed(client, toolkit_index):
    ToolkitItemPageFactory(parent=toolkit_index, title="Concept", live=False)
    ToolkitItemPageFactory(parent=toolkit_index, title="Gepubliceerd")
    assert card_titles(client.get("/nl/toolkit/")) == ["Gepubliceerd"]


def count_listing_queries(client, url):
    client.get(url)  # warm caches that do not depend on the number of items (site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), len(card_titles(response))


def add_items(toolkit_index, number):
    for index in range(number):
        documents = [ToolkitDocumentFactory(language=language) for language in ("nl", "en")]
        ToolkitItemPageFactory(
            parent=toolkit_index,
            occasion_values=[Occasion.NEW_NEIGHBOURS, Occasion.ILLNESS],
            document_list=documents,
            card_list=[AdviceCardFactory()] if index % 2 else [],
        )


@pytest.mark.parametrize("query", ["", "?occasion=nieuwe-buren&kind=brief&language=en"])
def test_listing_query_count_does_not_grow_with_the_number_of_items(client, toolkit_index, query):
    add_items(toolkit_index, 3)
    few_queries, few_cards = count_listing_queries(client, f"/nl/toolkit/{query}")
    add_items(toolkit_index, 37)
    many_queries, many_cards = count_listing_queries(client, f"/nl/toolkit/{query}")
    assert (few_cards, many_cards) == (3, ToolkitIndexPage.per_page)
    assert few_queries == many_queries


def test_pages_are_found_by_search(client, toolkit_index):
    ToolkitItemPageFactory(
        parent=toolkit_index, title="Reservesleutel bij de buren", intro="Een sleutel bewaren."
    )
    response = client.get("/nl/zoeken/?q=reservesleutel")
    assert "Reservesleutel bij de buren" in response.content.decode()


def test_toolkit_is_a_page_in_the_tree(toolkit_index):
    assert Page.objects.get(pk=toolkit_index.pk).specific_class is ToolkitIndexPage
