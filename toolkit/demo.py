"""Demo content of the toolkit: advice cards, real downloadable files and 14 materials (nl, some en)."""

from django.core.files.base import ContentFile

from wagtail.models import Collection, Locale, Page

from cms.demo import child_page, segment_pairs, translate
from home.demo import add_menu_link, translate_once

from .bundles import build_all_bundles
from .demo_content import ADVICE_CARDS, DOCUMENTS, ITEMS, TOOLKIT_INDEX
from .demo_files import render
from .factories import advice_card_rows, download_rows, occasion_rows
from .models import AdviceCard, ToolkitDocument, ToolkitIndexPage, ToolkitItemPage


def ensure_collection():
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name="Toolkit").first()
    return collection or root.add_child(name="Toolkit")


def ensure_documents():
    """One document per entry of DOCUMENTS, found again by title and language."""
    collection = ensure_collection()
    documents = {}
    for key, spec in DOCUMENTS.items():
        document = ToolkitDocument.objects.filter(title=spec["title"], language=spec["language"]).first()
        if document is None:
            document = ToolkitDocument(
                title=spec["title"],
                language=spec["language"],
                description=spec["description"],
                collection=collection,
                file=ContentFile(render(spec), name=spec["filename"]),
            )
            document._set_document_file_metadata()
            document.full_clean()
            document.save()
        documents[key] = document
    return documents


def ensure_advice_cards():
    """The advice cards in Dutch (found again by title) with their English translations."""
    dutch = Locale.objects.get(language_code="nl")
    english = Locale.objects.get(language_code="en")
    cards = {}
    for position, (key, content) in enumerate(ADVICE_CARDS.items()):
        card = AdviceCard.objects.filter(locale=dutch, title=content["nl"]["title"]).first()
        if card is None:
            card = AdviceCard.objects.create(
                locale=dutch, show_on_home=content["show_on_home"], sort_order=position * 10, **content["nl"]
            )
        if card.get_translation_or_none(english) is None:
            translate(card, "en", segment_pairs(content["nl"], content["en"]))
        cards[key] = card
    return cards


def find_story(slug):
    """The live Dutch story with this slug (made by the pilots' demo step), if it is there."""
    if not slug:
        return None
    return (
        Page.objects.live()
        .filter(locale__language_code="nl", slug=slug, url_path__contains="/verhalen/")
        .order_by("path")
        .first()
    )


def item_fields(item, documents, cards):
    content = item["nl"]
    story = find_story(item.get("story"))
    return {
        "title": content["title"],
        "intro": content["intro"],
        "kind": item["kind"],
        "needs": [("item", need) for need in content["needs"]],
        "steps": [("step", {"title": title, "text": text}) for title, text in content["steps"]],
        "tips": [
            ("tip", {"text": text, "person": person, "page": story if position == 0 else None})
            for position, (text, person) in enumerate(content["tips"])
        ],
        "occasions": occasion_rows(item["occasions"]),
        "downloads": download_rows([documents[key] for key in item["documents"]]),
        "advice_card_links": advice_card_rows([cards[key] for key in item["cards"]]),
    }


def load(context):
    home = context.objects["home"]
    cards = ensure_advice_cards()
    context.log(f"{len(cards)} advice cards (nl, en)")
    documents = ensure_documents()
    context.log(f"{len(documents)} toolkit documents (PDF and xlsx)")

    fields = {key: value for key, value in TOOLKIT_INDEX["nl"].items() if key != "slug"}
    index, _created = child_page(home, ToolkitIndexPage, TOOLKIT_INDEX["nl"]["slug"], **fields)
    translate_once(index, "en", TOOLKIT_INDEX)
    add_menu_link(index)
    context.objects["toolkit"] = index

    translated = 0
    for item in ITEMS:
        page, _created = child_page(
            index, ToolkitItemPage, item["nl"]["slug"], **item_fields(item, documents, cards)
        )
        context.objects[f"toolkit:{item['nl']['slug']}"] = page
        if "en" in item:
            translate_once(page, "en", {"nl": item["nl"], "en": item["en"]})
            translated += 1
    context.log(f"Toolkit with {len(ITEMS)} materials ({translated} also in English)")

    build_all_bundles()
    context.log("A ZIP per occasion")
