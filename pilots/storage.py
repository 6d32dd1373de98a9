"""Private file storage for unmoderated submission photos: see cms/storage.py (shared with the
toolkit's documents). Kept under this name for the migrations that refer to it."""

from cms.storage import NoPublicURL
from cms.storage import PrivateFileStorage as _PrivateFileStorage

__all__ = ["NoPublicURL", "PrivateFileStorage", "private_storage"]


class PrivateFileStorage(_PrivateFileStorage):
    def deconstruct(self):
        return ("pilots.storage.PrivateFileStorage", (), {})


private_storage = PrivateFileStorage()
