"""A legal document, given as Markdown, in the shapes users have it: made by program at test time.

- `to_docx`: laid out as a Vietnamese administrative document (Decree 30/2020/NĐ-CP style): the header
  in a borderless two-column table, centred bold type and title, justified paragraphs with an indented
  first line, articles with a bold `Điều N.`, the clauses of the attached regulation numbered by Word,
  recipients and signature side by side in a table, the page number in the footer.
- `to_pdf`: that DOCX printed by LibreOffice (a text layer); `to_scan`: that PDF rasterised and put back
  together as images only (no text layer), as a scanner makes it.
- `vbpl_text`, `browser_text`, `portal_text`, `grid_text`: text copied from web pages, the header
  flattened several ways, with or without blank lines, hard-wrapped lines, page numbers, footers, banners.
None of this needs the network.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from PIL import Image

from stttt.legal.sources.flat import DOC_TYPES, MOTTO, clean


@dataclass
class Header:
    issuer: list[str]  # the issuing body's lines, as printed
    number: str
    place_date: str


@dataclass
class Block:
    lines: list[str]  # lines of one paragraph (hard breaks kept)
    bold: bool = False
    run_in: str = ""  # bold lead (`Điều 1.`) before plain text

    @property
    def text(self) -> str:
        return " ".join(self.lines)


@dataclass
class Doc:
    header: Header | None
    blocks: list[Block] = field(default_factory=list)


def read_markdown(markdown: str, header: Header | None = None) -> Doc:
    """Blocks of a Markdown document (paragraphs split on blank lines; `**` bold; a `|` header)."""
    rows: list[list[str]] = []
    doc = Doc(header)
    for chunk in re.split(r"\n\s*\n", markdown.strip()):
        raw_lines = chunk.split("\n")
        if raw_lines[0].lstrip().startswith("|") and not doc.blocks:
            rows += [[clean(c) for c in ln.strip().strip("|").split("|")] for ln in raw_lines if "---" not in ln]
            continue
        # Within a chunk, a line ending in two spaces continues its paragraph; others start a new one.
        paragraphs: list[list[str]] = []
        for index, line in enumerate(raw_lines):
            if index and raw_lines[index - 1].endswith("  "):
                paragraphs[-1].append(line)
            else:
                paragraphs.append([line])
        for lines in paragraphs:
            joined = re.sub(r"^\s{0,3}#{1,6}\s+", "", "\n".join(line.rstrip() for line in lines))
            bold = joined.startswith("**") and joined.endswith("**") and joined.count("**") == 2
            lead = re.match(r"^\*\*(Điều\s+\d+\.)\*\*\s*(.*)$", joined, re.S)
            if lead:
                doc.blocks.append(Block([lead[2].replace("\n", " ")], run_in=lead[1]))
            else:
                doc.blocks.append(Block([clean(line) for line in joined.split("\n") if clean(line)], bold=bold))
    if rows and doc.header is None:
        cells = [c for row in rows for c in row if c]
        number = next((c.split(":", 1)[1].strip() for c in cells if re.match(r"^(\w+\s)?Số", c)), "")
        place_date = next((c for c in cells if ", ngày" in c), "")
        issuer = [c for c in (row[0] for row in rows) if c and not c.startswith(("Số", "Luật số"))]
        doc.header = Header(issuer, number, place_date)
    return doc


# ---------------------------------------------------------------------------------------------------------
# DOCX


def _font(paragraph, *, bold: bool = False, italic: bool = False, size: float = 14) -> None:
    for run in paragraph.runs:
        run.font.name = "Times New Roman"
        run.font.size = Pt(size)
        run.bold = bold or run.bold
        run.italic = italic or run.italic


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _page_number_footer(document) -> None:
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _decimal_numbering(document) -> tuple[object, str]:
    """An abstract list `%1.` with the clause layout; returns the numbering element and its id."""
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    level = OxmlElement("w:lvl")
    level.set(qn("w:ilvl"), "0")
    for tag, value in (("w:start", "1"), ("w:numFmt", "decimal"), ("w:lvlText", "%1.")):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        level.append(element)
    abstract.append(level)
    numbering.insert(0, abstract)
    return numbering, "90"


def _restart_list(numbering, abstract_id: str, num_id: int) -> str:
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), abstract_id)
    num.append(ref)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    numbering.append(num)
    return str(num_id)


def _number(paragraph, num_id: str) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", "0"), ("w:numId", num_id)):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        num_pr.append(element)
    ppr.insert(0, num_pr)


def _header_table(document, header: Header) -> None:
    table = document.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    left, right = table.rows[0].cells
    left.paragraphs[0].add_run(header.issuer[0])
    for line in header.issuer[1:]:
        left.add_paragraph().add_run(line)
    left.add_paragraph("-------")
    right.paragraphs[0].add_run(MOTTO[0])
    right.add_paragraph().add_run(MOTTO[1])
    right.add_paragraph("---------------")
    for row in table.rows:  # the issuer's column narrower than the motto's, as printed
        row.cells[0].width, row.cells[1].width = Cm(6.5), Cm(9.5)
    bottom_left, bottom_right = table.rows[1].cells
    bottom_left.paragraphs[0].add_run(f"Số: {header.number}")
    bottom_right.paragraphs[0].add_run(header.place_date)
    for cell in (left, right, bottom_left, bottom_right):
        for paragraph in cell.paragraphs:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(paragraph, bold=cell in (left, right), italic=cell is bottom_right, size=13)


def to_docx(doc: Doc) -> bytes:
    document = docx.Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    _page_number_footer(document)
    if doc.header:
        _header_table(document, doc.header)
    numbering, abstract_id = _decimal_numbering(document)
    types_seen = 0
    list_id = ""
    next_clause = 1
    blocks = doc.blocks
    index = 0
    while index < len(blocks):
        block = blocks[index]
        text = block.text
        if clean(text).rstrip(":") in DOC_TYPES and clean(text) == clean(text).upper():
            types_seen += 1
            if types_seen > 1 and not text.endswith(":") and document.paragraphs:
                document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
        if text.startswith("Nơi nhận"):
            index = _signature_table(document, blocks, index)
            continue
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(6)
        if block.run_in:
            paragraph.add_run(block.run_in).bold = True
            paragraph.add_run(" " + text)
            list_id, next_clause = "", 1
        else:
            for number, line in enumerate(block.lines):
                run = paragraph.add_run(line)
                if number < len(block.lines) - 1:
                    run.add_break()
        centred = block.bold and not text.startswith("Điều")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.JUSTIFY
        if not centred:
            paragraph.paragraph_format.first_line_indent = Cm(1)
        if text.startswith("Điều"):
            list_id, next_clause = "", 1
        clause = re.match(r"^(\d+)\.\s+(.*)$", text)
        if types_seen > 1 and clause and int(clause[1]) == next_clause and not block.run_in:
            # The regulation's clauses numbered by Word, restarting in each article.
            if not list_id:
                list_id = _restart_list(numbering, abstract_id, 100 + len(document.paragraphs))
            paragraph.clear()
            paragraph.add_run(clause[2])
            _number(paragraph, list_id)
            next_clause += 1
        _font(paragraph, bold=block.bold)
        index += 1
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _signature_table(document, blocks: list[Block], index: int) -> int:
    recipients: list[str] = []
    signature: list[str] = []
    while index < len(blocks) and not (clean(blocks[index].text) in DOC_TYPES and signature):
        text = blocks[index].text
        target = recipients if (text.startswith(("Nơi nhận", "- ")) and not signature) else signature
        target.append(text)
        index += 1
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    left, right = table.rows[0].cells
    left.paragraphs[0].add_run(recipients[0])
    for line in recipients[1:]:
        left.add_paragraph().add_run(line)
    right.paragraphs[0].add_run(signature[0] if signature else "")
    for line in signature[1:]:
        right.add_paragraph().add_run(line)
    for paragraph in left.paragraphs:
        _font(paragraph, size=11, bold=paragraph.text.startswith("Nơi nhận"))
    for paragraph in right.paragraphs:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(paragraph, bold=True)
    return index


# ---------------------------------------------------------------------------------------------------------
# PDF and scan


def soffice_available() -> bool:
    return bool(shutil.which("soffice"))


def to_pdf(docx_bytes: bytes) -> bytes:
    with tempfile.TemporaryDirectory(prefix="stttt-shape-") as folder:
        source = Path(folder) / "document.docx"
        source.write_bytes(docx_bytes)
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{folder}/profile",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                folder,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
            env={**os.environ, "HOME": folder},
        )
        return (Path(folder) / "document.pdf").read_bytes()


def to_scan(pdf_bytes: bytes, *, resolution: int = 300, pages: int = 0) -> bytes:
    """The PDF as a scanner returns it: one grey image per page (the first `pages`), no text layer."""
    with tempfile.TemporaryDirectory(prefix="stttt-scan-") as folder:
        source = Path(folder) / "document.pdf"
        source.write_bytes(pdf_bytes)
        last = ["-l", str(pages)] if pages else []
        command = ["pdftoppm", "-r", str(resolution), "-gray", "-png", *last, str(source), f"{folder}/page"]
        subprocess.run(command, check=True)
        images = [Image.open(path).convert("L") for path in sorted(Path(folder).glob("page*.png"))]
        out = io.BytesIO()
        images[0].save(out, "PDF", resolution=resolution, save_all=True, append_images=images[1:])
        return out.getvalue()


# ---------------------------------------------------------------------------------------------------------
# Text copied from web pages

FOOTER = "Cơ sở dữ liệu quốc gia về văn bản pháp luật - vbpl.vn"


def _body_lines(doc: Doc) -> list[str]:
    out: list[str] = []
    for block in doc.blocks:
        out.append(f"{block.run_in} {block.text}".strip())
    return out


def _wrapped(paragraphs: list[str], width: int, *, page_lines: int = 0, blank: bool = True) -> list[str]:
    out: list[str] = []
    count = 0
    for paragraph in paragraphs:
        lines = (
            textwrap.wrap(paragraph, width=width, break_on_hyphens=False, break_long_words=False)
            if width
            else [paragraph]
        )
        for line in lines:
            out.append(line)
            count += 1
            if page_lines and count % page_lines == 0:
                out += ["", f"- {count // page_lines + 1} -", FOOTER, ""]
        if blank:
            out.append("")
    return out


def vbpl_text(doc: Doc) -> str:
    """Copied from vbpl.vn: the header one cell per line, column by column, with separator lines;
    paragraphs on one line each, blank lines between."""
    assert doc.header
    head = [*doc.header.issuer, "--------", "", MOTTO[0], MOTTO[1], "---------------", ""]
    head += [f"Số: {doc.header.number}", "", doc.header.place_date, ""]
    return "\n".join(head + _wrapped(_body_lines(doc), 0)) + "\n"


def browser_text(doc: Doc) -> str:
    """Selected in a browser and pasted: as from vbpl.vn, but without a single blank line."""
    return "\n".join(line for line in vbpl_text(doc).split("\n") if line.strip()) + "\n"


def portal_text(doc: Doc) -> str:
    """Copied from a legal portal: a banner, the header's cells joined by tabs row by row (each cell's
    lines still broken), lines hard-wrapped at 78 characters, a page number and the
    portal's footer every 40 lines."""
    assert doc.header
    issuer = doc.header.issuer
    head = ["Văn bản pháp luật | Tải về | In", "", issuer[0] + "\t" + MOTTO[0]]
    head += [*(line for line in issuer[1:]), "-------\t" + MOTTO[1], "---------------"]
    head += [f"Số: {doc.header.number}\t{doc.header.place_date}", ""]
    return "\n".join(head + _wrapped(_body_lines(doc), 78, page_lines=40)) + "\n"


def grid_text(doc: Doc) -> str:
    """Saved as text by a browser or converter: the header as a `+---+` grid, long lines wrapped at 64."""
    assert doc.header
    left = [*doc.header.issuer, f"Số: {doc.header.number}"]
    right = [MOTTO[0], MOTTO[1], doc.header.place_date]
    rows = max(len(left), len(right))
    left += [""] * (rows - len(left))
    right += [""] * (rows - len(right))
    rule = "+" + "-" * 34 + "+" + "-" * 48 + "+"
    head = [rule] + [f"| {a:<32} | {b:<46} |" for a, b in zip(left, right, strict=True)] + [rule, ""]
    return "\n".join(head + _wrapped(_body_lines(doc), 64, page_lines=55)) + "\n"
