"""A cached ZIP of every toolkit document of one occasion (built in the worker, see toolkit.bundles)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import Occasion


class Bundle(models.Model):
    occasion = models.CharField(_("gelegenheid"), max_length=40, choices=Occasion.choices, unique=True)
    key = models.CharField(
        _("sleutel"),
        max_length=64,
        blank=True,
        help_text=_("Vingerafdruk van de documenten in het ZIP-bestand."),
    )
    file = models.FileField(_("ZIP-bestand"), upload_to="toolkit/bundles/", blank=True, max_length=200)
    document_count = models.PositiveIntegerField(_("aantal documenten"), default=0)
    file_size = models.PositiveBigIntegerField(_("grootte"), default=0)
    built_at = models.DateTimeField(_("gemaakt op"), null=True, blank=True)
    requested_key = models.CharField(max_length=64, blank=True, editable=False)
    requested_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("bundel")
        verbose_name_plural = _("bundels")

    def __str__(self):
        return self.get_occasion_display()

    def is_ready_for(self, key):
        """True when the stored ZIP was built from exactly the documents that `key` describes."""
        return bool(key and self.key == key and self.file and self.file.storage.exists(self.file.name))
