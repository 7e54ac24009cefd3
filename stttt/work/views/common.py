"""What the work pages share: the staff gate, error messages, the month parameter (file downloads and form
errors come from `stttt.core.http`)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest

from stttt.org.powers import is_department_staff
from stttt.work import rules, selectors


def errors_of(exc: ValidationError) -> list[str]:
    return [str(m) for m in exc.messages]


def department(request: HttpRequest) -> None:
    """Staff pages: only people holding a post in an agency (their agency's records are shown)."""
    if not is_department_staff(request.user):
        raise PermissionDenied


def month_of(request: HttpRequest) -> tuple[str, str]:
    """The month asked for (`YYYY-MM`, the last complete month when none is given) and, when the text is
    not a month, the error to show instead of the page: a wrong month is never replaced by another one."""
    text = (request.GET.get("month") or "").strip()
    if not text:
        return (selectors.today().replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m"), ""
    try:
        rules.month_bounds(text)
    except ValueError as exc:
        return text, str(exc)
    return text, ""


def refusal(exc: ValidationError | PermissionDenied) -> str:
    return " ".join(errors_of(exc)) if isinstance(exc, ValidationError) else str(exc)
