"""The one point that decides whether a page revision may go live.

Wagtail checks the publish permission in its own views only. Other routes publish without asking:
wagtail-localize's "update translations … publish immediately" and its converters publish a
translator's revision from ``transaction.on_commit`` with no user, ``publish_scheduled`` and shell
commands publish with no user, and anything may pass ``skip_permission_checks``. Every page model of
the site therefore has ``GuardedPublishMixin``, whose ``publish`` (the method every route ends in:
``Revision.publish`` calls it) asks :func:`publish_refusal` first.

Who is publishing:
- the ``user`` given to ``publish`` (the edit view, bulk actions, the last approval of a workflow);
- without one, the author of the revision (``revision.user``): that is how wagtail-localize
  publishes a translator's work, so a translator cannot publish through it;
- without either, or for a revision whose go-live time was approved when it was scheduled, the site
  itself (demo content, a migration, ``publish_scheduled``).

A person publishes only with Wagtail's publish permission for the page (for the pilots and stories
that permission is narrowed by the consent check: ``pilots.permissions``). Whoever publishes, a page
type may refuse content: a page that names people goes live only after an approved consent check of
that revision, in every language (``content_publish_refusal``). Administrators (superusers) may
publish directly, as documented for editors.
"""

from django.utils.translation import gettext as _

from wagtail.actions.publish_page_revision import PublishPagePermissionError


class PublishRefused(PublishPagePermissionError):
    """The revision may not go live; the message says why, in the user's language."""


def publishing_user(revision, user):
    """The person on whose behalf `revision` is being published, or None for the site itself."""
    if user is not None:
        return user
    if revision.approved_go_live_at is not None:
        return None  # scheduled: the permission was checked when the go-live time was approved
    return revision.user


def publish_refusal(page, revision, user):
    """Why `revision` of `page` may not be published by `user` (see the module docstring), or None."""
    person = publishing_user(revision, user)
    if person is not None and person.is_superuser:
        return None
    if person is not None and not page.permissions_for_user(person).can_publish():
        return _(
            "Je mag deze pagina niet zelf publiceren. Sla je werk op als concept en stuur het in "
            "voor controle: de eindredactie publiceert na de toestemmingscontrole."
        )
    content_refusal = getattr(page, "content_publish_refusal", None)
    return content_refusal(revision) if content_refusal else None


class GuardedPublishMixin:
    """For every page model of the site: publishing goes through :func:`publish_refusal`."""

    def publish(self, revision, *args, user=None, **kwargs):
        refusal = publish_refusal(self, revision, user)
        if refusal:
            raise PublishRefused(refusal)
        return super().publish(revision, *args, user=user, **kwargs)
