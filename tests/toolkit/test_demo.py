import io
import re
from html import unescape

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from django.db import transaction
from django.test import override_settings

from wagtail.models import Locale, Page

from cms import demo
from home.models import Menu
from toolkit.choices import Occasion
from toolkit.models import AdviceCard, Bundle, ToolkitDocument, ToolkitIndexPage, ToolkitItemPage

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("demo-media")) as overridden:
        yield overridden


@pytest.fixture
def media_root(demo_media):
    """The demo's files stay where the module's demo put them (replaces the per-test folder)."""


@pytest.fixture(scope="module")
def demo_site(demo_media, django_db_setup, django_db_blocker):
    """The site shell's and the toolkit's demo content, loaded twice (it must be idempotent).

    Loaded once for this module inside a transaction that is rolled back at the end; each test
    runs in a savepoint within it.
    """
    with django_db_blocker.unblock(), transaction.atomic(), pytest.MonkeyPatch.context() as patch:
        patch.setattr(demo, "DEMO_STEPS", ["home.demo.load", "toolkit.demo.load"])
        demo.run_all()
        counts = snapshot()
        demo.run_all()
        assert snapshot() == counts
        yield counts
        transaction.set_rollback(True)


def snapshot():
    return {
        "pages": Page.objects.count(),
        "documents": ToolkitDocument.objects.count(),
        "cards": AdviceCard.objects.count(),
        "bundles": sorted(Bundle.objects.values_list("occasion", "key")),
    }


def test_the_toolkit_step_is_registered():
    assert "toolkit.demo.load" in demo.DEMO_STEPS


def test_demo_has_a_toolkit_with_twelve_or_more_materials_in_both_languages(demo_site):
    dutch, english = Locale.objects.get(language_code="nl"), Locale.objects.get(language_code="en")
    index = ToolkitIndexPage.objects.get(locale=dutch)
    assert index.url == "/nl/toolkit/"
    items = ToolkitItemPage.objects.child_of(index).live()
    assert items.count() >= 12
    occasions = set(items.values_list("occasions__occasion", flat=True))
    assert occasions == set(Occasion.values)
    assert ToolkitItemPage.objects.filter(locale=english).live().count() >= 5
    assert index.get_translation(english).url == "/en/toolkit/"
    assert Page.find_problems() == ([], [], [], [], [])  # the page tree is consistent
    assert Menu.objects.get(kind="main", locale=dutch).items.filter(page=index).exists()


def test_demo_files_are_real_documents(demo_site):
    for document in ToolkitDocument.objects.all():
        with document.open_file() as handle:
            content = handle.read()
        assert document.file_size == len(content)
        if document.file_extension == "pdf":
            text = PdfReader(io.BytesIO(content)).pages[0].extract_text()
            assert "Lief & Leed" in text
        else:
            assert document.file_extension == "xlsx"
            sheet = load_workbook(io.BytesIO(content)).active
            assert sheet["A1"].value == "Antwoord"
    languages = set(ToolkitDocument.objects.values_list("language", flat=True))
    assert languages == {"nl", "en", "tr", "ar", "pl"}
    letter = ToolkitDocument.objects.get(title="Welkomstbrief voor nieuwe buren")
    with letter.open_file() as handle:
        assert "Welkom in onze straat!" in PdfReader(handle).pages[0].extract_text()


def test_demo_advice_cards_come_from_the_seeds_people(demo_site):
    sources = " ".join(AdviceCard.objects.filter(locale__language_code="nl").values_list("source", flat=True))
    for person in ("Rob Fontain", "Corrie van der Sluijs", "Noreen Mir", "Harm de Oude"):
        assert person in sources
    assert (
        AdviceCard.objects.filter(locale__language_code="en").count()
        == AdviceCard.objects.filter(locale__language_code="nl").count()
    )


def links(html):
    return [
        (unescape(href), re.sub(r"<[^>]+>", "", unescape(text)).strip())
        for href, text in re.findall(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', html, re.S)
    ]


def test_a_phone_user_gets_the_dutch_welcome_letter_in_two_taps_from_home(client, demo_site):
    home = client.get("/nl/").content.decode()
    highlights = home.split('id="toolkit-highlights-title"')[1].split("</section>")[0]
    new_neighbours = highlights.split(">Nieuwe buren</a>")[1].split("</li>\n")[0]
    # Tap 1: the material, straight from the home page's "Nieuwe buren" tile.
    item_url = next(href for href, text in links(new_neighbours) if text == "Welkom heten met een brief")
    item = client.get(item_url).content.decode()
    # Tap 2: the Dutch letter, the first download on the page for a Dutch visitor.
    downloads = item.split('id="downloads-title"')[1]
    assert downloads.index('hreflang="nl"') < downloads.index('hreflang="en"')
    letter_url = next(
        href for href, text in links(downloads) if text.startswith("Welkomstbrief voor nieuwe buren")
    )
    response = client.get(letter_url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_an_english_visitor_sees_english_downloads_first(client, demo_site):
    html = client.get("/en/toolkit/welcome-letter/").content.decode()
    downloads = html.split('id="downloads-title"')[1]
    order = re.findall(r'hreflang="(\w+)"', downloads)
    assert order[0] == "en"
    assert set(order) == {"nl", "en", "tr", "ar", "pl"}
    assert "In jouw taal" in downloads or "In your language" in downloads


def test_the_demo_bundle_is_ready_to_download(client, demo_site):
    response = client.get("/nl/toolkit/alles/nieuwe-buren/")
    assert response["Content-Type"] == "application/zip"
