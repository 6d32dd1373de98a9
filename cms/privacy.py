"""The register of personal data (AVG/GDPR): every app that stores personal data registers here.

    from cms import privacy

    privacy.register(
        "workshop_registrations",
        label=_("Aanmeldingen voor workshops"),
        retention=_("3 maanden na de workshop"),
        purge="pilots.privacy.purge_registrations",      # () -> number of records removed
        export="pilots.privacy.export_registrations",    # (email) -> privacy.Export
        erase="pilots.privacy.erase_registrations",      # (email) -> number of records erased
    )

Register in the app's AppConfig.ready(). The nightly `purge_personal_data`, `export_person EMAIL`
and `erase_person EMAIL` (and the admin view "Privacyverzoeken") go through this register, so
nothing is missed. Functions are given as dotted paths so that registering imports no models.
Every function must be idempotent; purge and erase log counts, never contents. Retention periods
live in the setting PERSONAL_DATA_RETENTION_DAYS and are shown on the privacy statement page (the
"Bewaartermijnen" block renders this register).

A kind without functions is *informational*: data that is kept only as totals (search
statistics, download counts); it is listed on the privacy statement and skipped by the commands.

`erase_person` runs every kind's erase inside one database transaction: an erase function must
delete files with `transaction.on_commit`, so that a failing kind leaves files and rows alone.
An erase function that knows the person's name should also call
`cms.mail.erase_mail_mentioning(name)`, so that mails about the person (to moderators, say) go too.
"""

import hashlib
import hmac
import io
import json
import logging
import zipfile
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import PurePosixPath

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

LOG_EXPORT = "cms.personal_data_exported"
LOG_ERASE = "cms.personal_data_erased"
LOG_PURGE = "cms.personal_data_purged"


@dataclass
class Export:
    """What one kind of personal data holds about one address: JSON-able records and files."""

    records: list = field(default_factory=list)  # list of dicts (JSON-able)
    files: list = field(default_factory=list)  # list of (name inside the ZIP, bytes)


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    retention: str
    purge: str | None = None
    export: str | None = None
    erase: str | None = None

    @property
    def info_only(self):
        """Kept as totals only: shown on the privacy statement, nothing to purge, export or erase."""
        return not (self.purge or self.export or self.erase)

    def run_purge(self):
        return import_string(self.purge)() if self.purge else 0

    def run_export(self, email):
        return import_string(self.export)(email) if self.export else Export()

    def run_erase(self, email):
        return import_string(self.erase)(email) if self.erase else 0


_registry: dict[str, Kind] = {}


def register(name, *, label, retention, purge=None, export=None, erase=None):
    _registry[name] = Kind(
        name=name, label=label, retention=retention, purge=purge, export=export, erase=erase
    )


def registered():
    """The registered kinds of personal data, in registration order."""
    return list(_registry.values())


def for_statement():
    """The kinds as the privacy statement lists them: records about people first, then totals."""
    kinds = registered()
    return [kind for kind in kinds if not kind.info_only] + [kind for kind in kinds if kind.info_only]


def normalise_email(email):
    return (email or "").strip().lower()


def retention_cutoff(name, now=None):
    """The moment before which data of `name` (a key of PERSONAL_DATA_RETENTION_DAYS) is purged."""
    return (now or timezone.now()) - timedelta(days=settings.PERSONAL_DATA_RETENTION_DAYS[name])


def subject_hash(email):
    """A keyed hash of the address: lets an officer recognise a request without storing the address."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, normalise_email(email).encode(), hashlib.sha256).hexdigest()


def _record(action, counts, *, email="", user=None, source=""):
    """Write the PersonalDataAction row and its audit-log entry (counts only, never contents)."""
    from wagtail.log_actions import log

    from .models import PersonalDataAction

    record = PersonalDataAction.objects.create(
        action=action,
        subject_hash=subject_hash(email) if email else "",
        counts=counts,
        source=source,
        user=user,
    )
    log_action = {"export": LOG_EXPORT, "erase": LOG_ERASE, "purge": LOG_PURGE}[action]
    log(record, log_action, user=user, data={"counts": counts, "source": source})
    return record


def purge_all(*, user=None, source="command"):
    """Remove the personal data whose retention period has passed, kind by kind.

    Each kind runs in its own transaction, so one failing kind does not keep the others from
    being purged; the failure is logged and raised after the rest has run (the worker then marks
    the job as failed). Returns {kind: number removed}. Running it again removes nothing more.
    """
    counts, failed = {}, []
    for kind in registered():
        if not kind.purge:
            continue
        try:
            with transaction.atomic():
                counts[kind.name] = int(kind.run_purge() or 0)
        except Exception:
            logger.exception("Purging personal data of kind %s failed", kind.name)
            failed.append(kind.name)
            continue
        logger.info("Purged personal data: %s: %d", kind.name, counts[kind.name])
    _record("purge", counts, user=user, source=source)
    if failed:
        raise RuntimeError(f"Purging failed for: {', '.join(failed)}")
    return counts


def scheduled_purge():
    """The nightly schedule's entry point."""
    return purge_all(source="schedule")


def _zip_name(*parts):
    """A safe relative path inside the ZIP: no absolute paths, no "..", no empty parts."""
    clean = []
    for part in parts:
        for piece in PurePosixPath(str(part).replace("\\", "/")).parts:
            if piece in {"", ".", "..", "/"}:
                continue
            clean.append(piece)
    return "/".join(clean)


def export_person(email, fileobj=None, *, user=None, source="command"):
    """Write a ZIP of everything every kind holds about `email` to `fileobj` (or return the bytes).

    The ZIP holds `manifest.json` (what was searched, when, which kinds, how many records),
    one `<kind>.json` per kind with its records, and the files under `<kind>/`.
    Returns (counts, bytes or None).
    """
    email = normalise_email(email)
    target = fileobj if fileobj is not None else io.BytesIO()
    counts, manifest = {}, []
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for kind in registered():
            if not kind.export:
                continue
            export = kind.run_export(email) or Export()
            counts[kind.name] = len(export.records)
            archive.writestr(
                f"{kind.name}.json",
                json.dumps(export.records, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            )
            names = []
            for name, content in export.files:
                name = _zip_name(kind.name, name)
                archive.writestr(name, content)
                names.append(name)
            manifest.append(
                {
                    "kind": kind.name,
                    "label": str(kind.label),
                    "retention": str(kind.retention),
                    "records": len(export.records),
                    "files": names,
                }
            )
        archive.writestr(
            "manifest.json",
            json.dumps(
                {"email": email, "created_at": timezone.now(), "kinds": manifest},
                cls=DjangoJSONEncoder,
                ensure_ascii=False,
                indent=2,
            ),
        )
    _record("export", counts, email=email, user=user, source=source)
    logger.info("Exported personal data: %s", counts)
    return counts, (target.getvalue() if fileobj is None else None)


def erase_person(email, *, user=None, source="command"):
    """Run every kind's erase for `email` in one transaction; returns {kind: number erased}."""
    email = normalise_email(email)
    if not email:
        raise ValueError("An email address is needed.")
    counts = {}
    with transaction.atomic():
        for kind in registered():
            if kind.erase:
                counts[kind.name] = int(kind.run_erase(email) or 0)
        _record("erase", counts, email=email, user=user, source=source)
    logger.info("Erased personal data: %s", counts)
    return counts
