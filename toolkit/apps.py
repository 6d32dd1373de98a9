from django.apps import AppConfig


class ToolkitConfig(AppConfig):
    name = "toolkit"
    label = "toolkit"
    verbose_name = "Toolkit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.demo import register_step

        register_step("toolkit.demo.load")
