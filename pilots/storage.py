"""Private file storage: files that must never have a public URL (unapproved submission photos)."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateFileStorage(FileSystemStorage):
    """Files under settings.PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT, without a URL.

    The location is read from the settings on every use (tests point it at a temporary folder);
    `url()` raises, so no template can link to a private file by accident. Moderators see the
    files through an admin view that checks their permission.
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
        raise ValueError("Private files have no public URL.")

    def deconstruct(self):
        return ("pilots.storage.PrivateFileStorage", (), {})


private_storage = PrivateFileStorage()
