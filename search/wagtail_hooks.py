from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Synoniemen")
    add_to_admin_menu = False
    list_display = ["term", "alternatives"]
    search_fields = ["term", "alternatives"]


register_snippet(SynonymViewSet)
