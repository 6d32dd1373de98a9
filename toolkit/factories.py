"""Factories for the toolkit, shared by the tests and `load_demo_content`."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from django.core.files.base import ContentFile

from wagtail.models import Locale

from .choices import ColourTheme, FlyerKind, Kind, Occasion, PaperFormat
from .models import (
    AdviceCard,
    DownloadCount,
    FlyerTemplate,
    ToolkitDocument,
    ToolkitDownload,
    ToolkitIndexPage,
    ToolkitItemAdviceCard,
    ToolkitItemFlyerTemplate,
    ToolkitItemOccasion,
    ToolkitItemPage,
)

# The smallest file that PDF readers open; the demo makes real ones with WeasyPrint.
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def occasion_rows(values):
    """Child rows for ToolkitItemPage(occasions=...): set them before the page is saved."""
    return [ToolkitItemOccasion(occasion=value, sort_order=i) for i, value in enumerate(values)]


def download_rows(documents):
    return [ToolkitDownload(document=document, sort_order=i) for i, document in enumerate(documents)]


def flyer_template_rows(templates):
    return [ToolkitItemFlyerTemplate(template=template, sort_order=i) for i, template in enumerate(templates)]


def advice_card_rows(cards):
    return [ToolkitItemAdviceCard(card=card, sort_order=i) for i, card in enumerate(cards)]


class ToolkitDocumentFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Welkomstbrief {n}")
    language = "nl"
    description = "Een korte brief om nieuwe buren welkom te heten."
    file = factory.LazyAttribute(lambda o: ContentFile(MINIMAL_PDF, name=f"{o.filename}"))

    class Meta:
        model = ToolkitDocument

    class Params:
        filename = factory.Sequence(lambda n: f"welkomstbrief-{n}.pdf")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        document = model_class(*args, **kwargs)
        # What Wagtail's upload form does: remember size and content hash (bundles and ETags use them).
        document._set_document_file_metadata()
        document.save()
        return document


class ToolkitIndexPageFactory(wagtail_factories.PageFactory):
    title = "Toolkit"
    slug = "toolkit"
    intro = "Alles wat je nodig hebt om buren te helpen: brieven, kaartjes, tips en advies."

    class Meta:
        model = ToolkitIndexPage


class ToolkitItemPageFactory(wagtail_factories.PageFactory):
    """A material; pass `occasions=[...]` (values), `documents=[...]` and `cards=[...]` to link them."""

    title = factory.Sequence(lambda n: f"Materiaal {n}")
    slug = factory.Sequence(lambda n: f"materiaal-{n}")
    intro = "Zo heet je nieuwe buren welkom."
    kind = Kind.LETTER
    needs = factory.LazyFunction(lambda: [("item", "Een pen"), ("item", "Een envelop")])
    steps = factory.LazyFunction(
        lambda: [("step", {"title": "Schrijf een kaartje", "text": "Zeg wie je bent en waar je woont."})]
    )
    tips = factory.LazyFunction(
        lambda: [("tip", {"text": "Neem er rustig de tijd voor.", "person": "Corrie", "page": None})]
    )

    class Meta:
        model = ToolkitItemPage

    class Params:
        occasion_values = (Occasion.NEW_NEIGHBOURS,)
        document_list = ()
        card_list = ()

    occasions = factory.LazyAttribute(lambda o: occasion_rows(o.occasion_values))
    downloads = factory.LazyAttribute(lambda o: download_rows(o.document_list))
    advice_card_links = factory.LazyAttribute(lambda o: advice_card_rows(o.card_list))


class AdviceCardFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Neem de tijd {n}")
    text = "Contact met buren groeit langzaam. Dat is niet erg."
    source = "Rob Fontain en Corrie van der Sluijs, gangmakers in de Landenbuurt"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = AdviceCard


class DownloadCountFactory(DjangoModelFactory):
    document = factory.SubFactory(ToolkitDocumentFactory)
    day = factory.Faker("date_this_month")
    count = 1

    class Meta:
        model = DownloadCount


class FlyerTemplateFactory(DjangoModelFactory):
    """A flyer template in Dutch, saved with a first revision (as the admin does)."""

    name = factory.Sequence(lambda n: f"Uitnodiging {n}")
    kind = FlyerKind.INVITATION
    paper = PaperFormat.A5
    theme = ColourTheme.BRICK
    headline = "Kom kennismaken in de {straat}!"
    body = (
        "Wij zijn {gangmakers}, de gangmakers van de {straat}.\n\n"
        "Kom op {datum} om {tijd} naar {plek}. Er is koffie en thee."
    )
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = FlyerTemplate
        skip_postgeneration_save = True

    @factory.post_generation
    def revision(obj, create, extracted, **kwargs):
        if create:
            obj.save_revision()
