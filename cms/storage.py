"""Private file storage: files that must never have a public URL.

Unmoderated submission photos and the toolkit's documents live here, outside MEDIA_ROOT (which
nginx, or Django with DEBUG, serves to anyone under /media/). They reach a visitor only through a
Django view that checks first: the moderation view for photos, Wagtail's document view for
documents (view restrictions, the download counter, attachment and CSP headers).
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages


class NoPublicURL(NotImplementedError, ValueError):
    """A private file has no URL. A NotImplementedError, which is how Django's storages say "no
    URL" (Wagtail's document view then serves the file itself), and a ValueError for older code."""


class PrivateFileStorage(FileSystemStorage):
    """Files under settings.PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT, without a URL.

    The location is read from the settings on every use (tests point it at a temporary folder);
    `url()` raises, so no template can link to a private file by accident.
    """

    def __init__(self, **kwargs):
        kwargs.pop("base_url", None)
        super().__init__(**kwargs)

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        import os

        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise NoPublicURL("Private files have no public URL.")

    def deconstruct(self):
        return ("cms.storage.PrivateFileStorage", (), {})


private_storage = PrivateFileStorage()


def private_documents_storage():
    """Where documents are kept: the private folder; with a bucket (docs/deployment.md) the bucket
    itself, which is private and which Wagtail's document view reads through the storage API."""
    if isinstance(storages["default"], FileSystemStorage):
        return private_storage
    return storages["default"]
