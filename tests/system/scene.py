"""The scene of one set-up: a migrated database with the demo content, built once through the
site's own commands (as an operator sets up a site), before any process starts."""

import subprocess


def prepare(stack, admin_password):
    stack.manage("migrate", "--noinput")
    if not stack.database_url:
        stack.manage("migrate", "--noinput", "--database=queue")  # the task queue's own SQLite file
    stack.manage("load_demo_content")
    # The system tests' own administrator, with a known password, made as an operator would.
    stack.manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model; U = get_user_model();"
        f"u, _ = U.objects.get_or_create(username='system', defaults={{'email': 'system@example.org'}});"
        f"u.is_superuser = u.is_staff = True; u.set_password({admin_password!r}); u.save()",
    )


def reset_postgres_database(name):
    """Drop and create the set-up's own PostgreSQL database (user postgres, trust)."""
    for statement in (f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"CREATE DATABASE {name}"):
        subprocess.run(  # noqa: S603
            [
                "psql",
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-d",
                "postgres",
                "-v",
                "ON_ERROR_STOP=1",
                "-c",
                statement,
            ],  # noqa: S607
            check=True,
            capture_output=True,
        )
