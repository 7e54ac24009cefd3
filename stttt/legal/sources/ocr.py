"""Scanned PDFs read by OCR: pages rasterised by poppler (`pdftoppm`), read by Tesseract in Vietnamese.

Both are optional system packages (Debian: `poppler-utils`, `tesseract-ocr`, `tesseract-ocr-vie`).
Without them a scan is refused with a message that names them; nothing else needs them.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.utils.translation import gettext as _

from stttt.legal.sources.layout import Layout, Word, paragraphs

RESOLUTION = 300  # dots per inch: Vietnamese diacritics need it
LANGUAGE = "vie"


class OcrUnavailable(RuntimeError):
    """Tesseract with Vietnamese, or poppler, is not installed."""


def missing() -> str | None:
    """What is missing to read scans, or None when OCR is available."""
    if not shutil.which("pdftoppm"):
        return "poppler-utils"
    if not shutil.which("tesseract"):
        return "tesseract-ocr tesseract-ocr-vie"
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, check=False).stdout
    if LANGUAGE not in langs.split():
        return "tesseract-ocr-vie"
    return None


def _page_words(image: Path, page: int) -> tuple[list[Word], float]:
    tsv = subprocess.run(
        ["tesseract", str(image), "stdout", "-l", LANGUAGE, "--psm", "3", "tsv"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},  # one page at a time, one core: the server is shared
    ).stdout
    words, height = [], 0.0
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        if row["level"] == "1":
            height = float(row["height"])
        text = (row.get("text") or "").strip()
        if row["level"] == "5" and text:
            left, top = float(row["left"]), float(row["top"])
            words.append(Word(page, left, left + float(row["width"]), top, top + float(row["height"]), text))
    return words, height


def read_pdf(data: bytes, *, on_page: Callable[[int, int], None] | None = None) -> Layout:
    """The text of a scanned PDF; `on_page(done, total)` after each page (OCR takes seconds a page).
    Raises OcrUnavailable when the tools are not installed."""
    absent = missing()
    if absent:
        raise OcrUnavailable(
            _(
                "This PDF is a scan without a text layer. Reading it needs OCR, which is not installed "
                "on this server (Debian packages: %(packages)s)."
            )
            % {"packages": absent}
        )
    words: list[Word] = []
    heights: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="stttt-ocr-") as folder:
        source = Path(folder) / "scan.pdf"
        source.write_bytes(data)
        subprocess.run(
            ["pdftoppm", "-r", str(RESOLUTION), "-gray", "-png", str(source), str(Path(folder) / "page")],
            check=True,
            capture_output=True,
        )
        images = sorted(Path(folder).glob("page*.png"))
        for number, image in enumerate(images):
            page_words, heights[number] = _page_words(image, number)
            words += page_words
            if on_page:
                on_page(number + 1, len(images))
    return paragraphs(words, heights)
