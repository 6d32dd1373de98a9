"""The editorial groups, their permissions and the workflow "Redactie → toestemming → eindredactie".

The work is done by pilots.workflow.ensure_workflow, which the demo step and the creation of a
section page run as well (idempotent); here it runs with the historical models.
"""

from django.db import migrations


def create_workflow(apps, schema_editor):
    from pilots.workflow import ensure_workflow

    ensure_workflow(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("pilots", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        # Wagtail's own migrations hand permissions to every existing group: run them first.
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_workflow, migrations.RunPython.noop)]
