"""Scanned PDFs read by OCR: pages rasterised by poppler (`pdftoppm`), read by Tesseract in Vietnamese.

Both are optional system packages (Debian: `poppler-utils`, `tesseract-ocr`, `tesseract-ocr-vie`).
Without them a scan is refused with a message that names them; nothing else needs them.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import tempfile
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
        env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin:/usr/local/bin"},
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


def read_pdf(data: bytes) -> Layout:
    """The text of a scanned PDF. Raises OcrUnavailable when the tools are not installed."""
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
        for number, image in enumerate(sorted(Path(folder).glob("page*.png"))):
            page_words, heights[number] = _page_words(image, number)
            words += page_words
    return paragraphs(words, heights)
