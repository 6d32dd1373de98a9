"""Absolute links come from SITE_URL only (cms/links.py): mail, QR codes, .ics and the sitemap.

Run as the demo runs on another port (`PORT=8101 scripts/run` sets SITE_URL): every absolute link
in what the site sends out must point there.
"""

import base64
import re
from pathlib import Path

import pytest

from wagtail.models import Site

from cms import links
from cms.forms import started_token
from cms.models import OutboundEmail
from pilots.workshops.factories import WorkshopIndexPageFactory, WorkshopPageFactory
from tests.pilots.signup_support import open_round, signup_data, signup_page  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parents[2]
SITE = "http://127.0.0.1:8101"
URL = re.compile(r"https?://[^\s\"'<>)]+")

# Building an absolute URL any other way is what made half the demo's links dead.
FORBIDDEN = re.compile(r"build_absolute_uri|get_full_url|\.full_url\b|WAGTAILADMIN_BASE_URL")
ALLOWED_FILES = {"cms/links.py"}


def test_no_code_builds_absolute_urls_another_way():
    offenders = []
    for folder in ("cms", "home", "pilots", "search", "toolkit", "templates"):
        for path in (ROOT / folder).rglob("*"):
            relative = path.relative_to(ROOT).as_posix()
            if path.suffix not in {".py", ".html", ".txt"} or "/migrations/" in relative:
                continue
            if relative in ALLOWED_FILES or relative.startswith("cms/settings/"):
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if FORBIDDEN.search(line):
                    offenders.append(f"{relative}:{number}: {line.strip()}")
    assert offenders == [], "use cms.links (absolute_url, page_url, admin_url):\n" + "\n".join(offenders)


@pytest.fixture
def site_url(settings, db):
    settings.SITE_URL = SITE
    settings.WAGTAILADMIN_BASE_URL = SITE
    links.sync_default_site()
    return SITE


def absolute_links(text):
    return [url for url in URL.findall(text) if "calendar.google.com" not in url]


@pytest.mark.django_db
def test_workshop_mail_links_use_site_url(client, home_page, site_url):
    index = WorkshopIndexPageFactory(parent=home_page)
    workshop = WorkshopPageFactory(parent=index)
    response = client.post(
        workshop.url,
        {
            "name": "Fatima de Vries",
            "email": "fatima@example.org",
            "phone": "",
            "street": "Korenaarstraat",
            "people": "1",
            "website_url": "",
            "form_started": started_token(),
        },
    )
    assert response.status_code == 302
    mail = OutboundEmail.objects.get(recipients=["fatima@example.org"])
    found = absolute_links(mail.body_text) + absolute_links(mail.body_html)
    assert found and all(url.startswith(SITE + "/nl/") for url in found), found
    assert any("#afmelden" in url for url in found)
    ics = next(item for item in mail.attachments if item["filename"].endswith(".ics"))
    assert f"URL:{SITE}/nl/".encode() in base64.b64decode(ics["content"]).replace(b"\r\n ", b"")


@pytest.mark.django_db
def test_signup_confirmation_links_use_site_url(client, open_round, signup_page, site_url):  # noqa: F811
    assert client.post("/nl/meedoen/", signup_data()).status_code == 302
    body = OutboundEmail.objects.order_by("pk").first().body_text
    confirm = [url for url in absolute_links(body) if "bevestigen" in url]
    assert confirm and confirm[0].startswith(f"{SITE}/nl/meedoen/bevestigen/?t="), body


@pytest.mark.django_db
def test_pages_sitemap_and_qr_codes_use_site_url(client, home_page, site_url):
    from toolkit.flyers import qr_svg

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8101)
    assert links.page_url(home_page) == f"{SITE}/nl/"
    _svg, target = qr_svg(home_page, "nl")
    assert target == f"{SITE}/nl/"
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"<loc>{SITE}/nl/</loc>" in sitemap


def test_absolute_url_and_admin_url(settings):
    settings.SITE_URL = "https://liefenleed.example.org/"
    settings.WAGTAILADMIN_BASE_URL = "https://beheer.example.org"
    assert links.absolute_url("/nl/meedoen/") == "https://liefenleed.example.org/nl/meedoen/"
    assert links.absolute_url("https://elders.example.org/x") == "https://elders.example.org/x"
    assert links.admin_url("/admin/pages/3/edit/") == "https://beheer.example.org/admin/pages/3/edit/"
