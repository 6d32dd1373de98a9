from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    label = "cms"
    verbose_name = "Lief & Leed"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks, exports, pagecache, privacy, queue, renditions  # noqa: F401 (checks registers)

        exports.install()

        pagecache.connect_signals()
        # Wagtail's default Site follows SITE_URL after every migrate (cms/links.py).
        from .links import sync_default_site

        post_migrate.connect(sync_default_site, sender=self, dispatch_uid="cms_sync_default_site")
        renditions.connect_signals()

        queue.register_schedule(
            "Publiceer ingeplande pagina's",
            "cms.queue.publish_scheduled_pages",
            minutes=1,
        )
        queue.register_schedule("Verstuur e-mail uit de outbox", "cms.mail.send_pending_mail", minutes=1)
        # Once a day (croniter, needed for a cron time of day, is not installed; the interval
        # starts at the first migrate).
        queue.register_schedule(
            "Persoonsgegevens opschonen (bewaartermijnen)", "cms.privacy.scheduled_purge", minutes=24 * 60
        )
        post_migrate.connect(queue.ensure_schedules_after_migrate, dispatch_uid="cms-schedules")

        days = settings.PERSONAL_DATA_RETENTION_DAYS
        privacy.register(
            "outbox",
            label=_("E-mails die we je sturen"),
            retention=format_lazy(_("{days} dagen na het versturen"), days=days["outbox"]),
            purge="cms.mail.purge_outbox",
            export="cms.mail.export_outbox",
            erase="cms.mail.erase_outbox",
        )
        privacy.register(
            "task_queue",
            label=_("Taken op de achtergrond (bijvoorbeeld het versturen van een e-mail)"),
            retention=format_lazy(_("{days} dagen nadat de taak klaar is"), days=days["task_queue"]),
            purge="cms.queue.purge_task_rows",
            export="cms.queue.export_task_rows",
            erase="cms.queue.erase_task_rows",
        )
        # Kept only as totals: nothing in them points to a person (listed, not purged).
        privacy.register(
            "search_statistics",
            label=_("Zoekopdrachten op de website"),
            retention=_("Alleen totalen per zoekwoord, zonder IP-adres of cookie"),
        )
        privacy.register(
            "download_counts",
            label=_("Downloads uit de toolkit"),
            retention=_("Alleen totalen per bestand per dag, zonder IP-adres of cookie"),
        )
