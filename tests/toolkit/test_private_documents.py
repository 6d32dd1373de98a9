"""Documents are never under a public path (issue 13, item 2): only Wagtail's view serves them.

The raw path `/media/documents/<name>` is what nginx (docs/deployment.md) and Django with DEBUG
(cms/urls.py) serve to anyone. A document's file is not there, so that path answers 404, whatever
the document's collection says; the document view checks the collection's restriction first.
"""

import importlib

import pytest

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404
from django.test import RequestFactory
from django.views.static import serve

from wagtail.models import Collection, CollectionViewRestriction

from cms.storage import private_storage
from toolkit.factories import MINIMAL_PDF, ToolkitDocumentFactory
from toolkit.models import ToolkitDocument

pytestmark = pytest.mark.django_db


def raw_media_request(settings, name):
    """What `/media/<name>` gives an anonymous visitor (the dev server's and nginx's folder)."""
    request = RequestFactory().get(f"/media/{name}")
    return serve(request, name, document_root=settings.MEDIA_ROOT)


@pytest.fixture
def restricted(settings):
    private = Collection.get_first_root_node().add_child(name="Alleen met wachtwoord")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.PASSWORD, password="geheim-wachtwoord"
    )
    return ToolkitDocumentFactory(title="Draaiboek", filename="draaiboek.pdf", collection=private)


def test_a_document_file_is_kept_outside_the_media_folder(settings, restricted):
    assert private_storage.exists(restricted.file.name)
    assert not (settings.MEDIA_ROOT / restricted.file.name).exists()
    assert str(settings.PRIVATE_MEDIA_ROOT) in restricted.file.path


def test_the_raw_path_of_a_restricted_document_is_404(settings, restricted):
    with pytest.raises(Http404):
        raw_media_request(settings, restricted.file.name)


def test_the_document_view_asks_for_the_password_first(client, restricted):
    response = client.get(restricted.url)
    assert response.status_code == 200  # the password form, not the file
    assert "Content-Disposition" not in response
    assert b"%PDF" not in response.content


def test_a_public_document_is_served_as_an_attachment_by_the_view(client, settings):
    document = ToolkitDocumentFactory(filename="welkomstbrief.pdf")
    with pytest.raises(Http404):
        raw_media_request(settings, document.file.name)
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == MINIMAL_PDF


def test_the_migration_moves_existing_files_out_of_public_media(settings):
    document = ToolkitDocumentFactory(filename="oud.pdf")
    name = document.file.name
    private_storage.delete(name)
    default_storage.save(name, ContentFile(MINIMAL_PDF))  # where it was before this change
    migration = importlib.import_module("toolkit.migrations.0004_private_documents")
    migration.to_private(apps, None)
    assert not default_storage.exists(name)
    assert private_storage.exists(name)
    assert ToolkitDocument.objects.get(pk=document.pk).file.name == name
    migration.to_private(apps, None)  # idempotent
    assert private_storage.exists(name)
