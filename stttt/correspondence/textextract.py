"""Text of an attached PDF or DOCX, extracted on upload so that search finds words inside the files."""

from __future__ import annotations

import io
import logging

from stttt.core.uploads import extension_of

log = logging.getLogger(__name__)

MAX_CHARS = 200_000  # enough for any official letter; keeps the search column bounded


def extract(name: str, content: bytes) -> str:
    """The file's text (PDF text layer, DOCX paragraphs and tables); "" for other types or unreadable
    files (a scan without a text layer has none: it is still stored and registered)."""
    kind = extension_of(name)
    try:
        if kind == "pdf":
            from pypdf import PdfReader

            reader = PdfReader(io.BytesIO(content))
            text = "\n".join((page.extract_text() or "") for page in reader.pages[:200])
        elif kind == "docx":
            import docx

            document = docx.Document(io.BytesIO(content))
            parts = [p.text for p in document.paragraphs]
            for table in document.tables:
                parts.extend(cell.text for row in table.rows for cell in row.cells)
            text = "\n".join(parts)
        else:
            return ""
    except Exception as exc:  # a damaged file must not stop registration: it is kept, without text
        log.warning("text extraction failed for %s: %s", name, exc)
        return ""
    return text[:MAX_CHARS]
