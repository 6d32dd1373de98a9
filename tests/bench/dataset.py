"""The benchmark's data: the demo site plus generated pages, in a database of its own.

`prepare()` migrates, runs load_demo_content and adds the pages listed in EXTRA_PAGES, made with
the apps' own factories. Every step is idempotent: a second run only tops up what is missing.
To add your listing to the benchmark, add an ExtraPages line (a factory whose app does not exist
yet, or whose parent page the demo does not have, is skipped with a note).
"""

import os
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connections, transaction
from django.utils.module_loading import import_string

from wagtail.models import Locale

GENERATED_SLUG_PREFIX = "bench-"


@dataclass(frozen=True)
class ExtraPages:
    """`count` pages made with `factory` (a wagtail_factories PageFactory) under the Dutch `parent`.

    `parent` is a page model ("app_label.ModelName"); the first live Dutch page of that type is used.
    """

    factory: str
    parent: str
    count: int

    @property
    def slug_prefix(self):
        return f"{GENERATED_SLUG_PREFIX}{self.factory.rsplit('.', 1)[-1].removesuffix('Factory').lower()}-"


EXTRA_PAGES = [
    ExtraPages("home.factories.StandardPageFactory", "home.HomePage", 50),
    ExtraPages("pilots.factories.PilotPageFactory", "pilots.PilotIndexPage", 30),
    ExtraPages("pilots.factories.StoryPageFactory", "pilots.StoryIndexPage", 50),
    ExtraPages("toolkit.factories.ToolkitItemPageFactory", "toolkit.ToolkitIndexPage", 50),
]


def database_description(alias="default"):
    connection = connections[alias]
    return {"vendor": connection.vendor, "name": str(connection.settings_dict["NAME"])}


def ensure_database(fresh=False, alias="default"):
    """Create the PostgreSQL database when it does not exist; with `fresh`, start from nothing."""
    connection = connections[alias]
    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        if fresh:
            connection.close()
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(f"{name}{suffix}"):
                    os.remove(f"{name}{suffix}")
        return
    if connection.vendor != "postgresql":
        return
    connection.close()
    quoted = connection.ops.quote_name(name)
    with connection._nodb_cursor() as cursor:
        if fresh:
            cursor.execute(f"DROP DATABASE IF EXISTS {quoted}")
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f"CREATE DATABASE {quoted}")


def prepare(*, fresh=False, extra_pages=EXTRA_PAGES, log=print):
    """Make the data set; returns a summary (page counts, notes about skipped generators)."""
    ensure_database(fresh=fresh)
    log(f"Database: {database_description()}")
    log("Migrating...")
    call_command("migrate", interactive=False, verbosity=0)
    log("Loading the demo content...")
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    notes = []
    generated = {}
    for spec in extra_pages:
        made, note = add_extra_pages(spec)
        generated[spec.factory] = made
        if note:
            notes.append(note)
            log(f"  skipped {spec.factory}: {note}")
        else:
            log(f"  {made} pages from {spec.factory} under {spec.parent}")
    from wagtail.models import Page

    return {
        "live_pages": Page.objects.live().filter(depth__gt=1).count(),
        "generated_pages": generated,
        "notes": notes,
    }


def parent_page(spec):
    """The Dutch page of type `spec.parent`, or None when that app or page does not exist."""
    try:
        model = apps.get_model(spec.parent)
    except (LookupError, ValueError):
        return None
    dutch = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    return model.objects.live().filter(locale=dutch).order_by("path").first()


def add_extra_pages(spec):
    """Top up the generated children of the spec's parent to `spec.count`; (how many exist, note)."""
    try:
        factory = import_string(spec.factory)
    except ImportError as error:
        return 0, f"no factory ({error})"
    parent = parent_page(spec)
    if parent is None:
        return 0, f"no live Dutch {spec.parent} in the demo content"
    existing = set(
        parent.get_children().filter(slug__startswith=spec.slug_prefix).values_list("slug", flat=True)
    )
    for number in range(1, spec.count + 1):
        slug = f"{spec.slug_prefix}{number}"
        if slug in existing:
            continue
        try:
            with transaction.atomic():
                page = factory(parent=parent, slug=slug)
                # As an editor would: a revision, published (first_published_at, the sitemap's lastmod).
                page.save_revision().publish()
        except Exception as error:
            return len(existing), f"{type(error).__name__}: {error}"
        existing.add(slug)
    return len(existing), None
