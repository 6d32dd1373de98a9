"""The personal-data register and its machinery: purge, export and erase, for cms's own kinds."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django_q.models import OrmQ, Task
from django_q.signing import SignedPackage

from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from wagtail.models import ModelLogEntry

from cms import privacy
from cms.mail import queue_mail
from cms.models import OutboundEmail, PersonalDataAction
from cms.queue import registered_schedules
from tests.privacy_scan import dump_database_mentions, scan_media

pytestmark = pytest.mark.django_db

PERSON = "Anna.de.Vries@example.org"
OTHER = "buurman@example.org"
Status = OutboundEmail.Status


def old_mail(to, *, days, status=Status.SENT, **kwargs):
    mail = queue_mail(to, kwargs.pop("subject", "Je aanmelding"), kwargs.pop("text", "Tekst"), **kwargs)
    OutboundEmail.objects.filter(pk=mail.pk).update(
        status=status, created_at=timezone.now() - timedelta(days=days)
    )
    return mail


def task_row(*, days, args=(), kwargs=None, name="taak"):
    now = timezone.now() - timedelta(days=days)
    return Task.objects.create(
        id=f"{name}-{days}-{Task.objects.count()}",
        name=f"{name}-{Task.objects.count()}",
        func="cms.mail.send_pending_mail",
        args=args,
        kwargs=kwargs or {},
        result=None,
        started=now,
        stopped=now,
        success=True,
    )


def test_cms_registers_its_kinds_and_the_totals_only_kinds():
    kinds = {kind.name: kind for kind in privacy.registered()}
    assert {"outbox", "task_queue", "search_statistics", "download_counts"} <= set(kinds)
    assert not kinds["outbox"].info_only
    assert kinds["search_statistics"].info_only and kinds["download_counts"].info_only
    # The retention text comes from the setting, so the statement cannot drift from the code.
    assert str(kinds["outbox"].retention).startswith("90 ")
    statement = privacy.for_statement()
    assert [kind.info_only for kind in statement] == sorted(kind.info_only for kind in statement)


def test_the_purge_runs_every_night():
    jobs = {job.func: job for job in registered_schedules()}
    assert jobs["cms.privacy.scheduled_purge"].minutes == 24 * 60


# Purge -----------------------------------------------------------------------------------------


def test_purge_removes_expired_mail_and_task_rows_once(caplog):
    expired_sent = old_mail(PERSON, days=91)
    expired_failed = old_mail(PERSON, days=120, status=Status.FAILED)
    recent = old_mail(PERSON, days=89)
    stuck_pending = old_mail(PERSON, days=200, status=Status.PENDING)
    old_task = task_row(days=31)
    new_task = task_row(days=1)
    abandoned = OrmQ.objects.create(key="liefleed", payload="x", lock=timezone.now() - timedelta(days=40))

    with caplog.at_level("INFO", logger="cms.privacy"):
        first = privacy.purge_all()
    assert first["outbox"] == 2
    assert first["task_queue"] == 2
    assert not OutboundEmail.objects.filter(pk__in=[expired_sent.pk, expired_failed.pk]).exists()
    assert set(OutboundEmail.objects.values_list("pk", flat=True)) == {recent.pk, stuck_pending.pk}
    assert list(Task.objects.values_list("pk", flat=True)) == [new_task.pk]
    assert not OrmQ.objects.filter(pk=abandoned.pk).exists()
    assert not Task.objects.filter(pk=old_task.pk).exists()
    # Counts are logged, contents never.
    assert "outbox: 2" in caplog.text
    assert PERSON.lower() not in caplog.text.lower()

    # Idempotent: the second run removes nothing more.
    assert privacy.purge_all() == dict.fromkeys(first, 0)
    assert OutboundEmail.objects.count() == 2


def test_purge_is_written_to_the_audit_log():
    old_mail(PERSON, days=100)
    call_command("purge_personal_data", stdout=io.StringIO())
    record = PersonalDataAction.objects.get()
    assert record.action == "purge"
    assert record.counts["outbox"] == 1
    assert record.source == "command"
    entry = ModelLogEntry.objects.get(action=privacy.LOG_PURGE)
    assert entry.object_id == str(record.pk)
    assert entry.data["counts"]["outbox"] == 1


def test_a_failing_kind_does_not_stop_the_others(monkeypatch):
    old_mail(PERSON, days=100)
    monkeypatch.setitem(
        privacy._registry,
        "broken",
        privacy.Kind(name="broken", label="Kapot", retention="-", purge="cms.does_not.exist"),
    )
    with pytest.raises(RuntimeError, match="broken"):
        privacy.purge_all()
    assert OutboundEmail.objects.count() == 0  # the outbox was purged all the same
    assert PersonalDataAction.objects.get().counts["outbox"] == 1


# Export ----------------------------------------------------------------------------------------


def read_zip(content):
    archive = zipfile.ZipFile(io.BytesIO(content))
    return {name: archive.read(name) for name in archive.namelist()}


def test_export_holds_one_json_per_kind_and_the_attachments():
    queue_mail(f"Anna de Vries <{PERSON}>", "Met naam", "Hallo Anna")
    mine = queue_mail(
        PERSON.upper(),
        "Je uitnodiging",
        "Hallo Anna",
        attachments=[("../../uitnodiging.pdf", b"%PDF-1.4 Anna", "application/pdf")],
    )
    queue_mail(OTHER, "Iets anders", "Hallo buurman")
    task_row(days=2, kwargs={"email": PERSON})
    task_row(days=2, kwargs={"email": OTHER})
    OrmQ.objects.create(
        key="liefleed",
        payload=SignedPackage.dumps({"id": "q1", "name": "m", "func": "x", "args": (PERSON,), "kwargs": {}}),
    )

    counts, content = privacy.export_person(PERSON)
    files = read_zip(content)
    # Only cms's own kinds hold this person's data here (the apps' kinds are tested in the apps).
    assert {kind: count for kind, count in counts.items() if count} == {"outbox": 2, "task_queue": 2}
    assert {name for name in files if not name.endswith(".json") or counts.get(name[:-5], 1)} == {
        "manifest.json",
        "outbox.json",
        "task_queue.json",
        f"outbox/{mine.pk}-uitnodiging.pdf",  # no way out of the ZIP's folder
    }
    outbox = json.loads(files["outbox.json"])
    assert [mail["subject"] for mail in outbox] == ["Met naam", "Je uitnodiging"]
    assert files[f"outbox/{mine.pk}-uitnodiging.pdf"] == b"%PDF-1.4 Anna"
    tasks = json.loads(files["task_queue.json"])
    assert len(tasks) == 2 and all(OTHER not in json.dumps(task) for task in tasks)
    manifest = json.loads(files["manifest.json"])
    assert manifest["email"] == PERSON.lower()
    assert [kind["kind"] for kind in manifest["kinds"]][:2] == ["outbox", "task_queue"]
    assert "Iets anders" not in content.decode("latin-1")

    record = PersonalDataAction.objects.get()
    assert (record.action, record.counts) == ("export", counts)
    assert record.subject_hash == privacy.subject_hash(PERSON)
    entry = ModelLogEntry.objects.get(action=privacy.LOG_EXPORT)
    assert PERSON.lower() not in (entry.label + json.dumps(entry.data)).lower()


def test_export_person_command_writes_a_file(tmp_path):
    queue_mail(PERSON, "Je uitnodiging", "Hallo Anna")
    target = tmp_path / "anna.zip"
    out = io.StringIO()
    call_command("export_person", PERSON, output=str(target), stdout=out)
    assert "outbox: 1" in out.getvalue()
    assert json.loads(read_zip(target.read_bytes())["outbox.json"])[0]["subject"] == "Je uitnodiging"


def test_export_person_command_writes_to_stdout(capfdbinary):
    queue_mail(PERSON, "Je uitnodiging", "Hallo Anna")
    call_command("export_person", PERSON, stderr=io.StringIO())
    content = capfdbinary.readouterr().out
    assert content.startswith(b"PK")
    assert "outbox.json" in zipfile.ZipFile(io.BytesIO(content)).namelist()


def test_commands_refuse_an_invalid_address():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("export_person", "geen-adres", output="/tmp/x.zip")
    with pytest.raises(CommandError):
        call_command("erase_person", "a@b.c\nBcc: x@y.z", interactive=False)


# Erase -----------------------------------------------------------------------------------------


def scan_database(*needles):
    """Every (table, row) of the database whose text contains one of `needles` (case-insensitive)."""
    needles = [needle.lower() for needle in needles]
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                text = " ".join(str(value) for value in row).lower()
                if any(needle in text for needle in needles):
                    found.append((table, row))
    return found


def test_erase_leaves_no_trace_of_the_address_or_the_name():
    queue_mail(PERSON, "Welkom Anna de Vries", "Hallo Anna de Vries")
    queue_mail("moderator@example.org", "Nieuwe aanmelding", f"Van: {PERSON}")
    kept = queue_mail(OTHER, "Iets anders", "Hallo buurman")
    task_row(days=2, args=(PERSON,))
    kept_task = task_row(days=2, args=(OTHER,))
    OrmQ.objects.create(
        key="liefleed",
        payload=SignedPackage.dumps({"id": "q1", "func": "x", "args": (), "kwargs": {"to": PERSON}}),
    )
    assert scan_database(PERSON)

    out = io.StringIO()
    call_command("erase_person", PERSON, interactive=False, stdout=out)
    assert "outbox: 2" in out.getvalue()
    assert "task_queue: 2" in out.getvalue()

    assert scan_database(PERSON, "Anna de Vries") == []
    assert list(OutboundEmail.objects.values_list("pk", flat=True)) == [kept.pk]
    assert list(Task.objects.values_list("pk", flat=True)) == [kept_task.pk]
    assert OrmQ.objects.count() == 0
    record = PersonalDataAction.objects.get(action="erase")
    assert {kind: count for kind, count in record.counts.items() if count} == {"outbox": 2, "task_queue": 2}
    assert ModelLogEntry.objects.filter(action=privacy.LOG_ERASE, object_id=str(record.pk)).exists()

    # Again: nothing left to erase, and that is recorded too.
    again = privacy.erase_person(PERSON)
    assert {"outbox", "task_queue"} <= set(again) and not any(again.values())


def test_erase_mail_mentioning_a_name_removes_mails_about_the_person():
    from cms.mail import erase_mail_mentioning

    queue_mail("moderator@example.org", "Nieuw verhaal", "Ingestuurd door Anna de Vries")
    queue_mail("moderator@example.org", "Nieuw verhaal", "Ingestuurd door Piet")
    assert erase_mail_mentioning("anna de vries", "") == 1
    assert OutboundEmail.objects.get().body_text.endswith("Piet")


def test_erase_person_command_asks_first(monkeypatch):
    queue_mail(PERSON, "Je uitnodiging", "Hallo Anna")
    monkeypatch.setattr("builtins.input", lambda prompt: "nee")
    out = io.StringIO()
    call_command("erase_person", PERSON, stdout=out)
    assert "Nothing erased" in out.getvalue()
    assert OutboundEmail.objects.count() == 1
    assert not PersonalDataAction.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_after_erase_the_database_dump_holds_no_trace():
    """A real dump (pg_dump on PostgreSQL, iterdump on SQLite), not only the ORM's view."""
    queue_mail(PERSON, "Welkom Anna de Vries", "Hallo Anna de Vries")
    queue_mail("moderator@example.org", "Nieuwe aanmelding", f"Van: {PERSON}")
    assert dump_database_mentions(PERSON)
    privacy.erase_person(PERSON)
    assert dump_database_mentions(PERSON, "Anna de Vries") == []


def test_scan_media_finds_a_name_in_a_file_or_its_name(tmp_path):
    (tmp_path / "verhalen").mkdir()
    (tmp_path / "verhalen" / "anna-de-vries.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "brief.txt").write_text("Beste Anna de Vries,")
    (tmp_path / "ander.txt").write_text("Beste buur,")
    assert sorted(path.name for path in scan_media(tmp_path, "anna-de-vries", "Anna de Vries")) == [
        "anna-de-vries.jpg",
        "brief.txt",
    ]
