from django.core.management.base import BaseCommand

from cms import privacy


class Command(BaseCommand):
    help = "Remove personal data whose retention period has passed (every registered kind); safe to repeat."

    def handle(self, *args, **options):
        counts = privacy.purge_all(source="command")
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Removed {sum(counts.values())} records."))
