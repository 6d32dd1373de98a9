import pytest

from django.core.cache import cache

from toolkit.factories import ToolkitDocumentFactory, ToolkitIndexPageFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits and login throttling count in the cache: every test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def public_site(home_page):
    """The public parts every row of the table needs: the home page, the toolkit and one document."""
    ToolkitIndexPageFactory(parent=home_page, slug="toolkit")
    return {"document": ToolkitDocumentFactory(title="Welkomstbrief", filename="welkomstbrief.pdf")}
