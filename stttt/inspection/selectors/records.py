"""Reads of plans, cases, violation records, letters and reception, scoped to the user's agency."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from stttt.inspection import permissions
from stttt.inspection.models import (
    InspectionCase,
    InspectionPlan,
    Letter,
    ReceptionDay,
    ReceptionEntry,
    ViolationRecord,
)
from stttt.org import powers
from stttt.org.selectors import visible_to_department_staff


def plans_visible_to(user: Any) -> QuerySet[InspectionPlan]:
    return visible_to_department_staff(user, InspectionPlan.objects.select_related("approved_by"))


def cases_visible_to(user: Any) -> QuerySet[InspectionCase]:
    return visible_to_department_staff(user, InspectionCase.objects.select_related("head", "licence"))


def violations_visible_to(user: Any) -> QuerySet[ViolationRecord]:
    qs = ViolationRecord.objects.select_related("recorded_by", "decision", "licence")
    return visible_to_department_staff(user, qs)


def letters_visible_to(user: Any) -> QuerySet[Letter]:
    """The Inspectorate and the Board; a denunciation is never shown to the person it is about. The
    denouncer's identity is not on these rows (see `services.identity_reveal`)."""
    mine = powers.powers_of(user) if getattr(user, "is_authenticated", False) else None
    if mine is None or mine.staff is None or not permissions.can_read_letters(user, mine.agency_id):
        return Letter.objects.none()
    qs = powers.scope_to_agency(Letter.objects.select_related("assigned_to"), user)
    return qs.exclude(kind="denunciation", denounced=user)


def letter_step_on(letter: Letter, action: str) -> dt.date | None:
    """The day the step `action` ("forward", "return"...) was last taken on the letter, read from its history
    (the workflow saves each step with the action as its change reason); None when the history has no such
    step. The history rows hold only the letter's own fields, never the denouncer's identity."""
    at = (
        letter.history.filter(history_change_reason=action)  # type: ignore[attr-defined]  # audit.track
        .order_by("-history_date", "-history_id")
        .values_list("history_date", flat=True)
        .first()
    )
    return timezone.localdate(at) if at is not None else None


def reception_days_visible_to(user: Any) -> QuerySet[ReceptionDay]:
    return visible_to_department_staff(user, ReceptionDay.objects.select_related("leader"))


def reception_entries_visible_to(user: Any) -> QuerySet[ReceptionEntry]:
    """The reception book names citizens: the Inspectorate and the Board."""
    mine = powers.powers_of(user) if getattr(user, "is_authenticated", False) else None
    if mine is None or mine.staff is None or not permissions.can_read_letters(user, mine.agency_id):
        return ReceptionEntry.objects.none()
    return powers.scope_to_agency(ReceptionEntry.objects.select_related("received_by", "day"), user)


def _people(agency_id: int, **filters: Any) -> list[Any]:
    from stttt.org.selectors import assignments_at, today

    rows = (
        assignments_at(today())
        .filter(unit__agency_id=agency_id, staff__user__isnull=False, **filters)
        .select_related("staff__user")
        .order_by("position", "staff__full_name")
    )
    seen: dict[int, Any] = {}
    for a in rows:
        if a.staff.user is not None:
            seen.setdefault(a.staff.user.pk, a.staff.user)
    return list(seen.values())


def inspectors_of(agency_id: int) -> list[Any]:
    """The users holding a post in the agency's Inspectorate today (teams, assignments)."""
    return _people(agency_id, unit__code__in=list(permissions.inspectorate_codes(agency_id)))


def board_of(agency_id: int) -> list[Any]:
    """The Director and Deputy Directors today (reception days)."""
    return _people(agency_id, position__in=["director", "deputy_director"])


def licences_of(user: Any) -> list[tuple[str, str]]:
    """Licence holders of the user's register, as plan targets (`licensing.selectors.licences_visible_to`)."""
    from stttt.licensing.selectors import licences_visible_to

    return [
        (str(pk), f"{number} — {holder}")
        for pk, number, holder in licences_visible_to(user)
        .order_by("holder_name")
        .values_list("pk", "number", "holder_name")[:500]
    ]
