"""Pilot rounds and street sign-ups: streets apply to join the next round of the programme.

A sign-up counts once every gangmaker on it has confirmed their email address (double opt-in).
Moderators move it on (`pilots.signup_moderation`, the one place that changes its state); the
mails they send are `SignupMailTemplate` snippets, editable and translatable. Visitors may also
ask to be told when the next round opens (`RoundSubscriber`, double opt-in too).
"""

import re

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, TranslatableMixin

from cms.publishing import GuardedPublishMixin
from home.models import IntroMixin

PLAIN_TEXT_HELP = _("Platte tekst: HTML wordt nooit als HTML getoond.")


class RoundQuerySet(models.QuerySet):
    def open(self, now=None):
        """Rounds taking sign-ups now: status open and between the opening and closing moment."""
        now = now or timezone.now()
        return self.filter(
            status=PilotRound.Status.OPEN, signup_opens__lte=now, signup_closes__gt=now
        ).order_by("signup_closes", "pk")

    def upcoming(self, now=None):
        """Rounds that will open later (planned, or open with an opening moment in the future)."""
        now = now or timezone.now()
        return self.filter(
            status__in=[PilotRound.Status.PLANNED, PilotRound.Status.OPEN], signup_opens__gt=now
        ).order_by("signup_opens", "pk")


class PilotRound(models.Model):
    """A cohort of streets that start together; sign-ups are open between two moments."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("gepland")
        OPEN = "open", _("open voor aanmeldingen")
        CLOSED = "closed", _("gesloten")
        FINISHED = "finished", _("afgerond")

    name = models.CharField(_("naam"), max_length=120, unique=True)
    districts = models.CharField(
        _("wijken"),
        max_length=255,
        blank=True,
        help_text=_("Gescheiden door komma's, bijvoorbeeld: Zuidwijk, Middelland. Leeg: alle wijken."),
    )
    signup_opens = models.DateTimeField(_("aanmelden kan vanaf"))
    signup_closes = models.DateTimeField(_("aanmelden kan tot"))
    capacity = models.PositiveSmallIntegerField(
        _("aantal straten"),
        validators=[MinValueValidator(1)],
        help_text=_("Is de ronde vol, dan komen nieuwe aanmeldingen vanzelf op de wachtlijst."),
    )
    selection_criteria = models.TextField(
        _("waar we op letten"),
        max_length=2000,
        blank=True,
        help_text=_("Eén punt per regel. Staat op de aanmeldpagina."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)

    objects = RoundQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("status"),
        FieldRowPanel([FieldPanel("signup_opens"), FieldPanel("signup_closes")]),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("districts")]),
        FieldPanel("selection_criteria"),
    ]

    class Meta:
        verbose_name = _("pilotronde")
        verbose_name_plural = _("pilotrondes")
        ordering = ["-signup_opens", "pk"]

    def __str__(self):
        return self.name

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.signup_opens and self.signup_closes and self.signup_closes <= self.signup_opens:
            raise ValidationError({"signup_closes": _("De sluitingsdatum ligt vóór de openingsdatum.")})

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.status == self.Status.OPEN and self.signup_opens <= now < self.signup_closes

    def district_list(self):
        return [part.strip() for part in self.districts.split(",") if part.strip()]

    def criteria_list(self):
        return [line.strip(" -•\t") for line in self.selection_criteria.splitlines() if line.strip(" -•\t")]

    def places_taken(self):
        """Sign-ups that hold a place: everything still in the running, duplicates not counted."""
        return self.signups.filter(
            state__in=StreetSignup.PLACE_HOLDING_STATES, duplicate_of__isnull=True
        ).count()

    def days_left(self, now=None):
        now = now or timezone.now()
        return max((timezone.localdate(self.signup_closes) - timezone.localdate(now)).days, 0)


def street_key(street):
    """The street as compared for duplicates: lower case, single spaces, no punctuation."""
    return " ".join(re.sub(r"[^\w\s]", " ", street.casefold()).split())


class StreetSignup(models.Model):
    class State(models.TextChoices):
        SUBMITTED = "submitted", _("ingediend")
        EMAIL_CONFIRMED = "email_confirmed", _("e-mail bevestigd")
        UNDER_REVIEW = "under_review", _("in behandeling")
        ACCEPTED = "accepted", _("toegelaten")
        WAITLISTED = "waitlisted", _("wachtlijst")
        DECLINED = "declined", _("afgewezen")
        WITHDRAWN = "withdrawn", _("ingetrokken")

    class Opzoomer(models.TextChoices):
        YES = "yes", _("Ja")
        NO = "no", _("Nee")
        UNKNOWN = "unknown", _("Weet ik niet")

    class HeardFrom(models.TextChoices):
        NEIGHBOUR = "neighbour", _("Van een buur of bekende")
        OPZOOMER = "opzoomer", _("Van Opzoomer Mee")
        PROFESSIONAL = "professional", _("Van het wijkteam of een welzijnswerker")
        FLYER = "flyer", _("Van een flyer of poster")
        ONLINE = "online", _("Op internet of sociale media")
        OTHER = "other", _("Anders")

    PLACE_HOLDING_STATES = [State.SUBMITTED, State.EMAIL_CONFIRMED, State.UNDER_REVIEW, State.ACCEPTED]

    round = models.ForeignKey(
        PilotRound, verbose_name=_("ronde"), on_delete=models.PROTECT, related_name="signups"
    )
    street = models.CharField(_("straat"), max_length=120)
    street_key = models.CharField(max_length=120, editable=False, db_index=True)
    postcode = models.CharField(_("postcode"), max_length=7)
    district = models.CharField(_("wijk"), max_length=80)
    households = models.PositiveSmallIntegerField(
        _("aantal huishoudens"), validators=[MinValueValidator(1), MaxValueValidator(5000)]
    )
    is_opzoomerstraat = models.CharField(
        _("al een Opzoomerstraat"), max_length=10, choices=Opzoomer.choices, default=Opzoomer.UNKNOWN
    )
    already_does = models.TextField(_("wat de straat al doet"), max_length=2000, blank=True)
    hopes = models.TextField(_("wat ze hopen"), max_length=2000, blank=True)
    heard_from = models.CharField(
        _("hoe ze ervan hoorden"), max_length=20, choices=HeardFrom.choices, blank=True
    )
    language = models.CharField(_("taal"), max_length=8, default="nl")
    state = models.CharField(
        _("status"), max_length=20, choices=State.choices, default=State.SUBMITTED, db_index=True
    )
    waitlisted_automatically = models.BooleanField(_("vanzelf op de wachtlijst"), default=False)
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("dubbele aanmelding van"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )
    privacy_consent_at = models.DateTimeField(_("privacyverklaring geaccepteerd op"))
    created_at = models.DateTimeField(_("ingediend op"), default=timezone.now, db_index=True)
    state_changed_at = models.DateTimeField(_("status gewijzigd op"), default=timezone.now)

    class Meta:
        verbose_name = _("straataanmelding")
        verbose_name_plural = _("straataanmeldingen")
        ordering = ["-created_at", "-pk"]
        permissions = [("moderate_streetsignup", "Can moderate street sign-ups")]

    def __str__(self):
        return f"{self.street}, {self.postcode}"

    def save(self, *args, **kwargs):
        self.street_key = street_key(self.street)
        super().save(*args, **kwargs)

    @property
    def is_duplicate(self):
        return self.duplicate_of_id is not None

    def gangmaker_names(self):
        return ", ".join(gangmaker.name for gangmaker in self.gangmakers.all())

    gangmaker_names.short_description = _("gangmakers")

    def emails_confirmed(self):
        gangmakers = list(self.gangmakers.all())
        return sum(1 for g in gangmakers if g.confirmed_at), len(gangmakers)


class Gangmaker(models.Model):
    """A resident who carries the street's sign-up; each confirms their own email address."""

    signup = models.ForeignKey(
        StreetSignup, verbose_name=_("aanmelding"), on_delete=models.CASCADE, related_name="gangmakers"
    )
    name = models.CharField(_("naam"), max_length=120)
    email = models.EmailField(_("e-mailadres"), max_length=254, db_index=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    confirmed_at = models.DateTimeField(_("e-mail bevestigd op"), null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("gangmaker")
        verbose_name_plural = _("gangmakers")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name


class RoundSubscriber(models.Model):
    """Someone who wants a mail when a round opens (double opt-in, with an unsubscribe link)."""

    email = models.EmailField(_("e-mailadres"), max_length=254, unique=True)
    language = models.CharField(_("taal"), max_length=8, default="nl")
    created_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    notified_round = models.ForeignKey(
        PilotRound,
        verbose_name=_("bericht gestuurd over"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notified_at = models.DateTimeField(_("bericht gestuurd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("wachtende op een nieuwe ronde")
        verbose_name_plural = _("wachtenden op een nieuwe ronde")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email


class MailPurpose(models.TextChoices):
    SIGNUP_UNDER_REVIEW = "signup_under_review", _("Aanmelding: in behandeling")
    SIGNUP_ACCEPTED = "signup_accepted", _("Aanmelding: toegelaten")
    SIGNUP_WAITLISTED = "signup_waitlisted", _("Aanmelding: wachtlijst")
    SIGNUP_DECLINED = "signup_declined", _("Aanmelding: afgewezen")
    SIGNUP_WITHDRAWN = "signup_withdrawn", _("Aanmelding: ingetrokken")
    SUBMISSION_APPROVED = "submission_approved", _("Verhaal: goedgekeurd")
    SUBMISSION_REJECTED = "submission_rejected", _("Verhaal: niet geplaatst")


PLACEHOLDERS = {
    "naam": _("naam van de ontvanger"),
    "straat": _("straat en postcode"),
    "ronde": _("naam van de ronde"),
    "titel": _("titel van het verhaal"),
    "opmerking": _("de opmerking of reden van de moderator"),
}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill_placeholders(text, values):
    """Replace {naam}, {straat}, ... in an editor's text; unknown placeholders stay as they are.

    Plain substitution, not str.format: an editor's text can never reach attributes or indexes.
    """
    return _PLACEHOLDER.sub(lambda match: str(values.get(match.group(1), match.group(0))), text)


class SignupMailTemplate(TranslatableMixin, models.Model):
    """A mail a moderator sends with a transition: editable, translatable (wagtail-localize)."""

    purpose = models.CharField(_("waarvoor"), max_length=30, choices=MailPurpose.choices)
    name = models.CharField(
        _("naam"),
        max_length=120,
        help_text=_("Zo kiest de moderator deze tekst, bijvoorbeeld: Toegelaten (standaard)."),
    )
    subject = models.CharField(_("onderwerp"), max_length=200)
    body = models.TextField(
        _("tekst"),
        max_length=5000,
        help_text=_(
            "Platte tekst. Je kunt gebruiken: {naam}, {straat}, {ronde}, {titel}, {opmerking}. "
            "Een lege opmerking laat een lege regel achter."
        ),
    )
    is_default = models.BooleanField(
        _("standaard"), default=False, help_text=_("Deze tekst staat voorgeselecteerd bij de moderator.")
    )

    panels = [
        FieldPanel("purpose"),
        FieldPanel("name"),
        FieldPanel("is_default"),
        MultiFieldPanel([FieldPanel("subject"), FieldPanel("body")], heading=_("Bericht")),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("e-mailtekst voor moderatie")
        verbose_name_plural = _("e-mailteksten voor moderatie")
        ordering = ["purpose", "-is_default", "name"]

    def __str__(self):
        return self.name

    def render(self, values):
        return fill_placeholders(self.subject, values), fill_placeholders(self.body, values)


def language_or_default(code):
    codes = {code for code, _name in settings.LANGUAGES}
    return code if code in codes else settings.LANGUAGE_CODE


class SignupPage(GuardedPublishMixin, RoutablePageMixin, IntroMixin, Page):
    """/nl/meedoen/: the sign-up form of the open round, or "tell me when it opens"."""

    cache_public = False  # a form: never from the page cache (cms/pagecache.py)

    closed_text = models.TextField(
        _("tekst als er geen ronde open is"),
        max_length=600,
        blank=True,
        help_text=_("Bijvoorbeeld: de volgende ronde begint waarschijnlijk in het voorjaar."),
    )
    thanks_text = models.TextField(
        _("tekst na het aanmelden"),
        max_length=600,
        blank=True,
        help_text=_("Staat op de bedankpagina, onder de uitleg over de bevestigingsmail."),
    )

    content_panels = (
        Page.content_panels
        + IntroMixin.content_panels
        + [
            FieldPanel("closed_text"),
            FieldPanel("thanks_text"),
        ]
    )
    search_fields = Page.search_fields + IntroMixin.search_fields

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pilots/signup_page.html"

    class Meta:
        verbose_name = _("aanmeldpagina voor straten")
        verbose_name_plural = _("aanmeldpagina's voor straten")

    def open_round(self):
        return PilotRound.objects.open().first()

    def next_round(self):
        return PilotRound.objects.upcoming().first()

    @path("")
    def signup(self, request):
        from ..signup_views import signup_view

        return signup_view(request, self)

    @path("bedankt/")
    def thanks(self, request):
        from ..signup_views import thanks_view

        return thanks_view(request, self)

    # Signed tokens travel in the query string (?t=...): Wagtail's page URLs allow only [\w-] in
    # a path segment, and a signed value contains ":".
    @path("bevestigen/")
    def confirm_email(self, request):
        from ..signup_views import confirm_gangmaker_view

        return confirm_gangmaker_view(request, self, request.GET.get("t", ""))

    @path("bericht/")
    def subscribe(self, request):
        from ..signup_views import subscribe_view

        return subscribe_view(request, self)

    @path("bericht/bevestigen/")
    def confirm_subscription(self, request):
        from ..signup_views import confirm_subscriber_view

        return confirm_subscriber_view(request, self, request.GET.get("t", ""))

    @path("bericht/afmelden/")
    def unsubscribe(self, request):
        from ..signup_views import unsubscribe_view

        return unsubscribe_view(request, self, request.GET.get("t", ""))
