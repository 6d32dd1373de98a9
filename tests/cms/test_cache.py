"""The page cache (cms/pagecache.py): hits cost no query, keep the security headers, and are purged."""

import pytest

from django.core.cache import cache
from django.db import connections
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.forms.models import FormMixin
from wagtail.models import PageViewRestriction

from cms.pagecache import HEADER, is_cacheable_page
from home.factories import MenuFactory, MenuItemFactory, StandardPageFactory
from home.models import HomePage, SiteSettings, StandardPage


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def about(home_page):
    # The first page view would create the site's settings row, and saving a setting purges.
    SiteSettings.for_site(home_page.get_site())
    return StandardPageFactory(parent=home_page, slug="over", title="Over Lief en Leed")


def all_queries(client, path, **extra):
    contexts = [CaptureQueriesContext(connection) for connection in connections.all()]
    for context in contexts:
        context.__enter__()
    try:
        response = client.get(path, **extra)
    finally:
        for context in contexts:
            context.__exit__(None, None, None)
    return response, sum(len(context.captured_queries) for context in contexts)


def test_second_anonymous_request_is_a_hit_without_any_query(client, about):
    first, first_queries = all_queries(client, "/nl/over/")
    assert first.status_code == 200
    assert first[HEADER] == "miss"
    assert first_queries > 0
    second, second_queries = all_queries(client, "/nl/over/")
    assert second[HEADER] == "hit"
    assert second_queries == 0
    assert second.content == first.content
    assert b"Over Lief en Leed" in second.content


def test_a_hit_keeps_the_security_headers_and_vary(client, about):
    first = client.get("/nl/over/")
    second = client.get("/nl/over/")
    assert second[HEADER] == "hit"
    for header in (
        "Content-Security-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "X-Frame-Options",
        "Permissions-Policy",
        "Content-Type",
        "Content-Language",
    ):
        assert second[header] == first[header], header
    assert "'unsafe-inline'" not in second["Content-Security-Policy"]
    assert "Cookie" in second["Vary"]
    assert int(second["Content-Length"]) == len(second.content)


def test_no_cookie_is_ever_stored_or_sent_with_a_hit(client, about):
    client.get("/nl/over/")
    hit = client.get("/nl/over/")
    assert hit[HEADER] == "hit"
    assert not hit.cookies
    assert b"csrfmiddlewaretoken" not in hit.content


def test_key_holds_language_path_and_query_string(client, about):
    client.get("/nl/over/?b=2&a=1")
    assert client.get("/nl/over/?a=1&b=2")[HEADER] == "hit"  # order does not matter
    assert client.get("/nl/over/?a=1&b=3")[HEADER] == "miss"
    assert client.get("/nl/over/")[HEADER] == "miss"


def test_logged_in_editors_and_visitors_with_a_session_bypass_the_cache(client, about, django_user_model):
    client.get("/nl/over/")
    editor = django_user_model.objects.create_superuser("redactie", "r@example.org", "geheim-wachtwoord-1")
    client.force_login(editor)
    response = client.get("/nl/over/")
    assert HEADER not in response
    assert b"wagtail-userbar" in response.content or b"userbar" in response.content


def test_a_visitor_with_a_messages_cookie_gets_a_fresh_page(client, about):
    client.get("/nl/over/")
    client.cookies["messages"] = "something"
    assert HEADER not in client.get("/nl/over/")


def test_search_is_not_cached(client, about):
    assert HEADER not in client.get("/nl/zoeken/?q=over")
    assert HEADER not in client.get("/nl/zoeken/?q=over")


def test_a_page_that_sets_cache_public_false_is_never_stored(client, about, monkeypatch):
    monkeypatch.setattr(StandardPage, "cache_public", False, raising=False)
    assert HEADER not in client.get("/nl/over/")
    assert HEADER not in client.get("/nl/over/")


def test_form_pages_are_not_cacheable():
    class FormLike(FormMixin):
        class Meta:
            abstract = True

    assert is_cacheable_page(HomePage()) is True
    assert is_cacheable_page(FormLike.__new__(FormLike)) is False


def test_a_page_with_a_password_is_never_stored(client, about):
    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    first = client.get("/nl/over/")
    assert first.status_code == 200  # the password form
    assert HEADER not in first
    assert HEADER not in client.get("/nl/over/")


def test_publishing_the_page_purges_it(client, about):
    client.get("/nl/over/")
    about.title = "Over ons, vernieuwd"
    about.save_revision().publish()
    response = client.get("/nl/over/")
    assert response[HEADER] == "miss"
    assert b"Over ons, vernieuwd" in response.content


def test_unpublishing_and_deleting_a_page_purge(client, about, home_page):
    other = StandardPageFactory(parent=home_page, slug="ander", title="Ander")
    client.get("/nl/over/")
    other.unpublish()
    assert client.get("/nl/over/")[HEADER] == "miss"
    other.delete()
    assert client.get("/nl/over/")[HEADER] == "miss"


def test_publishing_a_menu_snippet_purges_every_page(client, about, home_page):
    client.get("/nl/over/")
    menu = MenuFactory()
    MenuItemFactory(menu=menu, page=about, label="Wie zijn wij")
    response = client.get("/nl/over/")
    assert response[HEADER] == "miss"
    assert b"Wie zijn wij" in response.content


def test_saving_a_setting_purges_every_page(client, about, home_page):
    client.get("/nl/over/")
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.contact_phone = "010 123 45 67"
    site_settings.save()
    response = client.get("/nl/over/")
    assert response[HEADER] == "miss"
    assert b"010 123 45 67" in response.content


def test_cache_off_with_zero_seconds(client, about, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/nl/over/")
    assert HEADER not in client.get("/nl/over/")


def test_pages_with_a_form_or_live_numbers_are_never_cached():
    from pilots.models import SignupPage, StorySubmissionPage, WorkshopIndexPage, WorkshopPage

    for model in (SignupPage, StorySubmissionPage, WorkshopIndexPage, WorkshopPage):
        assert model.cache_public is False, model


def test_changing_a_pilot_round_purges_the_cache(db):
    from cms import pagecache
    from pilots.factories import PilotRoundFactory

    round_ = PilotRoundFactory(name="Ronde")
    before = pagecache.current_generation()
    round_.capacity = 3
    round_.save()
    assert pagecache.current_generation() != before
