import pytest

from django.core.exceptions import ValidationError
from django.utils import translation

from wagtail.models import Page

from home.models import HomePage, StandardPage
from pilots.factories import PilotPageFactory, PilotPersonFactory, StoryPageFactory, StoryPersonFactory
from pilots.models import PersonRole, PilotIndexPage, PilotPage, StoryIndexPage, StoryKind, StoryPage

from .conftest import publish_translation

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode().replace("&amp;", "&")


class TestCreateAtRules:
    def test_sections_live_under_the_home_page_once(self, home_page, pilot_index, story_index):
        assert PilotIndexPage.can_exist_under(HomePage())
        assert StoryIndexPage.can_exist_under(HomePage())
        assert not PilotIndexPage.can_exist_under(StandardPage())
        assert not StoryIndexPage.can_exist_under(PilotIndexPage())
        # One of each per home page (per language), so a translation can have its own.
        assert not PilotIndexPage.can_create_at(home_page)
        assert not StoryIndexPage.can_create_at(home_page)

    def test_pilots_and_stories_only_in_their_own_section(self, pilot_index, story_index):
        assert PilotPage.can_create_at(pilot_index)
        assert not PilotPage.can_create_at(story_index)
        assert StoryPage.can_create_at(story_index)
        assert not StoryPage.can_create_at(pilot_index)
        assert not StoryPage.can_exist_under(HomePage())
        assert not PilotPage.can_exist_under(Page.get_first_root_node().specific)
        assert PilotPage.allowed_subpage_models() == []
        assert StoryPage.allowed_subpage_models() == []

    def test_a_translated_home_page_gets_its_own_sections(self, pilot_index, english_home):
        assert PilotIndexPage.can_create_at(english_home)


class TestRoutesAndRendering:
    def test_pilot_index_and_pilot_page_render_in_dutch(self, client, pilot_index, image):
        pilot = PilotPageFactory(
            parent=pilot_index,
            title="Zuidwijk/Langenhorst",
            slug="zuidwijk-langenhorst",
            district="Zuidwijk",
            project_leader="Ireen van der Lem",
            image=image,
            image_alt="De flat aan de Langenhorst",
            what_worked="<p>Een enquête in de hal.</p>",
            advice="<p>Neem de tijd.</p>",
            partners=[("partner", {"name": "Vestia", "kind": "housing"})],
        )
        assert pilot_index.url == "/nl/pilots/"
        assert pilot.url == "/nl/pilots/zuidwijk-langenhorst/"

        response = client.get("/nl/pilots/")
        assert response.status_code == 200
        assert "Zuidwijk/Langenhorst" in text(response)
        assert '<label for="id_district">Wijk</label>' in text(response)

        response = client.get("/nl/pilots/zuidwijk-langenhorst/")
        body = text(response)
        assert response.status_code == 200
        assert "<h1>Zuidwijk/Langenhorst</h1>" in body
        assert 'alt="De flat aan de Langenhorst"' in body
        assert "Ireen van der Lem" in body
        assert 'Vestia <span class="meta">(woningcorporatie)</span>' in body
        assert "2015/2016" in body
        assert "Wat werkte" in body and "Ons advies" in body
        assert "Wat werkte niet" not in body  # empty sections are left out

    def test_story_index_and_story_page_render_in_dutch(self, client, pilot_index, story_index):
        pilot = PilotPageFactory(parent=pilot_index, title="Korenaarstraat", slug="korenaarstraat")
        story = StoryPageFactory(
            parent=story_index, title="Een verrassing voor de buurvrouw", slug="verrassing", pilot=pilot
        )
        StoryPersonFactory(page=story, name="Noreen Mir", role=PersonRole.GANGMAKER)
        story.tags.add("kennismaking")
        story.save()
        assert story.url == "/nl/verhalen/verrassing/"

        body = text(client.get("/nl/verhalen/"))
        assert "Een verrassing voor de buurvrouw" in body
        assert "Noreen Mir" in body
        assert "Pilot: Korenaarstraat" in body
        assert "kennismaking" in body

        response = client.get("/nl/verhalen/verrassing/")
        body = text(response)
        assert response.status_code == 200
        assert "<h1>Een verrassing voor de buurvrouw</h1>" in body
        assert 'Noreen Mir</span>, <span class="story__role">gangmaker, Korenaarstraat' in body
        assert 'href="/nl/pilots/korenaarstraat/"' in body
        assert 'href="/nl/verhalen/?theme=kennismaking"' in body
        assert "Blijf vriendelijk en blijf het proberen." in body

    def test_every_page_type_renders_in_english(
        self, client, pilot_index, story_index, english_home, locales
    ):
        pilot = PilotPageFactory(parent=pilot_index, title="Zuidwijk", slug="zuidwijk")
        story = StoryPageFactory(parent=story_index, title="Hulp", slug="hulp", pilot=pilot)
        StoryPersonFactory(page=story, name="Ria van der Reek", role=PersonRole.GANGMAKER)
        en = locales["en"]
        pilots_en = publish_translation(pilot_index, en, title="Pilots")
        stories_en = publish_translation(story_index, en, title="Stories", slug="stories")
        pilot_en = publish_translation(pilot, en, title="Zuidwijk (en)")
        publish_translation(story, en, title="Help is never far away", slug="help")

        for url, expected in [
            ("/en/pilots/", "Zuidwijk (en)"),
            ("/en/pilots/zuidwijk/", "Zuidwijk (en)"),
            ("/en/stories/", "Help is never far away"),
            ("/en/stories/help/", "Help is never far away"),
        ]:
            response = client.get(url)
            assert response.status_code == 200, url
            body = text(response)
            assert '<html lang="en" dir="ltr">' in body
            assert expected in body
        body = text(client.get("/en/stories/help/"))
        # The story points at the Dutch pilot; the English page links to the English pilot.
        assert 'href="/en/pilots/zuidwijk/"' in body
        with translation.override("en"):
            assert f'<p class="eyebrow">{StoryKind.GANGMAKER.label}</p>' in body
        assert pilots_en.url == "/en/pilots/" and stories_en.url == "/en/stories/"
        assert pilot_en.related_stories().get().title == "Help is never far away"

    def test_an_unpublished_story_is_not_listed_nor_served(self, client, story_index):
        story = StoryPageFactory(parent=story_index, title="Nog niet klaar", slug="concept", live=False)
        assert "Nog niet klaar" not in text(client.get("/nl/verhalen/"))
        assert client.get(story.url or "/nl/verhalen/concept/").status_code == 404


class TestFields:
    def test_a_photo_needs_alt_text(self, story_index, image):
        image.description = ""
        image.save()
        story = StoryPageFactory.build(title="Foto", slug="foto", image=image, image_alt="")
        with pytest.raises(ValidationError) as error:
            story.clean()
        assert "image_alt" in error.value.error_dict
        story.image_alt = "Twee buren met een kerststuk"
        story.clean()
        assert story.photo_alt == "Twee buren met een kerststuk"

    def test_the_image_description_is_the_default_alt_text(self, image):
        story = StoryPageFactory.build(image=image, image_alt="")
        story.clean()
        assert story.photo_alt == "Buren drinken koffie op de stoep."

    def test_period_and_figures(self):
        pilot = PilotPageFactory.build(year_start=2015, year_end=2016, gangmakers_count=4, streets_count=None)
        assert pilot.period == "2015/2016"
        assert [str(label) for label, _ in pilot.figures] == ["gangmakers"]
        assert PilotPageFactory.build(year_start=2016, year_end=None).period == "2016"
        with pytest.raises(ValidationError):
            PilotPageFactory.build(year_start=2016, year_end=2015).clean()

    def test_consent_people_include_the_project_leader(self, pilot_index):
        pilot = PilotPageFactory(parent=pilot_index, project_leader="Ireen van der Lem")
        PilotPersonFactory(page=pilot, name="Rob Fontain", street_or_organisation="Landenbuurt")
        assert pilot.consent_people() == [
            {"name": "Ireen van der Lem", "role": "projectleider"},
            {"name": "Rob Fontain", "role": "gangmaker, Landenbuurt"},
        ]

    def test_story_kinds(self):
        assert StoryKind.REFLECTION.label == "Reflectie van een professional"


class TestAdmin:
    def test_the_editor_opens_for_every_page_type(self, client, home_page, pilot_index, story_index, editors):
        from django.urls import reverse

        pilot = PilotPageFactory(parent=pilot_index)
        story = StoryPageFactory(parent=story_index, pilot=pilot)
        client.force_login(editors["redacteur"])
        for model, parent in [("pilotpage", pilot_index), ("storypage", story_index)]:
            response = client.get(reverse("wagtailadmin_pages:add", args=["pilots", model, parent.pk]))
            assert response.status_code == 200, model
        for page in (pilot_index, story_index, pilot, story):
            response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
            assert response.status_code == 200, page
        body = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).content.decode()
        assert "Mensen in dit verhaal" in body and "alt-tekst van de foto" in body.lower()
        # The sections themselves are made by an administrator, once per language.
        response = client.get(
            reverse("wagtailadmin_pages:add", args=["pilots", "pilotindexpage", home_page.pk])
        )
        assert response.status_code == 302
