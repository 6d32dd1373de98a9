"""Publishing pilots and stories needs a consent check that covers what goes live.

Wagtail publishes at the end of a workflow as the user who gave the last approval, and checks that
this user may publish. Eindredactie therefore has the publish permission on the sections; this
tester narrows it: a non-superuser may publish only when the page's latest workflow run has an
approved consent check that confirmed every person on the latest revision. So the last approval
publishes, and nobody with the publish permission can skip the consent check by publishing
directly. Unpublishing (for instance when someone withdraws consent) is not narrowed.
"""

from functools import cached_property

from wagtail.models import PagePermissionTester, TaskState, WorkflowState


def consent_confirmed_for_latest_revision(page):
    """True when the latest workflow run on `page` confirmed consent for everyone on its latest
    revision (or confirmed that nobody on it needs to give consent)."""
    from .models import ConsentCheckTaskState, ConsentConfirmation

    workflow_state = WorkflowState.objects.for_instance(page).order_by("-created_at", "-pk").first()
    if workflow_state is None:
        return False
    approved = ConsentCheckTaskState.objects.filter(
        workflow_state=workflow_state, status=TaskState.STATUS_APPROVED
    ).values("pk")
    revision = page.get_latest_revision()
    latest = revision.as_object() if revision else page
    people = {person["name"] for person in getattr(latest, "consent_people", list)()}
    if not people:
        return approved.exists()
    confirmed = set(
        ConsentConfirmation.objects.filter(task_state__in=approved).values_list("person_name", flat=True)
    )
    return people <= confirmed


class ConsentPagePermissionTester(PagePermissionTester):
    def can_publish(self):
        if not super().can_publish():
            return False
        return self.user.is_superuser or self._consent_confirmed

    @cached_property
    def _consent_confirmed(self):
        return consent_confirmed_for_latest_revision(self.page)


class ConsentGuardedPublishMixin:
    """For page models: publishing needs the consent check (see the module docstring)."""

    def permissions_for_user(self, user):
        return ConsentPagePermissionTester(user, self)
