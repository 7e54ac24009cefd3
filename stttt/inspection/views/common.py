"""What the inspection pages share: the staff gate and error messages."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest

from stttt.org.powers import is_department_staff


def department(request: HttpRequest) -> None:
    """Staff pages: only people holding a post in an agency (their agency's records are shown)."""
    if not is_department_staff(request.user):
        raise PermissionDenied


def refusal(exc: ValidationError | PermissionDenied) -> str:
    return " ".join(str(m) for m in exc.messages) if isinstance(exc, ValidationError) else str(exc)
