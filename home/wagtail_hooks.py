from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Menu


class MenuViewSet(SnippetViewSet):
    model = Menu
    icon = "list-ul"
    menu_label = _("Menu's")
    add_to_settings_menu = True
    list_display = ["kind", "locale"]
    list_filter = ["kind"]  # Wagtail adds its own locale filter (by language code)


register_snippet(MenuViewSet)
