"""Pilot pages and stories: the heart of the site, and everything in them that names a resident.

Listings cost the same few queries for 3 items or 300: the querysets below select and prefetch
what the cards show (image and its renditions, people, tags), and the pilot a story belongs to is
looked up in the visitor's language once for the whole page of results.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Max, Min
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BaseStreamBlock, CaptionedImageBlock
from home.models import IntroMixin

from ..permissions import ConsentGuardedPublishMixin

SHORT_RICH_TEXT = ["bold", "italic", "ul", "ol", "link"]
PER_PAGE = 12


def this_year():
    return datetime.date.today().year


class PersonRole(models.TextChoices):
    GANGMAKER = "gangmaker", _("gangmaker")
    RESIDENT = "resident", _("bewoner")
    PROJECT_LEADER = "project_leader", _("projectleider")
    PROFESSIONAL = "professional", _("professional")
    ADMINISTRATOR = "administrator", _("bestuurder")
    RESEARCHER = "researcher", _("onderzoeker")
    ADVISER = "adviser", _("adviseur")


class StoryKind(models.TextChoices):
    GANGMAKER = "gangmaker", _("Verhaal van een gangmaker")
    REFLECTION = "reflection", _("Reflectie van een professional")


class PhotoMixin(models.Model):
    """One main photo with its own alt text (the alt text is translated with the page)."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("alt-tekst van de foto"),
        max_length=250,
        blank=True,
        help_text=_(
            "Beschrijf in één zin wat er op de foto te zien is, voor wie de foto niet kan zien. "
            "Leeg laten gebruikt de beschrijving van de afbeelding."
        ),
    )

    content_panels = [
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Foto")),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip() and not self.image.description.strip():
            raise ValidationError(
                {"image_alt": _("Een foto heeft een alt-tekst nodig. Beschrijf kort wat erop staat.")}
            )

    @property
    def photo_alt(self):
        if not self.image_id:
            return ""
        return self.image_alt.strip() or self.image.default_alt_text


class NamedPerson(Orderable):
    """Someone named or pictured on a page: their consent is checked before the page goes live."""

    name = models.CharField(_("naam"), max_length=120)
    role = models.CharField(_("rol"), max_length=20, choices=PersonRole.choices, default=PersonRole.GANGMAKER)
    street_or_organisation = models.CharField(
        _("straat of organisatie"),
        max_length=160,
        blank=True,
        help_text=_("Bijvoorbeeld: Korenaarstraat, of: hogeschool Inholland."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldPanel("street_or_organisation"),
    ]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.name

    @property
    def description(self):
        """ "gangmaker, Korenaarstraat": the role in the visitor's language and the street."""
        parts = [str(self.get_role_display())]
        if self.street_or_organisation:
            parts.append(self.street_or_organisation)
        return ", ".join(parts)


class ConsentSubjectMixin:
    """Pages that name people say who they are, so the consent check can list them."""

    def consent_people(self):
        """The people whose consent must be on file: [{"name": ..., "role": ...}], in page order."""
        return [
            {"name": person.name.strip(), "role": person.description}
            for person in self.people.all()
            if person.name.strip()
        ]


class PilotIndexPage(ConsentGuardedPublishMixin, IntroMixin, Page):
    """/nl/pilots/: the pilots as cards, filterable by wijk and year, paginated."""

    content_panels = Page.content_panels + IntroMixin.content_panels
    search_fields = Page.search_fields + IntroMixin.search_fields

    parent_page_types = ["home.HomePage"]
    subpage_types = ["pilots.PilotPage"]
    max_count_per_parent = 1
    template = "pilots/pilot_index_page.html"

    class Meta:
        verbose_name = _("overzicht van de pilots")
        verbose_name_plural = _("overzichten van de pilots")

    def all_pilots(self):
        return PilotPage.objects.child_of(self).live().public()

    def pilots(self, district="", year=None):
        """The live pilots under this page, newest first, with what the cards show."""
        pilots = (
            self.all_pilots()
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("-year_start", "title")
        )
        if district:
            pilots = pilots.filter(district=district)
        if year:
            pilots = pilots.filter(year_start__lte=year).filter(
                models.Q(year_end__gte=year) | models.Q(year_end__isnull=True, year_start=year)
            )
        return pilots

    def district_choices(self):
        districts = self.all_pilots().order_by("district").values_list("district", flat=True).distinct()
        return [(district, district) for district in districts if district]

    def year_choices(self):
        span = self.all_pilots().aggregate(
            first=Min("year_start"), last=Max(Coalesce("year_end", "year_start"))
        )
        if span["first"] is None:
            return []
        return [(str(year), str(year)) for year in range(span["last"], span["first"] - 1, -1)]

    def get_context(self, request, *args, **kwargs):
        from ..forms import PilotFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = PilotFilterForm(request.GET, index=self)
        filters = form.filters()
        page_obj = Paginator(self.pilots(**filters), PER_PAGE).get_page(request.GET.get("page"))
        context.update(filter_form=form, filtered=any(filters.values()), page_obj=page_obj)
        return context


class PilotPerson(NamedPerson):
    page = ParentalKey("pilots.PilotPage", related_name="people", on_delete=models.CASCADE)


PARTNER_KINDS = [
    ("housing", _("woningcorporatie")),
    ("welfare", _("welzijn en sociaal werk")),
    ("care", _("zorg")),
    ("municipality", _("gemeente")),
    ("education", _("onderwijs en onderzoek")),
    ("other", _("anders")),
]


class PartnerValue(blocks.StructValue):
    def kind_label(self):
        return dict(PARTNER_KINDS).get(self.get("kind"), "")


class PartnerBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120, label=_("Naam"))
    kind = blocks.ChoiceBlock(choices=PARTNER_KINDS, default="welfare", label=_("Soort partner"))

    class Meta:
        icon = "group"
        label = _("Partner")
        value_class = PartnerValue


class PilotPage(ConsentGuardedPublishMixin, ConsentSubjectMixin, PhotoMixin, IntroMixin, Page):
    """One pilot: where and when, who took part, what was done, what it gave and what we learned."""

    district = models.CharField(_("wijk"), max_length=80, help_text=_("Bijvoorbeeld: Zuidwijk."))
    streets = models.CharField(
        _("straten"), max_length=255, blank=True, help_text=_("Bijvoorbeeld: Langenhorst, Korenaarstraat.")
    )
    year_start = models.PositiveSmallIntegerField(_("beginjaar"), default=this_year)
    year_end = models.PositiveSmallIntegerField(
        _("eindjaar"), null=True, blank=True, help_text=_("Leeg laten als de pilot in één jaar viel.")
    )
    project_leader = models.CharField(
        _("projectleider"),
        max_length=120,
        blank=True,
        help_text=_("Wordt op de pagina genoemd; ook van deze persoon is toestemming nodig."),
    )
    result_summary = models.CharField(
        _("resultaat in één zin"),
        max_length=180,
        blank=True,
        help_text=_("Staat op de kaart in het overzicht."),
    )
    streets_count = models.PositiveIntegerField(_("aantal straten"), null=True, blank=True)
    gangmakers_count = models.PositiveIntegerField(_("aantal gangmakers"), null=True, blank=True)
    activities_count = models.PositiveIntegerField(_("aantal activiteiten"), null=True, blank=True)
    neighbours_reached = models.PositiveIntegerField(_("aantal bereikte buren"), null=True, blank=True)
    partners = StreamField([("partner", PartnerBlock())], blank=True, verbose_name=_("partners"))
    approach = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("aanpak"))
    what_worked = RichTextField(_("wat werkte"), features=SHORT_RICH_TEXT, blank=True)
    what_did_not_work = RichTextField(_("wat werkte niet"), features=SHORT_RICH_TEXT, blank=True)
    advice = RichTextField(_("advies"), features=SHORT_RICH_TEXT, blank=True)
    photos = StreamField([("photo", CaptionedImageBlock())], blank=True, verbose_name=_("foto's"))

    content_panels = (
        Page.content_panels
        + IntroMixin.content_panels
        + [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("district"), FieldPanel("streets")]),
                    FieldRowPanel([FieldPanel("year_start"), FieldPanel("year_end")]),
                    FieldPanel("project_leader"),
                    FieldPanel("partners"),
                ],
                heading=_("Waar, wanneer en met wie"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("result_summary"),
                    FieldRowPanel([FieldPanel("streets_count"), FieldPanel("gangmakers_count")]),
                    FieldRowPanel([FieldPanel("activities_count"), FieldPanel("neighbours_reached")]),
                ],
                heading=_("Resultaten in cijfers"),
            ),
            FieldPanel("approach"),
            FieldPanel("what_worked"),
            FieldPanel("what_did_not_work"),
            FieldPanel("advice"),
        ]
        + PhotoMixin.content_panels
        + [
            FieldPanel("photos"),
            InlinePanel(
                "people",
                heading=_("Genoemde mensen"),
                label=_("Persoon"),
                help_text=_(
                    "Iedereen die op deze pagina genoemd wordt of op een foto staat. "
                    "Hun toestemming wordt gecontroleerd voordat de pagina online komt."
                ),
            ),
        ]
    )
    search_fields = (
        Page.search_fields
        + IntroMixin.search_fields
        + [
            index.SearchField("district"),
            index.SearchField("streets"),
            index.SearchField("result_summary"),
            index.SearchField("approach"),
            index.SearchField("what_worked"),
            index.SearchField("what_did_not_work"),
            index.SearchField("advice"),
            index.FilterField("district"),
            index.FilterField("year_start"),
        ]
    )

    parent_page_types = ["pilots.PilotIndexPage"]
    subpage_types = []
    template = "pilots/pilot_page.html"

    class Meta:
        verbose_name = _("pilot")
        verbose_name_plural = _("pilots")

    def clean(self):
        super().clean()
        if self.year_end and self.year_end < self.year_start:
            raise ValidationError({"year_end": _("Het eindjaar ligt vóór het beginjaar.")})

    @property
    def period(self):
        """ "2015/2016", or one year."""
        if self.year_end and self.year_end != self.year_start:
            return f"{self.year_start}/{self.year_end}"
        return str(self.year_start)

    @property
    def figures(self):
        """The results in numbers that were filled in, as (label, number) pairs."""
        pairs = [
            (_("straten"), self.streets_count),
            (_("gangmakers"), self.gangmakers_count),
            (_("activiteiten"), self.activities_count),
            (_("buren bereikt"), self.neighbours_reached),
        ]
        return [(label, number) for label, number in pairs if number is not None]

    def consent_people(self):
        people = super().consent_people()
        leader = self.project_leader.strip()
        if leader and leader not in {person["name"] for person in people}:
            people.insert(0, {"name": leader, "role": str(PersonRole.PROJECT_LEADER.label)})
        return people

    def related_stories(self):
        """The live stories about this pilot in this page's language (translations point at the
        Dutch pilot, so they are found by the pilot's translation key)."""
        return (
            StoryPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, pilot__translation_key=self.translation_key)
            .select_related("image")
            .prefetch_related("image__renditions", "people", "tagged_items__tag")
            .order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_stories"] = list(self.related_stories()[:6])
        return context


class StoryIndexPage(ConsentGuardedPublishMixin, IntroMixin, Page):
    """/nl/verhalen/: stories and reflections, filterable by kind, pilot and theme, paginated."""

    content_panels = Page.content_panels + IntroMixin.content_panels
    search_fields = Page.search_fields + IntroMixin.search_fields

    parent_page_types = ["home.HomePage"]
    subpage_types = ["pilots.StoryPage"]
    max_count_per_parent = 1
    template = "pilots/story_index_page.html"

    class Meta:
        verbose_name = _("overzicht van de verhalen")
        verbose_name_plural = _("overzichten van de verhalen")

    def all_stories(self):
        return StoryPage.objects.child_of(self).live().public()

    def stories(self, kind="", pilot=None, theme=""):
        stories = (
            self.all_stories()
            .select_related("image", "pilot")
            .prefetch_related("image__renditions", "people", "tagged_items__tag")
            .order_by("-date", "-pk")
        )
        if kind:
            stories = stories.filter(kind=kind)
        if pilot is not None:
            stories = stories.filter(pilot__translation_key=pilot.translation_key)
        if theme:
            stories = stories.filter(
                pk__in=StoryTag.objects.filter(tag__slug=theme).values("content_object_id")
            )
        return stories

    def pilot_choices(self):
        """The live pilots in this page's language, for the filter."""
        return list(PilotPage.objects.live().public().filter(locale_id=self.locale_id).order_by("title"))

    def theme_choices(self):
        from taggit.models import Tag

        used = StoryTag.objects.filter(content_object__in=self.all_stories()).values("tag_id")
        return [(tag.slug, tag.name) for tag in Tag.objects.filter(pk__in=used).order_by("name")]

    def get_context(self, request, *args, **kwargs):
        from ..forms import StoryFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = StoryFilterForm(request.GET, index=self)
        filters = form.filters()
        page_obj = Paginator(self.stories(**filters), PER_PAGE).get_page(request.GET.get("page"))
        attach_localized_pilots(page_obj.object_list, self.locale_id)
        context.update(filter_form=form, filtered=any(filters.values()), page_obj=page_obj)
        return context


def attach_localized_pilots(stories, locale_id):
    """Set `story.pilot_in_language` to the story's pilot in `locale_id` (or the Dutch one when it
    has not been translated yet); one query for the whole list."""
    stories = list(stories)
    keys = {story.pilot.translation_key for story in stories if story.pilot_id}
    translated = {}
    if keys:
        translated = {
            pilot.translation_key: pilot
            for pilot in PilotPage.objects.live().filter(translation_key__in=keys, locale_id=locale_id)
        }
    for story in stories:
        pilot = story.pilot if story.pilot_id else None
        if pilot is not None:
            pilot = translated.get(pilot.translation_key, pilot if pilot.live else None)
        story.pilot_in_language = pilot
    return stories


class StoryPerson(NamedPerson):
    page = ParentalKey("pilots.StoryPage", related_name="people", on_delete=models.CASCADE)


class StoryTag(TaggedItemBase):
    """A theme of a story (burenhulp, eenzaamheid, kennismaking, sleutels, zorg, ...)."""

    content_object = ParentalKey("pilots.StoryPage", related_name="tagged_items", on_delete=models.CASCADE)


class StoryPage(ConsentGuardedPublishMixin, ConsentSubjectMixin, PhotoMixin, IntroMixin, Page):
    """A story by or about a gangmaker, or a reflection by a professional."""

    kind = models.CharField(_("soort"), max_length=20, choices=StoryKind.choices, default=StoryKind.GANGMAKER)
    date = models.DateField(_("datum"), default=datetime.date.today)
    pilot = models.ForeignKey(
        "pilots.PilotPage",
        verbose_name=_("pilot"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
        help_text=_("De pilot waar dit verhaal bij hoort (niet verplicht)."),
    )
    pull_quote = models.TextField(
        _("citaat"),
        max_length=400,
        blank=True,
        help_text=_("Eén opvallende zin uit het verhaal. Staat groot bovenaan."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("verhaal"))
    tags = ClusterTaggableManager(
        through=StoryTag,
        blank=True,
        verbose_name=_("thema's"),
        help_text=_("Bijvoorbeeld: burenhulp, eenzaamheid, kennismaking, sleutels, zorg."),
    )

    content_panels = (
        Page.content_panels
        + IntroMixin.content_panels
        + [
            FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
            FieldPanel("pilot"),
            InlinePanel(
                "people",
                heading=_("Mensen in dit verhaal"),
                label=_("Persoon"),
                min_num=1,
                help_text=_(
                    "Iedereen die in het verhaal genoemd wordt of op een foto staat. "
                    "Hun toestemming wordt gecontroleerd voordat het verhaal online komt."
                ),
            ),
            FieldPanel("pull_quote"),
        ]
        + PhotoMixin.content_panels
        + [FieldPanel("body"), FieldPanel("tags")]
    )
    search_fields = (
        Page.search_fields
        + IntroMixin.search_fields
        + [
            index.SearchField("pull_quote"),
            index.SearchField("body"),
            index.RelatedFields("people", [index.SearchField("name")]),
            index.RelatedFields("tags", [index.SearchField("name")]),
            index.FilterField("kind"),
        ]
    )

    parent_page_types = ["pilots.StoryIndexPage"]
    subpage_types = []
    template = "pilots/story_page.html"

    class Meta:
        verbose_name = _("verhaal")
        verbose_name_plural = _("verhalen")

    @property
    def people_names(self):
        return [person.name for person in self.people.all()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        attach_localized_pilots([self], self.locale_id)
        context["themes"] = list(self.tagged_items.select_related("tag"))
        return context
