"""Documents move from public media (/media/documents/, served to anyone by nginx or Django with
DEBUG) to private storage (cms/storage.py): only Wagtail's document view serves them."""

from django.db import migrations, models

import cms.storage


def move_files(apps, schema_editor, source, target):
    Document = apps.get_model("toolkit", "ToolkitDocument")
    for document in Document.objects.exclude(file="").only("pk", "file"):
        name = document.file.name
        if source is target or not source.exists(name) or target.exists(name):
            continue
        with source.open(name, "rb") as handle:
            stored = target.save(name, handle)
        if stored != name:  # never expected (the name was free); keep the row pointing at the file
            Document.objects.filter(pk=document.pk).update(file=stored)
        source.delete(name)


def to_private(apps, schema_editor):
    from django.core.files.storage import default_storage

    move_files(apps, schema_editor, default_storage, cms.storage.private_documents_storage())


def to_public(apps, schema_editor):
    from django.core.files.storage import default_storage

    move_files(apps, schema_editor, cms.storage.private_documents_storage(), default_storage)


class Migration(migrations.Migration):

    dependencies = [
        ('toolkit', '0003_flyer_templates_and_jobs'),
    ]

    operations = [
        migrations.AlterField(
            model_name='toolkitdocument',
            name='file',
            field=models.FileField(storage=cms.storage.private_documents_storage, upload_to='documents', verbose_name='bestand'),
        ),
        migrations.RunPython(to_private, to_public),
    ]
