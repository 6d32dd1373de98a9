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
and `erase_person EMAIL` (and their admin views) go through this register, so nothing is missed.
Functions are given as dotted paths so that registering imports no models. Every function must be
idempotent; purge and erase log counts, never contents. Retention periods live in the setting
PERSONAL_DATA_RETENTION_DAYS and are shown on the privacy statement page.
"""

from dataclasses import dataclass, field

from django.utils.module_loading import import_string


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
    purge: str
    export: str
    erase: str

    def run_purge(self):
        return import_string(self.purge)()

    def run_export(self, email):
        return import_string(self.export)(email)

    def run_erase(self, email):
        return import_string(self.erase)(email)


_registry: dict[str, Kind] = {}


def register(name, *, label, retention, purge, export, erase):
    _registry[name] = Kind(
        name=name, label=label, retention=retention, purge=purge, export=export, erase=erase
    )


def registered():
    """The registered kinds of personal data, in registration order."""
    return list(_registry.values())


def normalise_email(email):
    return (email or "").strip().lower()
