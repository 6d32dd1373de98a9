"""scripts/backup saves and restores the database (pg_dump) and the media folder, for real."""

import os
import subprocess
from pathlib import Path

import pytest

from django.db import connection

from home.factories import StandardPageFactory
from home.models import StandardPage

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "backup"

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="needs PostgreSQL (DATABASE_URL)",
    ),
]


def run(action, directory, media, private):
    settings_dict = connection.settings_dict
    url = (
        f"postgres://{settings_dict['USER']}@{settings_dict['HOST'] or '127.0.0.1'}:"
        f"{settings_dict['PORT'] or 5432}/{settings_dict['NAME']}"
    )
    env = {**os.environ, "DATABASE_URL": url, "MEDIA_ROOT": str(media), "PRIVATE_MEDIA_ROOT": str(private)}
    return subprocess.run(
        [str(SCRIPT), action, str(directory)], env=env, capture_output=True, text=True, check=True
    )


def test_backup_and_restore_bring_back_the_database_and_media(
    transactional_db, django_db_serialized_rollback, home_page, tmp_path
):
    media, private = tmp_path / "media", tmp_path / "private"
    (media / "original_images").mkdir(parents=True)
    (media / "original_images" / "buren.jpg").write_bytes(b"\xff\xd8\xff buren")
    (private / "documents").mkdir(parents=True)  # documents are private (cms/storage.py)
    (private / "documents" / "welkomstbrief.pdf").write_bytes(b"%PDF-1.7 welkom")
    StandardPageFactory(parent=home_page, slug="bewaard", title="Bewaard")
    run("save", tmp_path / "backup", media, private)
    assert (tmp_path / "backup" / "database.dump").stat().st_size > 0

    StandardPage.objects.filter(slug="bewaard").delete()
    StandardPageFactory(parent=home_page, slug="later", title="Na de back-up")
    (private / "documents" / "welkomstbrief.pdf").unlink()
    (media / "original_images" / "buren.jpg").unlink()
    (media / "later.txt").write_text("weg na het terugzetten")
    connection.close()  # pg_restore --clean drops tables this connection may hold

    run("restore", tmp_path / "backup", media, private)
    assert StandardPage.objects.filter(slug="bewaard").exists()
    assert not StandardPage.objects.filter(slug="later").exists()
    assert (private / "documents" / "welkomstbrief.pdf").read_bytes() == b"%PDF-1.7 welkom"
    assert (media / "original_images" / "buren.jpg").exists()
    assert not (media / "later.txt").exists()
