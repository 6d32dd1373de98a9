"""Wagtail's default groups ("Editors", "Moderators") are not roles of this site.

Their members could publish the home page and the workshop pages outside the editorial workflow
and the documented roles (docs/security.md). The site's groups are made by pilots.workflow.
"""

from django.db import migrations

WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]


def remove_default_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).delete()


class Migration(migrations.Migration):
    # After every migration that gives these groups permissions.
    dependencies = [
        ("pilots", "0004_workshops_and_registrations"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(remove_default_groups, migrations.RunPython.noop)]
