"""Photos sent in with a story: only real JPEG, PNG or WebP images, re-encoded from their pixels.

Re-encoding drops everything that is not the picture (EXIF with GPS position and camera serial,
comments, embedded thumbnails, anything appended to the file) and turns the picture upright
(`ImageOps.exif_transpose`). A file whose first bytes are not an image signature (HTML or SVG
renamed to .jpg) is refused before Pillow sees it; pixel and byte limits stop decompression bombs.
"""

import io
import uuid

from PIL import Image, ImageOps, UnidentifiedImageError

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

MAX_SIDE = 2400
SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
NOT_A_PHOTO = _("Dit bestand is geen foto. Kies een foto (JPG, PNG of WebP).")


def _looks_like_image(head):
    return head.startswith(SIGNATURES) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")


def reencode_photo(upload):
    """A ContentFile with a clean JPEG of `upload`, or ValidationError with a plain message."""
    if upload.size > settings.SUBMISSION_PHOTO_MAX_BYTES:
        raise ValidationError(
            _("De foto is te groot. Kies een foto kleiner dan %(mb)s MB.")
            % {"mb": settings.SUBMISSION_PHOTO_MAX_BYTES // (1024 * 1024)},
            code="too_big",
        )
    upload.seek(0)
    data = upload.read()
    if not _looks_like_image(data[:16]):
        raise ValidationError(NOT_A_PHOTO, code="not_an_image")
    try:
        with Image.open(io.BytesIO(data)) as picture:
            if picture.format not in ALLOWED_FORMATS:
                raise ValidationError(NOT_A_PHOTO, code="not_an_image")
            width, height = picture.size
            if width * height > settings.SUBMISSION_PHOTO_MAX_PIXELS:
                raise ValidationError(
                    _("De foto heeft te veel pixels. Maak hem kleiner en probeer het opnieuw."),
                    code="too_many_pixels",
                )
            picture.load()
            upright = ImageOps.exif_transpose(picture)
            if upright.mode in ("RGBA", "LA", "P"):
                rgba = upright.convert("RGBA")
                upright = Image.new("RGB", rgba.size, "white")
                upright.paste(rgba, mask=rgba.getchannel("A"))
            else:
                upright = upright.convert("RGB")
            upright.thumbnail((MAX_SIDE, MAX_SIDE))
            output = io.BytesIO()
            # No exif=, icc_profile= or comment: the new file holds the pixels and nothing else.
            upright.save(output, "JPEG", quality=85, optimize=True)
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError, SyntaxError):
        raise ValidationError(NOT_A_PHOTO, code="not_an_image") from None
    return ContentFile(output.getvalue(), name=f"{uuid.uuid4().hex}.jpg")
