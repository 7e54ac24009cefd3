"""What the supervision pages share: the staff gate, the user's agency, taking a workflow step from a form."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from stttt.core.workflow import TransitionRefused
from stttt.org.powers import agency_of, is_department_staff
from stttt.supervision import permissions, services, workflow


def department(request: HttpRequest) -> Any:
    """Staff pages: only people holding a post in an agency; returns the user's agency."""
    if not is_department_staff(request.user):
        raise PermissionDenied
    return agency_of(request.user)


def record_or_404(request: HttpRequest, queryset: Any, pk: int) -> Any:
    """A record of the user's agency (another agency's answers 404, like a missing one)."""
    department(request)
    return get_object_or_404(queryset, pk=pk)


def refusal(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return " ".join(str(m) for m in exc.messages)
    return str(exc)


def take_step(request: HttpRequest, record: Any, action: str, inputs: dict[str, Any]) -> HttpResponse:
    """Apply a step of the record's table from a posted form, then go back to the record."""
    if request.method != "POST":
        return redirect(record.get_absolute_url())
    if workflow.table_of(record).get(action) is None:
        raise Http404
    if not permissions.roles_of(request.user, record):
        raise Http404
    version = request.POST.get("version")
    try:
        services.transition(
            record,
            action,
            actor=request.user,
            expected_version=int(version) if version and version.isdigit() else None,
            **inputs,
        )
    except (ValidationError, PermissionDenied, TransitionRefused) as exc:
        messages.error(request, refusal(exc))
    return redirect(record.get_absolute_url())


def actions(request: HttpRequest, record: Any) -> list[Any]:
    return workflow.actions_for(request.user, record)
