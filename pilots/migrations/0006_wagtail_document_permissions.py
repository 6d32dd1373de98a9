"""Groups with document permissions on toolkit.ToolkitDocument get the same on wagtaildocs.Document.

Wagtail's document permission policy checks its auth model, wagtaildocs.Document, even when the
document model is swapped (WAGTAILDOCS_DOCUMENT_MODEL): without these, Redactie and Eindredactie
were refused the documents listing. pilots.workflow grants both for new databases.
"""

from django.db import migrations

# toolkit codename -> wagtaildocs codename
CODENAMES = {
    "add_toolkitdocument": "add_document",
    "change_toolkitdocument": "change_document",
    "delete_toolkitdocument": "delete_document",
    "choose_document": "choose_document",
}


def wagtaildocs_permission(apps, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtaildocs", model="document")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {codename.split('_')[0]} document"},
    )
    return permission


def grant_wagtaildocs_permissions(apps, schema_editor):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Group = apps.get_model("auth", "Group")
    collection_permissions = GroupCollectionPermission.objects.filter(
        permission__content_type__app_label="toolkit",
        permission__content_type__model="toolkitdocument",
        permission__codename__in=CODENAMES,
    ).select_related("permission")
    for item in collection_permissions:
        GroupCollectionPermission.objects.get_or_create(
            group_id=item.group_id,
            collection_id=item.collection_id,
            permission=wagtaildocs_permission(apps, CODENAMES[item.permission.codename]),
        )
    # Model-wide permissions (given in the groups admin without a collection) likewise.
    for group in Group.objects.filter(
        permissions__content_type__app_label="toolkit",
        permissions__content_type__model="toolkitdocument",
        permissions__codename__in=CODENAMES,
    ).distinct():
        for permission in group.permissions.filter(
            content_type__app_label="toolkit",
            content_type__model="toolkitdocument",
            codename__in=CODENAMES,
        ):
            group.permissions.add(wagtaildocs_permission(apps, CODENAMES[permission.codename]))


class Migration(migrations.Migration):
    dependencies = [
        ("pilots", "0005_remove_wagtail_default_groups"),
        ("toolkit", "0004_private_documents"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("cms", "0002_personal_data_actions"),
    ]

    operations = [migrations.RunPython(grant_wagtaildocs_permissions, migrations.RunPython.noop)]
