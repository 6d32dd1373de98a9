from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import search_stats_report
from .models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Synoniemen")
    add_to_admin_menu = False
    list_display = ["term", "alternatives"]
    search_fields = ["term", "alternatives"]


register_snippet(SynonymViewSet)


@hooks.register("register_admin_urls")
def register_search_stats_urls():
    return [path("zoekstatistiek/", search_stats_report, name="search_stats")]


@hooks.register("register_reports_menu_item")
def register_search_stats_menu_item():
    return MenuItem(_("Zoekstatistiek"), reverse("search_stats"), icon_name="search", order=910)
