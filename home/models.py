from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from cms.publishing import GuardedPublishMixin

from .blocks import BaseStreamBlock, StandardPageStreamBlock


class IntroMixin(models.Model):
    """A short plain-text introduction shown under the title and in listings and search."""

    intro = models.TextField(
        _("inleiding"),
        max_length=600,
        blank=True,
        help_text=_("Eén of twee korte zinnen in eenvoudig Nederlands (B1)."),
    )

    content_panels = [FieldPanel("intro")]
    search_fields = [index.SearchField("intro")]

    class Meta:
        abstract = True


class HomePage(GuardedPublishMixin, IntroMixin, Page):
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("grote foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("inhoud"))

    content_panels = (
        Page.content_panels
        + IntroMixin.content_panels
        + [
            FieldPanel("hero_image"),
            FieldPanel("body"),
        ]
    )
    search_fields = Page.search_fields + IntroMixin.search_fields + [index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("startpagina")
        verbose_name_plural = _("startpagina's")


class StandardPage(GuardedPublishMixin, IntroMixin, Page):
    """A plain content page: privacy statement, accessibility statement, about us."""

    body = StreamField(StandardPageStreamBlock(), verbose_name=_("inhoud"))
    last_reviewed = models.DateField(
        _("laatst gecontroleerd"),
        null=True,
        blank=True,
        help_text=_("Wordt onder de pagina getoond, bijvoorbeeld bij de privacyverklaring."),
    )

    content_panels = (
        Page.content_panels
        + IntroMixin.content_panels
        + [
            FieldPanel("body"),
            FieldPanel("last_reviewed"),
        ]
    )
    search_fields = Page.search_fields + IntroMixin.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    template = "home/standard_page.html"

    class Meta:
        verbose_name = _("standaardpagina")
        verbose_name_plural = _("standaardpagina's")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(_("organisatie"), max_length=120, default="Opzoomer Mee")
    contact_email = models.EmailField(_("e-mailadres"), blank=True)
    contact_phone = models.CharField(_("telefoonnummer"), max_length=40, blank=True)
    address = models.TextField(_("adres"), max_length=300, blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("address"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("instagram_url"), FieldPanel("linkedin_url")],
            heading=_("Sociale media"),
        ),
    ]

    class Meta:
        verbose_name = _("website-instellingen")

    @property
    def social_links(self):
        return [
            (label, url)
            for label, url in (
                ("Facebook", self.facebook_url),
                ("Instagram", self.instagram_url),
                ("LinkedIn", self.linkedin_url),
            )
            if url
        ]


class Menu(TranslatableMixin, ClusterableModel):
    """The main navigation or the footer, per language, managed by editors as a snippet."""

    class Kind(models.TextChoices):
        MAIN = "main", _("Hoofdmenu")
        FOOTER = "footer", _("Voettekst")

    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    text = models.TextField(
        _("tekst"), blank=True, max_length=500, help_text=_("Alleen voor de voettekst: een korte zin.")
    )

    panels = [FieldPanel("kind"), FieldPanel("text"), InlinePanel("items", label=_("Links"))]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("menu")
        verbose_name_plural = _("menu's")
        constraints = [
            models.UniqueConstraint(fields=["kind", "locale"], name="one_menu_per_kind_and_locale"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.locale})"


class MenuItem(Orderable):
    menu = ParentalKey(Menu, related_name="items", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("pagina"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    url = models.URLField(_("of een webadres"), blank=True)
    label = models.CharField(
        _("tekst"),
        max_length=60,
        blank=True,
        help_text=_("Leeg laten om de titel van de pagina te gebruiken."),
    )

    panels = [FieldPanel("page"), FieldPanel("url"), FieldPanel("label")]

    def __str__(self):
        return self.title

    @property
    def title(self):
        return self.label or (self.page.title if self.page_id else self.url)

    def clean(self):
        from django.core.exceptions import ValidationError

        if bool(self.page_id) == bool(self.url):
            raise ValidationError(_("Kies een pagina of vul een webadres in (één van de twee)."))
