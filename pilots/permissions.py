"""Publishing pilots and stories needs a consent check that covers what goes live.

Wagtail publishes at the end of a workflow as the user who gave the last approval, and checks that
this user may publish. Eindredactie therefore has the publish permission on the sections; this
tester narrows it: a non-superuser may publish only when the page's latest workflow run has an
approved consent check that confirmed every person on the latest revision. So the last approval
publishes, and nobody with the publish permission can skip the consent check by publishing
directly. Unpublishing (for instance when someone withdraws consent) is not narrowed.

Routes that publish without a person (wagtail-localize, commands, scheduled publishing) meet the same
rule through ``cms.publishing``: a revision that names people goes live only when the consent check
of the page's latest workflow run confirmed every one of them, in every language.
"""

from functools import cached_property

from django.utils.translation import gettext as _

from wagtail.models import PagePermissionTester, TaskState, WorkflowState

from cms.publishing import GuardedPublishMixin


def consent_confirmed_for_latest_revision(page):
    """True when the latest workflow run on `page` confirmed consent for everyone on its latest
    revision (or confirmed that nobody on it needs to give consent)."""
    return consent_confirmed(page, page.get_latest_revision())


def people_on(revision, page):
    latest = revision.as_object() if revision else page
    return {person["name"] for person in getattr(latest, "consent_people", list)()}


def consent_confirmed(page, revision):
    """True when the latest workflow run on `page` confirmed consent for everyone on `revision`
    (or confirmed that nobody on it needs to give consent)."""
    from .models import ConsentCheckTaskState, ConsentConfirmation

    workflow_state = WorkflowState.objects.for_instance(page).order_by("-created_at", "-pk").first()
    if workflow_state is None:
        return False
    approved = ConsentCheckTaskState.objects.filter(
        workflow_state=workflow_state, status=TaskState.STATUS_APPROVED
    ).values("pk")
    people = people_on(revision, page)
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


class ConsentGuardedPublishMixin(GuardedPublishMixin):
    """For page models: publishing needs the consent check (see the module docstring)."""

    def permissions_for_user(self, user):
        return ConsentPagePermissionTester(user, self)

    def content_publish_refusal(self, revision):
        """Whoever publishes: a revision that names people needs their confirmed consent."""
        if not people_on(revision, self) or consent_confirmed(self, revision):
            return None
        return _(
            "Deze pagina noemt mensen. Ze kan pas online als hun toestemming in de "
            "toestemmingscontrole is bevestigd: stuur de pagina in voor controle."
        )
