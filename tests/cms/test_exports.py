"""Every admin spreadsheet export neutralises formula-like text (issue 13, item 3)."""

import csv
import datetime
import io

import openpyxl
import pytest

from django.urls import URLResolver, get_resolver, resolve, reverse
from django.utils import timezone
from django.utils.functional import cached_property

from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.log_actions import log
from wagtail.models import Page

from cms.exports import neutralise_cell

HOSTILE = [
    '=HYPERLINK("http://evil.example","klik")',
    "=cmd|' /C calc'!A0",
    "@SUM(A1)",
    "+1",
    "-1+2",
    "\t=1",
    "\r=1",
]


def test_neutralise_cell_follows_the_owasp_rule():
    for value in HOSTILE:
        assert neutralise_cell(value) == "'" + value
    assert neutralise_cell("Fatima") == "Fatima"
    assert neutralise_cell(3) == 3
    assert neutralise_cell(-1.5) == -1.5


@pytest.mark.django_db
@pytest.mark.parametrize("label", HOSTILE)
def test_site_history_export_neutralises_cells(admin_client, label):
    page = Page.objects.get(depth=1)
    log(page, "wagtail.edit", title=label)
    url = reverse("wagtailadmin_reports:site_history")
    body = b"".join(admin_client.get(url, {"export": "csv"}).streaming_content).decode("utf-8-sig")
    cells = [cell for row in list(csv.reader(io.StringIO(body)))[1:] for cell in row]
    assert any(c.startswith("'") for c in cells)
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    response = admin_client.get(url, {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    texts = [c.value for row in sheet.iter_rows(min_row=2) for c in row if isinstance(c.value, str)]
    assert not [t for t in texts if t[:1] in ("=", "+", "-", "@", "\t", "\r")]


# --- Every export in the admin, found by walking the URL resolver -------------------------------

# Text a resident, editor or searcher can put into a cell. Control characters only where a field
# can hold them (one-line fields such as subjects and titles refuse CR).
ONE_LINE = HOSTILE[:5]
FORMULA_CHARS = ("=", "+", "-", "@", "\t", "\r")

# Every view in the admin that writes CSV/XLSX. A new export makes
# test_every_admin_export_is_known fail until it gets hostile data in EXPORT_ROWS below.
EXPECTED_EXPORTS = {
    "pilots_signups:list",
    "workshop_registrations:index",
    "toolkit_downloads",
    "outbox:index",
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:locked_pages",
    "wagtailadmin_reports:aging_pages",
    "wagtailadmin_reports:workflow",
    "wagtailadmin_reports:workflow_tasks",
    "wagtailredirects:index",
    "wagtailsearchpromotions:search_terms",
}


def _walk(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, inner)
        else:
            yield namespace, pattern


def admin_exports():
    """URL name -> view class of every URL whose view writes a spreadsheet with at least one column."""
    found = {}
    for namespace, pattern in _walk(get_resolver().url_patterns):
        view = getattr(pattern.callback, "view_class", None)
        if view is None or not issubclass(view, SpreadsheetExportMixin):
            continue
        kwargs = getattr(pattern.callback, "view_initkwargs", {})
        if kwargs.get("results_only"):
            continue  # the same view answering filter changes; exported through its index URL
        dynamic = "list_export" in {
            name
            for cls in view.__mro__
            for name, value in vars(cls).items()
            if isinstance(value, property | cached_property)
        }
        if kwargs.get("list_export", view.list_export) or dynamic:
            found[namespace + pattern.name] = view
    return found


def test_every_admin_export_is_known():
    # A new export fails here: add it to EXPECTED_EXPORTS and give it hostile rows in EXPORT_ROWS.
    assert set(admin_exports()) == EXPECTED_EXPORTS
    # Form pages' submission exports are reached through a function view the walk cannot see;
    # there are none today. A form page model would need its own entry here.
    from wagtail.contrib.forms.models import FormMixin
    from wagtail.models import get_page_models

    assert not [model for model in get_page_models() if issubclass(model, FormMixin)]


def test_no_export_view_writes_cells_around_the_neutraliser():
    # install() wraps SpreadsheetExportMixin.preprocess_field_value; a view that writes cells
    # without it would bypass the rule.
    for name, view in admin_exports().items():
        for method in ("write_csv_row", "stream_csv", "write_xlsx", "preprocess_field_value"):
            owner = next(cls for cls in view.__mro__ if method in vars(cls))
            assert owner is SpreadsheetExportMixin, f"{name}: {owner.__qualname__}.{method}"


def _fit(model, values):
    """`values` cut to the model's column lengths: PostgreSQL refuses longer text (the public forms
    refuse it earlier); a cut hostile value still starts with its formula character."""
    fields = {field.name: field for field in model._meta.get_fields() if hasattr(field, "max_length")}
    return {
        name: value[: fields[name].max_length]
        if isinstance(value, str) and name in fields and fields[name].max_length
        else value
        for name, value in values.items()
    }


def _hostile_signups(admin, home_page):
    from pilots.factories import PilotRoundFactory
    from pilots.models import Gangmaker, StreetSignup
    from pilots.signup_moderation import submit_signup

    round_ = PilotRoundFactory(capacity=20)
    for number, value in enumerate(HOSTILE):
        submit_signup(
            round_,
            _fit(
                StreetSignup,
                {
                    "street": value,
                    "postcode": f"3074T{chr(65 + number)}",
                    "district": value,
                    "households": 40 + number,
                    "is_opzoomerstraat": "yes",
                    "already_does": value,
                    "hopes": value,
                    "heard_from": "neighbour",
                },
            ),
            [
                _fit(Gangmaker, {"name": value, "email": f"a{number}@example.org", "phone": ""}),
                _fit(Gangmaker, {"name": "Ans de Wit", "email": f"b{number}@example.org", "phone": value}),
            ],
            language="nl",
            confirm_url=lambda token: f"https://example.org/bevestig/{token}/",
        )


def _hostile_registrations(admin, home_page):
    from pilots.models import Registration
    from pilots.workshops import seats
    from pilots.workshops.factories import WorkshopIndexPageFactory, WorkshopPageFactory

    index = WorkshopIndexPageFactory(parent=home_page)
    workshop = WorkshopPageFactory(parent=index, title=ONE_LINE[0], capacity=40)
    for number, value in enumerate(HOSTILE):
        data = {"email": f"r{number}@example.org", "people": 2, "phone": value}
        data |= {"name": value, "street": value, "dietary_needs": value, "accessibility_needs": value}
        seats.register(workshop, _fit(Registration, data), language="nl")


def _hostile_downloads(admin, home_page):
    from toolkit.factories import ToolkitDocumentFactory
    from toolkit.models.stats import record_download

    for value in ONE_LINE:
        record_download(ToolkitDocumentFactory(title=value))


def _hostile_mails(admin, home_page):
    from cms.mail import queue_mail

    for number, value in enumerate(ONE_LINE):
        queue_mail(f"m{number}@example.org", value, "Hallo.")


def _hostile_log_entries(admin, home_page):
    for value in HOSTILE:
        log(home_page, "wagtail.edit", user=admin, title=value)


def _hostile_page_titles(admin, home_page):
    """Published pages with hostile titles: what the aging-pages report lists."""
    pages = []
    for number, value in enumerate(ONE_LINE):
        page = home_page.add_child(instance=Page(title=value, slug=f"formule-{number}"))
        page.save_revision(user=admin).publish(user=admin)
        pages.append(page)
    return pages


def _hostile_locked_pages(admin, home_page):
    for page in _hostile_page_titles(admin, home_page):
        Page.objects.filter(pk=page.pk).update(locked=True, locked_by=admin, locked_at=timezone.now())


def _hostile_workflows(admin, home_page):
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowContentType, WorkflowPage, WorkflowTask

    workflow = Workflow.objects.create(name=ONE_LINE[1])
    task = GroupApprovalTask.objects.create(name=ONE_LINE[2])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowContentType.objects.filter(workflow=workflow).delete()
    for page in _hostile_page_titles(admin, home_page):
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
        page.save_revision(user=admin)
        workflow.start(page, admin)


def _hostile_redirects(admin, home_page):
    from wagtail.contrib.redirects.models import Redirect

    for number, value in enumerate(ONE_LINE):
        Redirect.objects.create(old_path=f"/oud-{number}", redirect_link=value)


def _hostile_search_terms(admin, home_page):
    from wagtail.contrib.search_promotions.models import Query

    for value in ONE_LINE:
        Query.get(value).add_hit()


# URL name -> (make hostile rows, {field: type every XLSX cell of that column must have}).
EXPORT_ROWS = {
    "pilots_signups:list": (
        _hostile_signups,
        {"id": int, "households": int, "created_at": datetime.datetime},
    ),
    "workshop_registrations:index": (
        _hostile_registrations,
        {"people": int, "created_at": datetime.datetime},
    ),
    "toolkit_downloads": (_hostile_downloads, {"downloads": int, "period_start": datetime.date}),
    "outbox:index": (_hostile_mails, {"attempts": int, "created_at": datetime.datetime}),
    "wagtailadmin_reports:site_history": (_hostile_log_entries, {"timestamp": datetime.datetime}),
    "wagtailadmin_reports:locked_pages": (_hostile_locked_pages, {}),
    "wagtailadmin_reports:aging_pages": (_hostile_page_titles, {"last_published_at": datetime.datetime}),
    "wagtailadmin_reports:workflow": (_hostile_workflows, {"created_at": datetime.datetime}),
    "wagtailadmin_reports:workflow_tasks": (_hostile_workflows, {"started_at": datetime.datetime}),
    "wagtailredirects:index": (_hostile_redirects, {}),
    "wagtailsearchpromotions:search_terms": (_hostile_search_terms, {"_hits": int}),
}


def test_every_export_has_hostile_rows():
    assert set(EXPORT_ROWS) == EXPECTED_EXPORTS


def _export_fields(url):
    match = resolve(url)
    return list(match.func.view_initkwargs.get("list_export", match.func.view_class.list_export))


def _formula_cells(cells):
    return [cell for cell in cells if isinstance(cell, str) and cell.startswith(FORMULA_CHARS)]


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(EXPECTED_EXPORTS))
def test_every_export_neutralises_hostile_cells(client, django_user_model, home_page, name):
    admin = django_user_model.objects.create_superuser("beheer", "beheer@example.org", "a-long-test-password")
    client.force_login(admin)
    make_rows, types = EXPORT_ROWS[name]
    make_rows(admin, home_page)
    url = reverse(name)
    fields = _export_fields(url)

    response = client.get(url, {"export": "csv"})
    assert response.status_code == 200, name
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body, newline="")))[1:]
    cells = [cell for row in rows for cell in row]
    assert rows, name
    assert {"'" + value for value in ONE_LINE} & set(cells), f"{name}: the hostile rows are not in the CSV"
    assert not _formula_cells(cells), name

    response = client.get(url, {"export": "xlsx"})
    assert response.status_code == 200, name
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert rows, name
    assert not _formula_cells(cell for row in rows for cell in row), name
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row), name
    for field, kind in types.items():
        column = [row[fields.index(field)] for row in rows]
        assert all(isinstance(value, kind) for value in column), f"{name}: {field} is {column}"
