"""Wagtail's document permission policy checks wagtaildocs.Document permissions, also for the
site's toolkit.ToolkitDocument: the groups get both (pilots.workflow, migration pilots/0006)."""

import importlib

import pytest

from django.apps import apps
from django.contrib.auth.models import Group

from wagtail.documents import get_document_model
from wagtail.models import GroupCollectionPermission
from wagtail.permissions import policy_registry

from pilots.workflow import EINDREDACTIE, MODERATOREN, REDACTIE, VERTALERS

from .conftest import make_user

pytestmark = pytest.mark.django_db

migration = importlib.import_module("pilots.migrations.0006_wagtail_document_permissions")


def wagtaildocs_codenames(group_name):
    return set(
        GroupCollectionPermission.objects.filter(
            group__name=group_name, permission__content_type__app_label="wagtaildocs"
        ).values_list("permission__codename", flat=True)
    )


def test_new_databases_give_the_groups_the_permissions_wagtail_checks():
    assert wagtaildocs_codenames(REDACTIE) == {"add_document", "change_document", "choose_document"}
    assert wagtaildocs_codenames(EINDREDACTIE) == {"add_document", "change_document", "choose_document"}
    assert wagtaildocs_codenames(VERTALERS) == {"choose_document"}
    assert wagtaildocs_codenames(MODERATOREN) == set()
    policy = policy_registry.get_by_type(get_document_model())
    assert policy.user_has_permission(make_user("redacteur", REDACTIE), "change")
    assert not policy.user_has_permission(make_user("vertaler", VERTALERS), "change")
    assert not policy.user_has_permission(make_user("moderator", MODERATOREN), "choose")


def test_the_migration_copies_toolkit_document_permissions_of_an_existing_database():
    GroupCollectionPermission.objects.filter(permission__content_type__app_label="wagtaildocs").delete()
    tuned = Group.objects.create(name="Archief")
    toolkit_delete = apps.get_model("auth", "Permission").objects.get(
        content_type__app_label="toolkit", codename="delete_toolkitdocument"
    )
    tuned.permissions.add(toolkit_delete)  # model-wide, as the groups admin can give it

    migration.grant_wagtaildocs_permissions(apps, None)
    migration.grant_wagtaildocs_permissions(apps, None)  # idempotent

    assert wagtaildocs_codenames(REDACTIE) == {"add_document", "change_document", "choose_document"}
    assert wagtaildocs_codenames(VERTALERS) == {"choose_document"}
    assert wagtaildocs_codenames(MODERATOREN) == set()
    assert set(tuned.permissions.values_list("content_type__app_label", "codename")) == {
        ("toolkit", "delete_toolkitdocument"),
        ("wagtaildocs", "delete_document"),
    }
    assert GroupCollectionPermission.objects.filter(group__name=REDACTIE).count() == 9
