import pytest

from django.contrib.auth.models import Group

from wagtail.models import Locale, PageViewRestriction

from home.factories import StandardPageFactory
from pilots.factories import PilotIndexPageFactory, PilotPageFactory, StoryIndexPageFactory, StoryPageFactory
from search.views import MAX_QUERY_LENGTH, clean_query, highlight
from toolkit.choices import Occasion
from toolkit.factories import ToolkitDocumentFactory, ToolkitIndexPageFactory, ToolkitItemPageFactory

URL = "/nl/zoeken/"


@pytest.fixture
def content(home_page):
    pilots = PilotIndexPageFactory(parent=home_page)
    stories = StoryIndexPageFactory(parent=home_page)
    toolkit = ToolkitIndexPageFactory(parent=home_page)
    return {
        "pilot": PilotPageFactory(
            parent=pilots, title="Pilot Langenhorst", intro="Buren hielpen als de buurvrouw ziek was."
        ),
        "story": StoryPageFactory(
            parent=stories, title="Soep voor de buurvrouw", intro="Ze was ziek en kreeg soep."
        ),
        "item": ToolkitItemPageFactory(
            parent=toolkit,
            title="Kaartje bij ziekte",
            intro="Stuur een kaartje als iemand ziek is.",
            occasion_values=(Occasion.ILLNESS,),
        ),
        "standard": StandardPageFactory(parent=home_page, title="Over ziek zijn", slug="over"),
        "toolkit": toolkit,
    }


def titles(response):
    return [item["page"].title for item in response.context["items"]]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "x" * 10_000,
        "'; DROP TABLE wagtailcore_page; --",
        '" OR 1=1 --',
        "!!! ??? ... &&& |||",
        "*",
        "(",
        "a & b | !c",
        "ziek\x00\x01\x1b[31m",
        "\u202e\u200bziek",
        "%",
        "OR",
        "ziek OR",
        "NOT ziek",
        "AND AND",
        "NEAR(ziek",
        "ziek*",
        "-ziek",
        "ziek:*",
        "\\",
    ],
)
def test_hostile_queries_give_a_normal_page(client, content, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assert len(response.context["query"]) <= MAX_QUERY_LENGTH


def test_odd_page_and_type_parameters(client, content):
    for params in ({"q": "ziek", "page": "abc"}, {"q": "ziek", "page": "999"}, {"q": "ziek", "type": "<x>"}):
        assert client.get(URL, params).status_code == 200


def test_clean_query_caps_and_strips_control_characters():
    assert clean_query("a\x00b\tc") == "a b c"
    assert len(clean_query("y" * 10_000)) == MAX_QUERY_LENGTH
    assert clean_query(None) == ""


def test_finds_all_kinds_with_type_and_snippet(client, content):
    response = client.get(URL, {"q": "ziek"})
    found = titles(response)
    assert {"Pilot Langenhorst", "Soep voor de buurvrouw", "Kaartje bij ziekte"} <= set(found)
    html = response.content.decode()
    assert "<mark>ziek</mark>" in html
    types = {item["page"].title: str(item["type"]) for item in response.context["items"]}
    assert types["Pilot Langenhorst"] == "Pilots"
    assert types["Soep voor de buurvrouw"] == "Verhalen"
    assert types["Kaartje bij ziekte"] == "Toolkit"


def test_type_filter(client, content):
    assert titles(client.get(URL, {"q": "ziek", "type": "verhalen"})) == ["Soep voor de buurvrouw"]
    assert titles(client.get(URL, {"q": "ziek", "type": "toolkit"})) == ["Kaartje bij ziekte"]
    other = titles(client.get(URL, {"q": "ziek", "type": "overig"}))
    assert "Over ziek zijn" in other
    assert not {"Pilot Langenhorst", "Soep voor de buurvrouw", "Kaartje bij ziekte"} & set(other)


def test_keeps_backend_order(client, content, monkeypatch):
    """The view shows pages in the order the backend ranked them (no re-sort by title or date)."""
    from wagtail.query import PageQuerySet

    ranked = [content["standard"].pk, content["item"].pk, content["pilot"].pk, content["story"].pk]

    def fake_search(self, query, **kwargs):
        pages = {page.pk: page for page in self}
        return [pages[pk] for pk in ranked if pk in pages]

    monkeypatch.setattr(PageQuerySet, "search", fake_search)
    response = client.get(URL, {"q": "ziek"})
    assert [item["page"].pk for item in response.context["items"]] == ranked


def test_highlight_escapes_before_marking():
    html = highlight("<script>ziek</script> & Enquête", "ziek <script> enquete")
    assert "<script>" not in html
    assert "&lt;" in html
    assert "<mark>ziek</mark>" in html
    assert "<mark>Enquête</mark>" in html


def test_query_is_escaped_in_the_page(client, content):
    response = client.get(URL, {"q": '<img src=x onerror="alert(1)"> ziek'})
    html = response.content.decode()
    assert "<img src=x" not in html
    assert "&lt;img" in html


def test_nothing_found_suggests_occasions(client, content):
    response = client.get(URL, {"q": "qwxzyk"})
    assert response.context["nothing_found"]
    html = response.content.decode()
    assert "We hebben niets gevonden" in html
    toolkit_url = content["toolkit"].url
    assert f'href="{toolkit_url}?occasion=ziekte"' in html
    assert len(response.context["suggestions"]) == len(Occasion.choices)


def test_draft_private_and_other_language_never_appear(client, content, home_page):
    content["pilot"].unpublish()
    private = StandardPageFactory(parent=home_page, title="Geheim ziek", slug="geheim")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    group_private = StandardPageFactory(parent=home_page, title="Groep ziek", slug="groep")
    restriction = PageViewRestriction.objects.create(
        page=group_private, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Binnen"))
    english_home = home_page.copy_for_translation(Locale.objects.get(language_code="en"))
    english_home.save_revision().publish()
    StandardPageFactory(parent=english_home, title="English ziek page", slug="english")

    found = titles(client.get(URL, {"q": "ziek"}))
    assert "Pilot Langenhorst" not in found
    assert "Geheim ziek" not in found
    assert "Groep ziek" not in found
    assert "English ziek page" not in found
    assert "Soep voor de buurvrouw" in found
    english = titles(client.get("/en/search/", {"q": "ziek"}))
    assert english == ["English ziek page"]


def test_documents_in_the_visitors_language(client, content):
    ToolkitDocumentFactory(
        title="Beterschapskaart", description="Een kaart voor een zieke buur.", language="nl"
    )
    ToolkitDocumentFactory(title="Get well card", description="Een kaart voor een zieke buur.", language="en")
    response = client.get(URL, {"q": "beterschapskaart"})
    assert [item["document"].title for item in response.context["documents"]] == ["Beterschapskaart"]
    assert not response.context["nothing_found"]
    assert "Beterschapskaart" in response.content.decode()


@pytest.mark.parametrize("count", [10, 60])
def test_query_count_is_constant(client, home_page, django_assert_max_num_queries, count):
    pilots = PilotIndexPageFactory(parent=home_page)
    stories = StoryIndexPageFactory(parent=home_page)
    toolkit = ToolkitIndexPageFactory(parent=home_page)
    for n in range(count // 3):
        PilotPageFactory(parent=pilots, intro=f"Sleutel bewaren {n}")
        StoryPageFactory(parent=stories, intro=f"Een sleutel voor de buren {n}")
        ToolkitItemPageFactory(parent=toolkit, intro=f"Sleutel afspraken {n}")
    for n in range(count - 3 * (count // 3)):
        StandardPageFactory(parent=home_page, title=f"Sleutel {n}", slug=f"sleutel-{n}")
    client.get(URL, {"q": "sleutel"})  # warm caches (site root, locales)
    with django_assert_max_num_queries(25):
        response = client.get(URL, {"q": "sleutel"})
    assert response.context["results"].paginator.count == count
    assert len(response.context["items"]) == 10


def test_accents_are_optional(client, content, home_page):
    StandardPageFactory(
        parent=home_page,
        title="De enquête onder buren",
        slug="enquete",
        intro="Over de enquête.",
    )
    assert "De enquête onder buren" in titles(client.get(URL, {"q": "enquete"}))
    assert "De enquête onder buren" in titles(client.get(URL, {"q": "enquête"}))
    html = client.get(URL, {"q": "enquete"}).content.decode()
    assert "<mark>enquête</mark>" in html


def test_dutch_stemming_on_postgresql_exact_words_on_sqlite(client, content, home_page):
    """PostgreSQL (lief_dutch): "uitnodigingen" finds "uitnodiging". SQLite FTS5 has no stemming."""
    from django.db import connection

    StandardPageFactory(parent=home_page, title="Een uitnodiging voor het straatfeest", slug="uitnodiging")
    found = "Een uitnodiging voor het straatfeest" in titles(client.get(URL, {"q": "uitnodigingen"}))
    assert found == (connection.vendor == "postgresql")
    assert "Een uitnodiging voor het straatfeest" in titles(client.get(URL, {"q": "uitnodiging"}))


def test_synonyms_widen_the_query(client, content, home_page):
    from search.models import Synonym

    StandardPageFactory(
        parent=home_page,
        title="Het sleutelnetwerk in de straat",
        slug="netwerk",
        intro="Zo werkt een sleutelnetwerk.",
    )
    assert "Het sleutelnetwerk in de straat" not in titles(client.get(URL, {"q": "sleutel"}))
    Synonym.objects.create(term=" Sleutel ", alternatives="sleutelnetwerk, reservesleutel; 'OR' *")
    response = client.get(URL, {"q": "Sleutel"})
    assert "Het sleutelnetwerk in de straat" in titles(response)
    assert "<mark>sleutelnetwerk</mark>" in response.content.decode()
    assert Synonym.objects.get().term == "sleutel"


def test_synonym_admin_lists_and_adds(admin_client, db):
    from search.models import Synonym

    response = admin_client.get("/admin/snippets/search/synonym/")
    assert response.status_code == 200
    response = admin_client.post(
        "/admin/snippets/search/synonym/add/", {"term": "eenzaam", "alternatives": "eenzaamheid"}
    )
    assert response.status_code == 302
    assert Synonym.objects.get(term="eenzaam").alternative_words() == ["eenzaamheid"]


def test_rate_limit_per_ip(client, content, settings):
    from django.core.cache import cache

    cache.clear()
    settings.SEARCH_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get(URL, {"q": "ziek"}).status_code == 200
    response = client.get(URL, {"q": "ziek"})
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert "Wacht een minuut" in response.content.decode()
    # Another visitor is not affected.
    assert client.get(URL, {"q": "ziek"}, REMOTE_ADDR="10.0.0.9").status_code == 200
    cache.clear()


def test_promotions_show_live_pages_only_without_writes(
    client, content, home_page, django_assert_max_num_queries
):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    query = Query.objects.create(query_string="sleutelbos")
    SearchPromotion.objects.create(
        query=query, page=content["standard"], description="Lees dit eerst.", sort_order=1
    )
    draft = StandardPageFactory(parent=home_page, title="Concept", slug="concept")
    draft.unpublish()
    SearchPromotion.objects.create(query=query, page=draft, sort_order=2)
    response = client.get(URL, {"q": "Sleutelbos"})
    assert [pick.page_id for pick in response.context["promotions"]] == [content["standard"].pk]
    html = response.content.decode()
    assert "Aanbevolen" in html and "Lees dit eerst." in html
    assert not response.context["nothing_found"]
    client.get(URL, {"q": "iets anders"})
    assert Query.objects.count() == 1  # no Query row per new search string


def test_highlight_marks_stemmed_forms():
    html = highlight("Een uitnodiging voor de zieke buurvrouw", "uitnodigingen ziek")
    assert "<mark>uitnodiging</mark>" in html
    assert "<mark>zieke</mark>" in html
    assert "<mark>de</mark>" not in html and "<mark>Een</mark>" not in html


def test_query_count_same_for_10_and_60_pages(client, home_page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    stories = StoryIndexPageFactory(parent=home_page)

    def measure():
        client.get(URL, {"q": "sleutel"})
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL, {"q": "sleutel"})
        return len(queries), response.context["results"].paginator.count

    for n in range(10):
        StoryPageFactory(parent=stories, intro=f"Een sleutel voor de buren {n}")
    few, count = measure()
    assert count == 10
    for n in range(50):
        StoryPageFactory(parent=stories, intro=f"Een sleutel voor de buren {n}")
    many, count = measure()
    assert count == 60
    assert many == few


def test_documents_in_restricted_collections_stay_out(client, content):
    from wagtail.models import Collection, CollectionViewRestriction

    secret = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=secret, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
    )
    ToolkitDocumentFactory(title="Beterschapskaart intern", language="nl", collection=secret)
    ToolkitDocumentFactory(title="Beterschapskaart", language="nl")
    response = client.get(URL, {"q": "beterschapskaart"})
    assert [item["document"].title for item in response.context["documents"]] == ["Beterschapskaart"]


def test_each_language_is_stemmed_with_its_own_configuration(client, content, home_page, locales):
    """PostgreSQL: an English page is indexed and searched with English stemming, a Dutch one with
    Dutch stemming ("keys" finds "key", "uitnodigingen" finds "uitnodiging"); SQLite matches words."""
    from django.db import connection

    english_home = home_page.copy_for_translation(locales["en"])
    english_home.save_revision().publish()
    StandardPageFactory(parent=english_home, title="Sharing a spare key", slug="key", intro="One key.")
    StandardPageFactory(parent=home_page, title="Een uitnodiging maken", slug="uitnodiging")
    postgres = connection.vendor == "postgresql"
    assert ("Sharing a spare key" in titles(client.get("/en/search/", {"q": "keys"}))) == postgres
    assert "Sharing a spare key" in titles(client.get("/en/search/", {"q": "key"}))
    assert ("Een uitnodiging maken" in titles(client.get(URL, {"q": "uitnodigingen"}))) == postgres
    assert titles(client.get(URL, {"q": "key"})) == []  # the English page never shows in Dutch
    if postgres:
        from wagtail.search.models import IndexEntry

        page = english_home.get_children().get(slug="key")
        entry = IndexEntry.objects.get(object_id=str(page.pk), content_type__model="standardpage")
        # English stemming: "Sharing" is indexed as "share" (the Dutch stemmer keeps "sharing").
        assert "'share'" in str(entry.title)
