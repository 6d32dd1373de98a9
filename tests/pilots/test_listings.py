"""The listings: filters without JavaScript, pagination, and a constant number of SQL queries."""

import pytest
import wagtail_factories

from django.db import connection
from django.test.utils import CaptureQueriesContext

from pilots.factories import PilotPageFactory, StoryPageFactory, StoryPersonFactory
from pilots.models import StoryKind

pytestmark = pytest.mark.django_db


def fill_pilots(pilot_index, count, images):
    for number in range(count):
        PilotPageFactory(
            parent=pilot_index,
            title=f"Pilot {number:02d}",
            slug=f"pilot-{number:02d}",
            district=["Zuidwijk", "Landenbuurt", "Tarwewijk"][number % 3],
            year_start=2015 + number % 2,
            year_end=2016 + number % 2,
            image=images[number % len(images)],
            image_alt="Een straat",
        )


def fill_stories(story_index, pilot, count, images, prefix="verhaal"):
    for number in range(count):
        story = StoryPageFactory(
            parent=story_index,
            title=f"Verhaal {number:02d}",
            slug=f"{prefix}-{number:02d}",
            kind=StoryKind.REFLECTION if number % 2 else StoryKind.GANGMAKER,
            pilot=pilot,
            image=images[number % len(images)],
            image_alt="Buren",
        )
        StoryPersonFactory(page=story, name=f"Bewoner {number}a")
        StoryPersonFactory(page=story, name=f"Bewoner {number}b")
        story.tags.add("burenhulp", f"thema-{number % 4}")
        story.save()


@pytest.fixture
def images(db):
    return [wagtail_factories.ImageFactory(title=f"Foto {n}") for n in range(3)]


def count_queries(client, url):
    client.get(url)  # the first request makes the image renditions
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("filters", ["", "?district=Zuidwijk&year=2016"])
def test_pilot_listing_costs_the_same_for_3_or_60_pilots(client, pilot_index, images, filters):
    fill_pilots(pilot_index, 3, images)
    few, response = count_queries(client, f"/nl/pilots/{filters}")
    assert response.content.count(b'class="card pilot-card"') >= 1

    for number in range(3, 60):
        PilotPageFactory(
            parent=pilot_index, slug=f"extra-{number}", district="Zuidwijk", image=images[0], image_alt="x"
        )
    many, response = count_queries(client, f"/nl/pilots/{filters}")
    assert response.content.count(b'class="card pilot-card"') == 12  # a full page of cards
    assert many == few, f"{few} queries for 3 pilots, {many} for 60"


@pytest.mark.parametrize("filters", ["", "?kind=reflection&theme=burenhulp"])
def test_story_listing_costs_the_same_for_3_or_60_stories(client, pilot_index, story_index, images, filters):
    pilot = PilotPageFactory(parent=pilot_index, slug="korenaarstraat", title="Korenaarstraat")
    fill_stories(story_index, pilot, 3, images)
    few, response = count_queries(client, f"/nl/verhalen/{filters}")
    assert b"Bewoner 1a" in response.content

    for number in range(3, 60):
        story = StoryPageFactory(
            parent=story_index,
            slug=f"extra-{number}",
            kind=StoryKind.REFLECTION,
            pilot=pilot,
            image=images[1],
            image_alt="x",
        )
        StoryPersonFactory(page=story)
        story.tags.add("burenhulp")
        story.save()
    many, response = count_queries(client, f"/nl/verhalen/{filters}")
    assert response.content.count(b"story-card--") == 12
    assert many == few, f"{few} queries for 3 stories, {many} for 60"


def test_pilot_page_costs_the_same_with_3_or_30_related_stories(client, pilot_index, story_index, images):
    pilot = PilotPageFactory(parent=pilot_index, slug="zuidwijk", title="Zuidwijk")
    fill_stories(story_index, pilot, 3, images)
    few, _ = count_queries(client, "/nl/pilots/zuidwijk/")
    fill_stories(story_index, pilot, 27, images, prefix="meer")
    many, response = count_queries(client, "/nl/pilots/zuidwijk/")
    assert response.content.count(b"story-card--") == 6
    assert many == few


class TestFilters:
    def test_pilots_by_district_and_year(self, client, pilot_index):
        PilotPageFactory(
            parent=pilot_index, title="Landenbuurt", district="Landenbuurt", year_start=2015, year_end=2016
        )
        PilotPageFactory(
            parent=pilot_index, title="Zuidwijk", district="Zuidwijk", year_start=2015, year_end=None
        )
        PilotPageFactory(
            parent=pilot_index, title="Tarwewijk", district="Tarwewijk", year_start=2017, year_end=2018
        )

        def titles(query):
            response = client.get(f"/nl/pilots/{query}")
            return sorted(pilot.title for pilot in response.context["page_obj"].object_list)

        assert titles("") == ["Landenbuurt", "Tarwewijk", "Zuidwijk"]
        assert titles("?district=Zuidwijk") == ["Zuidwijk"]
        assert titles("?year=2016") == ["Landenbuurt"]
        assert titles("?year=2015") == ["Landenbuurt", "Zuidwijk"]
        assert titles("?district=Tarwewijk&year=2018") == ["Tarwewijk"]
        assert titles("?district=Tarwewijk&year=2015") == []

        response = client.get("/nl/pilots/")
        body = response.content.decode()
        # The form works without JavaScript: a GET form with labelled selects and a submit button.
        assert '<form class="listing-filters" method="get" action="/nl/pilots/"' in body
        assert '<label for="id_district">Wijk</label>' in body and '<label for="id_year">Jaar</label>' in body
        assert '<option value="2018">2018</option>' in body and '<option value="2014">' not in body

    def test_a_tampered_filter_is_ignored_and_shown(self, client, pilot_index):
        PilotPageFactory(parent=pilot_index, title="Zuidwijk", district="Zuidwijk")
        response = client.get("/nl/pilots/?district=<script>&year=abc")
        assert response.status_code == 200
        assert [p.title for p in response.context["page_obj"].object_list] == ["Zuidwijk"]
        assert b"<script>" not in response.content
        assert b"listing-filters__error" in response.content

    def test_stories_by_kind_pilot_and_theme(self, client, pilot_index, story_index):
        korenaar = PilotPageFactory(parent=pilot_index, title="Korenaarstraat")
        zuidwijk = PilotPageFactory(parent=pilot_index, title="Zuidwijk")
        a = StoryPageFactory(parent=story_index, title="A", kind=StoryKind.GANGMAKER, pilot=korenaar)
        a.tags.add("kennismaking")
        a.save()
        b = StoryPageFactory(parent=story_index, title="B", kind=StoryKind.REFLECTION, pilot=zuidwijk)
        b.tags.add("zorg", "kennismaking")
        b.save()
        StoryPageFactory(parent=story_index, title="C", kind=StoryKind.REFLECTION)

        def titles(query):
            response = client.get(f"/nl/verhalen/{query}")
            return sorted(story.title for story in response.context["page_obj"].object_list)

        assert titles("") == ["A", "B", "C"]
        assert titles("?kind=reflection") == ["B", "C"]
        assert titles(f"?pilot={korenaar.pk}") == ["A"]
        assert titles("?theme=kennismaking") == ["A", "B"]
        assert titles("?theme=zorg&kind=reflection") == ["B"]
        assert titles(f"?theme=zorg&pilot={korenaar.pk}") == []
        body = client.get("/nl/verhalen/").content.decode()
        for label in ("Soort", "Pilot", "Thema"):
            assert f">{label}</label>" in body
        assert '<option value="kennismaking">kennismaking</option>' in body

    def test_pagination_keeps_the_filters(self, client, pilot_index):
        for number in range(14):
            PilotPageFactory(parent=pilot_index, title=f"P{number:02d}", district="Zuidwijk")
        response = client.get("/nl/pilots/?district=Zuidwijk")
        assert len(response.context["page_obj"].object_list) == 12
        assert 'href="?district=Zuidwijk&amp;page=2"' in response.content.decode()
        response = client.get("/nl/pilots/?district=Zuidwijk&page=2")
        assert len(response.context["page_obj"].object_list) == 2
        assert client.get("/nl/pilots/?page=999").status_code == 200
