"""An admin crawl per role (issue 12, item 7).

One member of each group (made by the real group set-up: the migrations) and a superuser open every
admin menu item, every listing with a search term and with each of its filters, every export, the
add and edit view of every snippet and registered model, the page explorer, page add/edit for each
page type and the choosers, all on one demo dataset. No answer may be a 500; the refusals each role
is expected to get are the table EXPECTED below, and everything else must be 200 (302 only for the
views in REDIRECTS, which redirect by design).
"""

import fnmatch
import time
from collections import Counter, defaultdict

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import NoReverseMatch, reverse

from wagtail.admin.menu import admin_menu
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page

from pilots.workflow import EINDREDACTIE, MODERATOREN, REDACTIE, VERTALERS

PRIVACY = "Privacyfunctionaris"
ROLES = {
    "redactie": [REDACTIE],
    "eindredactie": [EINDREDACTIE],
    "moderatoren": [MODERATOREN],
    "vertalers": [VERTALERS],
    "privacy": [PRIVACY],
    "superuser": [],
}

# Wagtail answers a missing permission with a redirect to the dashboard and a "geen toegang"
# message; the crawl records that answer as "denied" (a 403 or a 302 to the login would show as
# such, and neither is expected anywhere). (role pattern, URL name pattern) -> allowed besides 200;
# patterns are fnmatch patterns, a name is "<url name>" or "<url name>?<query>".
DENIED = {"denied"}
EDITORS = "*redactie"  # redactie and eindredactie
NOT_EDITORS = "[mpv]*"  # moderatoren, privacy, vertalers
NOT_SUPERUSER = "[emprv]*"
EXPECTED = {
    # Only administrators: users, groups, sites, locales, menus, the workshop registrations (which
    # hold personal data), synonyms, advice cards, flyer templates and the outbox.
    (NOT_SUPERUSER, "wagtailusers_*"): DENIED,
    (NOT_SUPERUSER, "wagtailsites:*"): DENIED,
    (NOT_SUPERUSER, "wagtaillocales:*"): DENIED,
    (NOT_SUPERUSER, "wagtailsnippets_home_menu:*"): DENIED,
    (NOT_SUPERUSER, "workshop_registrations:*"): DENIED,
    (NOT_SUPERUSER, "wagtailsnippets_search_synonym:*"): DENIED,
    (NOT_SUPERUSER, "wagtailsnippets_toolkit_*"): DENIED,
    (NOT_SUPERUSER, "outbox:*"): DENIED,
    # Read-only models: nobody adds or edits outgoing mail, consent confirmations, sign-ups,
    # submissions or round subscribers in the admin (they come from the public site and the workflow).
    ("*", "outbox:add"): DENIED,
    ("*", "outbox:edit"): DENIED,
    ("*", "toestemmingen:add"): DENIED,
    ("*", "toestemmingen:edit"): DENIED,
    ("*", "pilots_signups:add"): DENIED,
    ("*", "pilots_submissions:add"): DENIED,
    ("*", "wagtailsnippets_pilots_roundsubscriber:add"): DENIED,
    # Consent confirmations: the editorial roles and moderators read them.
    ("[pv]*", "toestemmingen:*"): DENIED,
    # Sign-ups, submissions, pilot rounds and mail texts are the moderators' (and administrators').
    (EDITORS, "pilots_*"): DENIED,
    ("[pv]*", "pilots_*"): DENIED,
    (EDITORS, "wagtailsnippets_pilots_*"): DENIED,
    ("[pv]*", "wagtailsnippets_pilots_*"): DENIED,
    # Moderators judge submissions in their own view (pilots_submissions:moderate), not the edit form.
    ("moderatoren", "pilots_submissions:edit"): DENIED,
    # Images and documents: the editors upload and edit; translators only choose them.
    (NOT_EDITORS, "wagtailimages:*"): DENIED,
    (NOT_EDITORS, "wagtaildocs:*"): DENIED,
    # Pages: no page permissions for moderators and the privacy officer; editors edit only the
    # sections given to their language (Redactie Dutch, Vertalers the translations).
    ("[mp]*", "wagtailadmin_explore*"): DENIED,
    # The crawl opens one page of each type (the first, a Dutch one): Redactie and Eindredactie may
    # edit and add pilots and stories; the other pages are the administrators'.
    (NOT_SUPERUSER, "wagtailadmin_pages:*:home.*"): DENIED,
    (NOT_SUPERUSER, "wagtailadmin_pages:*:toolkit.*"): DENIED,
    (NOT_SUPERUSER, "wagtailadmin_pages:*:pilots.workshop*"): DENIED,
    (NOT_SUPERUSER, "wagtailadmin_pages:*:pilots.signuppage"): DENIED,
    (NOT_SUPERUSER, "wagtailadmin_pages:*:pilots.storysubmissionpage"): DENIED,
    (NOT_EDITORS, "wagtailadmin_pages:*"): DENIED,
    (EDITORS, "wagtailadmin_pages:add:pilots.*indexpage"): DENIED,
    # Sections and one-off pages exist once (max_count): nobody adds a second one.
    ("*", "wagtailadmin_pages:add:*indexpage"): DENIED,
    ("*", "wagtailadmin_pages:add:home.homepage"): DENIED,
    ("*", "wagtailadmin_pages:add:pilots.signuppage"): DENIED,
    ("*", "wagtailadmin_pages:add:pilots.storysubmissionpage"): DENIED,
    # Redactie has page permissions on the Dutch sections only: the explorer takes them there.
    ("redactie", "wagtailadmin_explore*"): {302},
    ("redactie", "menu:explorer"): {302},
}

# Views that answer 302 by design, for every role that may open them: the site settings menu item
# goes to the settings of the (only) site.
REDIRECTS = ["menu:website-instellingen"]

CHOOSERS = ["wagtailadmin_choose_page", "wagtailimages_chooser:choose", "wagtaildocs_chooser:choose"]


def make_member(username, groups, superuser=False):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password="a-long-test-password",
        is_superuser=superuser,
        is_staff=superuser,
    )
    user.groups.set(Group.objects.filter(name__in=groups))
    assert user.groups.count() == len(groups), f"group missing for {username}: {groups}"
    return user


def menu_urls(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    urls = []

    def walk(menu):
        for item in menu.menu_items_for_request(request):
            if hasattr(item, "menu"):
                walk(item.menu)
            elif item.url.startswith("/admin/"):
                urls.append((f"menu:{item.name}", item.url))

    walk(admin_menu)
    return urls


def filter_values(filterset_class, model):
    """One (name, query) per filter of a listing, with a value the filter accepts."""
    if not filterset_class:
        return []
    filterset = filterset_class(data={}, queryset=model._default_manager.all())
    queries = []
    for name, field in filterset.form.fields.items():
        choices = [value for value, _ in getattr(field, "choices", []) if value not in ("", None)]
        if choices:
            value = getattr(choices[0], "value", choices[0])
            queries.append((name, {name: str(value)}))
        elif field.__class__.__name__ == "DateRangeField":
            queries.append((name, {f"{name}_after": "2020-01-01", f"{name}_before": "2030-12-31"}))
        elif field.__class__.__name__ in ("BooleanField", "NullBooleanField"):
            queries.append((name, {name: "true"}))
        else:
            queries.append((name, {name: "a"}))
    return queries


def _reverses(name, args=()):
    try:
        reverse(name, args=args)
    except NoReverseMatch:
        return False
    return True


def media_urls():
    """Images and documents have their own views (not in the viewset registry)."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    urls = []
    for app, model in (("wagtailimages", get_image_model()), ("wagtaildocs", get_document_model())):
        index = reverse(f"{app}:index")
        urls += [(f"{app}:index", index), (f"{app}:index?q", f"{index}?q=a")]
        urls.append((f"{app}:add", reverse(f"{app}:add")))
        first = model.objects.order_by("pk").first()
        assert first is not None, f"the demo has no {model._meta.verbose_name}"
        urls.append((f"{app}:edit", reverse(f"{app}:edit", args=[first.pk])))
    return urls


def viewset_urls():
    urls = []
    for viewset in viewsets.viewsets:
        if not isinstance(viewset, ModelViewSet):
            continue
        # Snippet viewsets call their listing "list", the others "index".
        name = next(
            (viewset.get_url_name(v) for v in ("index", "list") if _reverses(viewset.get_url_name(v))), None
        )
        if name is None:
            continue
        index = reverse(name)
        view = viewset.index_view.view_class(**viewset.index_view.view_initkwargs)
        urls.append((name, index))
        urls.append((f"{name}?q", f"{index}?q=a"))
        model = viewset.model
        for filter_name, query in filter_values(view.filterset_class, model):
            urls.append(
                (f"{name}?{filter_name}", index + "?" + "&".join(f"{k}={v}" for k, v in query.items()))
            )
        if view.list_export:
            urls.append((f"{name}?export=csv", f"{index}?export=csv"))
            urls.append((f"{name}?export=xlsx", f"{index}?export=xlsx"))
        if _reverses(viewset.get_url_name("add")):
            urls.append((viewset.get_url_name("add"), reverse(viewset.get_url_name("add"))))
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            try:
                urls.append(
                    (viewset.get_url_name("edit"), reverse(viewset.get_url_name("edit"), args=[first.pk]))
                )
            except NoReverseMatch:
                pass
    return urls


def page_urls():
    urls = [("wagtailadmin_explore_root", reverse("wagtailadmin_explore_root"))]
    for section in Page.objects.filter(depth__in=[2, 3]):
        urls.append(("wagtailadmin_explore", reverse("wagtailadmin_explore", args=[section.pk])))
    one_of_each = {}
    for page in Page.objects.filter(depth__gt=1).order_by("path"):
        one_of_each.setdefault(page.content_type_id, page)
    for page in one_of_each.values():
        model = page.specific_class._meta
        kind = f"{model.app_label}.{model.model_name}"
        urls.append((f"wagtailadmin_pages:edit:{kind}", reverse("wagtailadmin_pages:edit", args=[page.pk])))
        parent = page.get_parent()
        add_url = reverse("wagtailadmin_pages:add", args=[model.app_label, model.model_name, parent.pk])
        urls.append((f"wagtailadmin_pages:add:{kind}", add_url))
    return urls


def allowed(role, name):
    statuses = {200}
    for (role_pattern, name_pattern), extra in EXPECTED.items():
        if fnmatch.fnmatch(role, role_pattern) and fnmatch.fnmatch(name, name_pattern):
            statuses |= set(extra)
    for name_pattern in REDIRECTS:
        if fnmatch.fnmatch(name, name_pattern):
            statuses.add(302)
    return statuses


@pytest.mark.django_db
def test_every_admin_view_answers_every_role(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    call_command("load_demo_content", verbosity=0)
    users = {
        role: make_member(f"crawl-{role}", groups, superuser=role == "superuser")
        for role, groups in ROLES.items()
    }
    started = time.monotonic()
    urls = set(viewset_urls()) | set(page_urls()) | set(media_urls())
    urls |= {(name, reverse(name)) for name in CHOOSERS}
    counts = defaultdict(Counter)
    answers = defaultdict(set)
    failures = []
    for role, user in users.items():
        client = Client(raise_request_exception=False)
        client.force_login(user)
        for name, url in sorted(urls | set(menu_urls(user))):
            response = client.get(url)
            status = response.status_code
            if status == 302 and response["Location"] == reverse("wagtailadmin_home"):
                status = "denied"  # Wagtail's answer to a missing permission: back to the dashboard
            answers[role, name].add(status)
            if status == 200 and "export=" in url:
                kind = response["Content-Type"]
                assert ("csv" in kind) if url.endswith("csv") else ("spreadsheetml" in kind), (url, kind)
            counts[role][status] += 1
            if status not in allowed(role, name):
                failures.append((role, name, url, status))
    elapsed = time.monotonic() - started
    print(f"\ncrawl: {sum(sum(c.values()) for c in counts.values())} requests in {elapsed:.1f} s")
    for role, counter in counts.items():
        print(f"  {role:13} " + "  ".join(f"{s}: {n}" for s, n in sorted(counter.items(), key=str)))
    # Wagtail checks wagtaildocs.Document permissions even for toolkit.ToolkitDocument (pilots 0006).
    for role in ("redactie", "eindredactie"):
        for name in ("wagtaildocs:index", "wagtaildocs:index?q", "wagtaildocs:add", "wagtaildocs:edit"):
            assert answers[role, name] == {200}, (role, name)
    assert answers["vertalers", "wagtaildocs_chooser:choose"] == {200}
    assert answers["moderatoren", "pilots_signups:list?export=xlsx"] == {200}
    assert not failures, "\n".join(f"{role} {status} {name} {url}" for role, name, url, status in failures)


@pytest.mark.django_db
def test_advice_card_and_flyer_template_listings_search_their_text(admin_client, home_page):
    """The crawl found both 500 on SQLite with their viewsets' own search_fields."""
    from toolkit.factories import AdviceCardFactory, FlyerTemplateFactory

    AdviceCardFactory(title="Neem de tijd", text="Contact met buren groeit langzaam.")
    FlyerTemplateFactory(name="Uitnodiging", headline="Kom kennismaken in de straat!")
    cards = reverse("wagtailsnippets_toolkit_advicecard:list")
    flyers = reverse("wagtailsnippets_toolkit_flyertemplate:list")
    for url, term, expected in [
        (cards, "langzaam", "Neem de tijd"),
        (cards, "Neem", "Neem de tijd"),
        (flyers, "kennismaken", "Uitnodiging"),
        (flyers, "Uitnod", "Uitnodiging"),
    ]:
        response = admin_client.get(url, {"q": term})
        assert response.status_code == 200, (url, term)
        assert expected in response.content.decode(), (url, term)
    assert "Neem de tijd" not in admin_client.get(cards, {"q": "fietsen"}).content.decode()
