"""The toolkit's pages: the filterable index (/nl/toolkit/) and one page per material."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index

from cms.publishing import GuardedPublishMixin
from home.models import IntroMixin

from ..blocks import NeedBlock, StepBlock, TipBlock
from ..choices import Kind, Occasion
from ..forms import ToolkitFilterForm
from .advice import AdviceCard, localize_cards


class ToolkitIndexPage(GuardedPublishMixin, RoutablePageMixin, IntroMixin, Page):
    """All materials as cards, filterable by occasion, kind and language (GET parameters)."""

    per_page = 12

    content_panels = Page.content_panels + IntroMixin.content_panels
    search_fields = Page.search_fields + IntroMixin.search_fields

    parent_page_types = ["home.HomePage"]
    subpage_types = ["toolkit.ToolkitItemPage"]
    max_count_per_parent = 1
    template = "toolkit/toolkit_index_page.html"

    class Meta:
        verbose_name = _("toolkit")
        verbose_name_plural = _("toolkits")

    def items(self, occasion=None, kind=None, language=None):
        """The live materials under this page, filtered; the same few queries for 3 items or 300."""
        items = (
            ToolkitItemPage.objects.child_of(self)
            .live()
            .public()
            .order_by("path")
            .prefetch_related(
                "occasions",
                Prefetch("downloads", queryset=ToolkitDownload.objects.select_related("document")),
            )
        )
        if occasion:
            items = items.filter(
                pk__in=ToolkitItemOccasion.objects.filter(occasion=occasion).values("page_id")
            )
        if kind:
            items = items.filter(kind=kind)
        if language:
            items = items.filter(
                pk__in=ToolkitDownload.objects.filter(document__language=language).values("page_id")
            )
        return items

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = ToolkitFilterForm(request.GET or None)
        filters = form.filters()
        paginator = Paginator(self.items(**filters), self.per_page)
        page_obj = paginator.get_page(request.GET.get("page"))
        occasion = filters.get("occasion")
        context.update(
            filter_form=form,
            filters=filters,
            page_obj=page_obj,
            items=page_obj.object_list,
            occasion_label=Occasion(occasion).label if occasion else "",
            bundle_url=self.bundle_url(occasion) if occasion and paginator.count else "",
        )
        return context

    def filter_url(self, **filters):
        from urllib.parse import urlencode

        query = urlencode({key: value for key, value in filters.items() if value})
        return f"{self.url}?{query}" if query else self.url

    def bundle_url(self, occasion):
        return self.url + self.reverse_subpage("bundle", kwargs={"occasion": occasion})

    @path("alles/<slug:occasion>/", name="bundle")
    def bundle(self, request, occasion):
        """Everything for one occasion as one ZIP; built in the worker, served from the cache."""
        from ..bundles import serve_or_prepare_bundle

        if occasion not in Occasion.values:
            raise Http404
        return serve_or_prepare_bundle(request, self, occasion)


class ToolkitItemPage(GuardedPublishMixin, RoutablePageMixin, IntroMixin, Page):
    """One material: what it is for, what you need, the steps, tips, advice and the downloads."""

    kind = models.CharField(_("soort materiaal"), max_length=20, choices=Kind.choices, default=Kind.ADVICE)
    needs = StreamField(
        [("item", NeedBlock(max_length=160))],
        blank=True,
        verbose_name=_("wat heb je nodig"),
        help_text=_("Eén ding per regel: spullen, tijd, mensen."),
    )
    steps = StreamField([("step", StepBlock())], blank=True, verbose_name=_("stappen"))
    tips = StreamField([("tip", TipBlock())], blank=True, verbose_name=_("tips van gangmakers"))

    content_panels = (
        Page.content_panels
        + IntroMixin.content_panels
        + [
            MultiFieldPanel(
                [FieldPanel("kind"), InlinePanel("occasions", label=_("Gelegenheid"), min_num=1)],
                heading=_("Soort en gelegenheid"),
            ),
            FieldPanel("needs"),
            FieldPanel("steps"),
            FieldPanel("tips"),
            InlinePanel("downloads", label=_("Download"), heading=_("Downloads")),
            InlinePanel("advice_card_links", label=_("Advieskaart"), heading=_("Advieskaarten")),
            InlinePanel(
                "flyer_template_links",
                label=_("Flyersjabloon"),
                heading=_("Zelf maken: flyers en brieven"),
            ),
        ]
    )
    search_fields = (
        Page.search_fields
        + IntroMixin.search_fields
        + [
            index.SearchField("needs"),
            index.SearchField("steps"),
            index.SearchField("tips"),
            index.FilterField("kind"),
        ]
    )

    parent_page_types = ["toolkit.ToolkitIndexPage"]
    subpage_types = []
    template = "toolkit/toolkit_item_page.html"

    class Meta:
        verbose_name = _("toolkit-materiaal")
        verbose_name_plural = _("toolkit-materialen")

    @property
    def occasion_list(self):
        """[(value, label)] in the editor's order (uses prefetched rows when they are there)."""
        return [(row.occasion, row.get_occasion_display()) for row in self.occasions.all()]

    @property
    def download_languages(self):
        """Names of the languages the downloads are in, the site's language order."""
        codes = {row.document.language for row in self.downloads.all()}
        return [name for code, name in settings.LANGUAGES if code in codes]

    def download_groups(self, language=None):
        """Downloads grouped per language: the visitor's language first, then the site's order."""
        language = language or translation.get_language() or settings.LANGUAGE_CODE
        order = [code for code, _name in settings.LANGUAGES]
        if language in order:
            order.remove(language)
            order.insert(0, language)
        documents = [row.document for row in self.downloads.select_related("document")]
        names = dict(settings.LANGUAGES)
        groups = []
        for code in order:
            in_language = [document for document in documents if document.language == code]
            if in_language:
                groups.append(
                    {
                        "language": code,
                        "name": names[code],
                        "is_visitor_language": code == language,
                        "documents": in_language,
                    }
                )
        return groups

    def advice_cards(self):
        cards = [link.card for link in self.advice_card_links.select_related("card__locale")]
        return localize_cards(cards) if cards else []

    def related_items(self, limit=3):
        """Other live materials for the same occasion(s), in the editors' order."""
        occasions = [value for value, _label in self.occasion_list]
        return (
            ToolkitItemPage.objects.sibling_of(self, inclusive=False)
            .live()
            .public()
            .filter(pk__in=ToolkitItemOccasion.objects.filter(occasion__in=occasions).values("page_id"))
            .order_by("path")[:limit]
        )

    def flyer_templates(self):
        """The flyer templates offered here, each in the visitor's language where it is translated.

        A translated page without links of its own offers those of its Dutch source page.
        """
        from .flyers import FlyerTemplate, ToolkitItemFlyerTemplate

        links = ToolkitItemFlyerTemplate.objects.filter(page=self).select_related("template")
        if not links and self.locale.language_code != settings.LANGUAGE_CODE:
            source = self.get_translation_or_none(Locale.get_default())
            if source is not None:
                links = ToolkitItemFlyerTemplate.objects.filter(page=source).select_related("template")
        templates = [link.template for link in links]
        locale = Locale.get_active()
        keys = [template.translation_key for template in templates if template.locale_id != locale.pk]
        translated = {}
        if keys:
            translated = {
                template.translation_key: template
                for template in FlyerTemplate.objects.filter(translation_key__in=keys, locale=locale)
            }
        return [translated.get(template.translation_key, template) for template in templates]

    def flyer_url(self, template):
        return self.url + self.reverse_subpage("flyer_form", kwargs={"template_id": template.pk})

    @path("maak/<int:template_id>/", name="flyer_form")
    def flyer_form(self, request, template_id):
        from ..flyer_views import flyer_form

        return flyer_form(request, self, template_id)

    @path("maak/<int:template_id>/voorbeeld/", name="flyer_preview")
    def flyer_preview(self, request, template_id):
        from ..flyer_views import flyer_preview

        return flyer_preview(request, self, template_id)

    @path("pdf/<str:key>/", name="flyer_download")
    def flyer_download(self, request, key):
        from ..flyer_views import flyer_download

        return flyer_download(request, self, key)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index_page = self.get_parent().specific
        context.update(
            index_page=index_page,
            download_groups=self.download_groups(),
            advice_cards=self.advice_cards(),
            flyer_links=[
                {"template": template, "url": self.flyer_url(template)} for template in self.flyer_templates()
            ],
            related_items=self.related_items(),
            occasion_links=[
                {
                    "label": label,
                    "url": index_page.filter_url(occasion=value),
                    "bundle_url": index_page.bundle_url(value),
                }
                for value, label in self.occasion_list
            ],
        )
        return context


class ToolkitItemOccasion(Orderable):
    page = ParentalKey(ToolkitItemPage, related_name="occasions", on_delete=models.CASCADE)
    occasion = models.CharField(_("gelegenheid"), max_length=40, choices=Occasion.choices)

    panels = [FieldPanel("occasion")]

    class Meta(Orderable.Meta):
        verbose_name = _("gelegenheid")
        verbose_name_plural = _("gelegenheden")

    def __str__(self):
        return self.get_occasion_display()


class ToolkitDownload(Orderable):
    page = ParentalKey(ToolkitItemPage, related_name="downloads", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "toolkit.ToolkitDocument",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="toolkit_downloads",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("download")
        verbose_name_plural = _("downloads")

    def __str__(self):
        return str(self.document)


class ToolkitItemAdviceCard(Orderable):
    page = ParentalKey(ToolkitItemPage, related_name="advice_card_links", on_delete=models.CASCADE)
    card = models.ForeignKey(
        AdviceCard, verbose_name=_("advieskaart"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("card")]

    class Meta(Orderable.Meta):
        verbose_name = _("advieskaart")
        verbose_name_plural = _("advieskaarten")

    def __str__(self):
        return str(self.card)
