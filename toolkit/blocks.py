"""StreamField blocks of a toolkit item: what you need, the steps, and tips from gangmakers."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class NeedBlock(blocks.CharBlock):
    class Meta:
        icon = "tick"
        label = _("Ding dat je nodig hebt")


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, label=_("Stap"), help_text=_("Kort, met een werkwoord."))
    text = blocks.TextBlock(required=False, max_length=600, label=_("Uitleg"))

    class Meta:
        icon = "list-ol"
        label = _("Stap")
        preview_value = {
            "title": "Bel aan en stel je voor",
            "text": "Zeg wie je bent en waar je woont. Geef het pakketje en zeg: je mag altijd aanbellen.",
        }


class TipBlock(blocks.StructBlock):
    text = blocks.TextBlock(max_length=600, label=_("Tip"))
    person = blocks.CharBlock(
        required=False,
        max_length=120,
        label=_("Van wie"),
        help_text=_("Bijvoorbeeld: Noreen, gangmaker in de Korenaarstraat"),
    )
    page = blocks.PageChooserBlock(
        required=False,
        label=_("Lees meer"),
        help_text=_("Een verhaal of andere pagina waar deze tip vandaan komt."),
    )

    class Meta:
        icon = "openquote"
        label = _("Tip van een gangmaker")
        preview_value = {
            "text": "Blijf vriendelijk, ook als een buur eerst niets terugzegt.",
            "person": "Noreen, gangmaker in de Korenaarstraat",
        }
