"""Toolkit pieces for other pages: highlights per occasion and advice cards (used on the home page)."""

from django import template
from django.conf import settings

from wagtail.models import Locale

from toolkit.choices import Occasion
from toolkit.models import AdviceCard, ToolkitIndexPage, ToolkitItemOccasion, ToolkitItemPage
from toolkit.models.advice import mark_other_language

register = template.Library()

ITEMS_PER_OCCASION = 3


def _toolkit_index(locale):
    """The live toolkit index of `locale`, or the Dutch one when that language has none."""
    pages = {
        page.locale_id: page
        for page in ToolkitIndexPage.objects.live()
        .filter(locale__language_code__in={locale.language_code, settings.LANGUAGE_CODE})
        .select_related("locale")
    }
    return pages.get(locale.pk) or next(iter(pages.values()), None)


def _active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


@register.inclusion_tag("toolkit/tags/toolkit_highlights.html", takes_context=True)
def toolkit_highlights(context, per_occasion=ITEMS_PER_OCCASION):
    """A tile per occasion with its first materials and a link to all of them (two queries).

    A gangmaker on the home page reaches an occasion's materials in one tap, and a download in two.
    """
    request = context.get("request")
    locale = _active_locale()
    index_page = _toolkit_index(locale)
    if index_page is None:
        return {"occasions": [], "index_page": None}
    rows = (
        ToolkitItemOccasion.objects.filter(
            page__in=ToolkitItemPage.objects.child_of(index_page).live().public()
        )
        .select_related("page")
        .order_by("page__path", "sort_order")
    )
    by_occasion = {}
    for row in rows:
        by_occasion.setdefault(row.occasion, []).append(row.page)
    occasions = []
    for occasion in Occasion:
        pages = by_occasion.get(occasion.value)
        if pages:
            occasions.append(
                {
                    "value": occasion.value,
                    "label": occasion.label,
                    "url": index_page.filter_url(occasion=occasion.value),
                    "count": len(pages),
                    "items": [
                        {"title": page.title, "url": page.get_url(request)} for page in pages[:per_occasion]
                    ],
                }
            )
    # When the visitor's language has no toolkit yet, the titles are Dutch: say so to screen readers.
    other_language = index_page.locale.language_code if index_page.locale_id != locale.pk else ""
    return {"occasions": occasions, "index_page": index_page, "other_language": other_language}


@register.inclusion_tag("toolkit/tags/advice_cards.html", takes_context=True)
def advice_cards_highlight(context, limit=3):
    """The advice cards marked for the home page, in the visitor's language (Dutch when not translated)."""
    locale = _active_locale()
    cards = list(
        AdviceCard.objects.for_locale(locale).filter(show_on_home=True).select_related("locale")[:limit]
    )
    return {"cards": mark_other_language(cards, locale), "request": context.get("request")}
