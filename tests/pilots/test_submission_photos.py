"""Story photos: cheap checks before any decoding, a pixel budget read from the header, no metadata kept."""

import io
import struct
import zlib

import pytest
from PIL import Image, ImageCms

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from cms.forms import started_token
from pilots import submission_images
from pilots.models import StorySubmission

from .signup_support import submission_data

pytestmark = pytest.mark.django_db
URL = "/nl/deel-je-verhaal/"


def upload(content, name="foto.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def jpeg(size=(64, 48), **save):
    output = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(output, "JPEG", **save)
    return output.getvalue()


def png_header_only(width, height):
    """A PNG that declares width x height pixels in its header, with almost no data."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """The rate-limit counters live in the cache: start and leave these tests with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def opens(monkeypatch):
    """Counts every Image.open done by the photo re-encoder."""
    calls = []
    real_open = submission_images.Image.open

    def counting_open(*args, **kwargs):
        calls.append(args)
        return real_open(*args, **kwargs)

    monkeypatch.setattr(submission_images.Image, "open", counting_open)
    return calls


def photo_post(**fields):
    data = submission_data(photo_people_consent="on", **fields)
    data["photo"] = upload(jpeg())
    return data


def test_a_honeypot_post_is_not_decoded(client, submission_page, opens):
    assert client.post(URL, photo_post(website_url="http://spam.example")).status_code == 200
    assert opens == []
    assert not StorySubmission.objects.exists()


def test_a_post_faster_than_the_time_trap_is_not_decoded(client, submission_page, opens, settings):
    settings.FORM_MIN_SECONDS = 30
    assert client.post(URL, photo_post(form_started=started_token())).status_code == 200
    assert opens == []


def test_a_rate_limited_post_is_not_decoded(client, submission_page, opens, settings):
    settings.FORM_RATE_LIMIT = 1
    assert client.post(URL, photo_post(email="a@example.org")).status_code == 302
    assert len(opens) == 1
    assert client.post(URL, photo_post(email="b@example.org")).status_code == 429
    assert len(opens) == 1
    assert StorySubmission.objects.count() == 1


def test_a_valid_post_is_decoded_once(client, submission_page, opens):
    assert client.post(URL, photo_post()).status_code == 302
    assert len(opens) == 1
    assert StorySubmission.objects.get().photo


def test_pixels_are_counted_from_the_header_before_anything_is_decoded(monkeypatch, settings):
    def refuse(self, *args, **kwargs):
        raise AssertionError("decoded")

    monkeypatch.setattr(Image.Image, "load", refuse)
    settings.SUBMISSION_PHOTO_MAX_PIXELS = 16_000_000
    with pytest.raises(Exception) as refused:
        submission_images.reencode_photo(upload(png_header_only(7000, 5700), "a.png", "image/png"))
    assert getattr(refused.value, "code", None) == "too_many_pixels"


def test_a_large_jpeg_is_decoded_downscaled(settings):
    settings.SUBMISSION_PHOTO_MAX_PIXELS = 1000 * 1000
    settings.SUBMISSION_PHOTO_MAX_SOURCE_PIXELS = 5000 * 5000
    result = submission_images.reencode_photo(upload(jpeg((3000, 2000), quality=30)))
    with Image.open(result) as picture:
        assert max(picture.size) <= submission_images.MAX_SIDE
    with pytest.raises(Exception) as refused:
        settings.SUBMISSION_PHOTO_MAX_SOURCE_PIXELS = 2000 * 2000
        submission_images.reencode_photo(upload(jpeg((3000, 2000), quality=30)))
    assert getattr(refused.value, "code", None) == "too_many_pixels"


def segments(data):
    """The JPEG marker bytes of every segment before the image data."""
    found, position = [], 2
    while position < len(data) and data[position] == 0xFF:
        marker = data[position + 1]
        found.append(marker)
        if marker == 0xDA:
            break
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        position += 2 + length
    return found


def test_every_metadata_segment_is_dropped():
    exif = Image.Exif()
    exif[0x010F] = "Camera Maker"
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">secret</x:xmpmeta>'
    source = jpeg(comment=b"Jan woont op nummer 12", exif=exif.tobytes(), icc_profile=srgb, xmp=xmp)
    with Image.open(io.BytesIO(source)) as original:
        assert original.info.get("comment") and original.info.get("icc_profile")
    clean = submission_images.reencode_photo(upload(source)).read()
    markers = segments(clean)
    assert 0xFE not in markers  # COM
    assert 0xE1 not in markers  # APP1: EXIF and XMP
    assert 0xE2 not in markers  # APP2: ICC
    assert 0xED not in markers  # APP13: IPTC / Photoshop
    assert b"Jan woont" not in clean and b"Camera Maker" not in clean and b"secret" not in clean


def test_png_text_chunks_do_not_survive():
    from PIL import PngImagePlugin

    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "Jan woont op nummer 12")
    output = io.BytesIO()
    Image.new("RGBA", (40, 30), (0, 0, 255, 128)).save(output, "PNG", pnginfo=text)
    clean = submission_images.reencode_photo(upload(output.getvalue(), "a.png", "image/png")).read()
    assert clean.startswith(b"\xff\xd8") and b"Jan woont" not in clean


def test_colours_of_a_non_srgb_photo_are_converted_before_the_profile_is_dropped():
    adobe_like = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes()
    source = jpeg(icc_profile=adobe_like)
    with Image.open(io.BytesIO(submission_images.reencode_photo(upload(source)).read())) as clean:
        assert "icc_profile" not in clean.info
        assert clean.mode == "RGB"
