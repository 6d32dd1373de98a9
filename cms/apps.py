from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CmsConfig(AppConfig):
    name = "cms"
    label = "cms"
    verbose_name = "Lief & Leed"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import pagecache, queue, renditions

        pagecache.connect_signals()
        renditions.connect_signals()

        queue.register_schedule(
            "Publiceer ingeplande pagina's",
            "cms.queue.publish_scheduled_pages",
            minutes=1,
        )
        queue.register_schedule("Verstuur e-mail uit de outbox", "cms.mail.send_pending_mail", minutes=1)
        post_migrate.connect(queue.ensure_schedules_after_migrate, dispatch_uid="cms-schedules")
