from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolkitConfig(AppConfig):
    name = "toolkit"
    label = "toolkit"
    verbose_name = "Toolkit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms import privacy
        from cms.demo import register_step
        from cms.queue import register_schedule

        register_step("toolkit.demo.load")
        register_step("toolkit.demo_flyers.load")
        register_schedule("Toolkit-bundels bijwerken", "toolkit.bundles.build_all_bundles", minutes=30)
        register_schedule("Oude flyers opruimen", "toolkit.flyers.purge_old_flyers", minutes=60)
        privacy.register(
            "flyers",
            label=_("Zelfgemaakte flyers en brieven (PDF)"),
            retention=_(
                "7 dagen. Er staat alleen in wat de gangmaker zelf intypte (straat, voornamen, "
                "telefoon of e-mail); zonder e-mailadres is het niet per persoon te vinden."
            ),
            purge="toolkit.flyers.purge_old_flyers",
            export="toolkit.flyers.export_flyers",
            erase="toolkit.flyers.erase_flyers",
        )
