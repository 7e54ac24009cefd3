"""One error format for the whole API: {"code", "message", "errors"}.

`message` is in the user's language (the request's active language); `errors` maps field names to
lists of messages for validation errors, and is empty otherwise. An unexpected failure is logged with its
traceback and answered 500 in the same format, with the request id to quote (`request_id`), never with
Django's HTML page: from a view (`exception_handler`) or from anywhere else under /api/ (`server_error`).
So is an address that no route matches (`page_not_found`).
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

from stttt.core.apierrors import Conflict

__all__ = ["Conflict", "exception_handler", "page_not_found", "server_error"]

logger = logging.getLogger("stttt.api")


def _server_error_payload(request: HttpRequest | None) -> dict[str, Any]:
    return {
        "code": "server_error",
        "message": _(
            "Something went wrong on our side; the error has been logged. Quote the request id if you report it."
        ),
        "errors": {},
        "request_id": getattr(request, "request_id", ""),
    }


def page_not_found(request: HttpRequest, exception: Exception, template_name: str = "404.html") -> HttpResponse:
    """Django's handler404: an address under /api/ that no route matches is answered in the error format."""
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"code": "not_found", "message": str(exceptions.NotFound.default_detail), "errors": {}}, status=404
        )
    return defaults.page_not_found(request, exception, template_name)


def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    """Django's handler500: JSON under /api/, the HTML page elsewhere (Django has logged the error)."""
    if request.path.startswith("/api/"):
        return JsonResponse(_server_error_payload(request), status=500)
    return defaults.server_error(request, template_name)


def _flatten(detail: Any) -> dict[str, list[str]]:
    if isinstance(detail, dict):
        return {
            str(key): [str(item) for item in (value if isinstance(value, list) else [value])]
            for key, value in detail.items()
        }
    if isinstance(detail, list):
        return {"non_field_errors": [str(item) for item in detail]}
    return {}


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        # Not an error DRF knows: a bug. Logged with its traceback; the request's transaction is undone.
        request = context.get("request")
        django_request = getattr(request, "_request", request)
        logger.error(
            "Unhandled error in %s %s", getattr(request, "method", ""), getattr(request, "path", ""), exc_info=exc
        )
        set_rollback()
        return Response(_server_error_payload(django_request), status=500)
    if not isinstance(exc, exceptions.APIException):
        return response
    if isinstance(exc, exceptions.ValidationError):
        payload = {"code": "invalid", "message": _("The data sent is not valid."), "errors": _flatten(exc.detail)}
    else:
        codes = exc.get_codes()
        code = codes if isinstance(codes, str) else "error"
        payload = {"code": code, "message": str(exc.detail), "errors": {}}
    response.data = payload
    return response
