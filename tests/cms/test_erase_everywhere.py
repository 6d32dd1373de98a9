"""One person everywhere on the site, then `erase_person`: no trace in any table or any file.

Anna de Vries registers for a workshop, signs her street up as a gangmaker and sends in a story
with a photo (a real JPEG with her name and a GPS position in its EXIF), all through the public
forms; the worker sends the mails. After `erase_person` a real database dump (pg_dump on
PostgreSQL, iterdump on SQLite) and every file under MEDIA_ROOT and PRIVATE_MEDIA_ROOT are
searched for her address and her name. `purge_personal_data` is idempotent across all kinds.
"""

import io
import re
from datetime import timedelta

import pytest

from django.conf import settings
from django.core import mail as django_mail
from django.core.management import call_command
from django.utils import timezone

from cms.forms import started_token
from cms.mail import send_pending_mail
from cms.models import OutboundEmail
from pilots.factories import GangmakerFactory, PilotRoundFactory, StorySubmissionFactory, StreetSignupFactory
from pilots.models import (
    Gangmaker,
    PilotRound,
    RoundSubscriber,
    SignupPage,
    StorySubmission,
    StorySubmissionPage,
    StreetSignup,
)
from pilots.models.workshops import Registration
from pilots.workshops.factories import RegistrationFactory, WorkshopIndexPageFactory, WorkshopPageFactory
from tests.privacy_scan import dump_database_mentions, scan_media

EMAIL = "Anna.de.Vries@Example.org"
NAME = "Anna de Vries"
NEEDLES = (EMAIL, NAME)
COMMITTED = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def file_roots(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def site(home_page):
    index = WorkshopIndexPageFactory(parent=home_page)
    workshop = WorkshopPageFactory(parent=index, title="Buurtgesprekken voeren", slug="buurtgesprekken")
    signup_page = SignupPage(title="Meedoen", slug="meedoen", intro="Meld je straat aan.")
    home_page.add_child(instance=signup_page)
    signup_page.save_revision().publish()
    submission_page = StorySubmissionPage(title="Deel je verhaal", slug="deel-je-verhaal")
    home_page.add_child(instance=submission_page)
    submission_page.save_revision().publish()
    return {
        "workshop": workshop,
        "signup_page": signup_page,
        "submission_page": submission_page,
        "round": PilotRoundFactory(name="Ronde 2027", capacity=5),
    }


def photo_with_exif():
    """A real JPEG whose EXIF holds the photographer's name and a GPS position."""
    from PIL import Image

    picture = Image.new("RGB", (320, 200), "#b93a1f")
    exif = Image.Exif()
    exif[0x010F] = "Testcamera"  # Make
    exif[0x013B] = NAME  # Artist
    exif[0x010E] = f"Foto van {NAME}, {EMAIL}"  # ImageDescription
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (51.0, 54.0, 30.0)
    gps[3] = "E"
    gps[4] = (4.0, 28.0, 10.0)
    output = io.BytesIO()
    picture.save(output, "JPEG", exif=exif)
    data = output.getvalue()
    assert NAME.encode() in data
    return data


def take_part_everywhere(client, site):
    """Anna uses every public form once, as a visitor would."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    workshop = site["workshop"]
    response = client.post(
        workshop.url,
        {
            "name": NAME,
            "email": EMAIL,
            "phone": "06 12345678",
            "street": "Korenaarstraat",
            "people": "2",
            "dietary_needs": "vegetarisch",
            "accessibility_needs": f"{NAME} komt met een rollator",
            "website_url": "",
            "form_started": started_token(),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    signup_page = site["signup_page"]
    response = client.post(
        signup_page.url,
        {
            "street": "Bloemkoolstraat",
            "postcode": "3074tk",
            "district": "Feijenoord",
            "households": "48",
            "is_opzoomerstraat": "yes",
            "already_does": f"Een straatfeest, georganiseerd door {NAME}.",
            "hopes": "Meer contact.",
            "heard_from": "neighbour",
            "privacy_consent": "on",
            "website_url": "",
            "form_started": started_token(),
            "gangmaker-TOTAL_FORMS": "3",
            "gangmaker-INITIAL_FORMS": "0",
            "gangmaker-MIN_NUM_FORMS": "2",
            "gangmaker-MAX_NUM_FORMS": "3",
            "gangmaker-0-name": NAME,
            "gangmaker-0-email": EMAIL,
            "gangmaker-0-phone": "06 12345678",
            "gangmaker-1-name": "Yusuf Kaya",
            "gangmaker-1-email": "yusuf@example.org",
            "gangmaker-1-phone": "",
            "gangmaker-2-name": "",
            "gangmaker-2-email": "",
            "gangmaker-2-phone": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    # Anna also asks to hear about the next round.
    response = client.post(
        signup_page.url + signup_page.reverse_subpage("subscribe"),
        {"email": EMAIL, "website_url": "", "form_started": started_token()},
    )
    assert response.status_code == 200

    submission_page = site["submission_page"]
    response = client.post(
        submission_page.url,
        {
            "title": "Soep voor de buurman",
            "text": f"Elke dag bracht iemand uit de straat soep naar de buurman. Groet, {NAME}.",
            "street": "Pruimenhof",
            "display_name": NAME,
            "email": EMAIL,
            "publication_consent": "on",
            "photo_people_consent": "on",
            "photo": SimpleUploadedFile("anna-de-vries.jpg", photo_with_exif(), content_type="image/jpeg"),
            "website_url": "",
            "form_started": started_token(),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]


@COMMITTED
def test_after_erase_person_her_address_and_name_are_in_no_table_and_no_file(client, site):
    take_part_everywhere(client, site)
    # The worker sends what the forms queued (after each commit, and here once more).
    send_pending_mail()
    assert not OutboundEmail.objects.exclude(status=OutboundEmail.Status.SENT).exists()
    assert OutboundEmail.objects.count() >= 3
    assert any(EMAIL.lower() in [address.lower() for address in message.to] for message in django_mail.outbox)

    # She is everywhere before: in each kind, the outbox and the private photo.
    assert Registration.objects.filter(email=EMAIL.lower()).exists()
    assert Gangmaker.objects.filter(email__iexact=EMAIL).exists()
    assert RoundSubscriber.objects.filter(email__iexact=EMAIL).exists()
    submission = StorySubmission.objects.get(email=EMAIL.lower())
    assert submission.photo
    photo_path = settings.PRIVATE_MEDIA_ROOT / submission.photo.name
    assert photo_path.exists()
    assert scan_media(settings.PRIVATE_MEDIA_ROOT, *NEEDLES) == []  # the EXIF did not survive
    assert OutboundEmail.objects.filter(recipients__icontains=EMAIL.lower()).exists()
    mentions = "\n".join(dump_database_mentions(*NEEDLES))
    assert EMAIL.lower() in mentions.lower() and NAME.lower() in mentions.lower()

    out = io.StringIO()
    call_command("erase_person", EMAIL, interactive=False, stdout=out)
    counts = dict(re.findall(r"^(\w+): (\d+)$", out.getvalue(), re.M))
    assert int(counts["workshop_registrations"]) == 1
    assert int(counts["street_signups"]) == 2  # the gangmaker and the list address
    assert int(counts["story_submissions"]) == 1
    assert int(counts["outbox"]) >= 3

    left = dump_database_mentions(*NEEDLES)
    assert left == [], "\n".join(line[:400] for line in left)
    assert scan_media(settings.MEDIA_ROOT, *NEEDLES) == []
    assert scan_media(settings.PRIVATE_MEDIA_ROOT, *NEEDLES) == []
    assert not photo_path.exists()
    # What is not hers stays: the street (with its other gangmaker) and the workshop's seats.
    signup = StreetSignup.objects.get(street="Bloemkoolstraat")
    assert [gangmaker.name for gangmaker in signup.gangmakers.all()] == ["Yusuf Kaya"]
    assert site["workshop"].seats_left == site["workshop"].capacity


# --- purge_personal_data: the same rows once --------------------------------------------------


def purge_counts():
    out = io.StringIO()
    call_command("purge_personal_data", stdout=out)
    counts = {name: int(count) for name, count in re.findall(r"^(\w+): (\d+)$", out.getvalue(), re.M)}
    total = int(re.search(r"Removed (\d+) records", out.getvalue()).group(1))
    assert total == sum(counts.values())
    return counts


@pytest.mark.django_db
def test_purge_personal_data_twice_removes_the_same_rows_once(home_page, caplog):
    now = timezone.now()
    days = settings.PERSONAL_DATA_RETENTION_DAYS
    index = WorkshopIndexPageFactory(parent=home_page)

    # Workshop registrations: one workshop ended past the retention period, one recently.
    old_workshop = WorkshopPageFactory(
        parent=index,
        starts_at=now - timedelta(days=days["workshop_registrations"] + 10),
        ends_at=now - timedelta(days=days["workshop_registrations"] + 10) + timedelta(hours=2),
    )
    recent_workshop = WorkshopPageFactory(
        parent=index, starts_at=now - timedelta(days=5), ends_at=now - timedelta(days=5) + timedelta(hours=2)
    )
    RegistrationFactory.create_batch(2, workshop=old_workshop)
    kept_registration = RegistrationFactory(workshop=recent_workshop)

    # Street sign-ups: a round closed long ago (one street), a declined one, a fresh one.
    old_round = PilotRoundFactory(
        signup_opens=now - timedelta(days=days["street_signups"] + 60),
        signup_closes=now - timedelta(days=days["street_signups"] + 30),
        status=PilotRound.Status.CLOSED,
    )
    GangmakerFactory(signup=StreetSignupFactory(round=old_round))
    declined = StreetSignupFactory(
        state=StreetSignup.State.DECLINED,
        state_changed_at=now - timedelta(days=days["declined_submissions"] + 1),
    )
    GangmakerFactory(signup=declined)
    kept_signup = StreetSignupFactory()
    GangmakerFactory(signup=kept_signup)
    RoundSubscriber.objects.create(email="oud@example.org")
    RoundSubscriber.objects.filter(email="oud@example.org").update(
        created_at=now - timedelta(days=days["declined_submissions"] + 1)
    )

    # Story submissions: rejected long ago, approved long ago, still new.
    StorySubmissionFactory(
        state=StorySubmission.State.REJECTED,
        decided_at=now - timedelta(days=days["declined_submissions"] + 1),
    )
    StorySubmissionFactory(
        state=StorySubmission.State.APPROVED, decided_at=now - timedelta(days=days["street_signups"] + 1)
    )
    kept_submission = StorySubmissionFactory()

    # The outbox: a mail sent long ago, and a recent one.
    from cms.mail import queue_mail

    old_mail = queue_mail("oud@example.org", "Je aanmelding", "Tekst")
    OutboundEmail.objects.filter(pk=old_mail.pk).update(
        status=OutboundEmail.Status.SENT, created_at=now - timedelta(days=days["outbox"] + 1)
    )
    queue_mail("nieuw@example.org", "Je aanmelding", "Tekst")

    with caplog.at_level("INFO"):
        first = purge_counts()
    assert first["workshop_registrations"] == 2
    # Two streets with their gangmaker each (the delete counts the cascade) and one list address.
    assert first["street_signups"] == 5
    assert first["story_submissions"] == 2
    assert first["outbox"] == 1
    assert "oud@example.org" not in caplog.text  # counts, never contents

    second = purge_counts()
    assert set(second) == set(first)
    assert second == dict.fromkeys(first, 0)

    assert list(Registration.objects.values_list("pk", flat=True)) == [kept_registration.pk]
    assert list(StreetSignup.objects.values_list("pk", flat=True)) == [kept_signup.pk]
    assert list(StorySubmission.objects.values_list("pk", flat=True)) == [kept_submission.pk]
    assert OutboundEmail.objects.count() == 1
