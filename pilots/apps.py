from django.apps import AppConfig


class PilotsConfig(AppConfig):
    name = "pilots"
    label = "pilots"
    verbose_name = "Pilots"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from wagtail.signals import page_published

        from cms.demo import register_step

        from . import notifications
        from .models import PilotIndexPage, PilotPage, StoryIndexPage, StoryPage
        from .translation_review import translations_out_of_date
        from .workflow import section_created

        register_step("pilots.demo.load")
        notifications.connect()
        for model in (PilotIndexPage, StoryIndexPage):
            post_save.connect(section_created, sender=model, dispatch_uid=f"pilots_section_{model.__name__}")
        for model in (PilotIndexPage, PilotPage, StoryIndexPage, StoryPage):
            page_published.connect(
                translations_out_of_date, sender=model, dispatch_uid=f"pilots_out_of_date_{model.__name__}"
            )
        from .workshops.setup import setup_workshops

        setup_workshops()
