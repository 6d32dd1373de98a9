from django.apps import AppConfig


class ToolkitConfig(AppConfig):
    name = "toolkit"
    label = "toolkit"
    verbose_name = "Toolkit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.demo import register_step
        from cms.queue import register_schedule

        register_step("toolkit.demo.load")
        register_schedule("Toolkit-bundels bijwerken", "toolkit.bundles.build_all_bundles", minutes=30)
