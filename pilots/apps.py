from django.apps import AppConfig


class PilotsConfig(AppConfig):
    name = "pilots"
    label = "pilots"
    verbose_name = "Pilots"
    default_auto_field = "django.db.models.BigAutoField"
