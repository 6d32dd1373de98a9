"""The image sizes the templates show, in one place, and their renditions made in the worker.

Templates show an image with `{% responsive_picture image "card" alt="" %}` (home/templatetags/
site_tags.py): a `<picture>` with AVIF and WebP sources and a JPEG fallback, each with a srcset
of the widths below and the `sizes` attribute that goes with the layout. The worker makes the same
renditions ahead of time, when an image is uploaded or changed and when a page that shows it is
published, so that no visitor waits for an image to be resized or encoded.
"""

import logging
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.images import get_image_model
from wagtail.images.models import Filter

logger = logging.getLogger(__name__)

FORMATS = "format-{avif,webp,jpeg}"


@dataclass(frozen=True)
class PictureSpec:
    """The resize operations of one kind of picture and the `sizes` its layout gives it."""

    resize: str
    sizes: str

    @property
    def filter_specs(self):
        return Filter.expand_spec(f"{FORMATS}|{self.resize}".split("|"))


# The layout widths come from static/css/site.css (content column 46rem, cards 22rem, hero 28rem).
PICTURES = {
    "hero": PictureSpec("fill-{480x360,960x720}", "(min-width: 60em) 28rem, 100vw"),
    "card": PictureSpec("fill-{480x300,960x600}", "(min-width: 48rem) 22rem, 100vw"),
    "lead": PictureSpec("fill-{720x450,1440x900}", "(min-width: 48rem) 46rem, 100vw"),
    "block": PictureSpec("width-{480,960,1440}", "(min-width: 48rem) 46rem, 100vw"),
}


def filter_specs(name):
    return PICTURES[name].filter_specs


def all_filter_specs():
    """Every rendition any template asks for, each once."""
    return list(dict.fromkeys(spec for picture in PICTURES.values() for spec in picture.filter_specs))


def generate_renditions(image_id):
    """Make every rendition of PICTURES for one image (a worker task; idempotent).

    Renditions that exist are found in one query and not made again; a missing source file is
    logged, not retried.
    """
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return 0
    try:
        renditions = image.get_renditions(*all_filter_specs())
    except Exception:  # a broken or deleted source file: the page falls back to a placeholder
        logger.warning("Could not make the renditions of image %s", image_id, exc_info=True)
        return 0
    return len(renditions)


def queue_renditions(image_ids):
    """Ask the worker for the renditions of these images, after the current transaction commits."""
    from django_q.tasks import async_task

    for image_id in sorted(set(image_ids)):
        transaction.on_commit(
            lambda image_id=image_id: async_task(
                "cms.renditions.generate_renditions",
                image_id,
                task_name=f"renditions-{image_id}",
                group="renditions",
            ),
            robust=True,
        )


def images_on(obj):
    """The ids of the images a page (or snippet) shows: its image fields and StreamField blocks."""
    from wagtail.models import ReferenceIndex

    image_type = ContentType.objects.get_for_model(get_image_model())
    ids = set()
    # The reference index's own scanner: image fields, and images inside StreamField blocks.
    for reference in ReferenceIndex._extract_references_from_object(obj):
        content_type_id, object_id = reference[0], reference[1]
        if content_type_id == image_type.pk:
            ids.add(int(object_id))
    return ids


def _image_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    # Wagtail saves the image again with its focal point and file hash; only a new or replaced
    # file needs renditions.
    if raw or (update_fields and "file" not in update_fields):
        return
    queue_renditions([instance.pk])


def _page_published(sender, instance, **kwargs):
    ids = images_on(instance.specific)
    if ids:
        queue_renditions(ids)


def connect_signals():
    """Called from CmsConfig.ready()."""
    from django.db.models.signals import post_save

    from wagtail.signals import page_published

    post_save.connect(_image_saved, sender=get_image_model(), dispatch_uid="renditions-image-saved")
    page_published.connect(_page_published, dispatch_uid="renditions-page-published")
