"""The editorial workflow and the editorial groups, set up idempotently in one place.

`ensure_workflow()` creates (once) the groups Redactie, Eindredactie, Vertalers and Moderatoren
with their least-privilege permissions, the three tasks and the workflow
"Redactie → toestemming → eindredactie", and assigns the workflow and the groups' page
permissions to every pilots and stories section that exists. It runs from the data migration
(with the historical models), from the demo step, and whenever a section page is created, in any
language (see `pilots.signals`). What editors changed afterwards (other task groups, another
workflow on a section) is kept.

Who may do what:
- Redactie writes and edits pilots and stories in Dutch and reviews them (step 1); no publishing.
- Moderatoren confirm consent (step 2) and moderate public submissions; no page permissions.
- Eindredactie gives the final approval (step 3), which publishes the page, and may edit in every
  language. Wagtail publishes as the last approver, so Eindredactie has the publish permission,
  narrowed by pilots.permissions: only a page whose consent check covers everyone on it can be
  published. Eindredactie can unpublish (e.g. when someone withdraws consent).
- Vertalers edit translated pages (every language but Dutch) and submit them to the same
  workflow; they have no permission at all on the Dutch source pages.
Administrators (superusers) can still publish directly.
"""

from django.apps import apps as global_apps
from django.conf import settings

WORKFLOW_NAME = "Redactie → toestemming → eindredactie"
REDACTIE = "Redactie"
EINDREDACTIE = "Eindredactie"
VERTALERS = "Vertalers"
MODERATOREN = "Moderatoren"
GROUPS = [REDACTIE, EINDREDACTIE, VERTALERS, MODERATOREN]

# (task name, task model, groups), in workflow order.
TASKS = [
    ("Redactie", "wagtailcore.GroupApprovalTask", [REDACTIE]),
    ("Toestemming", "pilots.ConsentCheckTask", [MODERATOREN]),
    ("Eindredactie", "wagtailcore.GroupApprovalTask", [EINDREDACTIE]),
]

SECTION_MODELS = ["pilots.PilotIndexPage", "pilots.StoryIndexPage"]


# Wagtail's document permission policy checks the permissions of its auth model,
# wagtaildocs.Document, even for a custom document model (wagtail.documents.get_permission_policy);
# the site's own model keeps its permissions too, so both agree (pilots migration 0006).
DOCUMENT_PERMISSION_MODELS = ["wagtaildocs.document"]


def _document_permissions(actions=("add", "change", "choose")):
    models = [settings.WAGTAILDOCS_DOCUMENT_MODEL.lower()] + DOCUMENT_PERMISSION_MODELS
    specs = []
    for label in dict.fromkeys(models):
        app_label, model_name = label.split(".")
        for action in actions:
            codename = "choose_document" if action == "choose" else f"{action}_{model_name}"
            specs.append((app_label, model_name, codename, f"Can {action} document"))
    return specs


ADMIN_ACCESS = [("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")]
IMAGES_EDIT = [
    ("wagtailimages", "image", "add_image", "Can add image"),
    ("wagtailimages", "image", "change_image", "Can change image"),
    ("wagtailimages", "image", "choose_image", "Can choose image"),
]
IMAGES_CHOOSE = [("wagtailimages", "image", "choose_image", "Can choose image")]
VIEW_CONSENT = [("pilots", "consentconfirmation", "view_consentconfirmation", "Can view toestemming")]
SUBMIT_TRANSLATION = [("wagtail_localize", "translation", "submit_translation", "Can submit translations")]

# Model permissions per group; image and document permissions are given on the root collection.
MODEL_PERMISSIONS = {
    REDACTIE: ADMIN_ACCESS + VIEW_CONSENT,
    EINDREDACTIE: ADMIN_ACCESS + VIEW_CONSENT,
    VERTALERS: ADMIN_ACCESS + SUBMIT_TRANSLATION,
    MODERATOREN: ADMIN_ACCESS + VIEW_CONSENT,
}
COLLECTION_PERMISSIONS = {
    REDACTIE: lambda: IMAGES_EDIT + _document_permissions(),
    EINDREDACTIE: lambda: IMAGES_EDIT + _document_permissions(),
    VERTALERS: lambda: IMAGES_CHOOSE + _document_permissions(["choose"]),
    MODERATOREN: list,
}
# Page permissions on each section (and so on every pilot or story under it), by section language.
# Eindredactie's publish permission is narrowed by pilots.permissions: it only works once the
# consent check has confirmed everyone on the page (so in practice: at the final approval).
SOURCE_PAGE_PERMISSIONS = {
    REDACTIE: ["add_page", "change_page"],
    EINDREDACTIE: ["add_page", "change_page", "publish_page"],
}
TRANSLATION_PAGE_PERMISSIONS = {
    EINDREDACTIE: ["add_page", "change_page", "publish_page"],
    VERTALERS: ["add_page", "change_page"],
}


def _permission(apps, app_label, model_name, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def ensure_groups(apps=global_apps):
    """The four editorial groups with their model and collection permissions; {name: group}."""
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = Collection.objects.filter(depth=1).first()
    groups = {}
    for name in GROUPS:
        group, created = Group.objects.get_or_create(name=name)
        groups[name] = group
        if not created:
            continue  # administrators may have tuned the permissions since
        for spec in MODEL_PERMISSIONS[name]:
            group.permissions.add(_permission(apps, *spec))
        if root_collection is not None:
            for spec in COLLECTION_PERMISSIONS[name]():
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=_permission(apps, *spec)
                )
    return groups


def _task_content_type(apps, label):
    ContentType = apps.get_model("contenttypes", "ContentType")
    app_label, model_name = label.lower().split(".")
    return ContentType.objects.get_or_create(app_label=app_label, model=model_name)[0]


def ensure_workflow(apps=global_apps):
    """The groups, the three tasks and the workflow, assigned to every existing section.

    Idempotent; returns the workflow.
    """
    groups = ensure_groups(apps)
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
        for position, (task_name, label, group_names) in enumerate(TASKS):
            model = apps.get_model(label)
            content_type = _task_content_type(apps, label)
            task = model.objects.filter(name=task_name, content_type=content_type).first()
            if task is None:
                # Historical models do not run Task.__init__, which sets the content type.
                task = model.objects.create(name=task_name, content_type=content_type, active=True)
                task.groups.set([groups[group_name] for group_name in group_names])
            WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=position)
    for label in SECTION_MODELS:
        for section in apps.get_model(label).objects.all():
            ensure_section(section, apps=apps, workflow=workflow, groups=groups)
    return workflow


def ensure_section(section, *, apps=global_apps, workflow=None, groups=None):
    """Give one pilots or stories section (in any language) the workflow and the page permissions."""
    if workflow is None:
        return ensure_workflow(apps)  # sets up everything, this section included
    Locale = apps.get_model("wagtailcore", "Locale")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    if workflow.active:
        WorkflowPage.objects.get_or_create(page_id=section.pk, defaults={"workflow": workflow})
    source_language = settings.LANGUAGE_CODE
    is_source = Locale.objects.filter(pk=section.locale_id, language_code=source_language).exists()
    page_permissions = SOURCE_PAGE_PERMISSIONS if is_source else TRANSLATION_PAGE_PERMISSIONS
    for group_name, codenames in page_permissions.items():
        for codename in codenames:
            permission = _permission(apps, "wagtailcore", "page", codename, codename.replace("_", " "))
            GroupPagePermission.objects.get_or_create(
                group=groups[group_name], page_id=section.pk, permission=permission
            )
    return workflow


def section_created(sender, instance, created, raw=False, **kwargs):
    """A new pilots or stories section (a new language too) gets the workflow and permissions."""
    if created and not raw:
        ensure_workflow()
