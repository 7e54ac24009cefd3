"""Plain text as users get it, repaired into the shape `importer.parse` reads.

Copies from the national database (vbpl.vn) and legal portals, and the text of PDFs and scans, arrive
with the header table (issuing body | national motto, number | place and date) flattened: one cell per
line, cells joined by tabs or `|`, separator lines (`-------`, `+---+`), a cell's lines split apart. Page
numbers, running footers and portal banners sit between the paragraphs. `repair` rebuilds the header as
one table, drops the furniture and stray table marks, and says what it did; the body's words are kept.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from stttt.core.text import fold
from stttt.legal import rules

DOC_TYPES = ("QUYẾT ĐỊNH", "NGHỊ ĐỊNH", "THÔNG TƯ", "NGHỊ QUYẾT", "CHỈ THỊ", "QUY ĐỊNH", "QUY CHẾ", "LUẬT")
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
_MOTTO_FOLDED = re.sub(r"\s+", " ", " ".join(fold(part).replace("-", " ") for part in MOTTO))

_MARKS = re.compile(r"\*\*|__|(?<!\w)\*(?!\s)|(?<!\s)\*(?!\w)|^#{1,6}\s+")
_SEPARATOR = re.compile(r"^[\s|+:]*[-_=~.*—–]{2,}[\s|+\-_=~.*:—–]*$")
_MOTTO_START = re.compile(r"\s+(?=CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*[-–]\s*Tự do)")
_CELL_SPLIT = re.compile(r"\s*(?:\||\t| {3,})\s*")
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?\d{1,3}(?:\s*[-–—])?$|^(?:Trang|Page)\s+\d{1,3}(?:\s*(?:/|of|trên)\s*\d{1,3})?$|^\d{1,3}\s*/\s*\d{1,3}$",
    re.IGNORECASE,
)
_BANNER = re.compile(r"(?:thuvienphapluat|luatvietnam|vbpl|vanbanphapluat|hethongphapluat)\.vn", re.IGNORECASE)
_NUMBER = re.compile(r"^(?:(?:Luật|Bộ luật|Pháp lệnh|Nghị quyết)\s+)?[Ss]ố\s*:?\s*(\S.*)$")
_STRUCTURAL = re.compile(r"^(?:Điều\s+\d|Chương\s|Mục\s+\d|\d{1,3}\.\s|[a-zđ]\)\s|[-–•+]\s)")
_TERMINAL = (".", ";", ":", "!", "?")
_SIGN = re.compile(r"^(?:TM|KT|TL|TUQ|Q)\.\s*\S")


@dataclass
class Repaired:
    text: str
    repairs: list[tuple[str, str]] = field(default_factory=list)  # (warning code, message)


def clean(line: str) -> str:
    """One line without Markdown emphasis or heading marks."""
    return _MARKS.sub("", line).strip()


def is_upper(text: str) -> bool:
    # Symbols with digits (21/2023/QH15, 25/2024/QĐ-UBND) are neither capitals nor lower case.
    letters = [ch for word in text.split() if not any(c.isdigit() for c in word) for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def doc_type_index(lines: list[str], *, within: int = 80) -> int | None:
    """The line that names the document's type (the first `QUYẾT ĐỊNH`, `LUẬT`…)."""
    for index, line in enumerate(lines[:within]):
        if clean(line).rstrip(":").strip() in DOC_TYPES:
            return index
    return None


def _is_motto(cell: str) -> bool:
    folded = fold(cell).replace("-", " ").replace("–", " ")
    folded = re.sub(r"\s+", " ", folded).strip()
    return len(folded) >= 8 and folded in _MOTTO_FOLDED


def _running(lines: list[str]) -> set[str]:
    """Lines repeated on page after page (a running header or footer): short, not a provision or a
    sentence, at least three times, never two within a page's length of each other."""
    places: dict[str, list[int]] = {}
    for number, line in enumerate(lines):
        text = clean(line).strip("| ")
        if (
            text
            and len(text) <= 70
            and not text.endswith(_TERMINAL)
            and not _STRUCTURAL.match(text)
            and not _OPENS.match(text)
            and text.rstrip(":") not in DOC_TYPES
        ):
            places.setdefault(re.sub(r"\d+", "#", text), []).append(number)
    return {
        key
        for key, at in places.items()
        if len(at) >= 3 and min(b - a for a, b in itertools.pairwise(at)) >= _PAGE_LINES
    }


_PAGE_LINES = 15  # fewer lines than any printed page holds


def _furniture(lines: list[str]) -> tuple[list[str], list[str]]:
    """Lines without page numbers, portal banners and running headers or footers; and what went."""
    running = _running(lines)
    kept: list[str] = []
    removed: list[str] = []
    after_furniture = False
    for line in lines:
        text = clean(line).strip("| ")
        repeated = re.sub(r"\d+", "#", text) in running
        if text and (_PAGE_NUMBER.match(text) or (_BANNER.search(text) and len(text) < 200) or repeated):
            removed.append(text)
            # The blank lines around a page number are the page break, not a paragraph break.
            while kept and not kept[-1].strip():
                kept.pop()
            after_furniture = True
            continue
        if after_furniture and not line.strip():
            continue
        after_furniture = False
        kept.append(line)
    return kept, removed


def _header(lines: list[str]) -> tuple[list[str], list[str], bool]:
    """The header region's cells read as issuer, number, place and date: table rows, dropped text,
    and whether the header had to be rebuilt (it was not already one clean `|` table)."""
    cells: list[str] = []
    rebuilt = False
    for raw in lines:
        stripped = raw.strip()
        if not stripped:
            continue
        if not (stripped.startswith("|") and stripped.endswith("|")) or _SEPARATOR.match(stripped):
            rebuilt = rebuilt or not re.fullmatch(r"\|(?:\s*:?-{3,}:?\s*\|)+", stripped)
        for cell in _CELL_SPLIT.split(clean(stripped)):
            # Columns run together ("ỦY BAN NHÂN DÂN THÀNH PHỐ CỘNG HÒA XÃ HỘI…"): part at the motto.
            for part in _MOTTO_START.split(clean(cell)):
                if part.strip() and not _SEPARATOR.match(part.strip()):
                    cells.append(part.strip())
    issuer: list[str] = []
    dropped: list[str] = []
    number = place = date_text = ""
    index = 0
    while index < len(cells):
        cell = cells[index]
        index += 1
        if re.fullmatch(r"(?:Luật\s+)?[Ss]ố\s*:?", cell) and index < len(cells):
            cell = f"{cell} {cells[index]}"  # "Số:" on one line, the number on the next
            index += 1
        number_match = _NUMBER.match(cell)
        if _is_motto(cell):
            continue
        if index < len(cells) and _is_motto(f"{cell} {cells[index]}"):
            index += 1  # "CỘNG" / "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": the motto broken after a short word
            continue
        if number_match and re.search(r"\d", number_match[1]):
            number = re.sub(r"\s+", "", number_match[1])
            continue
        if re.search(r",\s*ngày\b", cell):
            # A date cell broken over lines: "Lâm Đồng, ngày 25" / "tháng 11 năm 2025".
            while not rules.first_date(cell) and index < len(cells) and len(cell) < 80:
                cell = f"{cell} {cells[index]}"
                index += 1
            place, _sep, rest = cell.partition(",")
            date_text = rest.strip()
            continue
        if is_upper(cell) and not rules.first_date(cell):
            issuer.append(cell)
            continue
        if sum(ch.isalpha() for ch in cell) < 2:
            continue  # a speck a scan left ("ˆ", "—-")
        # Text before the header proper (a portal's banner or properties panel): not part of it.
        dropped.extend(issuer)
        dropped.append(cell)
        issuer = []
    if not (issuer or number or date_text):
        return [], dropped, False
    rows = [
        f"| {' '.join(issuer)} | {MOTTO[0]} |",
        "| --- | --- |",
        f"| Số: {number} | {MOTTO[1]} |" if number else f"| | {MOTTO[1]} |",
    ]
    if date_text:
        rows.append(f"| | {place.strip()}, {date_text} |")
    return rows, dropped, rebuilt or bool(dropped)


def _body(lines: list[str]) -> tuple[list[str], int]:
    """Body lines without separator lines and table marks (cells become lines of their own)."""
    out: list[str] = []
    marks = 0
    for line in lines:
        if _SEPARATOR.match(line.strip()) and line.strip():
            marks += 1
            continue
        if "|" in line:
            marks += 1
            cells = [cell.strip() for cell in line.split("|")]
            out.extend(cell for cell in cells if cell) if any(cells) else out.append("")
            continue
        if out and re.fullmatch(r"(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)", clean(out[-1])):
            out[-1] = f"{out[-1]} {line.strip()}"  # "**Chương" / "III**": the label broken from its number
            continue
        out.append(line)
    return out, marks


_OPENS = re.compile(
    r"^(?:Điều\s+\d+\.|Chương\s|Mục\s+\d|\d{1,3}\.\s|[a-zđ]\)\s|[-–•+]\s|\(|Căn cứ|Theo đề nghị|Xét đề nghị|"
    r"Thực hiện|Nơi nhận|(?:TM|KT|TL|TUQ|Q)\.\s)"
)


def _hard_wrapped(lines: list[str]) -> bool:
    """Paragraphs broken into lines with no blank line between them (a copy of a web page's source):
    most lines end mid-sentence and few lines are blank."""
    filled = [clean(line) for line in lines if line.strip()]
    if len(filled) < 20:
        return False
    blank = len(lines) - len(filled)
    open_ends = sum(1 for a, b in itertools.pairwise(filled) if not a.endswith(_TERMINAL) and b[:1].islower())
    return blank < len(filled) * 0.2 and open_ends > len(filled) * 0.15


def _one_per_line(lines: list[str]) -> bool:
    """Each line a whole paragraph, no blank line between (a copy from a browser)."""
    filled = [line for line in lines if line.strip()]
    return len(filled) >= 10 and len(lines) - len(filled) < len(filled) * 0.2


def _unwrap(lines: list[str]) -> list[str]:
    """Hard-wrapped lines joined into paragraphs, one per line with blank lines between. A line starts a
    paragraph when the one above ended (with . ; : or a closing emphasis mark) and it opens like one (a
    capital, a number, `a)`, `-`, `Điều`…), or where capitals turn into a sentence (a title ends)."""
    out: list[str] = []
    for line in lines:
        text = clean(line)
        if not text:
            continue
        if not out:
            out.append(line.strip())
            continue
        previous = clean(out[-1])
        ended = previous.endswith(_TERMINAL) or out[-1].rstrip().endswith("*")
        if _SIGN.match(previous):
            ended = True  # "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH": the capacity is a line of its own
        if re.fullmatch(r"Điều\s+\d+\.|\d{1,3}\.|[a-zđ]\)", previous) or out[-1].count("**") % 2:
            ended = False  # a label alone on its line ("Điều 2." / "Nguyên tắc…"), or bold still open
        opens = bool(_OPENS.match(text)) or text[:1].isupper() or text[:1].isdigit()
        turn = is_upper(previous) != is_upper(text)
        if (ended and opens) or turn:
            out += ["", line.strip()]
        else:
            out[-1] = f"{out[-1]} {line.strip()}"
    return out


def repair(text: str) -> Repaired:
    """The text with its header rebuilt and its furniture removed; unchanged when it has no type line
    (the parser then refuses it with its own reason)."""
    text = unicodedata.normalize("NFC", text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u00a0", " ").replace("\f", "\n\n").replace("****", "**\n\n**")
    lines = [line.rstrip() for line in text.split("\n")]
    start = doc_type_index(lines)
    if start is None:
        return Repaired(text)
    result = Repaired("")
    lines, removed = _furniture(lines)
    start = doc_type_index(lines) or 0
    header, dropped, rebuilt = _header(lines[:start])
    body, marks = _body(lines[start:])
    if _hard_wrapped(body):
        body = _unwrap(body)
        result.repairs.append(
            (
                "lines_joined",
                _("The lines were broken inside paragraphs; they were joined back into paragraphs."),
            )
        )
    elif _one_per_line(body):
        # Blank lines between paragraphs, so that a title in capitals is not run into the type line.
        body = [part for line in body if line.strip() for part in (line, "")]
    if rebuilt and header:
        result.repairs.append(
            (
                "header_rebuilt",
                _(
                    "The header table (issuing body, national motto, number, place and date) arrived "
                    "flattened; it was rebuilt from its cells."
                ),
            )
        )
    if dropped:
        shown = "; ".join(dropped[:4]) + ("…" if len(dropped) > 4 else "")
        result.repairs.append(
            (
                "furniture_removed",
                _("Text before the header that is not part of the document was left out: %(text)s.") % {"text": shown},
            )
        )
    if removed or marks:
        parts = []
        if removed:
            examples = "; ".join(sorted(set(removed), key=removed.index)[:3])
            parts.append(
                _("%(count)d lines of page numbers, footers or banners (%(examples)s)")
                % {"count": len(removed), "examples": examples}
            )
        if marks:
            parts.append(_("%(count)d lines of table marks and separators") % {"count": marks})
        result.repairs.append(("furniture_removed", _("Removed: %(parts)s.") % {"parts": "; ".join(parts)}))
    result.text = "\n".join([*header, "", *body]).strip("\n") + "\n"
    return result
