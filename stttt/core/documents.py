"""Administrative-format documents rendered to DOCX and PDF from one structured description.

The layout follows the administrative format of Decree 30/2020/NĐ-CP (Appendix I): on the left the
issuing body under its parent body, on the right the national motto; then the number/symbol on the
left and the place and date on the right; the title in capitals, the summary line, the body; at the
bottom the recipients ("Nơi nhận") on the left and the signature block on the right.

Apps describe a document with `Document(...)` and call `to_docx(doc)` / `to_pdf(doc)`; both return
bytes. Nothing is fetched from the network. Typography follows Appendix I of the decree: Times New Roman in
the DOCX; in the PDF Liberation Serif 2 (Debian package `fonts-liberation2`; version 1 lacks Vietnamese),
which has the same metrics, so both lay out alike. Sizes come from `TYPE_SIZES`; the header columns are
wide enough for the national name to stay on one line ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" never wraps).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Literal

MOTTO_COUNTRY = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

PDF_FONT_FAMILY = '"Liberation Serif", "Times New Roman", serif'
DOCX_FONT = "Times New Roman"


@dataclass(frozen=True)
class TypeSizes:
    """Point sizes and header column widths (cm) of one paper size, per Appendix I of the decree: national
    name 12-13 pt bold capitals, motto 13-14 pt bold, issuing body 12-13 pt capitals, body 13-14 pt,
    the title 13-14 pt bold; recipients 11-12 pt. An A5 slip scales everything down to fit."""

    body: float
    country: float
    motto: float
    issuer: float
    title: float
    recipients: float
    left_cm: float
    right_cm: float


TYPE_SIZES: dict[str, TypeSizes] = {
    # A4: 21 cm less margins of 3 cm (left) and 2 cm (right) = 16 cm of text.
    "A4": TypeSizes(body=13, country=12, motto=13, issuer=12, title=14, recipients=11, left_cm=6.2, right_cm=9.8),
    # A5: 14.8 cm less margins of 2 cm and 1.5 cm = 11.3 cm of text.
    "A5": TypeSizes(body=11, country=9.5, motto=10.5, issuer=9.5, title=12, recipients=9, left_cm=3.6, right_cm=7.7),
}

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_MIME = "application/pdf"


@dataclass(frozen=True)
class Paragraph:
    text: str
    bold: bool = False
    italic: bool = False
    align: Literal["left", "center", "right", "justify"] = "justify"


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]
    widths: list[float] | None = None  # relative widths of the columns


@dataclass(frozen=True)
class Signature:
    """A signature block: `authority` (e.g. "KT. GIÁM ĐỐC"), `title` ("PHÓ GIÁM ĐỐC"), `name`."""

    title: str
    name: str = ""
    authority: str = ""
    note: str = ""  # e.g. "(Ký, ghi rõ họ tên)"


Block = Paragraph | Table


@dataclass(frozen=True)
class Document:
    issuer: str
    title: str
    date: dt.date
    place: str = ""
    issuer_parent: str = ""
    number: str = ""
    summary: str = ""
    blocks: list[Block] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    paper: Literal["A4", "A5"] = "A4"
    landscape: bool = False

    @property
    def sizes(self) -> TypeSizes:
        return TYPE_SIZES[self.paper]

    @property
    def place_and_date(self) -> str:
        d = self.date
        text = f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"
        return f"{self.place}, {text}" if self.place else text.capitalize()


# --- DOCX ---------------------------------------------------------------------------------------------


def to_docx(doc: Document) -> bytes:
    """The document as a .docx file (python-docx), Times New Roman as Decree 30/2020 asks."""
    from docx import Document as Docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    align = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }
    from docx.oxml.ns import qn

    sizes = doc.sizes
    out = Docx()
    style = out.styles["Normal"]
    style.font.name = DOCX_FONT
    style.element.rPr.rFonts.set(qn("w:eastAsia"), DOCX_FONT)
    style.font.size = Pt(sizes.body)
    section = out.sections[0]
    width, height = (Cm(14.8), Cm(21.0)) if doc.paper == "A5" else (Cm(21.0), Cm(29.7))
    if doc.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    section.page_width, section.page_height = width, height
    section.left_margin = Cm(2.0 if doc.paper == "A5" else 3.0)
    section.right_margin = section.top_margin = section.bottom_margin = Cm(1.5 if doc.paper == "A5" else 2.0)

    Line = tuple[str, bool, bool] | tuple[str, bool, bool, float]

    def cell_lines(cell, lines: list[Line]) -> None:
        cell.paragraphs[0].text = ""
        for index, line in enumerate(lines):
            text, bold, italic = line[:3]
            para = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = para.add_run(text)
            run.bold, run.italic = bold, italic
            if len(line) > 3:
                run.font.size = Pt(line[3])

    header = out.add_table(rows=2, cols=2)
    header.autofit = False
    header.columns[0].width, header.columns[1].width = Cm(sizes.left_cm), Cm(sizes.right_cm)  # the grid
    for row in header.rows:  # and each cell: Word reads one, LibreOffice the other
        row.cells[0].width, row.cells[1].width = Cm(sizes.left_cm), Cm(sizes.right_cm)
    left: list[Line] = [(doc.issuer_parent.upper(), False, False, sizes.issuer)] if doc.issuer_parent else []
    left.append((doc.issuer.upper(), True, False, sizes.issuer))
    cell_lines(header.cell(0, 0), left)
    cell_lines(header.cell(0, 1), [(MOTTO_COUNTRY, True, False, sizes.country), (MOTTO, True, False, sizes.motto)])
    cell_lines(header.cell(1, 0), [(f"Số: {doc.number}" if doc.number else "", False, False, sizes.issuer)])
    cell_lines(header.cell(1, 1), [(doc.place_and_date, False, True)])

    title = out.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title_run = title.add_run(doc.title.upper())
    title_run.bold = True
    title_run.font.size = Pt(sizes.title)
    if doc.summary:
        summary = out.add_paragraph()
        summary.alignment = WD_ALIGN_PARAGRAPH.CENTER
        summary.add_run(doc.summary).bold = True

    for block in doc.blocks:
        if isinstance(block, Paragraph):
            para = out.add_paragraph()
            para.alignment = align[block.align]
            run = para.add_run(block.text)
            run.bold, run.italic = block.bold, block.italic
        else:
            table = out.add_table(rows=1 + len(block.rows), cols=len(block.headers))
            table.style = "Table Grid"
            for col, text in enumerate(block.headers):
                cell = table.cell(0, col)
                cell.text = ""
                cell.paragraphs[0].add_run(text).bold = True
            for row_index, row in enumerate(block.rows, start=1):
                for col, text in enumerate(row):
                    table.cell(row_index, col).text = str(text)
            out.add_paragraph()

    if doc.signatures or doc.recipients:
        sign_cols = max(1, len(doc.signatures))
        cols = sign_cols + (1 if doc.recipients else 0)
        table = out.add_table(rows=1, cols=cols)
        offset = 0
        if doc.recipients:
            cell = table.cell(0, 0)
            cell.text = ""
            first = cell.paragraphs[0]
            run = first.add_run("Nơi nhận:")
            run.bold = run.italic = True
            run.font.size = Pt(sizes.recipients + 1)
            for name in doc.recipients:
                cell.add_paragraph(f"- {name};").runs[0].font.size = Pt(sizes.recipients)
            offset = 1
        for index, sig in enumerate(doc.signatures):
            lines: list[Line] = []
            if sig.authority:
                lines.append((sig.authority.upper(), True, False))
            lines.append((sig.title.upper(), True, False))
            if sig.note:
                lines.append((sig.note, False, True))
            lines += [("", False, False), ("", False, False), (sig.name, True, False)]
            cell_lines(table.cell(0, offset + index), lines)

    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


# --- PDF ----------------------------------------------------------------------------------------------


def to_html(doc: Document) -> str:
    """The document as a standalone HTML page (the source of the PDF)."""
    from django.template.loader import render_to_string

    return render_to_string(
        "core/documents/document.html",
        {
            "doc": doc,
            "motto_country": MOTTO_COUNTRY,
            "motto": MOTTO,
            "sizes": doc.sizes,
            "font_family": PDF_FONT_FAMILY,
            "blocks": [(isinstance(b, Table), b) for b in doc.blocks],
        },
    )


def _no_network(url: str, *args, **kwargs):
    raise ValueError(f"documents never fetch resources: {url}")


def to_pdf(doc: Document) -> bytes:
    """The document as PDF (WeasyPrint), in Liberation Serif and with no network access."""
    from weasyprint import HTML

    return HTML(string=to_html(doc), url_fetcher=_no_network).write_pdf()
