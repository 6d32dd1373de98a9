"""PostgreSQL only: a Dutch full-text configuration that ignores accents ("enquete" finds "enquête").

`lief_dutch` is a copy of the built-in `dutch` configuration whose words first pass through the
`unaccent` dictionary and then through the Dutch stemmer. cms/settings/base.py uses it as the
search backend's SEARCH_CONFIG. The unaccent extension ships with PostgreSQL (contrib) and is a
trusted extension since PostgreSQL 13, so a database owner may create it. After this migration,
`manage.py update_index` rebuilds the index with the new configuration.

On SQLite nothing happens: FTS5's default tokenizer (unicode61) already removes diacritics.
"""

from django.db import migrations

CONFIG = "lief_dutch"


def create_config(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [CONFIG])
        if cursor.fetchone():
            return
        cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = pg_catalog.dutch)")
        cursor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} "
            "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem"
        )


def drop_config(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_config, drop_config)]
