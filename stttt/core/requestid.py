"""Request ids and who/where on every log line; denied accesses written to the audit log.

`RequestIdMiddleware` accepts a well-formed `X-Request-ID` from the client (or the proxy) and otherwise
makes one, echoes it in the response, keeps the request for the audit log and for the `RequestContext`
logging filter, which puts `request_id`, `user` and `client` on every log record.
`DeniedAccessMiddleware` writes an audit entry for every 403 answer (ASVS 16.3.2).
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.functional import empty

from stttt.core import auditlog

HEADER = "X-Request-ID"
WELL_FORMED = re.compile(r"^[A-Za-z0-9._:-]{8,64}$")


def request_id_for(request: HttpRequest) -> str:
    offered = request.META.get("HTTP_X_REQUEST_ID", "")
    return offered if WELL_FORMED.match(offered) else uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.request_id = request_id_for(request)  # type: ignore[attr-defined]
        # Kept until the request_finished signal, so the handler's own log lines (4xx, 5xx) carry it too.
        auditlog.set_current_request(request)
        response = self.get_response(request)
        response[HEADER] = request.request_id  # type: ignore[attr-defined]
        return response


def forget_request(sender: Any, **kwargs: Any) -> None:
    auditlog.set_current_request(None)


class DeniedAccessMiddleware:
    """Every 403 is kept with the user, the address, the method and the path."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 403:
            auditlog.append(
                "access_denied", request=request, changes={"method": request.method, "path": request.path[:500]}
            )
        return response


def _resolved_user(request: Any) -> Any:
    user = request.__dict__.get("user")
    if user is None:
        return None
    wrapped = getattr(user, "_wrapped", user)
    return None if wrapped is empty else wrapped


def _clean(text: str) -> str:
    """No line breaks in a log field (ASVS 16.4.1)."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


class RequestContext(logging.Filter):
    """Adds `request_id`, `user` and `client` to each record ("-" outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = auditlog.current_request()
        record.request_id = getattr(request, "request_id", "-") if request is not None else "-"
        user = _resolved_user(request) if request is not None else None
        record.user = _clean(user.get_username()) if user is not None and user.is_authenticated else "-"
        address = auditlog._from_request(request)[0] if request is not None else None
        record.client = address or "-"
        return True
