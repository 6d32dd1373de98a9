import csv
import datetime
import io
import re

import pytest

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Collection

from toolkit.factories import MINIMAL_PDF, DownloadCountFactory, ToolkitDocumentFactory
from toolkit.models import DownloadCount, ToolkitDocument
from toolkit.models.stats import record_download

pytestmark = pytest.mark.django_db


def downloads(document):
    return sum(DownloadCount.objects.filter(document=document).values_list("count", flat=True))


def test_document_model_is_the_toolkit_document():
    from wagtail.documents import get_document_model

    assert get_document_model() is ToolkitDocument


def test_download_is_an_attachment_with_type_and_nosniff(client, welcome_letter):
    response = client.get(welcome_letter.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "welkomstbrief.pdf" in response["Content-Disposition"]
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert b"".join(response.streaming_content) == MINIMAL_PDF


@pytest.mark.parametrize(
    ("filename", "content_type"),
    [
        ("lijst.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("lijst.odt", "application/vnd.oasis.opendocument.text"),
        ("kaart.png", "image/png"),
        ("alles.zip", "application/zip"),
    ],
)
def test_every_allowed_type_is_an_attachment(client, filename, content_type):
    document = ToolkitDocumentFactory(filename=filename)
    response = client.get(document.url)
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == content_type


def test_each_download_is_counted_per_document_and_day(client, welcome_letter):
    other = ToolkitDocumentFactory()
    client.get(welcome_letter.url)
    client.get(welcome_letter.url)
    client.get(other.url)
    assert downloads(welcome_letter) == 2
    assert downloads(other) == 1
    row = DownloadCount.objects.get(document=welcome_letter)
    assert row.day == timezone.localdate()
    # Nothing about the visitor is kept: the row is the document, the day and a number.
    assert {field.name for field in DownloadCount._meta.get_fields()} == {"id", "document", "day", "count"}
    assert not client.cookies


def test_head_requests_resumed_downloads_and_revalidations_are_not_counted(client, welcome_letter):
    client.head(welcome_letter.url)
    client.get(welcome_letter.url, HTTP_RANGE="bytes=100-")
    client.get(welcome_letter.url, HTTP_IF_NONE_MATCH='"abc"')
    assert downloads(welcome_letter) == 0
    client.get(welcome_letter.url, HTTP_RANGE="bytes=0-")
    assert downloads(welcome_letter) == 1


def test_a_refused_download_is_not_counted(client, welcome_letter):
    from wagtail.models import CollectionViewRestriction

    private = Collection.get_first_root_node().add_child(name="Alleen voor redactie")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    welcome_letter.collection = private
    welcome_letter.save()
    response = client.get(welcome_letter.url)
    assert response.status_code == 302  # to the login page
    assert downloads(welcome_letter) == 0


def test_counter_days_are_separate(welcome_letter):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    record_download(welcome_letter, day=yesterday)
    record_download(welcome_letter)
    record_download(welcome_letter)
    assert list(DownloadCount.objects.order_by("day").values_list("count", flat=True)) == [1, 2]


def test_counter_survives_losing_the_race_to_insert_the_first_row(welcome_letter, monkeypatch):
    """Two first downloads at once: the second insert fails on the unique key and counts by UPDATE."""
    DownloadCount.objects.create(document=welcome_letter, day=timezone.localdate(), count=1)
    original_update = QuerySet.update
    calls = []

    def update_that_misses_once(queryset, **kwargs):
        calls.append(kwargs)
        if len(calls) == 1:
            return 0  # as if the other request had not inserted its row yet
        return original_update(queryset, **kwargs)

    monkeypatch.setattr(QuerySet, "update", update_that_misses_once)
    record_download(welcome_letter)
    assert len(calls) == 2
    assert DownloadCount.objects.get(document=welcome_letter).count == 2


def upload(admin_client, name, content, content_type):
    return admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Test",
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": Collection.get_first_root_node().pk,
            "language": "nl",
            "description": "",
        },
    )


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("brief.html", b"<script>alert(1)</script>", "text/html"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "image/svg+xml"),
        ("brief.HTM", b"<p>hoi</p>", "text/html"),
    ],
)
def test_html_and_svg_uploads_are_refused_with_a_clear_message(admin_client, name, content, content_type):
    response = upload(admin_client, name, content, content_type)
    assert response.status_code == 200  # the form again, with the error
    assert not ToolkitDocument.objects.exists()
    extension = name.rsplit(".", 1)[1].lower()
    message = response.context["form"].errors["file"][0]
    assert message.startswith(f"Bestanden van het type .{extension} kunnen niet op de website.")
    assert ".pdf" in message and ".docx" in message
    assert message in response.content.decode()


def test_html_is_refused_by_the_multiple_upload_too(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("brief.html", b"<p>hoi</p>", content_type="text/html")},
    )
    data = response.json()
    assert data["success"] is False
    assert "kunnen niet op de website" in data["error_message"]
    assert not ToolkitDocument.objects.exists()


def test_a_pdf_upload_is_accepted_with_language_and_description(admin_client):
    response = upload(admin_client, "brief.pdf", MINIMAL_PDF, "application/pdf")
    assert response.status_code == 302
    document = ToolkitDocument.objects.get()
    assert document.language == "nl"
    assert document.file_size == len(MINIMAL_PDF)
    assert document.file_hash


def test_files_over_the_size_limit_are_refused(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 100
    response = upload(admin_client, "groot.pdf", MINIMAL_PDF + b" " * 200, "application/pdf")
    assert response.status_code == 200
    assert not ToolkitDocument.objects.exists()
    assert response.context["form"].errors["file"]


def test_the_model_refuses_big_files_and_wrong_types_too(settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 100
    too_big = ToolkitDocument(title="Groot", file=SimpleUploadedFile("groot.pdf", b"x" * 101))
    with pytest.raises(ValidationError, match="te groot"):
        too_big.full_clean()
    svg = ToolkitDocument(title="Logo", file=SimpleUploadedFile("logo.svg", b"<svg/>"))
    with pytest.raises(ValidationError, match=r"\.svg kunnen niet"):
        svg.full_clean()


def test_report_lists_the_most_downloaded_documents_of_this_month(admin_client):
    today = timezone.localdate()
    popular = ToolkitDocumentFactory(title="Pakketje-lijst")
    quiet = ToolkitDocumentFactory(title="Sleutelkaart", language="en")
    old = ToolkitDocumentFactory(title="Oude enquête")
    DownloadCountFactory(document=popular, day=today, count=7)
    DownloadCountFactory(document=popular, day=today.replace(day=1), count=3)
    DownloadCountFactory(document=quiet, day=today, count=2)
    DownloadCountFactory(document=old, day=today.replace(day=1) - datetime.timedelta(days=40), count=50)

    response = admin_client.get(reverse("toolkit_downloads"))
    assert response.status_code == 200
    rows = [(d.title, d.downloads) for d in response.context["object_list"]]
    assert rows == [("Pakketje-lijst", 10), ("Sleutelkaart", 2)]

    everything = admin_client.get(reverse("toolkit_downloads"), {"period": "alles"})
    assert [d.title for d in everything.context["object_list"]][0] == "Oude enquête"
    english = admin_client.get(reverse("toolkit_downloads"), {"language": "en"})
    assert [d.title for d in english.context["object_list"]] == ["Sleutelkaart"]


def test_report_exports_the_counts_as_csv(admin_client):
    document = ToolkitDocumentFactory(title="Welkomstbrief", filename="welkom.pdf")
    DownloadCountFactory(document=document, day=timezone.localdate(), count=4)
    response = admin_client.get(reverse("toolkit_downloads"), {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    content = (
        b"".join(response.streaming_content).decode("utf-8")
        if response.streaming
        else response.content.decode()
    )
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0] == ["Titel", "Taal", "Bestand", "Downloads", "Vanaf", "Tot"]
    assert rows[1][:4] == ["Welkomstbrief", "nl", "welkom.pdf", "4"]
    assert rows[1][4] == timezone.localdate().replace(day=1).isoformat()


def test_report_needs_document_permissions(client, django_user_model):
    user = django_user_model.objects.create_user("lezer", password="x" * 12)
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("toolkit_downloads"))
    assert response.status_code in (302, 403)


def test_report_is_in_the_reports_menu(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert reverse("toolkit_downloads") in response.content.decode()


def test_a_pdf_through_the_multiple_upload_asks_for_its_language(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("brief.pdf", MINIMAL_PDF, content_type="application/pdf")},
    )
    data = response.json()
    # Kept as an upload until the editor has chosen the language in the form that comes back.
    assert data["success"] is True
    assert data["uploaded_file_id"]
    assert re.search(r'<select name="[\w-]*language"', data["form"])
    assert not ToolkitDocument.objects.exists()
