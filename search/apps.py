from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = _("Zoeken")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.queue import register_schedule

        register_schedule("Zoekstatistiek bijwerken", "search.stats.flush_search_stats", minutes=10)
