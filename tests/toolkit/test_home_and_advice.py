import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.demo import translate
from toolkit.choices import Occasion
from toolkit.factories import AdviceCardFactory, ToolkitItemPageFactory
from toolkit.models import AdviceCard

pytestmark = pytest.mark.django_db


def section(html, heading_id):
    return html.split(f'id="{heading_id}"')[1].split("</section>")[0]


def test_home_page_shows_materials_per_occasion(client, toolkit_index):
    ToolkitItemPageFactory(parent=toolkit_index, title="Welkomstbrief", slug="brief")
    ToolkitItemPageFactory(parent=toolkit_index, title="Pakketje", slug="pakketje")
    ToolkitItemPageFactory(
        parent=toolkit_index,
        title="Reservesleutel",
        slug="sleutel",
        occasion_values=[Occasion.ILLNESS, Occasion.NEW_NEIGHBOURS],
    )
    ToolkitItemPageFactory(parent=toolkit_index, title="Koffie", slug="koffie")
    ToolkitItemPageFactory(parent=toolkit_index, title="Concept", slug="concept", live=False)
    html = section(client.get("/nl/").content.decode(), "toolkit-highlights-title")
    tiles = re.findall(r'<h3 class="toolkit-highlight__title"><a href="([^"]+)">([^<]+)</a></h3>', html)
    assert tiles == [
        ("/nl/toolkit/?occasion=nieuwe-buren", "Nieuwe buren"),
        ("/nl/toolkit/?occasion=ziekte", "Ziekte"),
    ]
    new_neighbours = html.split('<li class="toolkit-highlight">')[1]
    assert re.findall(r'<li><a href="([^"]+)">', new_neighbours) == [
        "/nl/toolkit/brief/",
        "/nl/toolkit/pakketje/",
        "/nl/toolkit/sleutel/",
    ]
    assert "Alle 4 materialen voor Nieuwe buren</a>" in new_neighbours
    assert "Concept" not in html
    assert 'href="/nl/toolkit/"' in html


def test_home_page_without_a_toolkit_shows_no_highlights(client, home_page):
    assert "toolkit-highlights" not in client.get("/nl/").content.decode()


def count_home_queries(client):
    client.get("/nl/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/nl/")
    return len(queries)


def test_home_highlights_cost_the_same_queries_for_few_and_many_items(client, toolkit_index):
    for _ in range(3):
        ToolkitItemPageFactory(
            parent=toolkit_index, occasion_values=[Occasion.NEW_NEIGHBOURS, Occasion.ILLNESS]
        )
    AdviceCardFactory(show_on_home=True)
    few = count_home_queries(client)
    for _ in range(30):
        ToolkitItemPageFactory(parent=toolkit_index, occasion_values=[Occasion.BIRTH, Occasion.DEATH])
        AdviceCardFactory(show_on_home=True)
    assert count_home_queries(client) == few


def test_home_page_shows_the_advice_cards_marked_for_it(client, home_page):
    AdviceCardFactory(title="Neem de tijd", show_on_home=True, sort_order=1)
    AdviceCardFactory(title="Blijf vriendelijk", show_on_home=True, sort_order=2)
    AdviceCardFactory(title="Alleen op materialen", show_on_home=False)
    html = section(client.get("/nl/").content.decode(), "advice-highlight-title")
    assert re.findall(r'<h3 class="advice-card__title">([^<]+)</h3>', html) == [
        "Neem de tijd",
        "Blijf vriendelijk",
    ]
    assert "Rob Fontain" in html


def english_home(home_page, locales):
    english = home_page.copy_for_translation(locales["en"])
    english.save_revision().publish()
    return english


def test_advice_cards_follow_the_visitors_language(client, home_page, locales):
    card = AdviceCardFactory(
        title="Neem de tijd", text="Contact groeit langzaam.", source="Rob", show_on_home=True
    )
    english_home(home_page, locales)
    # Not translated yet: the English home page shows the Dutch card rather than nothing.
    untranslated = client.get("/en/").content.decode()
    assert "Neem de tijd" in untranslated
    assert '<li class="advice-card" lang="nl" dir="auto">' in untranslated  # marked as Dutch text
    translate(
        card,
        "en",
        {"Neem de tijd": "Take your time", "Contact groeit langzaam.": "Contact grows slowly.", "Rob": "Rob"},
    )
    html = client.get("/en/").content.decode()
    assert "Take your time" in html and "Neem de tijd" not in html
    assert AdviceCard.objects.filter(translation_key=card.translation_key).count() == 2


def test_translated_item_shows_translated_cards_and_english_downloads_first(client, toolkit_index, locales):
    from toolkit.factories import ToolkitDocumentFactory

    dutch_letter = ToolkitDocumentFactory(title="Welkomstbrief", language="nl")
    english_letter = ToolkitDocumentFactory(title="Welcome letter", language="en")
    card = AdviceCardFactory(title="Neem de tijd", text="Rustig aan.", source="Corrie")
    item = ToolkitItemPageFactory(
        parent=toolkit_index, slug="welkom", document_list=[dutch_letter, english_letter], card_list=[card]
    )
    english_home(toolkit_index.get_parent().specific, locales)
    english_index = toolkit_index.copy_for_translation(locales["en"])
    english_index.save_revision().publish()
    english_item = item.copy_for_translation(locales["en"])
    english_item.save_revision().publish()
    translate(
        card, "en", {"Neem de tijd": "Take your time", "Rustig aan.": "Easy does it.", "Corrie": "Corrie"}
    )

    dutch = client.get(item.url).content.decode()
    assert dutch.index("Welkomstbrief") < dutch.index("Welcome letter")
    english = client.get(english_item.url).content.decode()
    downloads = english.split('id="downloads-title"')[1]
    assert downloads.index("Welcome letter") < downloads.index("Welkomstbrief")
    assert "Take your time" in english and "Neem de tijd" not in english
    # Cards on the English listing link to the English items.
    assert english_item.url in client.get(english_index.url).content.decode()


def test_english_home_without_an_english_toolkit_links_the_dutch_materials(client, toolkit_index, locales):
    ToolkitItemPageFactory(parent=toolkit_index, title="Welkomstbrief", slug="brief")
    english_home(toolkit_index.get_parent().specific, locales)
    html = section(client.get("/en/").content.decode(), "toolkit-highlights-title")
    assert '<a href="/nl/toolkit/brief/" lang="nl" dir="ltr">Welkomstbrief</a>' in html
    dutch = section(client.get("/nl/").content.decode(), "toolkit-highlights-title")
    assert '<a href="/nl/toolkit/brief/">Welkomstbrief</a>' in dutch


def test_user_text_is_escaped(client, toolkit_index):
    item = ToolkitItemPageFactory(
        parent=toolkit_index,
        title="<script>alert(1)</script>",
        intro="<img src=x onerror=alert(1)>",
        tips=[("tip", {"text": "<script>alert(2)</script>", "person": "<b>Ria</b>", "page": None})],
    )
    html = client.get(item.url).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>Ria</b>" not in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
