"""HTTP helpers shared by the pages of every app: file downloads and form errors."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils.encoding import escape_uri_path

from stttt.core.text import fold


def file_response(content: bytes, filename: str, content_type: str, *, inline: bool = False) -> HttpResponse:
    """A download with a safe `Content-Disposition`: an ASCII name for old clients and the exact UTF-8
    name for the others (RFC 6266, RFC 5987); quotes and path separators never reach the header."""
    ascii_name = "".join(c if c.isalnum() or c in "._-" else "-" for c in fold(filename).replace(" ", "-")) or "file"
    disposition = "inline" if inline else "attachment"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = (
        f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{escape_uri_path(filename)}"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def form_errors(form: Any, exc: ValidationError) -> None:
    """Put a service's `ValidationError` on a bound form: field errors on their fields when the form has
    them, everything else at the top of the form."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)
