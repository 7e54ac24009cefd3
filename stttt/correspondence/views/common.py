"""What the correspondence pages share: the staff gate, refusals as messages, step forms."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest

from stttt.core.http import form_errors
from stttt.org.powers import is_department_staff

PAGE_SIZE = 50


def department(request: HttpRequest) -> None:
    """Staff pages: only people holding a post in an agency (their agency's records are shown)."""
    if not is_department_staff(request.user):
        raise PermissionDenied


def refuse(request: HttpRequest, exc: ValidationError | PermissionDenied, form: Any = None) -> None:
    """Show why a step was refused (on the form when there is one, else as a message)."""
    if isinstance(exc, ValidationError) and form is not None and hasattr(exc, "error_dict"):
        form_errors(form, exc)
    text = " ".join(str(m) for m in exc.messages) if isinstance(exc, ValidationError) else str(exc)
    messages.error(request, text or "—")


def upload_list(request: HttpRequest, name: str) -> list[Any]:
    return list(request.FILES.getlist(name))
