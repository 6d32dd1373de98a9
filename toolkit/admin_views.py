"""Editors' view of the download counter: the most downloaded documents of a period, with CSV export."""

import datetime

import django_filters

from django.conf import settings
from django.db.models import Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from .models import ToolkitDocument

PERIODS = [
    ("deze-maand", _("Deze maand")),
    ("vorige-maand", _("Vorige maand")),
    ("dit-jaar", _("Dit jaar")),
    ("alles", _("Altijd")),
]
DEFAULT_PERIOD = "deze-maand"


def period_bounds(period, today=None):
    """(first day, day after the last day) of `period`; None for an open end."""
    today = today or timezone.localdate()
    first_of_month = today.replace(day=1)
    if period == "vorige-maand":
        start = (first_of_month - datetime.timedelta(days=1)).replace(day=1)
        return start, first_of_month
    if period == "dit-jaar":
        return today.replace(month=1, day=1), None
    if period == "alles":
        return None, None
    return first_of_month, None


def document_permission_policy():
    return policy_registry.get_by_type(get_document_model())


class DownloadReportFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label=_("Periode"), choices=PERIODS, empty_label=None, method="filter_period"
    )
    language = django_filters.ChoiceFilter(label=_("Taal"), choices=settings.LANGUAGES)

    class Meta:
        model = ToolkitDocument
        fields = ["period", "language"]

    def filter_period(self, queryset, name, value):
        return queryset  # the period decides what is counted, see DownloadReportView.get_queryset


class DownloadReportView(ReportView):
    page_title = _("Meest gedownload")
    header_icon = "download"
    index_url_name = "toolkit_downloads"
    index_results_url_name = "toolkit_downloads_results"
    filterset_class = DownloadReportFilterSet
    any_permission_required = ["add", "change"]
    paginate_by = 50
    export_filename = "downloads"
    list_export = ["title", "language", "filename", "downloads", "period_start", "period_end"]
    export_headings = {
        "title": _("Titel"),
        "language": _("Taal"),
        "filename": _("Bestand"),
        "downloads": _("Downloads"),
        "period_start": _("Vanaf"),
        "period_end": _("Tot"),
    }

    @cached_property
    def permission_policy(self):
        return document_permission_policy()

    @property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Document"),
                get_url=lambda document: reverse("wagtaildocs:edit", args=[document.pk]),
            ),
            Column("language_name", label=_("Taal")),
            Column("file_extension", label=_("Soort")),
            NumberColumn("downloads", label=_("Downloads")),
        ]

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if not kwargs["data"].get("period"):
            kwargs["data"] = kwargs["data"].copy()
            kwargs["data"]["period"] = DEFAULT_PERIOD
        return kwargs

    def get_queryset(self):
        period = DEFAULT_PERIOD
        if self.filters is not None and self.filters.is_valid():
            period = self.filters.form.cleaned_data.get("period") or DEFAULT_PERIOD
        self.period_start, self.period_end = period_bounds(period)
        counted = Q()
        if self.period_start:
            counted &= Q(download_counts__day__gte=self.period_start)
        if self.period_end:
            counted &= Q(download_counts__day__lt=self.period_end)
        return (
            ToolkitDocument.objects.annotate(downloads=Sum("download_counts__count", filter=counted))
            .filter(downloads__gt=0)
            .order_by("-downloads", "title", "pk")
        )

    def decorate_paginated_queryset(self, object_list):
        end = self.period_end - datetime.timedelta(days=1) if self.period_end else timezone.localdate()
        for document in object_list:
            document.period_start = self.period_start or ""
            document.period_end = end
        return object_list
