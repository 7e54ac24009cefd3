"""A Word document (DOCX) as text: paragraphs in order, tables as rows, Word's numbering written out.

Vietnamese administrative documents put the header (issuing body | national motto, number | place and
date) and often the signature block (recipients | signature) in borderless tables. The header table
becomes `| … | … |` rows; any other table gives its cells as paragraphs, left to right. Automatic
numbering (`1.`, `a)`) is not in the paragraph's text, so it is computed from the numbering definitions.
An article whose bold run-in heading is followed by plain text in the same paragraph
(**Điều 5. Hiệu lực thi hành** Quyết định này…) is split into heading and text.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import docx
from django.utils.translation import gettext as _
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from stttt.legal.sources.flat import DOC_TYPES, clean

_ARTICLE = re.compile(r"^Điều\s+\d+\s*\.")
_ROMAN: tuple[tuple[int, str], ...] = (
    *((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l")),
    *((40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")),
)


class NotADocx(ValueError):
    """The bytes are not a readable Word document."""


def _roman(number: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out


def _format(number: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return chr(ord("a") + (number - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (number - 1) % 26)
    if fmt == "lowerRoman":
        return _roman(number)
    if fmt == "upperRoman":
        return _roman(number).upper()
    return str(number)


class _Numbering:
    """Word's list numbering: the label of each numbered paragraph, counted as Word counts."""

    def __init__(self, document: WordDocument) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (numId, ilvl) -> (fmt, text, start)
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in node.findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                start = lvl.find(qn("w:start"))
                levels[int(lvl.get(qn("w:ilvl")))] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    text.get(qn("w:val")) if text is not None else "",
                    int(start.get(qn("w:val"))) if start is not None else 1,
                )
            abstract[node.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            num_id = num.get(qn("w:numId"))
            for ilvl, value in abstract.get(ref.get(qn("w:val")) if ref is not None else "", {}).items():
                self.levels[(num_id, ilvl)] = value
            for override in num.findall(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                key = (num_id, int(override.get(qn("w:ilvl"))))
                if start is not None and key in self.levels:
                    fmt, text, _start = self.levels[key]
                    self.levels[key] = (fmt, text, int(start.get(qn("w:val"))))

    def label(self, paragraph: Paragraph) -> str:
        ppr = paragraph._p.pPr
        num_pr: Any = ppr.numPr if ppr is not None else None
        if num_pr is None or num_pr.numId is None:
            return ""
        num_id = str(num_pr.numId.val)
        ilvl = int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
        if (num_id, ilvl) not in self.levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        fmt, text, start = self.levels[(num_id, ilvl)]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [level for level in counters if level > ilvl]:
            del counters[deeper]
        if fmt == "bullet":
            return "-"
        if fmt == "none":
            return ""

        def value(match: re.Match[str]) -> str:
            level = int(match[1]) - 1
            level_fmt, _text, level_start = self.levels.get((num_id, level), ("decimal", "", 1))
            return _format(counters.get(level, level_start), level_fmt)

        return re.sub(r"%(\d)", value, text)


def _text(paragraph: Paragraph) -> str:
    # Line breaks inside a paragraph (a title set on two lines) are spaces in the text.
    return re.sub(r"\s+", " ", paragraph.text.replace("\n", " ").replace("\t", " ")).strip()


def _split_run_in_heading(paragraph: Paragraph, text: str) -> list[str]:
    if not _ARTICLE.match(text):
        return [text]
    bold = ""
    for run in paragraph.runs:
        if not (run.bold or (run.style is not None and run.style.font.bold)):
            break
        bold += run.text
    bold = re.sub(r"\s+", " ", bold).strip()
    rest = text[len(bold) :].strip() if text.startswith(bold) else ""
    heading = re.sub(r"^Điều\s+\d+\s*\.", "", bold).strip()
    if heading and rest:
        return [bold, rest]
    return [text]


def _blocks(document: WordDocument) -> list[Paragraph | Table]:
    blocks: list[Paragraph | Table] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            blocks.append(Paragraph(child, document))
        elif child.tag == qn("w:tbl"):
            blocks.append(Table(child, document))
    return blocks


def _unique(cells: Any) -> list[Any]:
    """Cells of a row without the repeats python-docx returns for merged cells."""
    out: list[Any] = []
    for cell in cells:
        if not any(cell._tc is seen._tc for seen in out):
            out.append(cell)
    return out


def _cell_text(cell: Any) -> str:
    return " ".join(t for t in (_text(p) for p in cell.paragraphs) if t and not re.fullmatch(r"[-_=.*]{3,}", t))


def to_text(data: bytes) -> str:
    """The document's text: one paragraph per line, blank lines between, the header as `|` rows."""
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise NotADocx(_("The file is not a readable Word document (DOCX).")) from exc
    numbering = _Numbering(document)
    out: list[str] = []
    seen_type = False
    for block in _blocks(document):
        if isinstance(block, Table):
            if not seen_type:
                for row in block.rows:
                    cells = [_cell_text(cell) for cell in _unique(row.cells)]
                    out.append("| " + " | ".join(cells) + " |")
                out.append("")
                continue
            columns = max(len(_unique(row.cells)) for row in block.rows) if block.rows else 0
            for column in range(columns):
                for row in block.rows:
                    row_cells = _unique(row.cells)
                    for paragraph in row_cells[column].paragraphs if column < len(row_cells) else []:
                        if _text(paragraph):
                            out += [_text(paragraph), ""]
            continue
        text = _text(block)
        if not text:
            continue
        seen_type = seen_type or clean(text).rstrip(":") in DOC_TYPES
        label = numbering.label(block)
        if label:
            text = f"{label} {text}"
        for part in _split_run_in_heading(block, text):
            out += [part, ""]
    return "\n".join(out)
