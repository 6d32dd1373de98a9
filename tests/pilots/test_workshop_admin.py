"""The registrations in the admin: list, filters, exports, check-in and the attendance list."""

import csv
import io

import openpyxl
import pytest

from django.urls import reverse

from cms.exports import neutralise_cell as neutralise_formula
from pilots.models import Registration
from pilots.workshops.factories import RegistrationFactory, WorkshopIndexPageFactory, WorkshopPageFactory

from .conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop(home_page):
    index = WorkshopIndexPageFactory(parent=home_page)
    return WorkshopPageFactory(parent=index, title="Instrumenten", capacity=3)


@pytest.fixture
def admin_client(client):
    client.force_login(make_user("beheerder", superuser=True))
    return client


def index_url():
    return reverse("workshop_registrations:index")


def test_formula_neutralised():
    assert neutralise_formula('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert neutralise_formula("+31 6") == "'+31 6"
    assert neutralise_formula("Fatima") == "Fatima"
    assert neutralise_formula(3) == 3


def test_list_filters_and_search(admin_client, workshop):
    RegistrationFactory(workshop=workshop, name="Karel Appel")
    RegistrationFactory(workshop=workshop, name="Fatima Bakker", status="waitlist")
    response = admin_client.get(index_url(), {"status": "waitlist"})
    assert response.status_code == 200
    assert "Fatima Bakker" in response.content.decode()
    assert "Karel Appel" not in response.content.decode()
    response = admin_client.get(index_url(), {"q": "karel"})
    assert "Karel Appel" in response.content.decode()


def test_csv_export_neutralises_formulas(admin_client, workshop):
    RegistrationFactory(workshop=workshop, name='=HYPERLINK("http://evil.example","klik")', street="@SUM(A1)")
    response = admin_client.get(index_url(), {"export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[1][1].startswith("'=HYPERLINK")
    assert rows[1][4] == "'@SUM(A1)"


def test_xlsx_export_keeps_formulas_as_text(admin_client, workshop):
    RegistrationFactory(workshop=workshop, name="=1+1")
    response = admin_client.get(index_url(), {"export": "xlsx"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    values = [cell.value for cell in sheet[2]]
    assert "'=1+1" in values
    assert sheet.cell(row=2, column=2).data_type == "s"


def test_check_in_marks_attended_and_no_show(admin_client, workshop):
    present = RegistrationFactory(workshop=workshop, name="Aanwezig")
    away = RegistrationFactory(workshop=workshop, name="Weg")
    url = reverse("workshop_registrations:check_in", args=[workshop.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    assert "Aanwezig" in page.content.decode()
    admin_client.post(url, {"registration": present.pk, "status": "attended"})
    admin_client.post(url, {"registration": away.pk, "status": "no_show"})
    present.refresh_from_db(), away.refresh_from_db()
    assert present.status == Registration.Status.ATTENDED
    assert away.status == Registration.Status.NO_SHOW
    assert admin_client.get(reverse("workshop_registrations:check_in_overview")).status_code == 200


def test_check_in_needs_permission(client, workshop):
    client.force_login(make_user("bezoeker"))
    url = reverse("workshop_registrations:check_in", args=[workshop.pk])
    response = client.get(url)
    assert response.status_code in (302, 403)


def test_attendance_list_is_a_real_pdf(admin_client, workshop):
    """Needs cms.pdf (the flyers branch): fails until that is merged."""
    from pypdf import PdfReader

    RegistrationFactory(workshop=workshop, name="Fatima de Vries", people=2, dietary_needs="halal")
    RegistrationFactory(workshop=workshop, name="Geannuleerd", status="cancelled")
    response = admin_client.get(reverse("workshop_registrations:attendance_pdf", args=[workshop.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Presentielijst" in text
    assert "Fatima de Vries" in text
    assert "halal" in text
    assert "Geannuleerd" not in text


def test_lowering_capacity_in_the_page_editor_shows_the_error_on_the_field(admin_client, workshop):
    from django.utils import timezone

    from wagtail.test.utils.form_data import nested_form_data, rich_text

    RegistrationFactory(workshop=workshop, people=3)
    local = timezone.localtime
    data = nested_form_data(
        {
            "title": workshop.title,
            "slug": workshop.slug,
            "intro": workshop.intro,
            "description": rich_text("<p>Uitleg</p>"),
            "audience": workshop.audience,
            "starts_at": local(workshop.starts_at).strftime("%Y-%m-%d %H:%M"),
            "ends_at": local(workshop.ends_at).strftime("%Y-%m-%d %H:%M"),
            "venue": workshop.venue,
            "address": workshop.address,
            "accessibility": workshop.accessibility,
            "capacity": 2,
            "ask_dietary": "on",
            "ask_accessibility": "on",
        }
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[workshop.pk]), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "capacity" in errors
    assert "Er zijn al 3 plekken bevestigd" in errors["capacity"][0]
    workshop.refresh_from_db()
    assert workshop.capacity == 3
