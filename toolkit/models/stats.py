"""A privacy-friendly download counter: one number per document per day, nothing about the visitor."""

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DownloadCount(models.Model):
    document = models.ForeignKey(
        "toolkit.ToolkitDocument",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="download_counts",
    )
    day = models.DateField(_("dag"))
    count = models.PositiveIntegerField(_("aantal downloads"), default=0)

    class Meta:
        verbose_name = _("aantal downloads")
        verbose_name_plural = _("aantallen downloads")
        constraints = [
            models.UniqueConstraint(fields=["document", "day"], name="one_download_count_per_document_day"),
        ]
        indexes = [models.Index(fields=["day"])]

    def __str__(self):
        return f"{self.document_id} {self.day}: {self.count}"


def record_download(document, day=None):
    """Add one download of `document` to today's count; safe when many requests count at once.

    An UPDATE ... SET count = count + 1 does the counting in the database; the first download of a
    day inserts the row, and a request that loses the race to insert it counts with the UPDATE.
    """
    day = day or timezone.localdate()
    rows = DownloadCount.objects.filter(document_id=document.pk, day=day)
    if rows.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            DownloadCount.objects.create(document_id=document.pk, day=day, count=1)
    except IntegrityError:
        rows.update(count=F("count") + 1)
