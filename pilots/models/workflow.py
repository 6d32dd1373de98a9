"""The consent check: the second step of the editorial workflow (docs: pilots.workflow).

A moderator confirms, per person named or pictured on the page, that their consent is on file and
where it is kept. Approval without a confirmation for every person is impossible: the admin form
refuses it, and `on_action` checks again (the page editor posts the form data as JSON, so the form
alone is not a guarantee). Each confirmation is stored with the revision it approved and written to
the page's audit log.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import TaskState
from wagtail.models.workflows import AbstractGroupApprovalTask


class ConsentCheckTaskState(TaskState):
    """The state of one consent check on one revision; its confirmations hang off it."""

    class Meta:
        verbose_name = _("stand van een toestemmingscontrole")
        verbose_name_plural = _("standen van toestemmingscontroles")

    def get_comment(self):
        """The moderator's comment plus who was confirmed (shown in the workflow history)."""
        confirmations = list(self.confirmations.order_by("pk")) if self.pk else []
        lines = [self.comment] if self.comment else []
        if confirmations:
            lines.append(
                str(_("Toestemming bevestigd voor: %(people)s."))
                % {"people": "; ".join(f"{c.person_name} ({c.location})" for c in confirmations)}
            )
        elif self.status == self.STATUS_APPROVED:
            lines.append(str(_("Bevestigd: niemand op deze pagina heeft toestemming nodig.")))
        return "\n".join(lines)


class ConsentCheckTask(AbstractGroupApprovalTask):
    """A workflow task that can only be approved with a consent confirmation for every person."""

    task_state_class = ConsentCheckTaskState

    class Meta:
        verbose_name = _("toestemmingscontrole")
        verbose_name_plural = _("toestemmingscontroles")

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            return [
                ("reject", _("Wijzigingen vragen"), True),
                ("approve", _("Toestemming bevestigen en goedkeuren"), True),
            ]
        return []

    def get_form_for_action(self, action):
        if action == "approve":
            from ..consent import ConsentApprovalForm

            return ConsentApprovalForm
        return super().get_form_for_action(action)

    def get_template_for_action(self, action):
        if action == "approve":
            return "pilots/admin/consent_approval_modal.html"
        return super().get_template_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            from ..consent import confirm_consent_and_approve

            return confirm_consent_and_approve(task_state.specific, user, **kwargs)
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Leden van de gekozen groepen bevestigen per persoon op de pagina dat er toestemming is, "
            "en waar die bewaard wordt."
        )


class ConsentConfirmation(models.Model):
    """A moderator's statement that one person's consent is on file, for one revision."""

    task_state = models.ForeignKey(
        ConsentCheckTaskState,
        verbose_name=_("controle"),
        on_delete=models.CASCADE,
        related_name="confirmations",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", verbose_name=_("versie"), on_delete=models.CASCADE, related_name="+"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("pagina"), on_delete=models.CASCADE, related_name="+"
    )
    person_name = models.CharField(_("naam"), max_length=120)
    person_role = models.CharField(_("rol"), max_length=300, blank=True)
    location = models.CharField(
        _("waar de toestemming bewaard wordt"),
        max_length=255,
        help_text=_("Bijvoorbeeld: getekend formulier in de map Lief & Leed, kast 2."),
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bevestigd door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("bevestigd op"), default=timezone.now)

    class Meta:
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")
        ordering = ["-confirmed_at", "pk"]

    def __str__(self):
        return f"{self.person_name}: {self.location}"
