"""The demo's flyer templates: six, two of them in en, tr and ar, attached to materials; idempotent."""

import pytest
from pypdf import PdfReader

from django.db import transaction
from django.test import override_settings

from wagtail.models import Locale

from cms import demo
from toolkit import flyers
from toolkit.choices import FlyerKind
from toolkit.models import FlyerTemplate, ToolkitItemFlyerTemplate, ToolkitItemPage

pytestmark = pytest.mark.django_db

STEPS = ["home.demo.load", "toolkit.demo.load", "toolkit.demo_flyers.load"]


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("flyer-demo-media")) as overridden:
        yield overridden


@pytest.fixture
def media_root(demo_media):
    """The demo's files stay where the module's demo put them."""


@pytest.fixture(scope="module")
def demo_site(demo_media, django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic(), pytest.MonkeyPatch.context() as patch:
        patch.setattr(demo, "DEMO_STEPS", STEPS)
        demo.run_all()
        counts = (FlyerTemplate.objects.count(), ToolkitItemFlyerTemplate.objects.count())
        demo.run_all()
        assert (FlyerTemplate.objects.count(), ToolkitItemFlyerTemplate.objects.count()) == counts
        yield counts
        transaction.set_rollback(True)


def test_the_flyer_step_is_registered():
    assert "toolkit.demo_flyers.load" in demo.DEMO_STEPS


def test_six_kinds_of_template_in_dutch(demo_site):
    dutch = FlyerTemplate.objects.filter(locale__language_code="nl")
    assert dutch.count() >= 6
    kinds = set(dutch.values_list("kind", flat=True))
    assert {FlyerKind.INTRODUCTION, FlyerKind.PACKAGE_CARD, FlyerKind.KEY_CARD, FlyerKind.POSTER} <= kinds
    assert {FlyerKind.THANK_YOU, FlyerKind.INVITATION} <= kinds


def test_two_templates_in_english_turkish_and_arabic(demo_site):
    full = [
        template
        for template in FlyerTemplate.objects.filter(locale__language_code="nl")
        if flyers.available_languages(template) == ["nl", "en", "tr", "ar"]
    ]
    assert len(full) >= 2
    arabic = full[0].get_translation(Locale.objects.get(language_code="ar"))
    assert "{straat}" in arabic.headline
    assert arabic.latest_revision_id  # translated with a revision, as in the admin


def test_templates_are_offered_on_the_materials(demo_site, client):
    item = ToolkitItemPage.objects.get(locale__language_code="nl", slug="koffie-op-de-stoep")
    assert len(item.flyer_templates()) >= 2
    response = client.get(item.url)
    assert "Maak je eigen uitnodiging" in response.content.decode()
    assert ToolkitItemPage.objects.filter(flyer_template_links__isnull=False).distinct().count() >= 4


def test_every_demo_template_renders_a_one_page_pdf_also_side_by_side(demo_site):
    for template in FlyerTemplate.objects.filter(locale__language_code="nl"):
        inputs = flyers.example_inputs(template)
        for key in ("number_from", "number_to", "numbers"):
            inputs.pop(key, None)
        languages = flyers.available_languages(template)
        for pair in [["nl"], *[["nl", other] for other in languages if other != "nl"]]:
            job = flyers.render_now(flyers.get_or_create_job(template, inputs, pair))
            assert job.status == "ready", (template, pair, job.error)
            reader = PdfReader(str(flyers.cached_path(job)))
            assert len(reader.pages) == 1, (template.name, pair)
            assert "Korenaarstraat" in reader.pages[0].extract_text() or "{straat}" not in template.body
