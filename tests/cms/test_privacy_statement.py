"""The privacy statement's "Bewaartermijnen" block renders the personal-data register itself."""

import pytest

from django.utils.html import escape

from cms import privacy
from cms.demo import DemoContext, stream
from home import demo
from home.factories import StandardPageFactory
from home.models import StandardPage

pytestmark = pytest.mark.django_db


def privacy_page(home_page):
    return StandardPageFactory(
        parent=home_page,
        slug="privacy",
        title="Privacyverklaring",
        body=stream([("paragraph", [("h2", "Hoe lang bewaren we ze?")]), ("retention_table", None)]),
    )


def test_the_block_shows_every_kind_with_its_retention(client, home_page):
    privacy_page(home_page)
    response = client.get("/nl/privacy/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<table class="retention-table">' in page
    for kind in privacy.registered():
        assert escape(str(kind.label)) in page
        assert escape(str(kind.retention)) in page
    assert "90 dagen na het versturen" in page


def test_a_kind_registered_in_code_appears_without_editing_the_page(client, home_page, monkeypatch):
    privacy_page(home_page)
    monkeypatch.setitem(
        privacy._registry,
        "nieuw",
        privacy.Kind(name="nieuw", label="Nieuwe <soort> gegevens", retention="7 dagen", purge="x.y"),
    )
    page = client.get("/nl/privacy/").content.decode()
    assert "Nieuwe &lt;soort&gt; gegevens" in page  # escaped like every other text
    assert "7 dagen" in page


def test_the_demo_privacy_page_uses_the_block():
    demo.load(DemoContext())
    page = StandardPage.objects.get(slug="privacy", locale__language_code="nl")
    assert "retention_table" in [block.block_type for block in page.body]
    english = StandardPage.objects.get(slug="privacy", locale__language_code="en")
    assert "retention_table" in [block.block_type for block in english.body]
