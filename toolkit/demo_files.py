"""Real files for the demo's downloads: printable PDFs rendered by WeasyPrint and an xlsx tally sheet.

The HTML here is our own fixed text (toolkit.demo_content), never visitors' input, so a plain
WeasyPrint render is enough; the personalised flyers get the project's safe renderer.
"""

import io
import logging
from html import escape

from django.utils.translation import get_language_info

# WeasyPrint logs every rendering step at INFO; the demo command's own log is enough.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

PAGE_CSS = """
@page { size: %(size)s; margin: %(margin)s; }
body { font-family: "DejaVu Sans", "Noto Sans", "Noto Sans Arabic", sans-serif; font-size: %(font)s;
       line-height: 1.5; color: #1f1a17; }
header { border-bottom: 4pt solid #f6c445; margin-bottom: 12pt; padding-bottom: 6pt; }
.brand { color: #8c2a14; font-weight: bold; font-size: 10pt; }
h1 { color: #8c2a14; font-size: 1.8em; margin: 4pt 0; line-height: 1.2; }
h2 { font-size: 1.1em; margin: 14pt 0 4pt; }
p { margin: 0 0 9pt; }
ul.check { list-style: none; padding: 0; }
ul.check li { margin: 0 0 7pt; }
ul.check li::before { content: "\\2610"; margin-inline-end: 8pt; font-size: 1.2em; }
dl.lines dt { font-weight: bold; margin-top: 10pt; }
dl.lines dd { margin: 0; border-bottom: 1pt solid #4a413b; height: 18pt; }
footer { margin-top: 18pt; font-size: 8pt; color: #4a413b; }
"""

SIZES = {
    "A4": {"size": "A4", "margin": "22mm 20mm", "font": "12pt"},
    "A5": {"size": "A5", "margin": "15mm 14mm", "font": "11pt"},
    "A6": {"size": "A6", "margin": "9mm 9mm", "font": "9pt"},
}


def page_html(spec):
    """A complete HTML page for one demo document: header, the text, a small footer."""
    language = spec["language"]
    direction = "rtl" if get_language_info(language)["bidi"] else "ltr"
    css = PAGE_CSS % SIZES[spec.get("size", "A4")]
    return (
        f'<!doctype html><html lang="{language}" dir="{direction}"><head><meta charset="utf-8">'
        f"<title>{escape(spec['title'])}</title><style>{css}</style></head><body>"
        f'<header><div class="brand">Lief &amp; Leed · Opzoomer Mee</div>'
        f"<h1>{escape(spec['heading'])}</h1></header>"
        f"<main>{spec['body']}</main>"
        "<footer>Lief &amp; Leed · Opzoomer Mee · Rotterdam</footer>"
        "</body></html>"
    )


def render_pdf(spec):
    from weasyprint import HTML

    return HTML(string=page_html(spec)).write_pdf(pdf_variant="pdf/ua-1")


def render_xlsx(spec):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Telblad"
    for row in spec["rows"]:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 45
    sheet.column_dimensions["B"].width = 24
    last = len(spec["rows"])
    sheet.append(["Totaal", f"=SUM(B2:B{last})"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def render(spec):
    """The bytes of the file that `spec` (an entry of demo_content.DOCUMENTS) describes."""
    if spec.get("format") == "xlsx":
        return render_xlsx(spec)
    return render_pdf(spec)
