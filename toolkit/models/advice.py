"""Advice cards: short lessons from gangmakers and professionals, translatable like pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index


class AdviceCardQuerySet(models.QuerySet):
    def for_locale(self, locale=None):
        """The cards of `locale` (the active one by default), or the Dutch ones if it has none."""
        locale = locale or Locale.get_active()
        cards = self.filter(locale=locale)
        default = Locale.get_default()
        if locale.pk != default.pk and not cards.exists():
            cards = self.filter(locale=default)
        return cards


class AdviceCard(TranslatableMixin, index.Indexed, models.Model):
    title = models.CharField(_("korte titel"), max_length=80)
    text = models.TextField(
        _("advies"), max_length=500, help_text=_("Twee of drie korte zinnen in eenvoudig Nederlands (B1).")
    )
    source = models.CharField(
        _("bron"),
        max_length=160,
        blank=True,
        help_text=_("Van wie komt dit advies? Bijvoorbeeld: Noreen Mir, gangmaker in de Korenaarstraat"),
    )
    show_on_home = models.BooleanField(_("op de startpagina"), default=False)
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=100)

    objects = AdviceCardQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("source"),
        FieldPanel("show_on_home"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("text"),
        index.SearchField("source"),
        index.AutocompleteField("title"),
        index.AutocompleteField("text"),
        index.AutocompleteField("source"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("advieskaart")
        verbose_name_plural = _("advieskaarten")
        ordering = ["sort_order", "title"]

    def __str__(self):
        return self.title


def mark_other_language(cards, locale):
    """Give each card `other_language`: its language code when it is not `locale`'s (a fallback)."""
    for card in cards:
        card.other_language = card.locale.language_code if card.locale_id != locale.pk else ""
    return cards


def localize_cards(cards, locale=None):
    """The given cards in `locale` where a translation exists, in one query (originals otherwise).

    Pass cards with their locale selected (select_related), or each fallback costs a query.
    """
    cards = list(cards)
    locale = locale or Locale.get_active()
    keys = {card.translation_key for card in cards if card.locale_id != locale.pk}
    translated = {}
    if keys:
        candidates = AdviceCard.objects.filter(translation_key__in=keys, locale=locale)
        candidates = candidates.select_related("locale")
        translated = {card.translation_key: card for card in candidates}
    return mark_other_language([translated.get(card.translation_key, card) for card in cards], locale)
