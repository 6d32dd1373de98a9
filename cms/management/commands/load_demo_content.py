from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from cms.demo import DEMO_STEPS, run_all

# Index and reference updates run inline while the demo is built, so that search works as soon
# as the site starts instead of after the worker has worked through hundreds of jobs.
INLINE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


class Command(BaseCommand):
    help = "Build (idempotently) the complete demo site from the programme's facts, in nl with translations."

    def handle(self, **options):
        self.stdout.write(f"Loading demo content ({len(DEMO_STEPS)} steps)...")
        with override_settings(TASKS=INLINE_TASKS):
            run_all(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
