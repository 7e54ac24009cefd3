"""Who may act on a dossier: relations found from `org` through `stttt.org.powers` (acting posts included),
never from flags kept here. Fail closed: a role not positively found is not held.

- one-stop desk: a post in the unit that runs the desk of the procedure's agency
  (`Agency.one_stop_unit_code`);
- division head: heads (or acts as head of) the procedure's processing division;
- officer: the officer the dossier is assigned to;
- approver: the leader in charge of the empowering provision (the Deputy Director in charge, or the
  Director, with acting replacements), a leader above the division, or the Director / acting Director;
- applicant: the user who filed the dossier.

Staff roles are held only within the user's own agency.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from stttt.org import powers
from stttt.org.selectors import OrgNotFound
from stttt.procedures.choices import Channel
from stttt.procedures.workflow import APPLICANT, APPROVER, DESK, HEAD, OFFICER


def _authenticated(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def _own_agency(user: Any, agency_id: int | None, at: dt.date | None = None) -> bool:
    """A post in the agency on `at` (superusers hold no post and so no role)."""
    return agency_id is not None and powers.powers_of(user, at).agency_id == agency_id


def approvers(procedure: Any, at: dt.date | None = None) -> list[Any]:
    """Who approves the procedure's dossiers on `at`: the leader in charge of its empowering provision, then
    the leaders above its division (the Deputy Director in charge of it, the Director; acting replacements
    applied). The division's head proposes, so is not one of them."""
    found: list[Any] = []
    try:
        leader = powers.leader_in_charge(procedure.empowering_citation, at, agency=procedure.agency)
    except OrgNotFound:
        leader = None  # no duty of the organisation carries this citation: no leader in charge of it
    if leader is not None:
        found.append(leader)
    try:
        chain = powers.approvers_for(procedure.division_code, at)
    except OrgNotFound:
        chain = []  # the catalogue load refuses unknown divisions; a unit since removed has no approver
    for user in chain:
        if user not in found and not powers.powers_of(user, at).heads(procedure.division_code):
            found.append(user)
    return found


def is_approver(user: Any, procedure: Any, at: dt.date | None = None) -> bool:
    """The leader in charge of the procedure's provision, a leader above the division, or the Director."""
    if not _authenticated(user) or not _own_agency(user, procedure.agency_id, at):
        return False
    if powers.powers_of(user, at).is_director:
        return True
    return any(u.pk == user.pk for u in approvers(procedure, at))


def is_desk(user: Any, agency: Any, at: dt.date | None = None) -> bool:
    """Holds a post in the unit that runs the agency's one-stop desk."""
    if not _authenticated(user) or agency is None or not agency.one_stop_unit_code:
        return False
    mine = powers.powers_of(user, at)
    return mine.agency_id == agency.pk and agency.one_stop_unit_code in mine.unit_codes


def staff_roles(user: Any, procedure: Any, at: dt.date | None = None) -> set[str]:
    """Roles the user holds for a procedure's dossiers regardless of assignment (desk, head, approver)."""
    roles: set[str] = set()
    if not _authenticated(user) or not _own_agency(user, procedure.agency_id, at):
        return roles
    if is_desk(user, procedure.agency, at):
        roles.add(DESK)
    if powers.powers_of(user, at).heads(procedure.division_code):
        roles.add(HEAD)
    if is_approver(user, procedure, at):
        roles.add(APPROVER)
    return roles


def roles_of(user: Any, dossier: Any, at: dt.date | None = None) -> set[str]:
    """Every role `user` holds on `dossier` on `at` (today by default)."""
    roles = staff_roles(user, dossier.procedure, at)
    if not _authenticated(user):
        return roles
    if dossier.submitted_by_id is not None and dossier.submitted_by_id == user.pk:
        roles.add(APPLICANT)
    if dossier.assignee_id is not None and dossier.assignee_id == user.pk:
        roles.add(OFFICER)
    return roles


def filing_roles(user: Any, procedure: Any, channel: str, at: dt.date | None = None) -> set[str]:
    """Roles in which `user` may file a dossier of `procedure`: online, any signed-in person files as the
    applicant; at the desk or by post, only the agency's one-stop desk records it."""
    if not _authenticated(user):
        return set()
    if channel == Channel.ONLINE:
        return {APPLICANT}
    return {DESK} if is_desk(user, procedure.agency, at) else set()


def in_division(user: Any, procedure: Any, at: dt.date | None = None) -> bool:
    """True when the user holds a post in the procedure's division (an officer its head may assign)."""
    if not _authenticated(user) or not _own_agency(user, procedure.agency_id, at):
        return False
    return procedure.division_code in powers.powers_of(user, at).unit_codes


def is_staff_member(user: Any) -> bool:
    """Department staff (a post in an agency today) or an administrator of the installation."""
    return powers.is_department_staff(user)


def can_view(user: Any, dossier: Any) -> bool:
    """Applicants see their own dossiers; staff see the dossiers of their own agency."""
    if not _authenticated(user):
        return False
    if dossier.submitted_by_id == user.pk:
        return True
    return powers.is_department_staff(user) and powers.same_agency(user, dossier.agency_id)


def can_see_statistics(user: Any) -> bool:
    return powers.is_department_staff(user)
