"""Legal documents in the shapes users have them, read into the text `importer.parse` understands.

`read(data, name=…)` takes a file's bytes and tells its format from its content (and its name): a Word
document (DOCX), a PDF with a text layer, a scanned PDF (OCR, optional), our JSON export, Markdown, or
plain text copied from vbpl.vn or a legal portal. Every shape goes through the same repair of flattened
headers and page furniture (`flat.repair`), so every shape of one document gives the same tree. What was
repaired comes back as (code, message) pairs that the import records as warnings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from stttt.legal.importer import ImportRefused
from stttt.legal.sources import docx, flat, ocr, pdf


@dataclass
class Source:
    text: str
    format: str  # docx, pdf, ocr, json, markdown, text (from `detect`; "doc" is refused)
    repairs: list[tuple[str, str]] = field(default_factory=list)


def detect(data: bytes, name: str = "") -> str:
    """The format of a file, from its first bytes; the name only breaks ties between texts."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"  # Word 97-2003 (OLE compound file)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return "json"
    return "markdown" if name.lower().endswith((".md", ".markdown")) else "text"


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8-sig" or data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            return text
    raise ImportRefused(_("The file is neither a DOCX, a PDF nor text in UTF-8."))


def read(data: bytes, *, name: str = "", on_page: Callable[[int, int], None] | None = None) -> Source:
    """The document's text ready for `importer.parse`; `on_page(done, total)` reports OCR progress.
    Raises ImportRefused when it cannot be read."""
    kind = detect(data, name)
    repairs: list[tuple[str, str]] = []
    try:
        if kind == "docx":
            text = docx.to_text(data)
        elif kind == "pdf":
            layout, scanned = pdf.to_layout(data, on_page=on_page)
            text = layout.text
            if scanned:
                kind = "ocr"
                repairs.append(
                    (
                        "ocr_text",
                        _(
                            "The PDF is a scan; its text was read by OCR (Tesseract, Vietnamese). Check "
                            "names, numbers and diacritics against the original."
                        ),
                    )
                )
            if layout.removed:
                repairs.append(
                    (
                        "furniture_removed",
                        _("%(count)d page numbers or running headers and footers were removed (%(examples)s).")
                        % {"count": len(layout.removed), "examples": "; ".join(layout.removed[:3])},
                    )
                )
        elif kind == "doc":
            raise ImportRefused(
                _("This is an old Word document (.doc); open it in Word or LibreOffice and save it as DOCX.")
            )
        else:
            text = _decode(data)
    except (docx.NotADocx, pdf.NotAPdf, ocr.OcrUnavailable) as exc:
        raise ImportRefused(str(exc)) from exc
    if kind == "json":
        return Source(text, kind)
    repaired = flat.repair(text)
    return Source(repaired.text, kind, repairs + repaired.repairs)
