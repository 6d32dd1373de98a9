"""Browser tests: a live server with the demo content, Playwright on Debian's chromium, and axe.

Mark every test in this folder with ``@pytest.mark.e2e`` (scripts/test runs them in a separate,
serial pass: ``pytest -m e2e -p no:randomly``). What is here for your own tests:

Fixtures
    ``live_url``   a function: ``live_url("/nl/pilots/")`` -> the absolute URL on the live server.
                   Requesting it starts pytest-django's ``live_server`` (with ``transactional_db``) and
                   gives every test the full demo site (``load_demo_content``).
    ``page``       a fresh Playwright page at 1280x900 (desktop) whose Content-Security-Policy
                   violations are collected in ``page.csp_violations`` and fail the test at teardown.
    ``phone_page`` the same at 375x812 (a phone), touch enabled.
    ``new_page``   a factory for other sizes or options: ``new_page(width=768, height=1024)``.
    ``browser``    the session's chromium (one per session), if you need your own context.

Helpers (import them: ``from tests.e2e.conftest import assert_no_axe_violations, screenshot``)
    ``assert_no_axe_violations(page)``  runs axe-core (WCAG 2.0/2.1 A and AA) on the page as it is now
                   and fails with one line per violation: rule, impact, help and the offending targets.
    ``screenshot(page, name)``  writes tests/e2e/artifacts/<name>.png (full page; git-ignored).

How the database works: the demo content is loaded once per session, right after the test
database is created, and a snapshot of the database is taken (tests/e2e/snapshot.py). Each test is
a TransactionTestCase (the live server needs committed data); before it runs, the snapshot is
restored, so a test that submits a form does not change what the next test sees. Use the
``demo_database`` fixture for that guarantee in a test without ``live_url``. Wagtail's default Site keeps the
hostname "localhost" and port 80: Site.find_for_request falls back to the default site for the
live server's port, and page URLs are relative ("/nl/..."), so the port never matters.
"""

import os
import re
import weakref
from pathlib import Path

import pytest

from .snapshot import DatabaseSnapshot

BASE_DIR = Path(__file__).resolve().parents[2]
ARTIFACTS_DIR = Path(__file__).resolve().parent / "artifacts"
AXE_PATH = Path(os.environ.get("AXE_PATH", BASE_DIR / "var" / "axe" / "axe.min.js"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
# The WCAG levels the site promises (docs: WCAG 2.1 AA).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# axe is served from the page's own origin under this path (see _inject_axe).
AXE_URL_PATH = "/__e2e__/axe.min.js"


def pytest_collection_modifyitems(items):
    """Every test in tests/e2e/ is an e2e test, even when its author forgot the marker."""
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.e2e)


# --- Database: the demo content, loaded once -------------------------------------------------


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database with the demo content, and a snapshot of it to restore before each test."""
    from django.core.management import call_command
    from django.db import connections

    from wagtail.models import Page

    connection = connections["default"]
    with django_db_blocker.unblock():
        migrated = getattr(connection, "_test_serialized_contents", None)
        if not Page.objects.exists() and migrated:
            # A transactional test of another folder ran first (one pytest run for everything)
            # and flushed the tables: bring back what the migrations made before adding the demo.
            connection.creation.deserialize_db_from_string(migrated)
        call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
        snapshot = DatabaseSnapshot().take()
        # Each test runs with serialized_rollback, only so that the flush after it skips the
        # post_migrate signal (content types, permissions: the snapshot has them). The restore
        # itself is the snapshot's, so Django is given nothing to deserialize.
        connection._test_serialized_contents = "[]"
    yield snapshot
    with django_db_blocker.unblock():
        snapshot.drop()
        if migrated is not None:
            connection._test_serialized_contents = migrated


@pytest.fixture
def demo_database(django_db_setup, transactional_db, django_db_serialized_rollback):
    """The demo site as load_demo_content made it, whatever the previous test changed."""
    django_db_setup.restore()


@pytest.fixture
def live_url(live_server, demo_database, settings):
    """live_url("/nl/") -> the absolute URL of that path on the live server. The links the site
    builds (mails, QR codes: cms/links.py) point there too, as SITE_URL does on a real site."""
    settings.SITE_URL = settings.WAGTAILADMIN_BASE_URL = live_server.url

    def url(path="/"):
        return live_server.url + path

    return url


# --- Browser ----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/setup --dev (apt-get install chromium).")
    # Playwright's sync API runs an asyncio event loop in the test thread; Django then refuses
    # database access from that thread (the flush after each test, fixtures) unless this is set.
    # Set here, not at import, so that the other tests (same process when run together) keep
    # Django's check.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class CspViolations(list):
    """Content-Security-Policy violations seen by one page: events and console messages."""

    def describe(self):
        return "\n".join(f"  - {violation}" for violation in self)


def _watch_csp(context, page):
    """Collect CSP violations on `page` from the DOM event and from Chromium's console."""
    violations = CspViolations()

    def report(source, event):
        violations.append(
            f"{event.get('directive')} blocked {event.get('blocked') or 'inline'} "
            f"on {event.get('document')} (line {event.get('line')})"
        )

    # A binding and an init script are injected through the DevTools protocol, not as page
    # scripts, so the CSP under test does not block them.
    context.expose_binding("__e2eCspViolation", report)
    context.add_init_script(
        """
        document.addEventListener("securitypolicyviolation", (event) => {
            window.__e2eCspViolation({
                directive: event.effectiveDirective,
                blocked: event.blockedURI,
                document: event.documentURI,
                line: event.lineNumber,
            });
        });
        """
    )

    def on_console(message):
        if "Refused to" in message.text or "Content Security Policy" in message.text:
            violations.append(f"console: {message.text}")

    page.on("console", on_console)
    return violations


@pytest.fixture
def new_page(browser, live_url):
    """new_page(width=1280, height=900, **context_options) -> a Playwright page on a new context.

    Each page records its CSP violations in ``page.csp_violations``; any violation fails the
    test after it ran (so a test cannot forget to check). Pass ``allow_csp_violations=True`` for a
    test that provokes violations on purpose.
    """
    contexts = []

    def make(width=DESKTOP["width"], height=DESKTOP["height"], allow_csp_violations=False, **options):
        options.setdefault("locale", "nl-NL")
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        contexts.append((context, allow_csp_violations))
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.csp_violations = _watch_csp(context, page)
        return page

    yield make

    failures = []
    for context, allowed in contexts:
        for page in context.pages:
            if not allowed and page.csp_violations:
                failures.append(page.csp_violations.describe())
        context.close()
    if failures:
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(failures))


@pytest.fixture
def page(new_page):
    return new_page(**DESKTOP)


@pytest.fixture
def phone_page(new_page):
    return new_page(**PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)


# --- Helpers ----------------------------------------------------------------------------------

_axe_routed_pages = weakref.WeakSet()


def _inject_axe(page):
    """Load axe-core into the page without weakening its Content-Security-Policy.

    add_script_tag(content=...) would be an inline script, which the site's CSP forbids. Instead
    the page is given a <script src> on its own origin, and page.route answers that request with
    the file from var/axe/ (scripts/setup --dev downloads it). The CSP stays on during the axe run,
    so axe checks the page exactly as visitors get it.
    """
    if not AXE_PATH.exists():
        pytest.fail(f"{AXE_PATH} is missing: run scripts/setup --dev.")
    if page not in _axe_routed_pages:
        page.route(
            re.compile(re.escape(AXE_URL_PATH) + "$"),
            lambda route: route.fulfill(path=str(AXE_PATH), content_type="text/javascript"),
        )
        _axe_routed_pages.add(page)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(url=AXE_URL_PATH)


def axe_violations(page, tags=AXE_TAGS):
    """axe-core's violations (a list of dicts) for the page as it is now, for the given WCAG tags."""
    _inject_axe(page)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        tags,
    )
    return result["violations"]


def format_axe_violations(violations):
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact') or 'unknown impact'}): {violation['help']}"
            f" [{violation['helpUrl']}]"
        )
        for node in violation["nodes"][:10]:
            target = " ".join(str(part) for part in node["target"])
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    {target}: {summary[:300]}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    ... and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)


def assert_no_axe_violations(page, tags=AXE_TAGS):
    """Fail with a readable list (rule id, impact, targets) when axe finds WCAG A/AA violations."""
    violations = axe_violations(page, tags)
    if violations:
        raise AssertionError(
            f"axe found {len(violations)} accessibility violation(s) on {page.url} "
            f"({page.viewport_size['width']}px wide):\n{format_axe_violations(violations)}"
        )


def screenshot(page, name, full_page=True):
    """Save a PNG of the page to tests/e2e/artifacts/<name>.png and return its path."""
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS_DIR / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name)}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
