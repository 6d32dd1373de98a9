import socket
import threading

import pytest

from wagtail.models import Locale, Page, Site

from home.factories import HomePageFactory


@pytest.fixture
def home_page(db):
    """A Dutch HomePage as the root of the default site (Wagtail's welcome page removed)."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="start", locale=Locale.get_default())
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    site.root_page = home
    site.save()
    welcome.delete()
    return home


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Every test starts with empty caches: the page cache and the "counters" (rate limits, the
    login throttle, search statistics), which are separate caches (cms/cache.py)."""
    from django.core.cache import caches

    for cache in caches.all(initialized_only=True):
        cache.clear()
    yield
    for cache in caches.all(initialized_only=True):
        cache.clear()


@pytest.fixture(autouse=True)
def _dutch_unless_a_test_says_otherwise():
    """Every test starts in the site's default language: a test (or a view) that activated another
    language must not change the messages the next test on that worker sees."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def _restore_after_flush():
    """After a transactional test with serialized rollback, bring the migrations' data back at once.

    Django reloads it at the *start* of the next serialized test only; its own runner runs every
    transactional test last. With pytest-xdist's --dist loadfile a file's transactional test runs
    among ordinary ones, which would then find the tables empty (no locales, groups, workflow).
    """
    from django.db import connections
    from django.test import TransactionTestCase

    original = TransactionTestCase._fixture_teardown
    if getattr(original, "restores_serialized_contents", False):
        return

    def _fixture_teardown(self):
        original(self)
        if not self.serialized_rollback:
            return
        for alias in self._databases_names(include_mirrors=False):
            contents = getattr(connections[alias], "_test_serialized_contents", None)
            if contents:
                connections[alias].creation.deserialize_db_from_string(contents)

    _fixture_teardown.restores_serialized_contents = True
    TransactionTestCase._fixture_teardown = _fixture_teardown


_restore_after_flush()


def pytest_collection_modifyitems(config, items):
    """A transactional test flushes the database afterwards, which also removes what the
    migrations made (locales, groups, the workflow) for every later test on that worker. Outside
    tests/e2e (which restores a snapshot) such a test must ask for serialized rollback."""
    offenders = []
    for item in items:
        if "/tests/e2e/" in str(item.path):
            continue
        marker = item.get_closest_marker("django_db")
        transactional = "transactional_db" in item.fixturenames or "live_server" in item.fixturenames
        serialized = "django_db_serialized_rollback" in item.fixturenames
        if marker is not None:
            transactional = transactional or marker.kwargs.get("transaction", False)
            serialized = serialized or marker.kwargs.get("serialized_rollback", False)
        if transactional and not serialized:
            offenders.append(item.nodeid)
    if offenders:
        raise pytest.UsageError(
            "Transactional tests without serialized rollback (they would flush the migrations' data):\n  "
            + "\n  ".join(offenders)
        )


@pytest.fixture
def listener():
    """A local TCP server that counts the connections made to it (none are expected)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.2)
    state = {"connections": 0, "stop": False, "port": server.getsockname()[1]}

    def accept():
        while not state["stop"]:
            try:
                connection, _address = server.accept()
            except OSError:
                continue
            state["connections"] += 1
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield state
    state["stop"] = True
    thread.join(1)
    server.close()
