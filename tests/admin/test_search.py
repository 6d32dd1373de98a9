"""Every search of the admin answers, on SQLite (FTS5) and PostgreSQL (issue 12, item 5)."""

import pytest
import wagtail_factories

from django.urls import reverse

from home.factories import StandardPageFactory
from toolkit.factories import ToolkitDocumentFactory

pytestmark = pytest.mark.django_db

TERMS = ["buren", "Bur", 'buren "soep', '"', '""', "NEAR(buren", "-buren", "buren*", "soep OR", "'"]
TERMS += ["a" * 300, "ë ß 日本", "title:buren"]


@pytest.fixture
def content(home_page):
    page = StandardPageFactory(parent=home_page, title="Burenhulp in de straat", slug="burenhulp")
    wagtail_factories.ImageFactory(title="Buren op de stoep")
    ToolkitDocumentFactory(title="Buren-enquête", description="Vragen voor de buren")
    return page


SEARCHES = {
    "dashboard page search": lambda: reverse("wagtailadmin_pages:search"),
    "page search results": lambda: reverse("wagtailadmin_pages:search_results"),
    "images": lambda: reverse("wagtailimages:index"),
    "image listing results": lambda: reverse("wagtailimages:index_results"),
    "documents": lambda: reverse("wagtaildocs:index"),
    "document listing results": lambda: reverse("wagtaildocs:index_results"),
    "page chooser": lambda: reverse("wagtailadmin_choose_page_search"),
    "image chooser": lambda: reverse("wagtailimages_chooser:choose_results"),
    "document chooser": lambda: reverse("wagtaildocs_chooser:choose_results"),
}


@pytest.mark.parametrize("name", list(SEARCHES))
@pytest.mark.parametrize("term", TERMS)
def test_admin_searches_answer_with_results(admin_client, content, name, term):
    response = admin_client.get(SEARCHES[name](), {"q": term})
    assert response.status_code == 200, (name, term)


@pytest.mark.parametrize("name", list(SEARCHES))
def test_admin_searches_find_the_page_image_and_document(admin_client, content, name):
    html = admin_client.get(SEARCHES[name](), {"q": "buren"}).content.decode()
    expected = {
        "dashboard page search": "Burenhulp in de straat",
        "page search results": "Burenhulp in de straat",
        "page chooser": "Burenhulp in de straat",
        "images": "Buren op de stoep",
        "image listing results": "Buren op de stoep",
        "image chooser": "Buren op de stoep",
        "documents": "Buren-enquête",
        "document listing results": "Buren-enquête",
        "document chooser": "Buren-enquête",
    }[name]
    assert expected in html


def test_the_explorer_filter_searches_children(admin_client, content, home_page):
    url = reverse("wagtailadmin_explore", args=[home_page.pk])
    response = admin_client.get(url, {"q": "buren"})
    assert response.status_code == 200
    assert "Burenhulp in de straat" in response.content.decode()
    for term in TERMS:
        assert admin_client.get(url, {"q": term}).status_code == 200, term
