"""Workshops and their registrations.

A workshop is a page (translatable, one per language); its seats belong to the Dutch source page,
so the Dutch and English pages of one workshop share one capacity. Every registration points at the
source page. Seats are only ever given or taken by `pilots.workshops.seats` (one function, under a
row lock on the workshop): see docs/architecture.md, "Seat allocation".
"""

import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page
from wagtail.search import index

from cms.publishing import GuardedPublishMixin
from home.models import IntroMixin

MAX_PEOPLE = 4
SHORT_RICH_TEXT = ["bold", "italic", "ul", "ol", "link"]


class WorkshopIndexPage(GuardedPublishMixin, RoutablePageMixin, IntroMixin, Page):
    """/nl/workshops/: upcoming workshops first (with seats left), then past ones; an iCal feed."""

    search_fields = Page.search_fields + IntroMixin.search_fields
    parent_page_types = ["home.HomePage"]
    subpage_types = ["pilots.WorkshopPage"]
    max_count_per_parent = 1
    template = "pilots/workshop_index_page.html"
    # Seats left change with every registration: never from the page cache (cms/pagecache.py).
    cache_public = False

    class Meta:
        verbose_name = _("workshopoverzicht")
        verbose_name_plural = _("workshopoverzichten")

    def workshops(self):
        return WorkshopPage.objects.child_of(self).live().public().select_related("locale")

    def upcoming(self):
        return attach_seats(list(self.workshops().filter(ends_at__gte=timezone.now()).order_by("starts_at")))

    def past(self):
        return list(self.workshops().filter(ends_at__lt=timezone.now()).order_by("-starts_at")[:24])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["upcoming"] = self.upcoming()
        context["past"] = self.past()
        return context

    @path("agenda/", name="calendar")
    def calendar_feed(self, request):
        from ..workshops.ics import calendar_response

        workshops = (
            self.workshops().filter(ends_at__gte=timezone.now(), is_cancelled=False).order_by("starts_at")
        )
        return calendar_response(workshops, request, filename="workshops.ics")

    @path("")
    def index_route(self, request):
        return self.render(request)


class WorkshopPage(GuardedPublishMixin, RoutablePageMixin, IntroMixin, Page):
    """One workshop with its registration form; the self-service pages are routes of this page."""

    cache_public = False  # a form and the seats left: never from the page cache

    description = RichTextField(_("beschrijving"), features=SHORT_RICH_TEXT, blank=True)
    audience = models.CharField(
        _("voor wie"), max_length=200, help_text=_("Bijvoorbeeld: gangmakers, of professionals in de wijk.")
    )
    starts_at = models.DateTimeField(_("begint op"), help_text=_("Datum en tijd in Nederlandse tijd."))
    ends_at = models.DateTimeField(_("eindigt op"))
    venue = models.CharField(_("plaats"), max_length=200, help_text=_("Bijvoorbeeld: Buurthuis De Kameel."))
    address = models.CharField(_("adres"), max_length=250, help_text=_("Straat, huisnummer en plaats."))
    accessibility = models.TextField(
        _("toegankelijkheid"),
        max_length=1000,
        blank=True,
        help_text=_("Bijvoorbeeld: drempelvrij, lift, invalidentoilet, ringleiding."),
    )
    capacity = models.PositiveSmallIntegerField(
        _("aantal plekken"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    registration_opens_at = models.DateTimeField(_("aanmelden kan vanaf"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(
        _("aanmelden kan tot"), null=True, blank=True, help_text=_("Leeg: tot het begin van de workshop.")
    )
    ask_dietary = models.BooleanField(_("vraag naar dieetwensen"), default=False)
    ask_accessibility = models.BooleanField(_("vraag wat iemand nodig heeft om mee te doen"), default=True)
    is_cancelled = models.BooleanField(
        _("gaat niet door"),
        default=False,
        help_text=_("Aangemelde mensen krijgen een e-mail zodra je dit publiceert."),
    )

    content_panels = Page.content_panels + [
        *IntroMixin.content_panels,
        FieldPanel("description"),
        FieldPanel("audience"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]), FieldPanel("is_cancelled")],
            heading=_("Wanneer"),
        ),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("address"), FieldPanel("accessibility")], heading=_("Waar")
        ),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldRowPanel([FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]),
                FieldRowPanel([FieldPanel("ask_dietary"), FieldPanel("ask_accessibility")]),
            ],
            heading=_("Aanmelden"),
        ),
    ]
    search_fields = (
        Page.search_fields
        + IntroMixin.search_fields
        + [
            index.SearchField("description"),
            index.SearchField("audience"),
            index.SearchField("venue"),
            index.FilterField("starts_at"),
        ]
    )
    parent_page_types = ["pilots.WorkshopIndexPage"]
    subpage_types = []
    template = "pilots/workshop_page.html"

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("Het einde moet na het begin liggen.")
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if opens and closes and closes <= opens:
            errors["registration_closes_at"] = _("Aanmelden moet sluiten nadat het opengaat.")
        if self.pk and self.capacity:
            taken = seats_taken(self.seat_owner_id)
            if self.capacity < taken:
                errors["capacity"] = _(
                    "Er zijn al %(taken)s plekken bevestigd. Kies minstens %(taken)s plekken, "
                    "of meld eerst mensen af in de lijst met aanmeldingen."
                ) % {"taken": taken}
        if errors:
            raise ValidationError(errors)

    # --- seats -------------------------------------------------------------------------------

    @property
    def seat_owner_id(self):
        """The page whose capacity and registrations count: the Dutch source of this workshop."""
        if not self.pk:
            return None
        if not hasattr(self, "_seat_owner_id"):
            default = Locale.get_default()
            if self.locale_id == default.pk:
                self._seat_owner_id = self.pk
            else:
                owner = (
                    WorkshopPage.objects.filter(translation_key=self.translation_key, locale=default)
                    .values_list("pk", flat=True)
                    .first()
                )
                self._seat_owner_id = owner or self.pk
        return self._seat_owner_id

    @property
    def seats_left(self):
        if not hasattr(self, "_seats_left"):
            attach_seats([self])
        return self._seats_left

    @property
    def has_waitlist(self):
        return Registration.objects.filter(
            workshop_id=self.seat_owner_id, status=Registration.Status.WAITLIST
        ).exists()

    def registration_state(self, now=None):
        """'open', 'not_yet', 'closed', 'past' or 'cancelled'."""
        now = now or timezone.now()
        if self.is_cancelled:
            return "cancelled"
        if self.starts_at <= now:
            return "past" if self.ends_at < now else "closed"
        if self.registration_opens_at and now < self.registration_opens_at:
            return "not_yet"
        if self.registration_closes_at and now >= self.registration_closes_at:
            return "closed"
        return "open"

    def schedule_fingerprint(self):
        """Changes when anything registrants rely on changes: time, place or cancellation."""
        parts = [
            self.starts_at.isoformat(),
            self.ends_at.isoformat(),
            self.venue,
            self.address,
            str(self.is_cancelled),
        ]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()

    def in_language(self, language_code):
        """This workshop's live page in `language_code`, or the Dutch one."""
        locale = Locale.objects.filter(language_code=language_code).first()
        translated = self.get_translation_or_none(locale) if locale else None
        if translated is not None and translated.live:
            return translated.specific
        return self

    # --- routes (the views are thin: pilots.workshops.views) ----------------------------------

    @path("")
    def registration_form(self, request):
        from ..workshops.views import workshop_page

        return workshop_page(self, request)

    @path("bedankt/")
    def thank_you(self, request):
        from ..workshops.views import thank_you

        return thank_you(self, request)

    @path("aanmelding/<int:pk>/<str:token>/")
    def manage_registration(self, request, pk, token):
        from ..workshops.views import manage_registration

        return manage_registration(self, request, pk, token)

    @path("agenda/", name="calendar")
    def calendar_file(self, request):
        from ..workshops.ics import calendar_response

        return calendar_response([self], request, filename=f"{self.slug}.ics")


def seats_taken(workshop_id):
    """Seats held by confirmed (and checked-in) registrations of one workshop."""
    return (
        Registration.objects.filter(workshop_id=workshop_id, status__in=Registration.HOLDS_SEAT).aggregate(
            total=Sum("people")
        )["total"]
        or 0
    )


def attach_seats(workshops):
    """Set the seat owner and `_seats_left` on each workshop: three queries for the whole list."""
    default = Locale.get_default()
    translated = [w for w in workshops if w.locale_id != default.pk and not hasattr(w, "_seat_owner_id")]
    if translated:
        sources = dict(
            WorkshopPage.objects.filter(
                translation_key__in={w.translation_key for w in translated}, locale=default
            ).values_list("translation_key", "pk")
        )
        for workshop in translated:
            workshop._seat_owner_id = sources.get(workshop.translation_key, workshop.pk)
    for workshop in workshops:
        if workshop.locale_id == default.pk:
            workshop._seat_owner_id = workshop.pk
    owners = {workshop.pk: workshop.seat_owner_id for workshop in workshops}
    totals = dict(
        Registration.objects.filter(workshop_id__in=set(owners.values()), status__in=Registration.HOLDS_SEAT)
        .values("workshop_id")
        .annotate(total=Sum("people"))
        .values_list("workshop_id", "total")
    )
    capacities = dict(WorkshopPage.objects.filter(pk__in=set(owners.values())).values_list("pk", "capacity"))
    for workshop in workshops:
        owner = owners[workshop.pk]
        capacity = capacities.get(owner, workshop.capacity)
        workshop._seats_left = max(capacity - (totals.get(owner) or 0), 0)
    return workshops


def new_token():
    return secrets.token_urlsafe(32)


class Registration(models.Model):
    """One person (with up to three others) for one workshop."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("bevestigd")
        WAITLIST = "waitlist", _("wachtlijst")
        CANCELLED = "cancelled", _("afgemeld")
        ATTENDED = "attended", _("aanwezig")
        NO_SHOW = "no_show", _("niet gekomen")

    HOLDS_SEAT = (Status.CONFIRMED, Status.ATTENDED, Status.NO_SHOW)

    workshop = models.ForeignKey(
        WorkshopPage, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField(_("naam"), max_length=100)
    email = models.EmailField(_("e-mailadres"), max_length=254)
    phone = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    street = models.CharField(_("straat"), max_length=100, blank=True)
    people = models.PositiveSmallIntegerField(
        _("aantal personen"), default=1, validators=[MinValueValidator(1), MaxValueValidator(MAX_PEOPLE)]
    )
    dietary_needs = models.CharField(_("dieetwensen"), max_length=300, blank=True)
    accessibility_needs = models.CharField(_("nodig om mee te doen"), max_length=300, blank=True)
    language = models.CharField(_("taal"), max_length=10, default="nl")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, db_index=True)
    token = models.CharField(max_length=64, default=new_token, editable=False)
    created_at = models.DateTimeField(_("aangemeld op"), default=timezone.now, db_index=True)
    waitlisted_at = models.DateTimeField(_("op de wachtlijst sinds"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("afgemeld op"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    thank_you_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["workshop", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["workshop", "email"], name="pilots_registration_unique_email"),
            models.CheckConstraint(
                condition=Q(people__gte=1) & Q(people__lte=MAX_PEOPLE), name="pilots_registration_people_1_4"
            ),
        ]
        indexes = [
            models.Index(fields=["workshop", "status", "waitlisted_at"], name="pilots_reg_waitlist_idx")
        ]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"

    @property
    def holds_seat(self):
        return self.status in self.HOLDS_SEAT


class WorkshopAnnouncement(models.Model):
    """What registrants were last told about a workshop's time and place (jobs.announce_changes).

    Kept outside the page: a page field would be copied into every revision, and publishing an
    older draft would bring back an old value.
    """

    workshop = models.OneToOneField(
        WorkshopPage, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    fingerprint = models.CharField(max_length=64)
    announced_at = models.DateTimeField(auto_now=True)
