"""Words placed on pages (from a PDF's text layer or from OCR) put back into paragraphs.

A printed page has no paragraphs, only lines. A line belongs to the paragraph above unless that one
ended: it stopped short of the right margin, or this line is indented (Vietnamese documents indent each
paragraph's first line), or a wider gap separates them. Words far apart on one line are table cells
(the header's two columns) and are written `cell | cell`. Page numbers and lines repeated at the top or
bottom of every page are dropped before the paragraphs are joined, so a sentence that runs over a page
break stays one paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from statistics import median

from stttt.legal.sources.flat import clean

_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?\d{1,3}(?:\s*[-–—])?$|^(?:Trang|Page)\s+\d{1,3}(?:\s*(?:/|of|trên)\s*\d{1,3})?$",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^(?:\d{1,3}\.|[a-zđ]\)|[-–•])$")


@dataclass
class Word:
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    text: str


@dataclass
class Line:
    page: int
    cells: list[list[Word]]
    page_height: float

    @property
    def words(self) -> list[Word]:
        return [word for cell in self.cells for word in cell]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(word.top for word in self.words)

    @property
    def bottom(self) -> float:
        return max(word.bottom for word in self.words)

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def text(self) -> str:
        return " | ".join(" ".join(word.text for word in cell) for cell in self.cells)


@dataclass
class Layout:
    text: str
    removed: list[str] = field(default_factory=list)


def _lines(words: list[Word], page_height: float) -> list[Line]:
    if not words:
        return []
    height = median(word.bottom - word.top for word in words) or 1.0
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        middle = (word.top + word.bottom) / 2
        if rows and abs(middle - (rows[-1][0].top + rows[-1][0].bottom) / 2) < height * 0.5:
            rows[-1].append(word)
        else:
            rows.append([word])
    lines = []
    for row in rows:
        row.sort(key=lambda w: w.x0)
        cells: list[list[Word]] = [[row[0]]]
        for word in row[1:]:
            # A wide gap parts table cells, except after a list label (`1.` or `a)` and a tab).
            if word.x0 - cells[-1][-1].x1 > height * 2.2 and not (len(cells) == 1 and _LABEL.match(row[0].text)):
                cells.append([word])
            else:
                cells[-1].append(word)
        lines.append(Line(row[0].page, cells, page_height))
    return lines


def _furniture(lines: list[Line], pages: int) -> tuple[list[Line], list[str]]:
    """Lines without page numbers and without what repeats in the top or bottom margin of pages."""

    def margin(line: Line) -> bool:
        return line.top < line.page_height * 0.1 or line.bottom > line.page_height * 0.9

    repeats = Counter(re.sub(r"\d+", "#", line.text) for line in lines if margin(line))
    kept, removed = [], []
    for line in lines:
        text = clean(line.text)
        if _PAGE_NUMBER.match(text) or (margin(line) and pages > 2 and repeats[re.sub(r"\d+", "#", line.text)] > 2):
            removed.append(text)
        else:
            kept.append(line)
    return kept, removed


def paragraphs(words: list[Word], page_heights: dict[int, float]) -> Layout:
    """The words as text: one paragraph per line, separated by blank lines."""
    lines: list[Line] = []
    for page in sorted(page_heights):
        lines += _lines([w for w in words if w.page == page], page_heights[page])
    lines, removed = _furniture(lines, len(page_heights))
    body = [line for line in lines if len(line.cells) == 1 and len(line.words) > 3]
    if not body:
        return Layout("\n\n".join(line.text for line in lines), removed)
    height = median(line.height for line in body)
    left = sorted(line.x0 for line in body)[len(body) // 10]
    right = sorted(line.x1 for line in body)[len(body) * 9 // 10]
    out: list[str] = []
    previous: Line | None = None
    for line in lines:
        new = (
            previous is None
            or len(line.cells) > 1
            or len(previous.cells) > 1
            or previous.x1 < right - height * 1.5
            or line.x0 > left + height * 0.8
            or (line.page == previous.page and line.top - previous.bottom > height * 0.9)
        )
        if new:
            out.append(line.text)
        else:
            out[-1] = f"{out[-1]} {line.text}"
        previous = line
    return Layout("\n\n".join(out), removed)
