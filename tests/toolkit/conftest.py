import pytest

from toolkit.factories import ToolkitDocumentFactory, ToolkitIndexPageFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded documents and bundles go to a fresh folder per test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"  # documents and submission photos
    return settings.MEDIA_ROOT


@pytest.fixture
def toolkit_index(home_page):
    return ToolkitIndexPageFactory(parent=home_page)


@pytest.fixture
def welcome_letter(db):
    return ToolkitDocumentFactory(title="Welkomstbrief", filename="welkomstbrief.pdf", language="nl")
