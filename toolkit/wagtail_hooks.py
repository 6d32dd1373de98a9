from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import DownloadReportView, document_permission_policy
from .models import AdviceCard, FlyerTemplate
from .models.stats import record_download


class AdviceCardViewSet(SnippetViewSet):
    model = AdviceCard
    icon = "help"
    menu_label = _("Advieskaarten")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["title", "source", "show_on_home", "locale"]
    list_filter = ["show_on_home"]  # Wagtail adds its own locale filter (by language code)
    # No search_fields: the model is indexed, so the listing searches its AutocompleteFields. Naming
    # fields here makes the SQLite search backend query columns its index does not have (a 500).


register_snippet(AdviceCardViewSet)


@hooks.register("before_serve_document", order=100)
def count_download(document, request):
    """Count a download: the document and the day, nothing about who downloaded it.

    Runs after Wagtail's own checks (order 100), so a refused request is not counted. HEAD requests,
    resumed downloads (Range) and revalidations of a cached copy are not new downloads.
    """
    if request.method != "GET":
        return None
    if request.headers.get("Range", "bytes=0-").split(",")[0].strip() not in {"bytes=0-", ""}:
        return None
    if "If-None-Match" in request.headers or "If-Modified-Since" in request.headers:
        return None
    record_download(document)
    return None


@hooks.register("register_admin_urls")
def register_download_report_urls():
    return [
        path("toolkit/downloads/", DownloadReportView.as_view(), name="toolkit_downloads"),
        path(
            "toolkit/downloads/results/",
            DownloadReportView.as_view(results_only=True),
            name="toolkit_downloads_results",
        ),
    ]


class DownloadReportMenuItem(MenuItem):
    def is_shown(self, request):
        return document_permission_policy().user_has_any_permission(request.user, ["add", "change"])


@hooks.register("register_reports_menu_item")
def register_download_report_menu_item():
    return DownloadReportMenuItem(
        _("Meest gedownload"), reverse("toolkit_downloads"), icon_name="download", order=900
    )


class FlyerTemplateViewSet(SnippetViewSet):
    model = FlyerTemplate
    icon = "doc-full"
    menu_label = _("Flyersjablonen")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["name", "kind", "paper", "locale"]
    list_filter = ["kind", "paper"]  # Wagtail adds its own locale filter (by language code)
    # No search_fields: the model is indexed, so the listing searches its AutocompleteFields. Naming
    # fields here makes the SQLite search backend query columns its index does not have (a 500).


register_snippet(FlyerTemplateViewSet)
