"""Workflow mail through the outbox: the next step's group, and the author at the end.

- A page reaches a task: every active member of the task's groups gets a mail (not the person who
  moved it there). Superusers get nothing unless they are in the group.
- A task sends the page back: the author (who submitted it) gets the reviewer's comment.
- The workflow approves the page: the author hears that it is live (or when it goes live).

Wagtail's own moderation mails go straight to SMTP, not through the outbox, and also go to every
superuser. They are replaced here: `replace_wagtail_notifications()` takes Wagtail's receivers off
the workflow signals and holds their place (same dispatch_uid), so that Wagtail's admin app,
which is set up after this one, does not connect them again.
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.contrib.auth import get_user_model

from wagtail.models import TaskState, WorkflowState
from wagtail.signals import (
    task_rejected,
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from cms.links import admin_url, page_url
from cms.mail import queue_templated_mail

logger = logging.getLogger(__name__)

# Wagtail's receivers (wagtail/admin/signal_handlers.py), by signal, sender and dispatch_uid.
WAGTAIL_NOTIFIERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification"),
]


def _sent_through_the_outbox(**kwargs):
    """Stands in for a Wagtail notifier; the receivers below send this mail through the outbox."""


def replace_wagtail_notifications():
    for signal, sender, dispatch_uid in WAGTAIL_NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(_sent_through_the_outbox, sender=sender, dispatch_uid=dispatch_uid, weak=False)


def connect():
    replace_wagtail_notifications()
    # No sender: TaskState and its subclasses (the consent check's state) alike.
    task_submitted.connect(notify_task_group, dispatch_uid="pilots_notify_task_group")
    task_rejected.connect(notify_author_rejected, dispatch_uid="pilots_notify_author_rejected")
    workflow_approved.connect(notify_author_approved, dispatch_uid="pilots_notify_author_approved")


def _language(user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    return profile.preferred_language or settings.LANGUAGE_CODE


def _edit_url(obj):
    from wagtail.admin.admin_url_finder import AdminURLFinder

    return admin_url(AdminURLFinder().get_edit_url(obj) or "")


def _page_of(workflow_state):
    obj = workflow_state.content_object
    return obj.specific if hasattr(obj, "specific") else obj


_muted = ContextVar("pilots_workflow_mail_muted", default=False)


@contextmanager
def muted():
    """No workflow mail inside this block: the demo replays its pages' history through the real
    workflow, and nobody should be told about steps that happened "in the past"."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def _send(user, template, context, key):
    if _muted.get() or not (user and user.is_active and user.email):
        return None
    context = {**context, "user": user}
    return queue_templated_mail(user.email, template, context, language=_language(user), idempotency_key=key)


def notify_translators(page, pending, revision=None):
    """The Dutch source of `page` changed: every Vertaler hears which languages need work."""
    from django.contrib.auth.models import Group

    from .workflow import VERTALERS

    group = Group.objects.filter(name=VERTALERS).first()
    if group is None:
        return
    context = {
        "page": page,
        "pending": [
            {
                "language": locale.get_display_name(),
                "missing": missing,
                "edit_url": _translation_url(page, locale),
            }
            for locale, missing in pending
        ],
    }
    version = revision.pk if revision is not None else page.latest_revision_id
    for member in group.user_set.filter(is_active=True).exclude(email="").order_by("pk"):
        _send(
            member,
            "pilots/translation_out_of_date",
            context,
            f"translation-{page.pk}-{version}-to-{member.pk}",
        )


def _translation_url(page, locale):
    translated = page.get_translation_or_none(locale)
    return _edit_url(translated) if translated is not None else _edit_url(page)


def task_group_members(task):
    """Active members of the task's groups; a task without groups has no one to tell."""
    groups = getattr(task, "groups", None)
    if groups is None:
        return get_user_model().objects.none()
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__in=groups.all())
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def notify_task_group(sender, instance, user=None, **kwargs):
    """A page reached a task: tell the people who can act on it."""
    task_state = instance
    task = task_state.task.specific
    page = _page_of(task_state.workflow_state)
    context = {
        "page": page,
        "task": task,
        "workflow": task_state.workflow_state.workflow,
        "requested_by": task_state.workflow_state.requested_by,
        "edit_url": _edit_url(page),
    }
    for member in task_group_members(task):
        if user is not None and member.pk == user.pk:
            continue
        _send(member, "pilots/task_submitted", context, f"workflow-task-{task_state.pk}-to-{member.pk}")


def notify_author_rejected(sender, instance, user=None, **kwargs):
    """A reviewer sent the page back: the author gets the comment."""
    task_state = instance
    author = task_state.workflow_state.requested_by
    if author is None or (user is not None and author.pk == user.pk):
        return
    page = _page_of(task_state.workflow_state)
    context = {
        "page": page,
        "task": task_state.task,
        "reviewer": user,
        "comment": task_state.specific.get_comment(),
        "edit_url": _edit_url(page),
    }
    _send(author, "pilots/task_rejected", context, f"workflow-task-{task_state.pk}-rejected")


def notify_author_approved(sender, instance, user=None, **kwargs):
    """Every step approved the page: the author hears it is live, or when it goes live."""
    workflow_state = instance
    author = workflow_state.requested_by
    if author is None:
        return
    page = _page_of(workflow_state)
    page.refresh_from_db()
    revision = page.get_latest_revision()
    live = getattr(page, "live", False)
    context = {
        "page": page,
        "go_live_at": revision.approved_go_live_at if revision else None,
        "live_url": page_url(page) if live else "",
        "edit_url": _edit_url(page),
    }
    _send(author, "pilots/workflow_approved", context, f"workflow-{workflow_state.pk}-approved")
