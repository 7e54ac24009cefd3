"""One upload policy for every attachment in stttt: dossier documents, task and question attachments.

A file is accepted only in a known format whose content matches its extension (magic bytes), within
the size limit, and — for the ZIP-based office formats — only when its archive would not expand past
a limit or hold too many entries (a zip bomb inside a .docx). It is stored under a random name: a
client's file name is kept as data, never used as a path (OWASP ASVS 12.1.1, 12.2.1, 12.3.1).
"""

from __future__ import annotations

import io
import secrets
import zipfile
from pathlib import PurePath

from django.utils.translation import gettext as _

from stttt.core.text import canonical

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_EXPANDED_BYTES = 200 * 1024 * 1024  # an office file never needs to expand past this
MAX_ARCHIVE_ENTRIES = 2000

_ZIP = (b"PK\x03\x04",)
# Extension -> (content type, magic prefixes). Office files are ZIP containers.
ALLOWED: dict[str, tuple[str, tuple[bytes, ...]]] = {
    "pdf": ("application/pdf", (b"%PDF",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _ZIP),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _ZIP),
    "odt": ("application/vnd.oasis.opendocument.text", _ZIP),
}


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def clean_name(name: str) -> str:
    """The client's file name reduced to its last component, canonical, at most 255 characters."""
    return canonical(PurePath(name.replace("\\", "/")).name)[:255]


def problem(name: str, size: int, head: bytes, max_bytes: int = MAX_UPLOAD_BYTES) -> str | None:
    """What is wrong with an upload of `size` bytes starting with `head`, or None. Checked before reading
    the whole content."""
    extension = extension_of(name)
    if extension not in ALLOWED:
        return _("Files of this type are not accepted; use PDF, JPEG, PNG, DOCX, XLSX or ODT.")
    if size <= 0:
        return _("The file is empty.")
    if size > max_bytes:
        return _("The file is larger than %(limit)d MB.") % {"limit": max_bytes // (1024 * 1024)}
    if not head.startswith(ALLOWED[extension][1]):
        return _("The file's content does not match its extension.")
    return None


def archive_problem(name: str, content: bytes) -> str | None:
    """For ZIP-based formats: refuse archives that are broken, hold too many entries, or would expand past
    `MAX_EXPANDED_BYTES` (declared sizes are checked, nothing is decompressed)."""
    if ALLOWED.get(extension_of(name), ("", ()))[1] != _ZIP:
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return _("The file is damaged and cannot be opened.")
    if len(entries) > MAX_ARCHIVE_ENTRIES or sum(e.file_size for e in entries) > MAX_EXPANDED_BYTES:
        return _("The file expands to too much data to be accepted.")
    return None


def check(name: str, content: bytes, max_bytes: int = MAX_UPLOAD_BYTES) -> str | None:
    """Every check of the policy on a whole upload; the problem in the user's language, or None."""
    return problem(name, len(content), content[:16], max_bytes) or archive_problem(name, content)


def content_type_for(name: str) -> str:
    return ALLOWED[extension_of(name)][0]


def storage_name(name: str) -> str:
    """A random storage name keeping only the (allowed) extension of the client's name."""
    return f"{secrets.token_hex(16)}.{extension_of(name)}"
