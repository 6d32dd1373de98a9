from django.core.management.base import BaseCommand

from cms.demo import DEMO_STEPS, run_all


class Command(BaseCommand):
    help = "Build (idempotently) the complete demo site from the programme's facts, in nl with translations."

    def handle(self, **options):
        self.stdout.write(f"Loading demo content ({len(DEMO_STEPS)} steps)...")
        run_all(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
