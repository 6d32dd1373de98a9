import sys

from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.forms import ValidationError

from cms import privacy


def checked_email(email):
    email = privacy.normalise_email(email)
    try:
        validate_email(email)
    except ValidationError:
        raise CommandError("Give one valid email address.") from None
    return email


class Command(BaseCommand):
    help = "Write a ZIP of every record and file about EMAIL (one JSON per kind, plus the files)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument(
            "--output", "-o", default="-", help="Where to write the ZIP; '-' (the default) is stdout."
        )

    def handle(self, *args, email, output, **options):
        email = checked_email(email)
        if output == "-":
            counts, content = privacy.export_person(email, source="command")
            sys.stdout.buffer.write(content)
            sys.stdout.buffer.flush()
            report = self.stderr
        else:
            with open(output, "wb") as target:
                counts, _ = privacy.export_person(email, target, source="command")
            report = self.stdout
        for name, count in counts.items():
            report.write(f"{name}: {count}")
        report.write(f"Exported {sum(counts.values())} records.")
