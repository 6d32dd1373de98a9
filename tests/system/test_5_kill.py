"""`kill -9` of the worker during a letter job: the job still ends with one complete PDF, and a
half-written file is never served (issue 12, item 6)."""

import io
import json
import time

from pypdf import PdfReader

from .flows import Client, fill
from .site import letter_fields, letter_form


def test_kill_9_of_the_worker_during_a_letter_job(stack):
    visitor = Client(stack.url, forwarded_for="198.51.100.20")
    answer = fill(
        visitor, letter_form(stack), letter_fields(street="Tarwestraat", number_from="1", number_to="300")
    )
    assert answer.status == 303, answer.text[:2000]
    location = answer.headers["Location"]
    time.sleep(2.0)  # the worker has taken the job (it polls every second) and is rendering it
    stack.kill("worker")  # SIGKILL to the cluster and its workers; the render child dies with them
    status = json.loads(visitor.get(location, headers={"Accept": "application/json"}).text)
    assert status["ready"] is False, status
    page = visitor.get(location)
    assert page.status == 200 and page.headers["Content-Type"].startswith("text/html")  # no half file
    stack.start_worker()  # the operator (or systemd) starts it again; the broker hands the job out again

    def ready():
        status = json.loads(visitor.get(location, headers={"Accept": "application/json"}).text)
        assert status["status"] != "failed", status
        return status["ready"]

    stack.wait_for(ready, "the letters after the worker was killed", 240)
    pdf = visitor.get(location)
    reader = PdfReader(io.BytesIO(pdf.body))
    assert len(reader.pages) == 300
    assert "Tarwestraat 300" in reader.pages[299].extract_text()
