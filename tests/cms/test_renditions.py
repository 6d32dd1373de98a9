"""Renditions are made in the worker (upload, publish) from the same list the templates use."""

import re

import pytest
import wagtail_factories

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.images import get_image_model

from cms import renditions
from home.factories import HomePageFactory, StandardPageFactory
from home.templatetags.site_tags import responsive_picture


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Wagtail keeps renditions in the cache too: those of a rolled-back test must not be found.
    cache.clear()


def rendition_specs(image):
    return set(image.renditions.values_list("filter_spec", flat=True))


def test_one_list_of_specs_covers_every_picture():
    specs = renditions.all_filter_specs()
    assert len(specs) == len(set(specs))
    for name in renditions.PICTURES:
        assert set(renditions.filter_specs(name)) <= set(specs)
    assert "format-avif|fill-480x300" in specs
    assert "format-jpeg|width-1440" in specs
    assert len(specs) == 3 * (2 + 2 + 2 + 3)


def test_an_uploaded_image_gets_its_renditions_in_the_worker(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        image = wagtail_factories.ImageFactory(title="Straatfeest")
    assert callbacks, "the task is queued after the commit"
    assert rendition_specs(image) == set(renditions.all_filter_specs())
    formats = {rendition.file.name.rsplit(".", 1)[-1] for rendition in image.renditions.all()}
    assert formats == {"avif", "webp", "jpg"}


def test_the_task_is_idempotent(db):
    image = wagtail_factories.ImageFactory()
    assert renditions.generate_renditions(image.pk) == len(renditions.all_filter_specs())
    count = image.renditions.count()
    renditions.generate_renditions(image.pk)
    assert image.renditions.count() == count
    assert renditions.generate_renditions(987654) == 0


def test_publishing_a_page_makes_the_renditions_of_its_images(home_page, django_capture_on_commit_callbacks):
    hero = wagtail_factories.ImageFactory(title="Held")
    in_body = wagtail_factories.ImageFactory(title="In de tekst")
    hero.renditions.all().delete()
    in_body.renditions.all().delete()
    page = StandardPageFactory.build(title="Met foto's", slug="fotos")
    page.body = [("image", {"image": {"image": in_body, "alt_text": "", "decorative": True}, "caption": ""})]
    home_page.add_child(instance=page)
    home = HomePageFactory.build(hero_image=hero)
    assert renditions.images_on(home) == {hero.pk}
    assert renditions.images_on(page) == {in_body.pk}
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert rendition_specs(in_body) == set(renditions.all_filter_specs())
    assert not rendition_specs(hero)


def test_the_picture_tag_uses_the_ready_renditions_and_gives_sizes(db):
    image = wagtail_factories.ImageFactory(file__width=1200, file__height=800)
    renditions.generate_renditions(image.pk)
    image = get_image_model().objects.get(pk=image.pk)
    count = image.renditions.count()
    with CaptureQueriesContext(connection) as queries:
        html = responsive_picture(image, "card", alt="", loading="lazy")
    # At most one query for all of them (Wagtail also keeps renditions in the cache); none is made.
    assert len(queries) <= 1
    assert image.renditions.count() == count
    assert html.startswith("<picture>")
    assert '<source sizes="(min-width: 48rem) 22rem, 100vw"' in html
    assert 'type="image/avif"' in html and 'type="image/webp"' in html
    assert re.search(r'<img alt="" [^>]*loading="lazy"[^>]*sizes="\(min-width: 48rem\) 22rem, 100vw"', html)
    assert " 960w" in html
    assert responsive_picture(None, "card") == ""
