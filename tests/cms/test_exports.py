"""Every admin spreadsheet export neutralises formula-like text (issue 13, item 3)."""

import csv
import io

import openpyxl
import pytest

from django.urls import reverse

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
