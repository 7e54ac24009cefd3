"""Who may act on a dossier: relations found from `org` through `stttt.org.powers` (acting posts
included), never from flags kept here.

- one-stop desk: a post in the unit that runs the desk (setting `STTTT_ONE_STOP_UNIT`, default the
  Department's Office, code "VP");
- division head: heads (or acts as head of) the procedure's processing division;
- officer: the officer the dossier is assigned to;
- approver: the leader in charge of the empowering provision (the Deputy Director in charge, or the
  Director, with acting replacements), or the Director / acting Director;
- applicant: the user who submitted the dossier online.

Until `org` is installed, a superuser holds every staff role (so a bare installation stays usable).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from django.conf import settings

from stttt.procedures.workflow import APPLICANT, APPROVER, DESK, HEAD, OFFICER


def desk_unit_code() -> str:
    return settings.STTTT_ONE_STOP_UNIT


def _powers_module() -> Any:
    try:
        from stttt.org import powers
    except ImportError:
        return None
    return powers


def staff_powers(user: Any, at: dt.date | None = None) -> Any:
    module = _powers_module()
    if module is None or not getattr(user, "is_authenticated", False):
        return None
    return module.powers_of(user, at)


def _approvers(procedure: Any, at: dt.date | None) -> list[Any]:
    module = _powers_module()
    if module is None:
        return []
    found = []
    try:
        leader = module.leader_in_charge(procedure.empowering_citation, at)
    except Exception:  # an unknown citation in org: fall back to the division's chain
        leader = None
    if leader is not None:
        found.append(leader)
    with contextlib.suppress(Exception):
        found += [u for u in module.approvers_for(procedure.division_code, at)[1:] if u not in found]
    return found


def is_approver(user: Any, procedure: Any, at: dt.date | None = None) -> bool:
    """The leader in charge of the procedure's provision, a leader above the division, or the Director."""
    powers = staff_powers(user, at)
    if powers is None:
        return bool(getattr(user, "is_superuser", False)) and _powers_module() is None
    if powers.is_director:
        return True
    return any(getattr(u, "pk", None) == user.pk for u in _approvers(procedure, at))


def staff_roles(user: Any, procedure: Any, at: dt.date | None = None) -> set[str]:
    """Roles the user holds for a procedure's dossiers regardless of assignment (desk, head, approver)."""
    roles: set[str] = set()
    if not getattr(user, "is_authenticated", False):
        return roles
    powers = staff_powers(user, at)
    if powers is None:
        if getattr(user, "is_superuser", False) and _powers_module() is None:
            return {DESK, HEAD, OFFICER, APPROVER}
        return roles
    if desk_unit_code() in powers.unit_codes:
        roles.add(DESK)
    if procedure.division_code in powers.headed_unit_codes:
        roles.add(HEAD)
    if is_approver(user, procedure, at):
        roles.add(APPROVER)
    return roles


def roles_of(user: Any, dossier: Any, at: dt.date | None = None) -> set[str]:
    """Every role `user` holds on `dossier` today."""
    roles = staff_roles(user, dossier.procedure, at)
    if not getattr(user, "is_authenticated", False):
        return roles
    if dossier.submitted_by_id is not None and dossier.submitted_by_id == user.pk:
        roles.add(APPLICANT)
    if dossier.assignee_id is not None and dossier.assignee_id == user.pk:
        roles.add(OFFICER)
    return roles


def in_division(user: Any, division_code: str, at: dt.date | None = None) -> bool:
    """True when the user holds a post in the division (an officer the head may assign)."""
    powers = staff_powers(user, at)
    if powers is None:
        return bool(getattr(user, "is_superuser", False)) and _powers_module() is None
    return division_code in powers.unit_codes


def is_staff_member(user: Any) -> bool:
    powers = staff_powers(user)
    if powers is None:
        return bool(getattr(user, "is_superuser", False))
    return powers.staff is not None or bool(getattr(user, "is_superuser", False))


def can_view(user: Any, dossier: Any) -> bool:
    """Applicants see their own dossiers; staff of the Department see the Department's dossiers."""
    if not getattr(user, "is_authenticated", False):
        return False
    if dossier.submitted_by_id == user.pk or user.has_perm("procedures.view_all_dossiers"):
        return True
    return is_staff_member(user)


def is_desk(user: Any) -> bool:
    """True when the user works at the one-stop desk today."""
    powers = staff_powers(user)
    if powers is None:
        return bool(getattr(user, "is_superuser", False)) and _powers_module() is None
    return desk_unit_code() in powers.unit_codes
