"""PostgreSQL only: a text-search configuration per site language, each ignoring accents.

Like `lief_dutch` (0001): a copy of PostgreSQL's configuration for the language whose words pass
through `unaccent` before the stemmer. Polish has no stemmer in PostgreSQL, so `lief_simple`
(lower-case, unaccented, no stemming) serves it. search/backends/postgres.py maps languages to these.
After this migration, `manage.py update_index` re-indexes every page in its own language.
"""

from django.db import migrations

# name: (copied configuration, stemming dictionary)
CONFIGS = {
    "lief_english": ("english", "english_stem"),
    "lief_turkish": ("turkish", "turkish_stem"),
    "lief_arabic": ("arabic", "arabic_stem"),
    "lief_simple": ("simple", "simple"),
}


def create_configs(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        for name, (source, dictionary) in CONFIGS.items():
            cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [name])
            if cursor.fetchone():
                continue
            cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{source})")
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {name} "
                f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {dictionary}"
            )


def drop_configs(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name in CONFIGS:
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_search_query_stat")]

    operations = [migrations.RunPython(create_configs, drop_configs)]
