import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create (once) the demo administrator of a local site and print its login."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *, username, **options):
        password_file = settings.VAR_DIR / "demo-admin-password.txt"
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        password = password_file.read_text().strip() if password_file.exists() else ""
        if user is None or not password or not user.check_password(password):
            password = password or secrets.token_urlsafe(12)
            user = user or User(username=username, email="admin@example.org")
            user.first_name, user.last_name = "Demo", "Beheerder"
            user.is_staff = user.is_superuser = user.is_active = True
            user.set_password(password)
            user.save()
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        self.stdout.write(
            self.style.SUCCESS(f"Demo admin login: username {username!r}, password {password!r}")
        )
