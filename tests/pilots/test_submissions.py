"""Story submissions: the form, the photo (re-encoded, private), moderation and conversion."""

import io
from pathlib import Path

import pytest
from PIL import Image

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import ModelLogEntry, PageLogEntry

from cms.forms import started_token
from cms.models import OutboundEmail
from pilots.factories import StorySubmissionFactory
from pilots.models import StoryPage, StorySubmission
from pilots.submission_moderation import TRANSITIONS, TransitionNotAllowed, apply_transition, convert_to_story

from .signup_support import jpeg_with_gps, submission_data

pytestmark = pytest.mark.django_db
URL = "/nl/deel-je-verhaal/"
HOSTILE = (
    'Hallo <script>alert(1)</script> <img src=x onerror="alert(2)"> <a href="javascript:alert(3)">klik</a>'
)


def upload(content, name="foto.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_the_form_renders_with_the_health_warning(client, submission_page):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "gezondheid" in html
    assert 'enctype="multipart/form-data"' in html


def test_a_story_without_a_photo_is_stored_and_logged(client, submission_page):
    response = client.post(URL, submission_data())
    assert response.status_code == 302
    submission = StorySubmission.objects.get()
    assert submission.state == StorySubmission.State.NEW
    assert not submission.photo
    assert ModelLogEntry.objects.for_instance(submission).filter(action="pilots.submission_received").exists()
    assert client.get(response["Location"]).status_code == 200


def test_the_photo_is_re_encoded_upright_without_gps_and_kept_private(
    client, submission_page, private_root, settings
):
    data = submission_data(photo_people_consent="on")
    data["photo"] = upload(jpeg_with_gps(size=(200, 100), orientation=6))
    assert client.post(URL, data).status_code == 302
    submission = StorySubmission.objects.get()
    stored = Path(submission.photo.path)
    assert stored.is_relative_to(Path(private_root).resolve())
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    with Image.open(stored) as picture:
        assert picture.format == "JPEG"
        assert picture.size == (100, 200)  # turned upright
        exif = picture.getexif()
        assert not exif.get_ifd(0x8825)  # no GPS
        assert len(exif) == 0
    assert b"Testcamera" not in stored.read_bytes()
    with pytest.raises(ValueError):
        submission.photo.url  # noqa: B018 (no public URL, ever)


@pytest.mark.parametrize(
    "content",
    [
        b"<html><body><script>alert(1)</script></body></html>",
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
        b"\xff\xd8\xff\xe0 not really a jpeg at all",
        b"GIF89a\x01\x00\x01\x00",
    ],
)
def test_a_file_that_is_not_a_real_photo_is_refused(client, submission_page, content):
    data = submission_data(photo_people_consent="on")
    data["photo"] = upload(content)
    response = client.post(URL, data)
    assert response.status_code == 200
    assert "geen foto" in response.content.decode()
    assert not StorySubmission.objects.exists()


def test_too_many_pixels_are_refused(client, submission_page, settings):
    settings.SUBMISSION_PHOTO_MAX_PIXELS = 100 * 100
    settings.SUBMISSION_PHOTO_MAX_SOURCE_PIXELS = 100 * 100
    data = submission_data(photo_people_consent="on")
    data["photo"] = upload(jpeg_with_gps(size=(200, 100)))
    response = client.post(URL, data)
    assert "te veel pixels" in response.content.decode()
    assert not StorySubmission.objects.exists()


def test_a_photo_needs_the_consent_of_the_people_on_it(client, submission_page):
    data = submission_data()
    data["photo"] = upload(jpeg_with_gps())
    response = client.post(URL, data)
    assert response.status_code == 200
    assert not StorySubmission.objects.exists()
    assert 'value="Soep voor de buurman"' in response.content.decode()


def test_bots_are_not_stored_and_the_sixth_post_a_minute_gets_429(client, submission_page, settings):
    assert client.post(URL, submission_data(website_url="x")).status_code == 200
    settings.FORM_MIN_SECONDS = 2
    assert client.post(URL, submission_data(form_started=started_token())).status_code == 200
    assert not StorySubmission.objects.exists()
    settings.FORM_MIN_SECONDS = 0
    settings.FORM_RATE_LIMIT = 5
    statuses = [client.post(URL, submission_data(email=f"a{n}@example.org")).status_code for n in range(30)]
    assert statuses[:5] == [302] * 5 and statuses[5:] == [429] * 25


def test_control_characters_are_refused(client, submission_page):
    response = client.post(URL, submission_data(title="Soep\x00"))
    assert response.status_code == 200
    assert not StorySubmission.objects.exists()


def test_a_submission_is_not_reachable_before_approval(client, submission_page, story_index, editors):
    client.post(
        URL, submission_data(title="Geheim verhaal zonder goedkeuring", text=HOSTILE + " " + "x" * 40)
    )
    submission = StorySubmission.objects.get()
    assert "Geheim verhaal" not in client.get("/nl/zoeken/?q=Geheim").content.decode()
    assert "Geheim" not in client.get("/sitemap.xml").content.decode()
    assert "Geheim" not in client.get("/nl/verhalen/").content.decode()
    assert not StoryPage.objects.exists()
    photo_url = f"/admin/inzendingen/verhalen/foto/{submission.pk}/"
    assert client.get(photo_url).status_code == 302  # to the login
    client.force_login(editors["redacteur"])
    assert client.get(photo_url).status_code in (302, 403, 404)


def test_moderators_see_the_private_photo_and_inert_text_in_the_admin(client, submission_page, editors):
    data = submission_data(photo_people_consent="on", text=HOSTILE)
    data["photo"] = upload(jpeg_with_gps())
    client.post(URL, data)
    submission = StorySubmission.objects.get()
    client.force_login(editors["moderator"])
    response = client.get(f"/admin/inzendingen/verhalen/foto/{submission.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    for url in [
        f"/admin/inzendingen/verhalen/beoordelen/{submission.pk}/",
        f"/admin/inzendingen/verhalen/inspect/{submission.pk}/",
        "/admin/inzendingen/verhalen/",
    ]:
        html = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert 'onerror="alert(2)"' not in html
        assert 'href="javascript:alert(3)"' not in html


def test_rejecting_mails_a_kind_reason_and_deletes_the_photo(editors, django_capture_on_commit_callbacks):
    submission = StorySubmissionFactory()
    submission.photo.save("a.jpg", upload(jpeg_with_gps()), save=True)
    path = Path(submission.photo.path)
    with django_capture_on_commit_callbacks(execute=True):
        apply_transition(
            submission, "reject", editors["moderator"], note="Er staat te veel over een zieke buur in."
        )
    submission.refresh_from_db()
    assert submission.state == StorySubmission.State.REJECTED
    assert not submission.photo and not path.exists()
    mail = OutboundEmail.objects.get()
    assert mail.recipients == [submission.email]
    assert "zieke buur" in mail.body_text


@pytest.mark.parametrize("name", list(TRANSITIONS))
@pytest.mark.parametrize("username", ["redacteur", "eindredacteur", "vertaler"])
def test_only_moderators_may_decide(editors, story_index, name, username):
    submission = StorySubmissionFactory()
    with pytest.raises(PermissionDenied):
        apply_transition(submission, name, editors[username])


@pytest.mark.parametrize("name", list(TRANSITIONS))
def test_a_decided_submission_cannot_be_decided_again(editors, story_index, name):
    submission = StorySubmissionFactory(state=StorySubmission.State.REJECTED)
    with pytest.raises(TransitionNotAllowed):
        apply_transition(submission, name, editors["moderator"])


def test_approve_then_convert(editors, story_index):
    submission = StorySubmissionFactory()
    apply_transition(submission, "approve", editors["moderator"])
    submission.refresh_from_db()
    assert submission.state == StorySubmission.State.APPROVED
    assert OutboundEmail.objects.count() == 1
    page = convert_to_story(submission, editors["moderator"])
    assert page.pk


def test_converting_makes_a_draft_story_in_the_workflow_with_photo_and_consent(
    editors, story_index, django_capture_on_commit_callbacks
):
    submission = StorySubmissionFactory(text=HOSTILE + "\n\nTweede alinea.", photo_people_consent=True)
    submission.photo.save("a.jpg", upload(jpeg_with_gps()), save=True)
    private_path = Path(submission.photo.path)
    with django_capture_on_commit_callbacks(execute=True):
        page = convert_to_story(submission, editors["moderator"])
    page = StoryPage.objects.get(pk=page.pk)
    assert not page.live and page.get_parent().pk == story_index.pk
    state = page.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert state.current_task_state.task.name == "Redactie"
    body = str(page.body[0].value)
    assert "<script>" not in body and "&lt;script&gt;" in body
    assert page.image is not None
    with page.image.file.open("rb") as handle, Image.open(handle) as picture:
        assert not picture.getexif().get_ifd(0x8825)
    assert [person.name for person in page.people.all()] == ["Mirjam"]
    consent = PageLogEntry.objects.get(page=page, action="pilots.story_from_submission")
    assert consent.data["submission"] == submission.pk
    assert consent.data["photo_people_consent"] is True
    assert consent.data["publication_consent_at"]
    submission.refresh_from_db()
    assert submission.state == StorySubmission.State.CONVERTED
    assert submission.story_page_id == page.pk
    assert not private_path.exists()


def test_submission_privacy_export_erase_and_purge(editors, story_index):
    from cms import privacy

    submission = StorySubmissionFactory(email="mirjam@example.org")
    submission.photo.save("a.jpg", upload(jpeg_with_gps()), save=True)
    path = Path(submission.photo.path)
    kinds = {kind.name: kind for kind in privacy.registered()}
    export = kinds["story_submissions"].run_export("Mirjam@Example.org")
    assert export.records[0]["title"] == submission.title
    assert export.files and export.files[0][1][:3] == b"\xff\xd8\xff"
    assert kinds["story_submissions"].run_erase("mirjam@example.org") == 1
    assert not StorySubmission.objects.exists() and not path.exists()


def test_old_rejected_submissions_are_purged(editors):
    import datetime

    from django.utils import timezone

    from pilots.signup_privacy import purge_submissions

    old = StorySubmissionFactory(state="rejected", decided_at=timezone.now() - datetime.timedelta(days=31))
    recent = StorySubmissionFactory(state="rejected", decided_at=timezone.now() - datetime.timedelta(days=2))
    waiting = StorySubmissionFactory()
    assert purge_submissions() == 1
    assert set(StorySubmission.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}
    assert old.pk


def test_photo_bytes_are_real_jpeg():
    data = jpeg_with_gps()
    assert Image.open(io.BytesIO(data)).format == "JPEG"
