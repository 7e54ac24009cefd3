"""Request limits applied before any view reads the request (docs/security.md).

- A body larger than `STTTT_MAX_REQUEST_BYTES` (by its declared Content-Length) is refused with 413 before
  a byte of it is read, so an oversized upload costs the server nothing.
- TRACE and TRACK answer 405: they only echo requests back (ASVS 13.4).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.utils.translation import gettext as _

REFUSED_METHODS = {"TRACE", "TRACK"}
DEFAULT_MAX_REQUEST_BYTES = 25 * 1024 * 1024


def max_request_bytes() -> int:
    return int(getattr(settings, "STTTT_MAX_REQUEST_BYTES", DEFAULT_MAX_REQUEST_BYTES))


class RequestLimitsMiddleware:
    """Put first in MIDDLEWARE: nothing before it may touch the body."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in REFUSED_METHODS:
            return HttpResponseNotAllowed(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
        declared = request.META.get("CONTENT_LENGTH") or "0"
        try:
            length = int(declared)
        except ValueError:
            return HttpResponse(
                _("The request's Content-Length cannot be read."), status=400, content_type="text/plain; charset=utf-8"
            )
        limit = max_request_bytes()
        if length > limit:
            message = _("The request is too large: at most %(megabytes)s MB can be sent at once.") % {
                "megabytes": limit // (1024 * 1024)
            }
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
