import io
import zipfile

import pytest

from django.core.files.base import ContentFile

from wagtail.models import Collection, CollectionViewRestriction

from toolkit import bundles
from toolkit.choices import Occasion
from toolkit.factories import ToolkitDocumentFactory, ToolkitItemPageFactory
from toolkit.models import Bundle

pytestmark = pytest.mark.django_db

URL = "/nl/toolkit/alles/nieuwe-buren/"


@pytest.fixture
def zip_writes(monkeypatch):
    """Counts how often a ZIP is really written (the expensive part of a build)."""
    calls = []
    original = bundles.write_zip

    def counting_write_zip(documents, target):
        calls.append([document.pk for document in documents])
        return original(documents, target)

    monkeypatch.setattr(bundles, "write_zip", counting_write_zip)
    return calls


@pytest.fixture
def new_neighbours(toolkit_index, welcome_letter):
    """The 'nieuwe buren' materials: a letter in two languages, a checklist and a key card."""
    english = ToolkitDocumentFactory(title="Welcome letter", filename="welcome-letter.pdf", language="en")
    checklist = ToolkitDocumentFactory(title="Pakketje checklist", filename="checklist.pdf")
    key_card = ToolkitDocumentFactory(title="Sleutelkaart", filename="sleutelkaart.pdf")
    ToolkitItemPageFactory(parent=toolkit_index, slug="welkom", document_list=[welcome_letter, english])
    ToolkitItemPageFactory(parent=toolkit_index, slug="pakketje", document_list=[checklist])
    ToolkitItemPageFactory(
        parent=toolkit_index,
        slug="sleutel",
        occasion_values=[Occasion.ILLNESS, Occasion.NEW_NEIGHBOURS],
        document_list=[key_card, welcome_letter],  # shared with another item: once in the ZIP
    )
    # Not for new neighbours, or not published: not in the ZIP.
    ToolkitItemPageFactory(
        parent=toolkit_index,
        slug="ziek",
        occasion_values=[Occasion.ILLNESS],
        document_list=[ToolkitDocumentFactory(title="Beterschapskaart")],
    )
    ToolkitItemPageFactory(
        parent=toolkit_index,
        slug="concept",
        live=False,
        document_list=[ToolkitDocumentFactory(title="Concept")],
    )
    return [welcome_letter, english, checklist, key_card]


def zip_names(response):
    assert response["Content-Type"] == "application/zip"
    body = b"".join(response.streaming_content)
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        assert archive.testzip() is None
        return sorted(archive.namelist())


def test_the_zip_holds_every_document_of_the_occasion(client, new_neighbours, zip_writes):
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="lief-en-leed-nieuwe-buren.zip"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert zip_names(response) == [
        "en/welcome-letter.pdf",
        "nl/pakketje-checklist.pdf",
        "nl/sleutelkaart.pdf",
        "nl/welkomstbrief.pdf",
    ]
    assert len(zip_writes) == 1
    bundle = Bundle.objects.get(occasion=Occasion.NEW_NEIGHBOURS)
    assert bundle.document_count == 4
    assert bundle.file.name.startswith("toolkit/bundles/nieuwe-buren-")


def test_a_second_request_does_not_rebuild(client, new_neighbours, zip_writes, monkeypatch):
    client.get(URL)
    assert len(zip_writes) == 1

    def must_not_build(*args, **kwargs):
        raise AssertionError("the bundle was built again")

    monkeypatch.setattr(bundles, "build_bundle", must_not_build)
    monkeypatch.setattr("django_q.tasks.async_task", must_not_build)
    response = client.get(URL)
    assert response.status_code == 200
    assert len(zip_names(response)) == 4
    assert len(zip_writes) == 1


def test_building_twice_is_a_no_op(new_neighbours, zip_writes):
    first = bundles.build_bundle(Occasion.NEW_NEIGHBOURS)
    second = bundles.build_bundle(Occasion.NEW_NEIGHBOURS)
    assert len(zip_writes) == 1
    assert first.file.name == second.file.name


def test_a_changed_document_makes_a_new_zip(client, new_neighbours, zip_writes):
    client.get(URL)
    old_name = Bundle.objects.get().file.name
    letter = new_neighbours[0]
    letter.file.save("welkomstbrief.pdf", ContentFile(b"%PDF-1.4 nieuwe versie"), save=False)
    letter._set_document_file_metadata()
    letter.save()

    response = client.get(URL)
    assert len(zip_writes) == 2
    bundle = Bundle.objects.get()
    assert bundle.file.name != old_name
    assert not bundle.file.storage.exists(old_name)  # the old ZIP is cleaned up
    assert len(zip_names(response)) == 4


def test_a_new_document_makes_a_new_zip(client, toolkit_index, new_neighbours, zip_writes):
    client.get(URL)
    invitation = ToolkitDocumentFactory(title="Uitnodiging koffie", filename="koffie.pdf")
    ToolkitItemPageFactory(parent=toolkit_index, slug="koffie", document_list=[invitation])
    response = client.get(URL)
    assert len(zip_writes) == 2
    assert "nl/uitnodiging-koffie.pdf" in zip_names(response)


def test_documents_with_a_view_restriction_stay_out(client, new_neighbours):
    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    key_card = new_neighbours[3]
    key_card.collection = private
    key_card.save()
    assert "nl/sleutelkaart.pdf" not in zip_names(client.get(URL))


def test_while_the_worker_builds_a_page_refreshes_itself(client, new_neighbours, monkeypatch):
    queued = []
    monkeypatch.setattr("django_q.tasks.async_task", lambda *args, **kwargs: queued.append(args))
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<meta http-equiv="refresh" content="5">' in html
    assert "<script>" not in html
    assert "Het ZIP-bestand wordt klaargemaakt" in html
    assert "no-cache" in response["Cache-Control"]
    assert queued == [("toolkit.bundles.build_bundle", "nieuwe-buren")]

    client.get(URL)  # the refresh: the build was asked for already
    assert len(queued) == 1

    bundles.build_bundle(*queued[0][1:])  # the worker
    response = client.get(URL)
    assert len(zip_names(response)) == 4
    assert len(queued) == 1


def test_a_lost_build_request_is_asked_again_later(client, new_neighbours, monkeypatch):
    queued = []
    monkeypatch.setattr("django_q.tasks.async_task", lambda *args, **kwargs: queued.append(args))
    client.get(URL)
    Bundle.objects.update(requested_at=Bundle.objects.get().requested_at - bundles.REQUEST_AGAIN_AFTER * 2)
    client.get(URL)
    assert len(queued) == 2


def test_unknown_or_empty_occasions_are_not_found(client, new_neighbours):
    assert client.get("/nl/toolkit/alles/bestaat-niet/").status_code == 404
    assert client.get("/nl/toolkit/alles/jubileum/").status_code == 404
    assert not Bundle.objects.filter(occasion=Occasion.ANNIVERSARY).exists()


def test_filtered_index_links_to_the_bundle(client, new_neighbours):
    html = client.get("/nl/toolkit/?occasion=nieuwe-buren").content.decode()
    assert f'href="{URL}"' in html
    assert "Download alles voor Nieuwe buren (ZIP)" in html
    assert URL not in client.get("/nl/toolkit/").content.decode()


def test_a_schedule_keeps_every_bundle_up_to_date(new_neighbours, zip_writes):
    from cms.queue import registered_schedules

    job = next(job for job in registered_schedules() if job.func == "toolkit.bundles.build_all_bundles")
    assert job.minutes == 30
    bundles.build_all_bundles()
    built = set(Bundle.objects.exclude(key="").values_list("occasion", flat=True))
    assert built == {"nieuwe-buren", "ziekte"}
    assert len(zip_writes) == 2
    bundles.build_all_bundles()  # nothing changed: nothing is written
    assert len(zip_writes) == 2
