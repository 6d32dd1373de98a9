"""Confirming consent in the workflow: the approval form and the one place that records it."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log
from wagtail.models import TaskState

from .models import ConsentCheckTaskState, ConsentConfirmation

CONSENT_LOG_ACTION = "pilots.consent_confirmed"


class ConsentMissing(PermissionDenied):
    """Approval was asked for without a confirmation for every person on the page."""


def revision_under_review(task_state):
    """The revision the workflow will publish: the latest one (an editor may have changed the page
    during the review, and that is the content that goes live)."""
    return task_state.workflow_state.content_object.get_latest_revision()


def people_on_revision(revision):
    page = revision.as_object()
    consent_people = getattr(page, "consent_people", None)
    return consent_people() if consent_people else []


class ConsentApprovalForm(forms.Form):
    """One checkbox and one "where is it kept" field per person on the revision under review.

    Wagtail builds this form from the POST data alone, so the task state travels in a hidden
    field ("review") to find the people; `confirm_consent_and_approve` checks it is the real one.
    """

    review = forms.IntegerField(widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Opmerking (niet verplicht)"), required=False, max_length=2000, widget=forms.Textarea
    )

    def __init__(self, data=None, *args, task_state=None, **kwargs):
        super().__init__(data, *args, **kwargs)
        if task_state is None and data is not None:
            task_state = self._task_state_from(data.get("review"))
        self.task_state = task_state
        self.people = people_on_revision(revision_under_review(task_state)) if task_state else []
        if task_state is not None:
            self.fields["review"].initial = task_state.pk
        if not self.people:
            self.fields["nobody"] = forms.BooleanField(
                label=_(
                    "Ik heb de pagina en de foto's bekeken: er staat niemand op die toestemming moet geven."
                ),
                required=False,
            )
        for number, person in enumerate(self.people):
            self.fields[f"person_{number}_confirmed"] = forms.BooleanField(
                label=_("Toestemming van %(name)s (%(role)s) is aanwezig")
                % {"name": person["name"], "role": person["role"]},
                required=False,
            )
            self.fields[f"person_{number}_location"] = forms.CharField(
                label=_("Waar wordt de toestemming van %(name)s bewaard?") % {"name": person["name"]},
                help_text=_("Bijvoorbeeld: getekend formulier in de map Lief & Leed, kast 2."),
                max_length=255,
                required=False,
            )
        # The comment last, under the people.
        self.order_fields([name for name in self.fields if name != "comment"] + ["comment"])

    @staticmethod
    def _task_state_from(value):
        try:
            return ConsentCheckTaskState.objects.filter(pk=int(value)).first()
        except (TypeError, ValueError):
            return None

    def clean(self):
        cleaned = super().clean()
        if self.task_state is None:
            raise forms.ValidationError(_("Deze controle bestaat niet meer. Laad de pagina opnieuw."))
        if not self.people:
            if not cleaned.get("nobody"):
                self.add_error("nobody", _("Bevestig dat niemand op deze pagina toestemming hoeft te geven."))
            return {"review": self.task_state.pk, "comment": cleaned.get("comment", ""), "nobody": True}
        confirmations = []
        for number, person in enumerate(self.people):
            confirmed = cleaned.get(f"person_{number}_confirmed")
            location = (cleaned.get(f"person_{number}_location") or "").strip()
            if not confirmed:
                self.add_error(
                    f"person_{number}_confirmed",
                    _("Bevestig de toestemming van %(name)s.") % {"name": person["name"]},
                )
            if not location:
                self.add_error(
                    f"person_{number}_location",
                    _("Vul in waar de toestemming van %(name)s bewaard wordt.") % {"name": person["name"]},
                )
            confirmations.append({**person, "location": location})
        if self.errors:
            raise forms.ValidationError(
                _("Goedkeuren kan pas als de toestemming van iedereen op de pagina is bevestigd.")
            )
        return {
            "review": self.task_state.pk,
            "comment": cleaned.get("comment", ""),
            "confirmations": confirmations,
        }


def _check_confirmations(people, confirmations, nobody):
    """Every person on the revision needs a confirmation with a place where the consent is kept."""
    if not people:
        if not nobody:
            raise ConsentMissing("Confirm that nobody on this page needs to give consent.")
        return []
    by_name = {}
    for confirmation in confirmations or []:
        name = str(confirmation.get("name", "")).strip()
        location = str(confirmation.get("location", "")).strip()[:255]
        if name and location:
            by_name[name] = location
    missing = [person["name"] for person in people if person["name"] not in by_name]
    if missing:
        raise ConsentMissing(f"No consent confirmation for: {', '.join(missing)}")
    return [{**person, "location": by_name[person["name"]]} for person in people]


@transaction.atomic
def confirm_consent_and_approve(
    task_state, user, *, confirmations=None, nobody=False, comment="", review=None
):
    """Record the consent confirmations for the revision under review, log them, approve the task.

    Raises ConsentMissing (a PermissionDenied) when a person on the page has no confirmation.
    `review` is the id of the task state the form was built for; it must be this one.
    """
    if review is not None and int(review) != task_state.pk:
        raise PermissionDenied("The confirmation was made for another review.")
    # Lock the row: of two moderators approving at once, the second finds it finished.
    TaskState.objects.select_for_update().filter(pk=task_state.pk).first()
    task_state.refresh_from_db()
    if task_state.status != TaskState.STATUS_IN_PROGRESS:
        raise PermissionDenied("This review is not in progress.")

    revision = revision_under_review(task_state)
    page = revision.as_object()
    confirmed = _check_confirmations(people_on_revision(revision), confirmations, nobody)
    ConsentConfirmation.objects.bulk_create(
        ConsentConfirmation(
            task_state=task_state,
            revision=revision,
            page_id=page.pk,
            person_name=person["name"],
            person_role=person["role"][:300],
            location=person["location"],
            confirmed_by=user,
        )
        for person in confirmed
    )
    log(
        instance=page,
        action=CONSENT_LOG_ACTION,
        user=user,
        revision=revision,
        data={
            "task_state_id": task_state.pk,
            "people": [
                {"name": person["name"], "role": person["role"], "location": person["location"]}
                for person in confirmed
            ],
        },
    )
    task_state.approve(user=user, comment=comment)


def format_consent_log_message(data):
    people = data.get("people") or []
    if not people:
        return gettext("Toestemming gecontroleerd: niemand op deze pagina heeft toestemming nodig.")
    return gettext("Toestemming bevestigd voor %(people)s.") % {
        "people": "; ".join(f"{person['name']} ({person['location']})" for person in people)
    }


def publish_through_workflow(page, *, author, reviewer, moderator, final_approver, kept_at):
    """Take `page` through the whole editorial workflow: `author` submits its latest content,
    `reviewer` approves the review, `moderator` confirms every person's consent (kept at `kept_at`),
    and `final_approver`'s approval publishes it. For content that arrives as a finished whole (the
    demo); each step is the one an editor takes in the admin."""
    from wagtail.models import Page

    page.save_revision(user=author, log_action=True)
    page.get_workflow().start(page, author)
    Page.objects.get(pk=page.pk).current_workflow_task_state.approve(user=reviewer)
    consent_step = Page.objects.get(pk=page.pk).current_workflow_task_state.specific
    people = people_on_revision(revision_under_review(consent_step))
    confirm_consent_and_approve(
        consent_step,
        moderator,
        confirmations=[{**person, "location": kept_at} for person in people],
        nobody=not people,
    )
    Page.objects.get(pk=page.pk).current_workflow_task_state.approve(user=final_approver)
