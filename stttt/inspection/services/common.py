"""What the inspection services share: the one transition service, numbers, the calendar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model

from stttt.core import workflow as core_workflow
from stttt.core.calendar import WorkingCalendar
from stttt.core.calendar import calendar as _calendar
from stttt.core.workflow import Transition, Workflow
from stttt.inspection import permissions


def cal() -> WorkingCalendar:
    return _calendar()


def today() -> dt.date:
    from stttt.org.selectors import today as org_today

    return org_today()


def transition(
    workflow: Workflow,
    model: type[Model],
    pk: Any,
    action: str,
    *,
    actor: Any,
    write: Callable[[Any, Transition], None] | None = None,
    applies: Callable[[Transition, Any], bool] | None = None,
    expected_version: int | None = None,
    **context: Any,
) -> Any:
    """Apply one step of `workflow` to the row `pk` (locked), in a transaction: state, roles, version and
    audit reason through `core.workflow.apply`; a refusal comes out as `ValidationError` (nothing changed)."""
    with transaction.atomic():
        try:
            return core_workflow.apply(
                workflow,
                model._default_manager.all(),
                pk,
                action,
                actor=actor,
                roles_of=permissions.roles_of,
                expected_version=expected_version,
                applies=applies,
                write=write,
                at=today(),
                **context,
            )
        except core_workflow.TransitionRefused as exc:
            raise ValidationError(str(exc)) from None


def next_number(model: type[Model], agency_id: int, year: int, field: str, date_field: str, symbol: str) -> str:
    """The next number of the year for the agency, "NN/SYMBOL" (Decree 30/2020 Art. 15: numbers restart on 1
    January). The caller holds the transaction; a clash on the unique constraint is retried by the caller."""
    count = model._default_manager.filter(agency_id=agency_id, **{f"{date_field}__year": year}).count()
    taken = set(model._default_manager.filter(agency_id=agency_id).values_list(field, flat=True))
    n = count + 1
    while f"{n:02d}/{symbol}" in taken:
        n += 1
    return f"{n:02d}/{symbol}"


def need(value: Any, field: str, message: str) -> None:
    if value in (None, "") or (isinstance(value, str) and not value.strip()):
        raise ValidationError({field: message})
