"""What the inspection pages share: the staff gate, errors, the one action handler that turns a posted step
of a workflow table into its service call (parsing only: the rules are in the services)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from stttt.inspection import permissions
from stttt.inspection.inputs import BOOL_FIELDS, DATE_FIELDS, FIELDS, INT_FIELDS, TEXT_FIELDS
from stttt.org.powers import agency_of, is_department_staff

LABELS = {
    "on": gettext_lazy("Date"),
    "received_on": gettext_lazy("Received by the offender on"),
    "days": gettext_lazy("Days"),
    "fine": gettext_lazy("Fine (VND)"),
    "suspension_months": gettext_lazy("Licence suspended (months)"),
    "amount": gettext_lazy("Amount paid (VND)"),
    "complex_case": gettext_lazy("Complex case"),
    "especially_complex": gettext_lazy("Especially complex"),
    "remote": gettext_lazy("Remote area"),
    "published": gettext_lazy("Published"),
    "reason": gettext_lazy("Reasons"),
    "findings": pgettext_lazy("inspection", "Findings"),
    "conclusion": gettext_lazy("Conclusion"),
    "result": gettext_lazy("Decision or conclusion"),
    "overlap_check": gettext_lazy("Overlap check"),
    "remedial": gettext_lazy("Remedial measures"),
    "number": gettext_lazy("Number and symbol"),
    "assignee": gettext_lazy("Inspector"),
    "forwarded_to": gettext_lazy("Competent body"),
}


def department(request: HttpRequest) -> None:
    """Staff pages: only people holding a post in an agency (their agency's records are shown)."""
    if not is_department_staff(request.user):
        raise PermissionDenied


def letters_gate(request: HttpRequest) -> None:
    """Complaints, denunciations and petitions: the Inspectorate and the Board only (403 for other staff)."""
    department(request)
    agency = agency_of(request.user)
    if agency is None or not permissions.can_read_letters(request.user, agency.pk):
        raise PermissionDenied


def refusal(exc: ValidationError | PermissionDenied) -> str:
    return " ".join(str(m) for m in exc.messages) if isinstance(exc, ValidationError) else str(exc)


def _date(text: str) -> dt.date | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(_("A date is written as YYYY-MM-DD.")) from None


def _int(text: str) -> int:
    text = (text or "").replace(".", "").replace(",", "").replace(" ", "").strip()
    if not text:
        return 0
    if not text.isdigit():
        raise ValidationError(_("Write a whole number."))
    return int(text)


def read(kind: str, action: str, data: Any, users: Callable[[int], Any] | None = None) -> dict[str, Any]:
    """The service's keyword arguments for `action`, read from the posted `data`."""
    out: dict[str, Any] = {}
    for name in FIELDS.get(kind, {}).get(action, ()):
        raw = data.get(name, "")
        if name in DATE_FIELDS:
            value = _date(raw)
            if value is not None:
                out[name] = value
        elif name in INT_FIELDS:
            out[name] = _int(raw)
        elif name in BOOL_FIELDS:
            out[name] = raw in ("1", "on", "true")
        elif name == "assignee":
            out[name] = users(_int(raw)) if users and raw else None
        else:
            out[name] = raw
    version = data.get("version")
    if version and str(version).isdigit():
        out["expected_version"] = int(version)
    return out


def act(
    request: HttpRequest,
    kind: str,
    queryset: Any,
    pk: int,
    action: str,
    service: Callable[..., Any],
    users: Callable[[int], Any] | None = None,
) -> HttpResponse:
    """POST one step: the record must be visible to the user (404 otherwise), the service decides."""
    department(request)
    record = get_object_or_404(queryset, pk=pk)
    if request.method != "POST":
        raise PermissionDenied
    try:
        service(record.pk, action, actor=request.user, **read(kind, action, request.POST, users))
        messages.success(request, _("Done."))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, refusal(exc))
    return redirect(record.get_absolute_url())


def action_forms(kind: str, transitions: list[Any]) -> list[dict[str, Any]]:
    """What a page needs to draw each step's small form."""
    return [
        {
            "action": t.action,
            "label": t.label,
            "basis": t.basis,
            "fields": [
                {
                    "name": n,
                    "label": LABELS.get(n, n),
                    "type": "date"
                    if n in DATE_FIELDS
                    else "number"
                    if n in INT_FIELDS
                    else "checkbox"
                    if n in BOOL_FIELDS
                    else "textarea"
                    if n in TEXT_FIELDS
                    else "select"
                    if n == "assignee"
                    else "text",
                    "required": n in t.needs or (n == "on" and "date" in t.needs),  # "on": the step's date
                }
                for n in FIELDS.get(kind, {}).get(t.action, ())
            ],
        }
        for t in transitions
    ]
