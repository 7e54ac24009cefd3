"""A PDF's text layer (pdfplumber: words with their places), or, for a scan, what OCR reads."""

from __future__ import annotations

import io
from collections.abc import Callable

import pdfplumber
from django.utils.translation import gettext as _
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException
from pypdf.errors import PdfReadError

from stttt.legal.sources import ocr
from stttt.legal.sources.layout import Layout, Word, paragraphs

# A page with fewer words than this in its text layer is an image of a page (a scan).
_SCANNED_PAGE_WORDS = 5


class NotAPdf(ValueError):
    """The bytes are not a readable PDF."""


def to_layout(data: bytes, *, on_page: Callable[[int, int], None] | None = None) -> tuple[Layout, bool]:
    """The PDF's text, and whether it came from OCR (the PDF had no text layer)."""
    words: list[Word] = []
    heights: dict[int, float] = {}
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages):
                heights[number] = float(page.height)
                for word in page.extract_words(keep_blank_chars=False, use_text_flow=False):
                    words.append(Word(number, word["x0"], word["x1"], word["top"], word["bottom"], str(word["text"])))
    except (PdfminerException, PDFSyntaxError, PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise NotAPdf(_("The file is not a readable PDF.")) from exc
    if heights and len(words) < _SCANNED_PAGE_WORDS * len(heights):
        return ocr.read_pdf(data, on_page=on_page), True
    return paragraphs(words, heights), False
