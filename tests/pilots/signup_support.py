"""Fixtures and helpers for the sign-up and submission tests (imported by those test modules)."""

import io

import pytest

from django.utils import timezone

from cms.forms import started_token
from pilots.factories import PilotRoundFactory
from pilots.models import SignupPage, StorySubmissionPage


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    """Private files (submission photos) in a fresh folder per test, outside MEDIA_ROOT."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def open_round(db):
    return PilotRoundFactory(name="Lief & Leed ronde 2027", capacity=3)


@pytest.fixture
def signup_page(home_page):
    page = SignupPage(title="Meedoen", slug="meedoen", intro="Meld je straat aan.")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def submission_page(home_page):
    page = StorySubmissionPage(title="Deel je verhaal", slug="deel-je-verhaal")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def signup_data(**changes):
    """A valid POST of the sign-up form with two gangmakers."""
    data = {
        "street": "Bloemkoolstraat",
        "postcode": "3074tk",
        "district": "Feijenoord",
        "households": "48",
        "is_opzoomerstraat": "yes",
        "already_does": "Een straatfeest.",
        "hopes": "Meer contact.",
        "heard_from": "neighbour",
        "privacy_consent": "on",
        "website_url": "",
        "form_started": started_token(),
        "gangmaker-TOTAL_FORMS": "3",
        "gangmaker-INITIAL_FORMS": "0",
        "gangmaker-MIN_NUM_FORMS": "2",
        "gangmaker-MAX_NUM_FORMS": "3",
        "gangmaker-0-name": "Ans de Wit",
        "gangmaker-0-email": "ans@example.org",
        "gangmaker-0-phone": "06 12345678",
        "gangmaker-1-name": "Yusuf Kaya",
        "gangmaker-1-email": "yusuf@example.org",
        "gangmaker-1-phone": "",
        "gangmaker-2-name": "",
        "gangmaker-2-email": "",
        "gangmaker-2-phone": "",
    }
    data.update(changes)
    return data


def submission_data(**changes):
    data = {
        "title": "Soep voor de buurman",
        "text": "Elke dag bracht iemand uit de straat een pannetje soep naar de buurman na zijn operatie.",
        "street": "Pruimenhof",
        "display_name": "Mirjam",
        "email": "mirjam@example.org",
        "publication_consent": "on",
        "website_url": "",
        "form_started": started_token(),
    }
    data.update(changes)
    return data


def jpeg_with_gps(size=(200, 100), orientation=None):
    """JPEG bytes with EXIF GPS coordinates (and an orientation, if given)."""
    from PIL import Image

    picture = Image.new("RGB", size, "#b93a1f")
    exif = Image.Exif()
    exif[0x010F] = "Testcamera"  # Make
    if orientation:
        exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (51.0, 54.0, 30.0)
    gps[3] = "E"
    gps[4] = (4.0, 28.0, 10.0)
    output = io.BytesIO()
    picture.save(output, "JPEG", exif=exif)
    return output.getvalue()


def now():
    return timezone.now()
