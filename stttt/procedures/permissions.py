"""Who may act on a dossier: relations found from `org` through `stttt.org.powers` (acting posts included),
never from flags kept here. Fail closed: a role not positively found is not held.

- one-stop desk: a post in the unit that runs the desk of the procedure's agency
  (`Agency.one_stop_unit_code`);
- division head: heads (or acts as head of) the procedure's processing division;
- officer: the officer the dossier is assigned to;
- approver: the leader in charge of the empowering provision (the Deputy Director in charge, or the
  Director, with acting replacements), a leader above the division, or the Director / acting Director;
- applicant: the user who filed the dossier.

Staff roles are held only within the user's own agency. A dossier's processing division is the one of the
version it was filed under (`handled_by`), not the catalogue row's of today.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils import timezone

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


def approver_ids(procedure: Any, at: dt.date | None = None) -> frozenset[int]:
    """The ids of `approvers(procedure, at)`, kept in the shared cache per day until the organisation
    changes: every inbox asks it for every procedure, and the answer takes a dozen queries to find."""
    day = at or timezone.localdate()
    key = f"procedures:approvers:{procedure.pk}:{procedure.empowering_citation}:{procedure.division_code}:{day}"
    return powers.remember(key, lambda: frozenset(u.pk for u in approvers(procedure, day)))


def is_approver(user: Any, procedure: Any, at: dt.date | None = None) -> bool:
    """The leader in charge of the procedure's provision, a leader above the division, or the Director."""
    if not _authenticated(user) or not _own_agency(user, procedure.agency_id, at):
        return False
    if powers.powers_of(user, at).is_director:
        return True
    return user.pk in approver_ids(procedure, at)


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


@dataclass(frozen=True)
class Handled:
    """A procedure as one dossier is handled under it: the procedure's identity, agency and empowering
    provision, with the processing division of the version the dossier was filed under."""

    pk: int
    agency_id: int
    agency: Any
    empowering_citation: str
    division_code: str


def handled_by(dossier: Any) -> Any:
    """The procedure as `dossier` is handled: the catalogue row when the version it was filed under has the
    same processing division (or it has no version), else the row with that version's division."""
    procedure = dossier.procedure
    if dossier.procedure_version_id is None:
        return procedure
    division = dossier.procedure_version.division_code
    if division == procedure.division_code:
        return procedure
    return Handled(procedure.pk, procedure.agency_id, procedure.agency, procedure.empowering_citation, division)


def roles_of(user: Any, dossier: Any, at: dt.date | None = None) -> set[str]:
    """Every role `user` holds on `dossier` on `at` (today by default)."""
    roles = staff_roles(user, handled_by(dossier), at)
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


def need_to_know(user: Any, at: dt.date | None = None) -> Q:
    """The dossiers a staff member needs to know, as a filter on `Dossier` (on `at`, today by default).

    Applicants' personal data stays with those who process the dossier (need to know):
    - the one-stop desk of the agency (every dossier of the agency: it receives and returns them);
    - the processing division (a post in the procedure's division, its head and deputies, acting included);
    - the officer the dossier is assigned to;
    - the leaders in charge: the Deputy Director in charge of the division or of the empowering duty (5.2),
      and the Director or the Deputy Director acting as Director (every dossier of the agency);
    - the applicant who filed it.
    Other divisions' staff get nothing. Superusers (administrators of the installation) see everything."""
    if not _authenticated(user):
        return Q(pk__in=[])
    if getattr(user, "is_superuser", False):
        return Q()
    relations = Q(submitted_by=user)
    mine = powers.powers_of(user, at)
    if mine.agency_id is None or mine.staff is None:
        return relations
    own = Q(agency_id=mine.agency_id)
    # A staff member rarely files a dossier themselves: the dossiers they filed are named by id (none, mostly),
    # so that the filter of their agency's dossiers has no OR on another column and the indexes on the agency
    # serve the lists and inboxes (issue 13).
    from stttt.procedures.models import Dossier

    filed = list(Dossier.objects.filter(submitted_by=user).order_by().values_list("pk", flat=True))
    relations = Q(pk__in=filed) if filed else Q(pk__in=[])
    desk = mine.staff.agency.one_stop_unit_code
    if mine.is_director or (desk and desk in mine.unit_codes):
        return own | relations if filed else own
    relations |= own & Q(assignee=user)
    divisions = mine.unit_codes | mine.units_in_charge
    if divisions:
        wanted = sorted(divisions)  # the division of the version each dossier was filed under
        relations |= own & (
            Q(procedure_version__division_code__in=wanted)
            | Q(procedure_version__isnull=True, procedure__division_code__in=wanted)
        )
    if mine.is_deputy_director:  # the leader in charge of the empowering duty approves its dossiers (5.2)
        from stttt.procedures.models import Procedure

        procedures = Procedure.objects.filter(agency_id=mine.agency_id).select_related("agency")
        approved = [p.pk for p in procedures if is_approver(user, p, at)]
        if approved:
            relations |= own & Q(procedure_id__in=approved)
    return relations


def can_view(user: Any, dossier: Any) -> bool:
    """Applicants see their own dossiers; staff see the dossiers they need to know (`need_to_know`)."""
    if not _authenticated(user) or dossier.pk is None:
        return False
    if dossier.submitted_by_id == user.pk:
        return True
    return type(dossier).objects.filter(need_to_know(user), pk=dossier.pk).exists()


def can_see_statistics(user: Any) -> bool:
    return powers.is_department_staff(user)


# --- versions of a procedure -------------------------------------------------------------------------


def may_publish_versions(user: Any, procedure: Any, at: dt.date | None = None) -> bool:
    """Publishing a version makes its facts the Department's for every dossier filed under it, so it is the
    head of the agency's decision (the regulation, Art. 5(1): the Department works under its head, the
    Director; Art. 5(2): a Deputy Director directs the areas assigned to him): the Director (or the Deputy
    Director acting as Director, 5.2), or the Deputy Director in charge of the procedure's field (its
    empowering duty or its processing division). The division head proposes; he does not publish.
    Administrators of the installation (superusers) may too."""
    if not _authenticated(user):
        return False
    if getattr(user, "is_superuser", False):
        return True
    if not _own_agency(user, procedure.agency_id, at):
        return False
    mine = powers.powers_of(user, at)
    if mine.is_director:
        return True
    return mine.is_deputy_director and (
        procedure.empowering_citation in mine.areas_in_charge or procedure.division_code in mine.units_in_charge
    )


def may_draft_versions(user: Any, procedure: Any, at: dt.date | None = None) -> bool:
    """Drafting a version (editing, importing a national export or an announcement's annex) prepares the
    leaders' decision: the Office, which runs the one-stop desk and the control of administrative procedures,
    and the procedure's processing division draft (the Department's administrative reform duty, 3.28; the
    split between the Office and the division is this system's practice, no act fixes it [verify]), and those
    who publish may draft too (`may_publish_versions`)."""
    if may_publish_versions(user, procedure, at):
        return True
    if not _own_agency(user, procedure.agency_id, at):
        return False
    return is_desk(user, procedure.agency, at) or in_division(user, procedure, at)
