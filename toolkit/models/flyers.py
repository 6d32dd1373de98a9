"""Printable flyers and letters: templates editors manage, and the jobs gangmakers make from them.

A FlyerTemplate is a translatable snippet with revisions and a preview. A FlyerJob is one
personalised PDF: the validated input (personal: street and first names), stored with its content
hash, and where its file is. toolkit/flyers.py renders and caches them.
"""

import hashlib

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable, PreviewableMixin, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..choices import ColourTheme, FlyerKind, PaperFormat

PLACEHOLDERS = ("straat", "datum", "tijd", "plek", "gangmakers", "contact", "huisnummer")


class FlyerTemplate(TranslatableMixin, PreviewableMixin, RevisionMixin, index.Indexed, models.Model):
    name = models.CharField(
        _("naam"),
        max_length=80,
        help_text=_("Voor de redactie en in de toolkit, bijvoorbeeld: Koffieochtend"),
    )
    kind = models.CharField(
        _("soort"), max_length=20, choices=FlyerKind.choices, default=FlyerKind.INVITATION
    )
    paper = models.CharField(
        _("papierformaat"), max_length=12, choices=PaperFormat.choices, default=PaperFormat.A5
    )
    headline = models.CharField(
        _("kop"),
        max_length=90,
        help_text=_("Kort en groot, bijvoorbeeld: Koffie in de {straat}! Invulwoorden mogen ook hier."),
    )
    body = models.TextField(
        _("tekst"),
        max_length=1200,
        help_text=_(
            "Gewone tekst; een lege regel begint een nieuwe alinea. Invulwoorden: {straat}, {datum}, "
            "{tijd}, {plek}, {gangmakers}, {contact}, {huisnummer}."
        ),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("afbeelding"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    theme = models.CharField(
        _("kleuren"), max_length=12, choices=ColourTheme.choices, default=ColourTheme.BRICK
    )
    reply_strip = models.BooleanField(
        _("strookje om af te knippen"),
        default=False,
        help_text=_("Met: ja, ik kom / nee, ik kan niet / ik wil helpen, naam en huisnummer."),
    )
    per_address = models.BooleanField(
        _("brief per adres"),
        default=False,
        help_text=_("Gangmakers kunnen huisnummers opgeven: één bladzijde per adres, aan de bewoners."),
    )
    qr_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("QR-code naar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Een pagina van de website, bijvoorbeeld meedoen of een workshop. Leeg: geen QR-code."),
    )
    qr_text = models.CharField(
        _("tekst bij de QR-code"),
        max_length=80,
        blank=True,
        help_text=_("Bijvoorbeeld: Scan de code en meld je straat aan."),
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="flyer_template")

    panels = [
        FieldPanel("name"),
        MultiFieldPanel([FieldPanel("kind"), FieldPanel("paper"), FieldPanel("theme")], heading=_("Vorm")),
        FieldPanel("headline"),
        FieldPanel("body"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("reply_strip"),
                FieldPanel("per_address"),
                PageChooserPanel("qr_page"),
                FieldPanel("qr_text"),
            ],
            heading=_("Extra's"),
        ),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("headline"),
        TranslatableField("body"),
        TranslatableField("qr_text"),
        SynchronizedField("kind"),
        SynchronizedField("paper"),
        SynchronizedField("theme"),
        SynchronizedField("image"),
        SynchronizedField("reply_strip"),
        SynchronizedField("per_address"),
        SynchronizedField("qr_page"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("headline"),
        index.AutocompleteField("name"),
        index.AutocompleteField("headline"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("flyersjabloon")
        verbose_name_plural = _("flyersjablonen")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions

    def used_placeholders(self):
        """The placeholders this template's texts use, e.g. {"straat", "datum"}."""
        text = f"{self.headline}\n{self.body}"
        return {name for name in PLACEHOLDERS if "{" + name + "}" in text}

    def fingerprint(self):
        """What the rendered flyer depends on, for the cache key (changes with every edit)."""
        parts = [
            str(self.pk),
            str(self.latest_revision_id or ""),
            self.locale.language_code if self.locale_id else "",
            self.kind,
            self.paper,
            self.theme,
            self.headline,
            self.body,
            self.qr_text,
            str(self.reply_strip),
            str(self.per_address),
            str(self.qr_page_id or ""),
            self.image.file.name if self.image_id else "",
        ]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()

    # Preview in the admin: the first page, filled in with an example street.
    preview_modes = [("", _("Voorbeeld")), ("letter", _("Als brief"))]

    def get_preview_template(self, request, mode_name, **kwargs):
        return "toolkit/flyer/admin_preview.html"

    def get_preview_context(self, request, mode_name, **kwargs):
        from ..flyers import example_inputs, flyer_context

        context = super().get_preview_context(request, mode_name)
        inputs = example_inputs(self, letter=mode_name == "letter")
        context.update(
            flyer_context(self, inputs, [self.locale.language_code], for_pdf=False, first_only=True)
        )
        return context


class ToolkitItemFlyerTemplate(Orderable):
    """A flyer template offered on a toolkit item ("Maak je eigen uitnodiging")."""

    page = ParentalKey(
        "toolkit.ToolkitItemPage", related_name="flyer_template_links", on_delete=models.CASCADE
    )
    template = models.ForeignKey(
        FlyerTemplate, verbose_name=_("flyersjabloon"), on_delete=models.CASCADE, related_name="item_links"
    )

    panels = [FieldPanel("template")]
    # The Dutch template is linked in every language; the page shows its translation where there is one.
    translatable_fields = [SynchronizedField("template")]

    class Meta(Orderable.Meta):
        verbose_name = _("flyersjabloon")
        verbose_name_plural = _("flyersjablonen")

    def __str__(self):
        return str(self.template)


class FlyerJob(models.Model):
    """One personalised PDF: the input a gangmaker typed, its content hash and the file's state.

    Personal data (street, first names, contact): purged with the file after
    PERSONAL_DATA_RETENTION_DAYS["flyers"] days (cms.privacy).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("wacht")
        RENDERING = "rendering", _("wordt gemaakt")
        READY = "ready", _("klaar")
        FAILED = "failed", _("mislukt")

    key = models.CharField(max_length=64, unique=True)
    template = models.ForeignKey(FlyerTemplate, on_delete=models.CASCADE, related_name="jobs")
    languages = models.CharField(max_length=12)
    inputs = models.JSONField()
    page_count = models.PositiveIntegerField(default=1)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    error = models.CharField(max_length=300, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("flyer")
        verbose_name_plural = _("flyers")

    def __str__(self):
        return f"{self.template} ({self.languages}, {self.page_count})"

    @property
    def language_list(self):
        return self.languages.split("+")
