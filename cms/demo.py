"""Machinery for `manage.py load_demo_content`: a registry of steps and idempotent helpers.

Each app contributes a `demo.py` with a `load(context)` function, registered in its AppConfig or
listed in DEMO_STEPS below (in dependency order). The steps use the same factories as the tests.
Running the command twice changes nothing: pages are found by slug, snippets by a natural key.
"""

import logging
from dataclasses import dataclass, field
from html import escape

from django.db import transaction
from django.utils.module_loading import import_string

from wagtail.models import DraftStateMixin, Locale, Page

logger = logging.getLogger(__name__)

DEMO_STEPS = ["home.demo.load"]


@dataclass
class DemoContext:
    """Shared state between demo steps (the home page, users, images), and a log of what was made."""

    stdout: object = None
    objects: dict = field(default_factory=dict)
    created: list = field(default_factory=list)

    def log(self, message):
        if self.stdout is not None:
            self.stdout.write(f"  {message}")


def register_step(dotted_path):
    if dotted_path not in DEMO_STEPS:
        DEMO_STEPS.append(dotted_path)


def run_all(stdout=None):
    context = DemoContext(stdout=stdout)
    for dotted_path in DEMO_STEPS:
        with transaction.atomic():
            import_string(dotted_path)(context)
    return context


def rich(*parts):
    """Rich text HTML from ("p"|"h2"|"h3"|"li", text) pairs; consecutive "li" become one <ul>."""
    html, in_list = [], False
    for tag, text in parts:
        if tag == "li" and not in_list:
            html.append("<ul>")
            in_list = True
        if tag != "li" and in_list:
            html.append("</ul>")
            in_list = False
        html.append(f"<{tag}>{text}</{tag}>")
    if in_list:
        html.append("</ul>")
    return "".join(html)


def child_page(parent, model, slug, **fields):
    """The live child `slug` of `parent`, created (and published) when it does not exist yet.

    An existing page keeps what editors changed: demo content never overwrites their work.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def translate(instance, language_code, strings, *, publish=True):
    """Create or update the wagtail-localize translation of a page or snippet.

    `strings` maps every Dutch source segment (plain text) to its translation. The translation is made the way
    a translator would make it in the admin (a Translation with a string per segment), so editors
    see it as a synced translation that flags what goes out of date when the Dutch page changes.
    Returns the translated instance.
    """
    from wagtail_localize.models import Translation, TranslationSource

    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    locale = Locale.objects.get(language_code=language_code)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    # wagtail-localize keeps segments as HTML text ("Lief &amp; Leed"); the demo texts are plain.
    # A multi-line text field is one segment with <br/> for its line breaks.
    strings = {
        escape(key, quote=False).replace("\n", "<br/>"): escape(value, quote=False).replace("\n", "<br/>")
        for key, value in strings.items()
    }
    po = translation.export_po()
    missing = []
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgid in strings:
            entry.msgstr = strings[entry.msgid]
        elif not entry.msgstr:
            missing.append(entry.msgid)
    if missing:
        raise ValueError(
            f"No {language_code} text for {len(missing)} segment(s) of {instance!r}: {missing[:5]}"
        )
    translation.import_po(po)
    # wagtail-localize publishes a draftable translation in transaction.on_commit. A demo step runs
    # in one transaction and then adds children under that translation; a revision published at
    # commit time writes back the tree data (numchild) it had when it was made and breaks the tree.
    # So a page is saved as a draft here and published right away, from a fresh copy.
    drafts = isinstance(instance, DraftStateMixin)
    translation.save_target(publish=publish and not drafts)
    translated = instance.get_translation(locale)
    if publish and drafts:
        translated.get_latest_revision().publish()
    return translated


def site_root_page():
    """Wagtail's tree root (depth 1), the parent of each language's home page."""
    return Page.get_first_root_node()


def segment_pairs(source, target):
    """Pair every string of `source` with the string at the same place in `target`.

    Demo content is written per language in the same shape (dicts, lists, tuples of strings);
    this turns two such shapes into the {Dutch segment: translation} mapping `translate` needs.
    """
    if isinstance(source, str):
        return {source: target} if source else {}
    if isinstance(source, dict):
        pairs = {}
        for key, value in source.items():
            pairs.update(segment_pairs(value, target[key]))
        return pairs
    if isinstance(source, list | tuple):
        if len(source) != len(target):
            raise ValueError(f"Demo translation has another shape: {source!r} / {target!r}")
        pairs = {}
        for a, b in zip(source, target, strict=True):
            pairs.update(segment_pairs(a, b))
        return pairs
    return {}


def stream(blocks):
    """A StreamField value from demo blocks: ("paragraph", [(tag, text), ...]) or (type, value)."""
    from wagtail.rich_text import RichText

    value = []
    for block_type, block_value in blocks:
        if block_type == "paragraph":
            value.append(("paragraph", RichText(rich(*block_value))))
        else:
            value.append((block_type, block_value))
    return value
