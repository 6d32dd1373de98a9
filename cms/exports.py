"""One safe spreadsheet export for the whole admin (CSV injection, OWASP rule).

Every CSV and XLSX export in the admin (ours and Wagtail's reports) goes through Wagtail's
SpreadsheetExportMixin; ``install()`` wraps its ``preprocess_field_value`` so every cell passes
``neutralise_cell`` before it is written. Numbers and dates keep their type.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value):
    """A text cell a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def install():
    """Make every SpreadsheetExportMixin export neutralise its cells (idempotent)."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "_neutralises_cells", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        return neutralise_cell(original(self, field, value, export_format))

    preprocess_field_value._neutralises_cells = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
