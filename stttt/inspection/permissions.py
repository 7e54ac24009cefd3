"""Who may see and do what in the inspection app, from `stttt.org.powers` (posts on the date, acting
included) and the user's relation to the record. Nothing here writes.

- the Inspectorate: the units of kind "inspectorate" of the agency; its members are inspectors, its head
  (or the deputy acting as head) is the Chief Inspector;
- the Director (or the Deputy Director acting) approves the plan and receives citizens;
- every staff member of the agency reads plans, cases and violation records and refers findings;
- complaints, denunciations and petitions are read by the Inspectorate and the Board only; a denunciation
  is never shown to the staff member it is about;
- a denouncer's identity: the assigned inspector and the Chief Inspector only (`can_see_identity`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from stttt.inspection import rules
from stttt.org import powers
from stttt.org import selectors as org_selectors
from stttt.org.choices import UnitKind
from stttt.org.models import Agency


def inspectorate_codes(agency_id: int | None, at: dt.date | None = None) -> frozenset[str]:
    """Codes of the agency's inspectorate units on `at` (none when the agency has no inspectorate)."""
    if agency_id is None:
        return frozenset()
    day = at or org_selectors.today()

    def build() -> frozenset[str]:
        agency = Agency.objects.get(pk=agency_id)
        return frozenset(
            org_selectors.units_at(agency, day).filter(kind=UnitKind.INSPECTORATE).values_list("code", flat=True)
        )

    return powers.remember(f"inspection:units:{agency_id}:{day.isoformat()}", build)


def _powers(user: Any, at: dt.date | None = None) -> powers.Powers | None:
    if not getattr(user, "is_authenticated", False):
        return None
    mine = powers.powers_of(user, at)
    return mine if mine.staff is not None else None


def is_inspector(user: Any, agency_id: int | None = None, at: dt.date | None = None) -> bool:
    """Holds a post (any) in the agency's Inspectorate on `at`."""
    mine = _powers(user, at)
    if mine is None or (agency_id is not None and mine.agency_id != agency_id):
        return False
    return bool(mine.unit_codes & inspectorate_codes(mine.agency_id, at))


def is_chief_inspector(user: Any, agency_id: int | None = None, at: dt.date | None = None) -> bool:
    """Heads the agency's Inspectorate on `at` (the deputy acting as head included, Art. 5.3)."""
    mine = _powers(user, at)
    if mine is None or (agency_id is not None and mine.agency_id != agency_id):
        return False
    return bool(mine.headed_unit_codes & inspectorate_codes(mine.agency_id, at))


def is_board(user: Any, agency_id: int | None = None) -> bool:
    mine = _powers(user)
    if mine is None or (agency_id is not None and mine.agency_id != agency_id):
        return False
    return mine.is_director or mine.is_deputy_director


def is_director(user: Any, agency_id: int | None = None) -> bool:
    mine = _powers(user)
    return bool(mine and mine.is_director and (agency_id is None or mine.agency_id == agency_id))


def sanction_title(user: Any, agency_id: int, at: dt.date) -> str:
    """The sanctioning competence `user` holds on `at` (LHAV Art. 46): Chief Inspector, inspector on duty, or
    none (the Director of a Department holds none under the sector decrees)."""
    if is_chief_inspector(user, agency_id, at):
        return rules.CHIEF_INSPECTOR
    if is_inspector(user, agency_id, at):
        return rules.INSPECTOR
    return ""


def roles_of(user: Any, record: Any) -> set[str]:
    """The workflow roles `user` has on `record` (see `workflow.ROLES`)."""
    agency_id = record.agency_id
    if not powers.same_agency(user, agency_id) or _powers(user) is None:
        return set()
    roles = {"staff"}
    if is_inspector(user, agency_id):
        roles.add("inspector")
    if is_chief_inspector(user, agency_id):
        roles.add("chief")
    if is_director(user, agency_id):
        roles.add("director")
    if getattr(record, "head_id", None) == user.pk:
        roles.add("team_head")
    if getattr(record, "assigned_to_id", None) == user.pk:
        roles.add("assignee")
    licence = getattr(record, "licence", None)
    if licence is not None:
        from stttt.licensing.permissions import can_decide

        if can_decide(user, licence):
            roles.add("licence_decider")
    return roles


def can_refer(user: Any, agency_id: int) -> bool:
    return powers.is_department_staff(user) and powers.same_agency(user, agency_id)


def can_act(user: Any, agency_id: int | None) -> bool:
    """Inspectorate work: create plans, cases, records, letters."""
    return is_inspector(user, agency_id)


def can_read_letters(user: Any, agency_id: int | None = None) -> bool:
    return is_inspector(user, agency_id) or is_board(user, agency_id)


def can_see_identity(user: Any, letter: Any) -> bool:
    """Law on Denunciations 2018 Art. 47(2), 56: the assigned inspector and the Chief Inspector only; never the
    person denounced (even when they hold one of those posts)."""
    if not getattr(user, "is_authenticated", False) or letter.denounced_id == user.pk:
        return False
    if not powers.same_agency(user, letter.agency_id) or _powers(user) is None:
        return False
    return letter.assigned_to_id == user.pk or is_chief_inspector(user, letter.agency_id)


def can_view_record(user: Any, obj: Any) -> bool:
    """Who may read one record (its page and its change history): the people its list shows it to."""
    from stttt.inspection import models, selectors

    visible: dict[type, Any] = {
        models.Referral: selectors.referrals_visible_to,
        models.InspectionPlan: selectors.plans_visible_to,
        models.InspectionCase: selectors.cases_visible_to,
        models.ViolationRecord: selectors.violations_visible_to,
        models.Letter: selectors.letters_visible_to,
        models.ReceptionDay: selectors.reception_days_visible_to,
        models.ReceptionEntry: selectors.reception_entries_visible_to,
    }
    parents: dict[type, str] = {
        models.PlanTarget: "plan",
        models.FollowUp: "case",
        models.SanctionDecision: "record",
    }
    model = type(obj)
    if model in parents:
        return can_view_record(user, getattr(obj, parents[model]))
    if model not in visible:
        return False
    return visible[model](user).filter(pk=obj.pk).exists()
