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
        self.ready_signups()
        notifications.connect()
        for model in (PilotIndexPage, StoryIndexPage):
            post_save.connect(section_created, sender=model, dispatch_uid=f"pilots_section_{model.__name__}")
        for model in (PilotIndexPage, PilotPage, StoryIndexPage, StoryPage):
            page_published.connect(
                translations_out_of_date, sender=model, dispatch_uid=f"pilots_out_of_date_{model.__name__}"
            )
        from .workshops.setup import setup_workshops

        setup_workshops()

    def ready_signups(self):
        """Sign-ups and story submissions: their demo, personal data and schedule."""
        from django.utils.translation import gettext_lazy as _

        from cms import privacy
        from cms.demo import register_step
        from cms.pagecache import register_purge_model
        from cms.queue import register_schedule

        from .models import PilotRound

        register_step("pilots.demo_signups.load")
        register_purge_model(PilotRound)  # the home page announces the open round
        register_schedule(
            "Bericht: nieuwe ronde open", "pilots.signup_subscribers.notify_open_rounds", minutes=15
        )
        privacy.register(
            "street_signups",
            label=_("Straataanmeldingen en de berichtenlijst voor een nieuwe ronde"),
            retention=_("1 jaar na het sluiten van de ronde; afgewezen of ingetrokken: 30 dagen"),
            purge="pilots.signup_privacy.purge_signups",
            export="pilots.signup_privacy.export_signups",
            erase="pilots.signup_privacy.erase_signups",
        )
        privacy.register(
            "story_submissions",
            label=_("Ingestuurde verhalen"),
            retention=_("Niet geplaatst: 30 dagen; geplaatst: 1 jaar na het besluit"),
            purge="pilots.signup_privacy.purge_submissions",
            export="pilots.signup_privacy.export_submissions",
            erase="pilots.signup_privacy.erase_submissions",
        )
