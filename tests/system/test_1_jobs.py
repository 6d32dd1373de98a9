"""Every kind of background job runs in the real worker (issue 12, item 6), proven over HTTP.

Letters for a whole street (300 addresses) and for Korenaarstraat 2–48 even in Dutch and Arabic end
as PDFs with one page per address; the toolkit's ZIP bundle builds; search statistics counted by
both web processes are written by a job in the worker and shown in the admin.
"""

import io
import json
import re
import time
import zipfile

from pypdf import PdfReader

from .conftest import ADMIN_PASSWORD
from .flows import Client, fill
from .site import letter_fields, letter_form

TIMINGS = {}


def make_pdf(stack, visitor, fields, seconds=240):
    started = time.monotonic()
    answer = fill(visitor, letter_form(stack), fields)
    assert answer.status == 303, (answer.status, answer.text[:2000])
    location = answer.headers["Location"]

    def ready():
        status = json.loads(visitor.get(location, headers={"Accept": "application/json"}).text)
        assert status["status"] != "failed", status
        return status["ready"]

    stack.wait_for(ready, f"letters {fields['number_from']}–{fields['number_to']}", seconds)
    pdf = visitor.get(location)
    assert pdf.status == 200 and pdf.headers["Content-Type"] == "application/pdf", pdf.status
    return PdfReader(io.BytesIO(pdf.body)), time.monotonic() - started


def test_letters_for_300_addresses_end_as_one_pdf_in_the_worker(stack):
    visitor = Client(stack.url, forwarded_for="198.51.100.1")
    reader, seconds = make_pdf(stack, visitor, letter_fields(number_from="1", number_to="300"))
    TIMINGS[(stack.name, "300 letters")] = seconds
    assert len(reader.pages) == 300
    assert "Korenaarstraat 1" in reader.pages[0].extract_text()
    assert "Korenaarstraat 300" in reader.pages[299].extract_text()
    print(f"\n[{stack.name}] 300 letters in the real worker: {seconds:.1f} s")


def test_korenaarstraat_2_to_48_even_in_dutch_and_arabic(stack):
    visitor = Client(stack.url, forwarded_for="198.51.100.2")
    fields = letter_fields(number_from="2", number_to="48", numbers="even", second_language="ar")
    reader, seconds = make_pdf(stack, visitor, fields)
    assert len(reader.pages) == 24
    first, last = reader.pages[0].extract_text(), reader.pages[23].extract_text()
    assert "Korenaarstraat 2" in first and "Korenaarstraat 48" in last
    assert re.search(r"[\u0600-\u06ff]", first), "the Arabic column is missing"
    print(f"\n[{stack.name}] 24 letters nl+ar in the real worker: {seconds:.1f} s")


def test_the_toolkit_bundle_builds_in_the_worker(stack):
    visitor = Client(stack.url, forwarded_for="198.51.100.3")
    index = visitor.get("/nl/toolkit/").text
    bundles = []
    for item in dict.fromkeys(re.findall(r'href="(/nl/toolkit/[\w-]+/)"', index)):
        bundles += re.findall(r'href="(/nl/toolkit/alles/[\w-]+/)"', visitor.get(item).text)
        if bundles:
            break
    assert bundles, "no material offers its bundle"
    # The demo built its bundles already: an operator throws them away, so the worker builds anew.
    stack.manage("shell", "-c", "from toolkit.models import Bundle\nBundle.objects.all().delete()")
    first = visitor.get(bundles[0])
    assert first.headers.get("Content-Type", "").startswith("text/html"), "a bundle was still there"
    started = time.monotonic()

    def zipped():
        answer = visitor.get(bundles[0])
        assert answer.status in (200, 202), answer.status
        return answer if answer.headers.get("Content-Type") == "application/zip" else None

    answer = stack.wait_for(zipped, "the ZIP bundle", 120)
    names = zipfile.ZipFile(io.BytesIO(answer.body)).namelist()
    assert names and all(name.count("/") == 1 for name in names), names  # a folder per language
    seconds = time.monotonic() - started
    print(f"\n[{stack.name}] bundle of {len(names)} files in the real worker: {seconds:.1f} s")


def test_search_statistics_from_both_web_processes_are_recorded_by_the_worker(stack):
    for number in range(6):  # new connections: both gunicorn workers answer some
        visitor = Client(stack.url, forwarded_for=f"198.51.100.{40 + number}")
        assert visitor.get("/nl/zoeken/?q=sleutel+buren").status == 200
    stack.manage(
        "shell", "-c", "from django_q.tasks import async_task; async_task('search.stats.flush_search_stats')"
    )
    editor = Client(stack.url, forwarded_for="198.51.100.50")
    assert editor.log_in("system", ADMIN_PASSWORD).status == 302

    def recorded():
        html = editor.get("/admin/zoekstatistiek/").text
        row = re.search(r"sleutel buren</[^>]+>\s*<td[^>]*>\s*(\d+)", html)
        return row and int(row.group(1)) == 6

    stack.wait_for(recorded, "six searches in the search statistics", 60)
