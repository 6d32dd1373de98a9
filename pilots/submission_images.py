"""Photos sent in with a story: only real JPEG, PNG or WebP images, re-encoded from their pixels.

Re-encoding drops everything that is not the picture (EXIF with GPS position and camera serial,
comments, embedded thumbnails, anything appended to the file) and turns the picture upright
(`ImageOps.exif_transpose`). A file whose first bytes are not an image signature (HTML or SVG
renamed to .jpg) is refused before Pillow sees it; pixel and byte limits stop decompression bombs.
"""

import io
import uuid

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

MAX_SIDE = 2400
SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
TOO_MANY_PIXELS = _("De foto heeft te veel pixels. Maak hem kleiner en probeer het opnieuw.")
NOT_A_PHOTO = _("Dit bestand is geen foto. Kies een foto (JPG, PNG of WebP).")


def _looks_like_image(head):
    return head.startswith(SIGNATURES) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")


def _draft_size(width, height):
    """The size to ask JPEG draft mode for: the largest 1/1, 1/2, 1/4 or 1/8 scale that is not
    smaller than the stored photo needs (MAX_SIDE) and that fits in SUBMISSION_PHOTO_MAX_PIXELS."""
    scale = 1
    while scale < 8 and max(width, height) // (scale * 2) >= MAX_SIDE:
        scale *= 2
    while scale < 8 and (width // scale) * (height // scale) > settings.SUBMISSION_PHOTO_MAX_PIXELS:
        scale *= 2
    return max(1, width // scale), max(1, height // scale)


def _to_srgb(picture):
    """The picture with its pixels in sRGB, so that dropping the ICC profile keeps the colours."""
    profile = picture.info.get("icc_profile")
    if not profile or picture.mode not in ("RGB", "RGBA", "CMYK"):
        return picture
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        output_mode = "RGBA" if picture.mode == "RGBA" else "RGB"
        srgb = ImageCms.createProfile("sRGB")
        return ImageCms.profileToProfile(picture, source, srgb, outputMode=output_mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return picture


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
            # Image.open() read only the header: the size is known, nothing is decoded yet.
            width, height = picture.size
            budget = settings.SUBMISSION_PHOTO_MAX_PIXELS
            if picture.format == "JPEG":
                budget = settings.SUBMISSION_PHOTO_MAX_SOURCE_PIXELS
            if width * height > budget:
                raise ValidationError(TOO_MANY_PIXELS, code="too_many_pixels")
            if picture.format == "JPEG":
                # A large JPEG is decoded at 1/2, 1/4 or 1/8 scale straight from its DCT data.
                picture.draft("RGB", _draft_size(width, height))
                if picture.size[0] * picture.size[1] > settings.SUBMISSION_PHOTO_MAX_PIXELS:
                    raise ValidationError(TOO_MANY_PIXELS, code="too_many_pixels")
            picture.load()
            upright = _to_srgb(ImageOps.exif_transpose(picture))
            if upright.mode in ("RGBA", "LA", "P"):
                rgba = upright.convert("RGBA")
                upright = Image.new("RGB", rgba.size, "white")
                upright.paste(rgba, mask=rgba.getchannel("A"))
            else:
                upright = upright.convert("RGB")
            upright.thumbnail((MAX_SIDE, MAX_SIDE))
            # Pillow copies a JPEG comment (and other `info` entries) into the saved file by itself:
            # empty `info` so the new file holds the pixels and nothing else (no EXIF, XMP, ICC,
            # IPTC or COM segment; the pixels are already sRGB).
            upright.info = {}
            output = io.BytesIO()
            upright.save(output, "JPEG", quality=85, optimize=True, comment=b"", exif=b"", icc_profile=None)
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError, SyntaxError):
        raise ValidationError(NOT_A_PHOTO, code="not_an_image") from None
    return ContentFile(output.getvalue(), name=f"{uuid.uuid4().hex}.jpg")
