from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboundEmail(models.Model):
    """One message in the mail outbox (docs/adr/0001-mail-outbox.md).

    Rows are written in the same transaction as the record they belong to, and sent by the
    worker (`cms.mail.send_pending_mail`), so a form post never waits on SMTP and a down SMTP
    server loses nothing.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Wacht op verzending")
        SENDING = "sending", _("Wordt verzonden")
        SENT = "sent", _("Verzonden")
        FAILED = "failed", _("Mislukt")

    recipients = models.JSONField(_("aan"))
    from_email = models.CharField(_("van"), max_length=254)
    reply_to = models.CharField(_("antwoorden aan"), max_length=254, blank=True)
    subject = models.CharField(_("onderwerp"), max_length=255)
    body_text = models.TextField(_("tekst"))
    body_html = models.TextField(_("HTML"), blank=True)
    attachments = models.JSONField(_("bijlagen"), default=list, blank=True)
    language = models.CharField(_("taal"), max_length=8, blank=True)
    idempotency_key = models.CharField(
        _("sleutel"),
        max_length=200,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Voorkomt dat dezelfde e-mail twee keer in de outbox komt."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveIntegerField(_("pogingen"), default=0)
    next_attempt_at = models.DateTimeField(_("volgende poging"), default=timezone.now, db_index=True)
    claimed_at = models.DateTimeField(_("opgepakt op"), null=True, blank=True)
    last_error = models.TextField(_("laatste fout"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("verzonden op"), null=True, blank=True)

    class Meta:
        verbose_name = _("uitgaande e-mail")
        verbose_name_plural = _("outbox")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due_idx")]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.recipients)}"

    @property
    def message_id(self):
        """A stable Message-ID: a receiver can recognise a message that was sent again."""
        return f"<outbox-{self.pk}@liefenleed.opzoomermee.nl>"


class PersonalDataAction(models.Model):
    """One export, erasure or purge of personal data: the record Wagtail's audit log points to.

    It holds what was done, by whom and how many records per kind, never the address itself:
    `subject_hash` is an HMAC of the address (cms.privacy.subject_hash), so an officer can check
    that a request was carried out without the site keeping the address it was asked to forget.
    """

    class Action(models.TextChoices):
        EXPORT = "export", _("Inzage (export)")
        ERASE = "erase", _("Verwijderen")
        PURGE = "purge", _("Opschonen (bewaartermijnen)")

    action = models.CharField(_("actie"), max_length=10, choices=Action.choices)
    subject_hash = models.CharField(
        _("kenmerk van het e-mailadres"), max_length=64, blank=True, db_index=True
    )
    counts = models.JSONField(_("aantallen per soort"), default=dict, blank=True)
    source = models.CharField(_("via"), max_length=20, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("privacyactie")
        verbose_name_plural = _("privacyacties")
        ordering = ["-created_at", "-id"]
        default_permissions = ()
        permissions = [
            ("handle_personal_data", _("Kan persoonsgegevens exporteren, verwijderen en opschonen"))
        ]

    def __str__(self):
        # Shown in the audit log: the action and the total, never the address.
        return f"{self.get_action_display()} ({sum(self.counts.values())})"
