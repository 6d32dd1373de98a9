"""The public search page: live, public pages of the visitor's language plus toolkit documents.

Results keep the search backend's relevance order; nothing is re-sorted here. The type filter
(?type=pilots) narrows the page query by content type before the backend ranks it.
"""

import re
import unicodedata

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Sum
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from wagtail.models import Locale, Page
from wagtail.search.query import And, Or, PlainText

from cms import ratelimit
from pilots.models import PilotPage, StoryPage, WorkshopPage
from toolkit.choices import Occasion
from toolkit.models import ToolkitDocument, ToolkitIndexPage, ToolkitItemPage

from . import stats
from .models import SearchQueryStat, alternatives_for

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
MAX_DOCUMENTS = 5
SNIPPET_WORDS = 40

# Type filter: GET value -> (label, page models). "overig" is every page not of a listed model.
PAGE_TYPES = {
    "pilots": (_("Pilots"), (PilotPage,)),
    "verhalen": (_("Verhalen"), (StoryPage,)),
    "toolkit": (_("Toolkit"), (ToolkitItemPage,)),
    "workshops": (_("Workshops"), (WorkshopPage,)),
}
OTHER_TYPE = "overig"
OTHER_LABEL = _("Overige pagina's")
TYPE_LABELS = {model: label for label, models in PAGE_TYPES.values() for model in models}


def clean_query(raw):
    """A search query as the backend gets it: control characters removed, length capped."""
    text = "".join(ch if ch.isprintable() else " " for ch in (raw or "")[: MAX_QUERY_LENGTH * 5])
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def backend_query(query):
    """What the search backend gets: words only, lower case.

    Quotes, brackets, `*`, `=` and upper-case OR/AND/NOT/NEAR are query syntax for SQLite FTS5 and
    PostgreSQL tsquery; a visitor typing them must get results for the words, not a database error.
    """
    return " ".join(re.findall(r"\w+", query.lower()))[:MAX_QUERY_LENGTH]


def build_query(words, synonyms):
    """All words must match (the backend's default); a word with synonyms matches any of them."""
    if not synonyms:
        return " ".join(words)
    parts = [
        Or([PlainText(word)] + [PlainText(alternative) for alternative in synonyms[word]])
        if synonyms.get(word)
        else PlainText(word)
        for word in words
    ]
    return parts[0] if len(parts) == 1 else And(parts)


def strip_accents(text):
    """'enquête' -> 'enquete' (used for highlighting both spellings)."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def query_words(query):
    """The words worth highlighting: letters and digits only, at least two characters."""
    return [word for word in re.findall(r"\w+", query) if len(word) >= 2][:20]


def matches(token, word):
    """A text word matches a query word when one starts with the other (stems: "uitnodigingen" marks
    "uitnodiging", "ziek" marks "zieke"); the shorter side must have four letters or be the query word."""
    return token.startswith(word) or (len(token) >= 4 and word.startswith(token))


def highlight(text, query):
    """Escape `text`, then wrap the query's words in <mark>. Matches ignore case and accents."""
    text = text or ""
    words = {strip_accents(word).lower() for word in query_words(query)}
    if not words:
        return escape(text)
    # Match on the accent-free version of each text word, keep the original spelling.
    out = []
    for token in re.split(r"(\w+)", text):
        plain = strip_accents(token).lower()
        if token and any(matches(plain, word) for word in words):
            out.append(f"<mark>{escape(token)}</mark>")
        else:
            out.append(escape(token))
    return mark_safe("".join(out))  # noqa: S308 - every piece was escaped above


def snippet_text(page):
    for attribute in ("intro", "result_summary", "search_description"):
        value = getattr(page, attribute, "")
        if value:
            words = value.split()
            text = " ".join(words[:SNIPPET_WORDS])
            return text + (" …" if len(words) > SNIPPET_WORDS else "")
    return ""


def type_label(page):
    return TYPE_LABELS.get(type(page), OTHER_LABEL)


def filter_pages(pages, kind):
    if kind in PAGE_TYPES:
        return pages.type(*PAGE_TYPES[kind][1])
    if kind == OTHER_TYPE:
        return pages.not_type(*TYPE_LABELS)
    return pages


def occasion_suggestions(locale):
    """The toolkit's occasions as links to the filtered toolkit index in this language."""
    index = ToolkitIndexPage.objects.live().public().filter(locale=locale).first()
    if index is None:
        return []
    return [{"label": label, "url": index.filter_url(occasion=value)} for value, label in Occasion.choices]


def rate_limited(request):
    """True when this client made more than SEARCH_RATE_LIMIT searches in the last minute."""
    return ratelimit.hit(request, "search", getattr(settings, "SEARCH_RATE_LIMIT", 30), period=60)


def promotions(query, locale):
    """Editors' picks (Wagtail search promotions) for this query: read only, no hit counting.

    Query.get() would create a row per new query string; filtering on the normalised string keeps
    the request free of writes. Pages must be live, public and in the visitor's language.
    """
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.search.utils import normalise_query_string

    picks = (
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .select_related("page")
        .order_by("sort_order")
    )
    public = Page.objects.live().public().filter(locale=locale)
    visible = set(public.filter(pk__in=[p.page_id for p in picks if p.page_id]).values_list("pk", flat=True))
    return [
        pick for pick in picks if (pick.page_id in visible) or (not pick.page_id and pick.external_link_url)
    ]


def restricted_collection_ids():
    """Collections with a view restriction (and their sub-collections): their documents stay out."""
    from wagtail.models import CollectionViewRestriction

    ids = set()
    for restriction in CollectionViewRestriction.objects.select_related("collection"):
        ids.update(restriction.collection.get_descendants(inclusive=True).values_list("pk", flat=True))
    return ids


def popular_queries(limit=5):
    """This month's most searched queries that found something (from the statistics)."""
    first = timezone.localdate().replace(day=1)
    return list(
        SearchQueryStat.objects.filter(day__gte=first, zero_results=False)
        .values("query")
        .annotate(total=Sum("count"))
        .order_by("-total", "query")
        .values_list("query", flat=True)[:limit]
    )


def page_number(request, paginator):
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


@require_GET
def search(request):
    if rate_limited(request):
        response = TemplateResponse(request, "search/rate_limited.html", status=429)
        response["Retry-After"] = "60"
        return response
    query = clean_query(request.GET.get("q", ""))
    kind = request.GET.get("type", "")
    if kind not in PAGE_TYPES and kind != OTHER_TYPE:
        kind = ""
    locale = Locale.get_active()
    results = None
    items = []
    documents = []
    if query:
        pages = filter_pages(Page.objects.live().public().filter(locale=locale), kind)
        words = backend_query(query).split()
        synonyms = alternatives_for(words)
        terms = " ".join(words + [word for alternatives in synonyms.values() for word in alternatives])
        found = pages.search(build_query(words, synonyms)) if words else pages.none()
        results = page_number(request, Paginator(found, RESULTS_PER_PAGE))
        specific = {page.pk: page for page in Page.objects.filter(pk__in=[p.pk for p in results]).specific()}
        for page in results:
            page = specific.get(page.pk, page)
            items.append(
                {
                    "page": page,
                    "type": type_label(page),
                    "snippet": highlight(snippet_text(page), terms),
                    "title": page.title,
                }
            )
        if terms and not kind and results.number == 1:
            hidden = restricted_collection_ids()
            documents = [
                {
                    "document": document,
                    "title": highlight(document.title, terms),
                    "snippet": highlight(document.description, terms),
                }
                for document in ToolkitDocument.objects.filter(language=locale.language_code).search(
                    build_query(words, synonyms)
                )[: MAX_DOCUMENTS * 2]
                if document.collection_id not in hidden
            ][:MAX_DOCUMENTS]
    filters = [{"value": "", "label": _("Alles"), "active": not kind}] + [
        {"value": value, "label": label, "active": kind == value}
        for value, (label, _models) in PAGE_TYPES.items()
    ]
    filters.append({"value": OTHER_TYPE, "label": OTHER_LABEL, "active": kind == OTHER_TYPE})
    picks = promotions(query, locale) if query and (results is None or results.number == 1) else []
    nothing_found = results is not None and not results.paginator.count and not documents and not picks
    if query and (results is None or results.number == 1) and not kind:
        stats.record(query, zero_results=nothing_found)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "query": query,
            "kind": kind,
            "filters": filters,
            "results": results,
            "items": items,
            "documents": documents,
            "nothing_found": nothing_found,
            "suggestions": occasion_suggestions(locale) if nothing_found else [],
            "popular": popular_queries() if nothing_found else [],
            "promotions": picks,
            "max_query_length": MAX_QUERY_LENGTH,
        },
    )
