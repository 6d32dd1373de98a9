from django.core.management.base import BaseCommand

from cms import privacy

from .export_person import checked_email


class Command(BaseCommand):
    help = "Delete or anonymise everything about EMAIL in every registered kind; prints counts."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--no-input", action="store_false", dest="interactive")

    def handle(self, *args, email, interactive, **options):
        email = checked_email(email)
        if interactive:
            answer = input(f"Erase every record about {email}? This cannot be undone. [y/N] ")
            if answer.strip().lower() not in {"y", "yes", "j", "ja"}:
                self.stdout.write("Nothing erased.")
                return
        counts = privacy.erase_person(email, source="command")
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Erased {sum(counts.values())} records."))
