"""The site shell: every StreamField block renders, site settings, landmarks, and no inline code."""

import re

import pytest
import wagtail_factories

from django.core.files.base import ContentFile

from wagtail import blocks
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Site
from wagtail.rich_text import RichText

from home.blocks import BaseStreamBlock, CallToActionBlock
from home.factories import StandardPageFactory, paragraph, quote
from home.models import SiteSettings

pytestmark = pytest.mark.django_db

VIDEO_URL = "https://www.youtube.com/watch?v=lief-en-leed"


@pytest.fixture
def image():
    picture = wagtail_factories.ImageFactory(
        title="Koffie op de stoep", file__width=800, file__height=600, file__color="orange"
    )
    yield picture
    picture.renditions.all().delete()
    picture.file.delete(save=False)


@pytest.fixture
def document():
    doc = wagtail_factories.DocumentFactory(
        title="Uitnodiging buren", file=ContentFile(b"%PDF-1.4\n" + b"x" * 2040, name="uitnodiging.pdf")
    )
    yield doc
    doc.file.delete(save=False)


@pytest.fixture
def cached_embed():
    """The oEmbed answer, stored as Wagtail's embed cache stores it: no network needed."""
    return Embed.objects.create(
        url=VIDEO_URL,
        max_width=None,
        hash=get_embed_hash(VIDEO_URL),
        type="video",
        html='<iframe src="https://www.youtube-nocookie.com/embed/lief-en-leed" title="Buren in beeld"'
        ' width="480" height="270" allowfullscreen></iframe>',
        title="Buren in beeld",
        provider_name="YouTube",
        width=480,
        height=270,
        thumbnail_url="",
    )


def text_blocks(target):
    return [
        paragraph('<h2>Samen</h2><p>Buren die <a href="https://example.org/">elkaar</a> kennen.</p>'),
        quote("Neem er rustig de tijd voor.", "Corrie", "gangmaker, Zuidwijk"),
        (
            "call_to_action",
            {
                "title": "Doe mee",
                "text": "Meld je straat aan.",
                "page": target,
                "url": "",
                "button_label": "Naar meedoen",
            },
        ),
        (
            "call_to_action",
            {
                "title": "Meer weten",
                "text": "",
                "page": None,
                "url": "https://www.opzoomermee.nl/",
                "button_label": "Naar Opzoomer Mee",
            },
        ),
    ]


@pytest.fixture
def text_page(home_page):
    """Text blocks only: quick to render (no image renditions)."""
    target = StandardPageFactory(parent=home_page, slug="meedoen", title="Meedoen")
    return StandardPageFactory(parent=home_page, slug="tekst", title="Tekst", body=text_blocks(target))


@pytest.fixture
def full_page(home_page, image, document, cached_embed):
    """Every block type once."""
    target = StandardPageFactory(parent=home_page, slug="meedoen", title="Meedoen")
    body = [
        *text_blocks(target),
        (
            "image",
            {
                "image": {"image": image, "alt_text": "Buren drinken koffie", "decorative": False},
                "caption": "Koffie in de Korenaarstraat",
            },
        ),
        ("downloads", {"title": "Voor je buren", "documents": [document]}),
        ("embed", {"embed": VIDEO_URL, "caption": "Een straat vertelt"}),
    ]
    return StandardPageFactory(
        parent=home_page, slug="alles", title="Alle blokken", intro="Elk blok één keer.", body=body
    )


def rendered(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


# Blocks --------------------------------------------------------------------------------------


def test_every_block_has_a_template_and_is_in_this_test():
    names = set(BaseStreamBlock.base_blocks)
    assert names == {"paragraph", "image", "quote", "call_to_action", "downloads", "embed"}


def test_paragraph_renders_rich_text(client, text_page):
    html = rendered(client, text_page)
    assert '<div class="block-paragraph rich-text">' in html
    assert '<h2 data-block-key="' in html or "<h2>Samen</h2>" in html
    assert '<a href="https://example.org/">elkaar</a>' in html


def test_image_renders_a_picture_with_its_alt_text(client, full_page):
    html = rendered(client, full_page)
    figure = re.search(r'<figure class="block-image">.*?</figure>', html, re.S).group(0)
    assert "<picture>" in figure
    assert re.search(r'<img [^>]*alt="Buren drinken koffie"', figure)
    assert 'type="image/webp"' in figure
    assert "<figcaption>Koffie in de Korenaarstraat</figcaption>" in figure


def test_a_decorative_image_has_an_empty_alt(client, home_page, image):
    page = StandardPageFactory(
        parent=home_page,
        body=[("image", {"image": {"image": image, "alt_text": "", "decorative": True}, "caption": ""})],
    )
    figure = re.search(r'<figure class="block-image">.*?</figure>', rendered(client, page), re.S).group(0)
    assert re.search(r'<img [^>]*alt=""', figure)
    assert "<figcaption>" not in figure


def test_quote_renders_person_and_role(client, text_page):
    html = rendered(client, text_page)
    assert "<blockquote><p>Neem er rustig de tijd voor.</p></blockquote>" in html
    assert '<span class="block-quote__person">Corrie</span>' in html
    assert '<span class="block-quote__role">gangmaker, Zuidwijk</span>' in html


def test_call_to_action_links_to_a_page_or_a_url(client, text_page):
    html = rendered(client, text_page)
    assert re.search(r'<a class="button" href="/nl/meedoen/">Naar meedoen</a>', html)
    assert re.search(r'<a class="button" href="https://www.opzoomermee.nl/">Naar Opzoomer Mee</a>', html)
    assert '<h2 class="block-cta__title">Doe mee</h2>' in html


@pytest.mark.parametrize(
    "page_and_url",
    [
        pytest.param(("page", "https://example.org/"), id="both"),
        pytest.param((None, ""), id="neither"),
    ],
)
def test_call_to_action_needs_exactly_one_target(home_page, page_and_url):
    page, url = page_and_url
    block = CallToActionBlock()
    value = block.to_python(
        {
            "title": "Doe mee",
            "text": "",
            "page": home_page.pk if page else None,
            "url": url,
            "button_label": "Ga",
        }
    )
    with pytest.raises(blocks.StructBlockValidationError) as error:
        block.clean(value)
    assert "page" in error.value.block_errors


def test_call_to_action_with_one_target_is_valid(home_page):
    block = CallToActionBlock()
    for page, url in ((home_page.pk, ""), (None, "https://example.org/")):
        value = block.to_python({"title": "T", "text": "", "page": page, "url": url, "button_label": "Ga"})
        assert block.clean(value)["button_label"] == "Ga"


def test_downloads_show_format_and_size(client, full_page, document):
    html = rendered(client, full_page)
    section = re.search(r'<section class="block-downloads">.*?</section>', html, re.S).group(0)
    assert "<h2>Voor je buren</h2>" in section
    assert f'href="{document.url}"' in section
    assert '<span class="download-list__title">Uitnodiging buren</span>' in section
    meta = re.search(r'<span class="download-list__meta">(.*?)</span>', section).group(1)
    assert meta.startswith("PDF, ")
    assert "2,0\xa0KB" in meta or "2.0\xa0KB" in meta


def test_embed_renders_from_the_embed_cache(client, full_page):
    html = rendered(client, full_page)
    figure = re.search(r'<figure class="block-embed">.*?</figure>', html, re.S).group(0)
    assert 'src="https://www.youtube-nocookie.com/embed/lief-en-leed"' in figure
    assert "<figcaption>Een straat vertelt</figcaption>" in figure


# The shell -----------------------------------------------------------------------------------


def test_landmarks_and_skip_link(client, text_page):
    html = rendered(client, text_page)
    assert re.search(r'<a class="skip-link" href="#main">', html)
    assert html.index('class="skip-link"') < html.index("<header")
    assert re.search(r"<header[ >]", html)
    assert re.search(r"<nav [^>]*aria-label=", html)
    assert re.search(r'<main id="main"', html)
    assert re.search(r"<footer[ >]", html)
    assert html.count("<main") == 1
    assert html.count("<h1") == 1
    assert '<form class="site-search" role="search"' in html


def test_site_settings_show_in_the_footer(client, home_page):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "Opzoomer Mee Rotterdam"
    settings.contact_email = "liefenleed@example.org"
    settings.contact_phone = "010 123 45 67"
    settings.address = "Hoogstraat 1\n3011 PN Rotterdam"
    settings.instagram_url = "https://www.instagram.com/opzoomermee/"
    settings.save()
    html = rendered(client, home_page)
    footer = re.search(r"<footer.*?</footer>", html, re.S).group(0)
    assert "Opzoomer Mee Rotterdam" in footer
    assert 'href="mailto:liefenleed@example.org"' in footer
    assert 'href="tel:0101234567"' in footer
    assert "Hoogstraat 1<br>3011 PN Rotterdam" in footer
    assert 'href="https://www.instagram.com/opzoomermee/"' in footer
    assert "Facebook" not in footer


def test_footer_without_contact_details(client, home_page):
    footer = re.search(r"<footer.*?</footer>", rendered(client, home_page), re.S).group(0)
    assert "Opzoomer Mee" in footer
    assert "<address>" not in footer


def assert_no_inline_code(html):
    """The CSP forbids inline scripts, inline styles and event-handler attributes."""
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert re.search(r'\bsrc="', tag), tag
    assert "<style" not in html
    assert not re.search(r"\sstyle\s*=", html)
    assert not re.search(r"\son[a-z]+\s*=", html)
    assert "javascript:" not in html


def test_no_inline_scripts_or_styles(client, home_page, full_page):
    for page in (home_page, full_page):
        assert_no_inline_code(rendered(client, page))
    assert_no_inline_code(client.get("/nl/bestaat-niet/").content.decode())
    assert_no_inline_code(client.get("/nl/zoeken/?q=koffie").content.decode())


def test_rich_text_is_rendered_not_escaped(home_page):
    page = StandardPageFactory(parent=home_page, body=[("paragraph", RichText("<p><b>vet</b></p>"))])
    assert "<b>vet</b>" in page.body.render_as_block()
