"""StreamField blocks shared by every page type of the site."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Afbeelding"))
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Onderschrift"))

    class Meta:
        icon = "image"
        label = _("Afbeelding")
        template = "components/blocks/captioned_image_block.html"
        preview_value = {"caption": "Buren drinken koffie op de stoep van de Korenaarstraat."}
        description = _("Een foto met alt-tekst en een onderschrift")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=600, label=_("Citaat"))
    person = blocks.CharBlock(required=False, max_length=120, label=_("Naam"))
    role = blocks.CharBlock(
        required=False, max_length=160, label=_("Rol"), help_text=_("Bijvoorbeeld: gangmaker, Zuidwijk")
    )

    class Meta:
        icon = "openquote"
        label = _("Citaat")
        template = "components/blocks/quote_block.html"
        preview_value = {
            "quote": "Neem de tijd. Contact met buren groeit langzaam.",
            "person": "Corrie van der Sluijs",
            "role": "Opzoomer Mee",
        }
        description = _("Een uitspraak van een gangmaker of professional")


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, label=_("Titel"))
    text = blocks.TextBlock(required=False, max_length=400, label=_("Tekst"))
    page = blocks.PageChooserBlock(required=False, label=_("Pagina"))
    url = blocks.URLBlock(required=False, label=_("Of een webadres"))
    button_label = blocks.CharBlock(max_length=60, label=_("Tekst op de knop"))

    class Meta:
        icon = "pick"
        label = _("Oproep")
        template = "components/blocks/call_to_action_block.html"
        preview_value = {
            "title": "Doe mee met de volgende ronde",
            "text": "Meld je straat aan. Het kost niets.",
            "url": "https://example.org/",
            "button_label": "Meld je straat aan",
        }
        description = _("Een opvallende oproep met één knop")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Kies een pagina of vul een webadres in (één van de twee).")
            raise blocks.StructBlockValidationError(
                block_errors={"page": ErrorList([ValidationError(message)])}
            )
        return value


class DownloadsBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=120, label=_("Titel"))
    documents = blocks.ListBlock(DocumentChooserBlock(), min_num=1, label=_("Bestanden"))

    class Meta:
        icon = "doc-full"
        label = _("Downloads")
        template = "components/blocks/downloads_block.html"
        description = _("Bestanden om te downloaden, met type en grootte")


class CaptionedEmbedBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("Video of embed (YouTube, Vimeo)"))
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Onderschrift"))

    class Meta:
        icon = "media"
        label = _("Video")
        template = "components/blocks/embed_block.html"
        description = _("Een video van YouTube of Vimeo")


class BaseStreamBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Tekst"),
        icon="pilcrow",
        template="components/blocks/paragraph_block.html",
        preview_value="<p>Een welkomstpakketje voor nieuwe buren maakt het eerste contact makkelijk.</p>",
        description=_("Tekst met kopjes, lijstjes en links"),
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    downloads = DownloadsBlock()
    embed = CaptionedEmbedBlock()


class RetentionTableBlock(blocks.StaticBlock):
    """The retention rules ("Bewaartermijnen") of the privacy statement, taken from the code.

    It renders the personal-data register (cms.privacy): every kind with its retention, in the
    page's language, so the statement can never drift from what purge_personal_data does.
    """

    class Meta:
        icon = "time"
        label = _("Bewaartermijnen")
        admin_text = _(
            "Toont de bewaartermijnen van de website. De tekst komt uit de code en blijft zo altijd juist."
        )
        template = "components/blocks/retention_table_block.html"
        description = _("De tabel met bewaartermijnen voor de privacyverklaring")

    def get_context(self, value, parent_context=None):
        from cms import privacy

        context = super().get_context(value, parent_context=parent_context)
        context["kinds"] = privacy.for_statement()
        return context


class StandardPageStreamBlock(BaseStreamBlock):
    """The body of a standard page: the shared blocks, plus the retention table (privacy statement)."""

    retention_table = RetentionTableBlock()
