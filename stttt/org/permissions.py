"""Who may change the organisation: administrators with the model permission, and the Director (or the
Deputy Director acting for the Director, 5.2). A head may authorise their own deputy to act (5.3)."""

from __future__ import annotations

from typing import Any

from stttt.org import selectors
from stttt.org.choices import Position, UnitKind
from stttt.org.models import Unit


def _heads(user: Any, unit_kind: str | None = None, unit: Unit | None = None) -> bool:
    staff = selectors.staff_of_user(user)
    if staff is None:
        return False
    current = selectors.assignments_at(selectors.today()).filter(
        staff=staff, position__in=[Position.DIRECTOR, Position.HEAD]
    )
    if unit is not None:
        current = current.filter(unit=unit)
    if unit_kind is not None:
        current = current.filter(unit__kind=unit_kind)
    return current.exists()


def can_view(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def can_manage(user: Any) -> bool:
    """Reassign people, set quotas and areas in charge."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.has_perm("org.change_assignment") or _heads(user, unit_kind=UnitKind.LEADERSHIP)


def can_appoint_acting(user: Any, unit: Unit) -> bool:
    """Authorise someone to act as head of `unit` (the Director for the board, 5.2; the head, 5.3)."""
    return can_manage(user) or (getattr(user, "is_authenticated", False) and _heads(user, unit=unit))
