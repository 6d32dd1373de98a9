"""Real files for the demo's downloads: printable PDFs and an xlsx tally sheet.

The PDFs go through the project's one renderer (cms.pdf.render_pdf) with the template
pdf/demo_document.html; their text is our own fixed text (toolkit.demo_content).
"""

import io

from cms.pdf import render_pdf as render_pdf_template

SIZES = {
    "A4": {"size": "A4", "margin": "22mm 20mm", "font": "12pt"},
    "A5": {"size": "A5", "margin": "15mm 14mm", "font": "11pt"},
    "A6": {"size": "A6", "margin": "9mm 9mm", "font": "9pt"},
}


def render_pdf(spec):
    context = {"heading": spec["heading"], "body": spec["body"], "size": SIZES[spec.get("size", "A4")]}
    return render_pdf_template(
        "pdf/demo_document.html", context, language=spec["language"], title=spec["title"]
    )


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
