"""The site's document model: a Wagtail document with a language and a short description.

Set as WAGTAILDOCS_DOCUMENT_MODEL, so every document chooser (also in home/blocks.py) uses it.
Its files are kept in private storage (cms/storage.py), never under /media/: Wagtail's document
view serves them, after the collection's view restriction, as an attachment, and counted.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument, Document
from wagtail.search import index

from cms.storage import private_documents_storage

DEFAULT_MAX_UPLOAD_SIZE = 20 * 1024 * 1024


def max_upload_size():
    return getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None) or DEFAULT_MAX_UPLOAD_SIZE


class ToolkitDocument(AbstractDocument):
    # Wagtail's field, in private storage (see the module docstring).
    file = models.FileField(_("bestand"), upload_to="documents", storage=private_documents_storage)
    language = models.CharField(
        _("taal"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        db_index=True,
        help_text=_("In welke taal is dit bestand geschreven?"),
    )
    description = models.TextField(
        _("korte uitleg"),
        max_length=300,
        blank=True,
        help_text=_("Eén zin: wat staat erin en waarvoor gebruik je het?"),
    )

    admin_form_fields = (*Document.admin_form_fields, "language", "description")
    search_fields = AbstractDocument.search_fields + [
        index.SearchField("description"),
        index.FilterField("language"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        permissions = [("choose_document", "Can choose document")]

    def clean(self):
        """Refuse file types that a browser could run (html, svg, ...) and files that are too big.

        Wagtail's own check gives a technical message; editors get a plain one that says what to do.
        """
        allowed = [ext.lower() for ext in getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or []]
        if self.file and allowed and self.file_extension.lower() not in allowed:
            raise ValidationError(
                {
                    "file": _(
                        "Bestanden van het type .%(extension)s kunnen niet op de website. "
                        "Dit kan wel: %(allowed)s."
                    )
                    % {
                        "extension": self.file_extension.lower(),
                        "allowed": ", ".join(f".{ext}" for ext in allowed),
                    }
                }
            )
        limit = max_upload_size()
        try:
            size = self.file.size if self.file else None
        except (OSError, ValueError):  # a stored file that has gone missing: nothing to check
            size = None
        if size is not None and size > limit:
            raise ValidationError(
                {
                    "file": _("Dit bestand is te groot (%(size)s). Het mag maximaal %(limit)s zijn.")
                    % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
                }
            )

    @property
    def language_name(self):
        return dict(settings.LANGUAGES).get(self.language, self.language)
