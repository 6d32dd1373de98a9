"""Editors' report of the query statistics: top queries and queries without results, this month."""

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.template.response import TemplateResponse
from django.utils import timezone

from .models import SearchQueryStat

TOP = 30


def can_view(user):
    return user.is_active and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


def search_stats_report(request):
    if not can_view(request.user):
        raise PermissionDenied
    first = timezone.localdate().replace(day=1)
    month = SearchQueryStat.objects.filter(day__gte=first)
    top = month.values("query").annotate(total=Sum("count")).order_by("-total", "query")[:TOP]
    zero = (
        month.filter(zero_results=True)
        .values("query")
        .annotate(total=Sum("count"))
        .order_by("-total", "query")[:TOP]
    )
    return TemplateResponse(
        request,
        "search/admin/search_stats.html",
        {"top": list(top), "zero": list(zero), "since": first},
    )
