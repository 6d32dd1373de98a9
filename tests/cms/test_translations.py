"""The interface translations: complete catalogs, intact placeholders, and translated pages.

Dutch is the source language: every msgid is the Dutch text. The English, Turkish, Arabic and Polish
catalogs in locale/<lang>/LC_MESSAGES/django.po must translate every entry. `scripts/makemessages`
refreshes the catalogs (it needs gettext); the scan at the end of this module finds strings in the
code and the templates that are not in the catalogs yet, without gettext.
"""

import ast
import re
import tempfile
from collections import Counter
from pathlib import Path

import polib
import pytest

from django.conf import settings
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory, override_settings
from django.urls import resolve, reverse
from django.utils import translation

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
TRANSLATED_LANGUAGES = ["en", "tr", "ar", "pl"]
PLURAL_FORMS = {
    "nl": "nplurals=2; plural=(n != 1);",
    "en": "nplurals=2; plural=(n != 1);",
    "tr": "nplurals=2; plural=(n != 1);",
    "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "ar": (
        "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"
    ),
}
# Where makemessages looks for strings (scripts/makemessages ignores .venv, var, node_modules, tests).
SOURCE_APPS = ["cms", "home", "pilots", "toolkit", "search"]
TEMPLATES_DIR = Path(settings.BASE_DIR) / "templates"

PLACEHOLDER_RE = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\{\s*[\w.]+\s*\}\}|\{\w*\}")


def catalog(language):
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


def entry_key(entry):
    return (entry.msgctxt, entry.msgid)


def placeholders(text):
    return Counter(PLACEHOLDER_RE.findall(text.replace("%%", "")))


def live_entries(po):
    return [entry for entry in po if not entry.obsolete]


# --- The catalogs --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", *TRANSLATED_LANGUAGES])
def test_catalog_header(language):
    po = catalog(language)
    assert po.metadata["Language"] == language
    assert po.metadata["Plural-Forms"] == PLURAL_FORMS[language]
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert not po.metadata_is_fuzzy, "a fuzzy header makes gettext ignore the Plural-Forms"


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_entry_is_translated(language):
    po = catalog(language)
    entries = live_entries(po)
    assert len(entries) > 100
    nplurals = int(PLURAL_FORMS[language].split("nplurals=")[1].split(";")[0])
    untranslated, fuzzy = [], []
    for entry in entries:
        if "fuzzy" in entry.flags:
            fuzzy.append(entry.msgid)
        if entry.msgid_plural:
            forms = entry.msgstr_plural
            if sorted(forms) != list(range(nplurals)) or not all(s.strip() for s in forms.values()):
                untranslated.append(entry.msgid)
        elif not entry.msgstr.strip():
            untranslated.append(entry.msgid)
    assert not untranslated, (
        f"{language}: untranslated (run scripts/makemessages, then translate): {untranslated}"
    )
    assert not fuzzy, f"{language}: check these and remove '#, fuzzy': {fuzzy}"


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_placeholders_are_kept(language):
    broken = []
    for entry in live_entries(catalog(language)):
        if entry.msgid_plural:
            expected = placeholders(entry.msgid_plural)
            # A form may leave out the number ("one result"), but it may not invent a placeholder,
            # and together the forms use all of them.
            used = Counter()
            for form in entry.msgstr_plural.values():
                found = placeholders(form)
                if found - expected:
                    broken.append((entry.msgid, form))
                used |= found
            if used != expected:
                broken.append((entry.msgid, dict(entry.msgstr_plural)))
        elif entry.msgstr and placeholders(entry.msgid) != placeholders(entry.msgstr):
            broken.append((entry.msgid, entry.msgstr))
    assert not broken, f"{language}: placeholders differ: {broken}"


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalogs_hold_the_same_entries(language):
    dutch = {entry_key(entry) for entry in live_entries(catalog("nl"))}
    other = {entry_key(entry) for entry in live_entries(catalog(language))}
    assert other == dutch, "run scripts/makemessages so that every catalog has the same entries"


def test_dutch_catalog_leaves_msgstr_empty():
    """The msgids are the Dutch text; an empty msgstr makes gettext show them as they are."""
    filled = [entry.msgid for entry in live_entries(catalog("nl")) if entry.translated()]
    assert not filled


def test_search_url_is_translated_with_ascii_paths():
    expected = {"en": "search/", "tr": "arama/", "ar": "search/", "pl": "szukaj/"}
    for language, path in expected.items():
        entry = catalog(language).find("zoeken/", msgctxt="url")
        assert entry is not None and entry.msgstr == path


def test_arabic_uses_arabic_script_and_punctuation():
    po = catalog("ar")
    questions = [entry for entry in live_entries(po) if entry.msgid.endswith("?")]
    assert questions
    for entry in questions:
        assert entry.msgstr.endswith("؟"), entry.msgstr
    arabic_letter = re.compile(r"[\u0600-\u06ff]")
    sentences = [
        entry for entry in live_entries(po) if len(entry.msgid.split()) >= 3 and not entry.msgid_plural
    ]
    latin_only = [entry.msgstr for entry in sentences if not arabic_letter.search(entry.msgstr)]
    assert not latin_only


# --- Translated pages ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def compiled_catalogs():
    """Catalogs compiled from the .po files as they are now, in a temporary LOCALE_PATHS."""
    with tempfile.TemporaryDirectory() as directory:
        for language in ["nl", *TRANSLATED_LANGUAGES]:
            target = Path(directory) / language / "LC_MESSAGES"
            target.mkdir(parents=True)
            catalog(language).save_as_mofile(str(target / "django.mo"))
        # Changing LOCALE_PATHS makes Django forget the catalogs it loaded before.
        with override_settings(LOCALE_PATHS=[directory]):
            yield directory


@pytest.mark.parametrize(
    "language, skip_link, direction",
    [
        ("en", "Skip to content", "ltr"),
        ("tr", "İçeriğe geç", "ltr"),
        ("ar", "انتقل إلى المحتوى", "rtl"),
        ("pl", "Przejdź do treści", "ltr"),
    ],
)
@pytest.mark.django_db
def test_page_shell_is_translated(client, home_page, compiled_catalogs, language, skip_link, direction):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert skip_link in html
    assert "Direct naar de inhoud" not in html


@pytest.mark.django_db
def test_dutch_shell_shows_the_msgids(client, home_page, compiled_catalogs):
    html = client.get("/nl/").content.decode()
    assert "Direct naar de inhoud" in html


@pytest.mark.parametrize(
    "language, path",
    [
        ("nl", "/nl/zoeken/"),
        ("en", "/en/search/"),
        ("tr", "/tr/arama/"),
        ("ar", "/ar/search/"),
        ("pl", "/pl/szukaj/"),
    ],
)
def test_search_url_per_language(compiled_catalogs, language, path):
    with translation.override(language):
        assert reverse("search") == path
        assert resolve(path).url_name == "search"


@pytest.mark.parametrize(
    "language, heading, no_results",
    [
        ("en", "What are you looking for?", "0 results"),
        ("pl", "Czego szukasz?", "0 wyników"),
        ("ar", "عمّ تبحث؟", "لا توجد نتائج"),
    ],
)
@pytest.mark.django_db
def test_search_page_is_translated_with_plural_forms(
    client, home_page, compiled_catalogs, language, heading, no_results
):
    with translation.override(language):
        url = reverse("search")
    response = client.get(url, {"q": "geenenkeltreffer"})
    assert response.status_code == 200
    html = response.content.decode()
    assert heading in html
    assert no_results in html


@pytest.mark.parametrize(
    "language, expected",
    [
        ("nl", "Pagina 2 van 3"),
        ("en", "Page 2 of 3"),
        ("tr", "Sayfa 2 / 3"),
        ("ar", "الصفحة 2 من 3"),
        ("pl", "Strona 2 z 3"),
    ],
)
def test_component_renders_translated(compiled_catalogs, language, expected):
    page_obj = Paginator(range(30), 10).page(2)
    with translation.override(language):
        html = render_to_string(
            "components/pagination.html", {"page_obj": page_obj, "request": RequestFactory().get("/")}
        )
    assert expected in html


# --- Strings in the code that are missing from the catalogs -------------------------------------

GETTEXT_FUNCTIONS = {
    # name: (index of the context argument or None, index of the msgid, index of the plural or None)
    "_": (None, 0, None),
    "gettext": (None, 0, None),
    "gettext_lazy": (None, 0, None),
    "gettext_noop": (None, 0, None),
    "ngettext": (None, 0, 1),
    "ngettext_lazy": (None, 0, 1),
    "pgettext": (0, 1, None),
    "pgettext_lazy": (0, 1, None),
    "npgettext": (0, 1, 2),
    "npgettext_lazy": (0, 1, 2),
}
TRANSLATE_TAG_RE = re.compile(
    r"{%\s*(?:translate|trans)\s+(?P<q>[\"'])(?P<msgid>.*?)(?P=q)"
    r"(?:\s+noop)?(?:\s+context\s+(?P<cq>[\"'])(?P<context>.*?)(?P=cq))?[^%]*%}",
    re.DOTALL,
)
BLOCK_TAG_RE = re.compile(
    r"{%\s*(?:blocktranslate|blocktrans)\b(?P<options>[^%]*)%}(?P<body>.*?){%\s*(?:endblocktranslate|endblocktrans)\s*%}",
    re.DOTALL,
)
UNDERSCORE_RE = re.compile(r"\b_\((?P<q>[\"'])(?P<msgid>.*?)(?P=q)\)")
VARIABLE_RE = re.compile(r"{{\s*(\w+)\s*}}")
CONTEXT_OPTION_RE = re.compile(r"\bcontext\s+([\"'])(.*?)\1")


def python_strings(path):
    """(context, msgid, plural, where) for every gettext call with literal strings in a Python file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name not in GETTEXT_FUNCTIONS:
            continue
        indexes = GETTEXT_FUNCTIONS[name]
        values = []
        for index in indexes:
            if index is None:
                values.append(None)
            elif index < len(node.args) and isinstance(node.args[index], ast.Constant):
                values.append(node.args[index].value)
            else:
                values.append(False)
        if False in values or not all(isinstance(v, str) for v in values if v is not None):
            continue  # not a literal: makemessages cannot see it either
        yield (*values, f"{path}:{node.lineno}")


def template_block_string(body, trimmed):
    text = body.replace("%", "%%")
    text = VARIABLE_RE.sub(r"%(\1)s", text)
    if trimmed:
        text = translation.trim_whitespace(text)
    return text


def template_strings(path):
    """(context, msgid, plural, where) for the literal translate/blocktranslate strings of a template."""
    source = path.read_text(encoding="utf-8")
    for match in TRANSLATE_TAG_RE.finditer(source):
        yield (match["context"], match["msgid"], None, str(path))
    for match in UNDERSCORE_RE.finditer(source):
        yield (None, match["msgid"], None, str(path))
    for match in BLOCK_TAG_RE.finditer(source):
        options = match["options"]
        context = CONTEXT_OPTION_RE.search(options)
        trimmed = re.search(r"\btrimmed\b", options) is not None
        parts = re.split(r"{%\s*plural\s*%}", match["body"], maxsplit=1)
        singular, plural = parts[0], (parts[1] if len(parts) > 1 else None)
        yield (
            context[2] if context else None,
            template_block_string(singular, trimmed),
            template_block_string(plural, trimmed) if plural is not None else None,
            str(path),
        )


def source_strings():
    root = Path(settings.BASE_DIR)
    for app in SOURCE_APPS:
        for path in sorted((root / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            yield from python_strings(path)
    for path in sorted(TEMPLATES_DIR.rglob("*.html")) + sorted(TEMPLATES_DIR.rglob("*.txt")):
        yield from template_strings(path)


def test_source_scan_finds_known_strings():
    """The scan below would pass on nothing; make sure it sees strings we know are there."""
    found = {(context, msgid, plural) for context, msgid, plural, _where in source_strings()}
    assert (None, "Direct naar de inhoud", None) in found  # {% translate %} in base.html
    assert ("url", "zoeken/", None) in found  # pgettext_lazy in search/urls.py
    assert (None, "Pagina %(number)s van %(total)s", None) in found  # {% blocktranslate with %}
    assert (None, "%(counter)s resultaat", "%(counter)s resultaten") in found  # count + plural
    assert (None, "Deze e-mail is al verzonden.", None) in found  # _() in cms/admin_views.py


def test_every_string_in_the_code_is_in_the_catalogs():
    """A new {% translate %} or gettext() string fails here until it is in the catalogs and translated."""
    entries = {entry_key(entry): entry for entry in live_entries(catalog("en"))}
    missing = []
    for context, msgid, plural, where in source_strings():
        entry = entries.get((context, msgid))
        if entry is None or (plural is not None and entry.msgid_plural != plural):
            missing.append(f"{where}: {msgid!r}")
    assert not missing, "not in locale/*/django.po, run scripts/makemessages and translate:\n" + "\n".join(
        sorted(set(missing))
    )
