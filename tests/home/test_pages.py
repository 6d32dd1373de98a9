import pytest

from wagtail.models import Page

from home.factories import StandardPageFactory
from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def test_home_page_renders_in_dutch(client, home_page):
    response = client.get("/nl/")
    assert response.status_code == 200
    assert b'<html lang="nl" dir="ltr">' in response.content
    assert home_page.title.encode() in response.content.replace(b"&amp;", b"&")


def test_standard_page_renders(client, home_page):
    page = StandardPageFactory(parent=home_page, slug="privacy", title="Privacyverklaring")
    response = client.get("/nl/privacy/")
    assert response.status_code == 200
    assert b"Privacyverklaring" in response.content
    assert page.url == "/nl/privacy/"


def test_allowed_parent_and_child_types():
    assert HomePage.can_create_at(Page.get_first_root_node())
    assert StandardPage.can_exist_under(HomePage())
    assert not HomePage.can_exist_under(StandardPage())
