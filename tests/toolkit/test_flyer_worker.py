"""Flyer jobs in the real worker: `manage.py qcluster` (django-q2, daemonic worker processes).

The rest of the suite runs the queue synchronously in one process; here a real cluster on the
embedded default (two SQLite files, the ORM broker) takes a 24-letter Dutch + Arabic job from the
queue and renders it in the forked, limited render child. The PDF is read back with pypdf.
"""

import io
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from pypdf import PdfReader

from tests.subprocess_settings import ROOT, clean_environment, run_python, settings_in_subprocess

SETUP = """
from django.db import transaction
from cms.demo import translate
from toolkit import flyers
from toolkit.factories import FlyerTemplateFactory
from wagtail.models import Locale

Locale.objects.get_or_create(language_code="ar")
template = FlyerTemplateFactory(name="Uitnodiging", per_address=True)
translate(template, "ar", {
    "Uitnodiging": "دعوة",
    "Kom kennismaken in de {straat}!": "تعالوا نتعارف في شارع {straat}!",
    template.body: "نحن {gangmakers}، متطوعو شارع {straat}. تعالوا يوم {datum} الساعة {tijd} إلى {plek}.",
})
inputs = {
    "street": "Korenaarstraat", "date": "2030-06-01", "start_time": "10:00", "end_time": "12:00",
    "place": "bij nummer 14", "gangmakers": "Noreen en Kees", "contact": "",
    "number_from": 2, "number_to": 48, "numbers": "even",
}
job = flyers.get_or_create_job(template, inputs, ["nl", "ar"])
with transaction.atomic():
    assert flyers.request_render(job)
print(job.pk, job.key)
"""


def wait_for(predicate, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    return predicate()


def job_row(var_dir, pk):
    with sqlite3.connect(var_dir / "db.sqlite3", timeout=5) as database:
        return database.execute(
            "SELECT status, file_name, error FROM toolkit_flyerjob WHERE id = ?", (pk,)
        ).fetchone()


def finished(var_dir, pk):
    row = job_row(var_dir, pk)
    return row if row[0] in ("ready", "failed") else None


@pytest.fixture
def site(tmp_path):
    """A migrated embedded-default site in its own VAR_DIR, with one queued 24-letter nl+ar job."""
    environ = {"VAR_DIR": str(tmp_path), "SECRET_KEY": "worker-test-key", "Q_WORKERS": "1"}
    environment = clean_environment(DJANGO_SETTINGS_MODULE="cms.settings.base", **environ)
    for database in ("default", "queue"):
        migrated = run_python("manage.py", "migrate", "-v0", "--database", database, environment=environment)
        assert migrated.returncode == 0, migrated.stderr[-2000:]
    made = settings_in_subprocess("cms.settings.base", SETUP, **environ)
    assert made.returncode == 0, made.stderr[-3000:]
    pk, key = made.stdout.split()
    return tmp_path, environment, int(pk), key


def start_cluster(environment, log):
    return subprocess.Popen(  # a session of its own: the stop reaches the cluster's workers too
        [sys.executable, "manage.py", "qcluster"],
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def stop_cluster(cluster):
    if cluster.poll() is None:
        os.killpg(cluster.pid, signal.SIGTERM)
        try:
            cluster.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(cluster.pid, signal.SIGKILL)
            cluster.wait()


def test_a_24_letter_dutch_and_arabic_job_ends_as_a_pdf_in_the_real_worker(site):
    var_dir, environment, pk, key = site
    with open(var_dir / "qcluster.log", "wb") as log:
        cluster = start_cluster(environment, log)
        try:
            row = wait_for(lambda: finished(var_dir, pk), 45)
        finally:
            stop_cluster(cluster)
    assert row and row[0] == "ready", (row, (var_dir / "qcluster.log").read_text()[-3000:])
    assert row[1] == f"flyers/{key}.pdf"
    reader = PdfReader(io.BytesIO((var_dir / "media" / row[1]).read_bytes()))
    assert len(reader.pages) == 24
    assert "Korenaarstraat 2" in reader.pages[0].extract_text()
    assert "Korenaarstraat 48" in reader.pages[23].extract_text()
    assert "دعوة" in reader.pages[0].extract_text() or "تعالوا" in reader.pages[0].extract_text()
    assert not list((var_dir / "media" / "flyers").glob(".tmp-*"))


def test_q_retry_must_be_longer_than_q_timeout():
    refused = settings_in_subprocess("cms.settings.base", "", Q_TIMEOUT="600", Q_RETRY="600", SECRET_KEY="k")
    assert refused.returncode != 0
    assert "Q_RETRY (600) must be greater than Q_TIMEOUT (600)" in refused.stderr
    shown = settings_in_subprocess(
        "cms.settings.base",
        "from django.conf import settings; print(settings.Q_CLUSTER['timeout'], settings.Q_CLUSTER['retry'])",
        Q_TIMEOUT="900",
        Q_RETRY="1000",
        SECRET_KEY="k",
    )
    assert shown.stdout.split() == ["900", "1000"], shown.stderr[-2000:]
