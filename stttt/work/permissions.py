"""Who may do what with the work app's records: roles as relations of a user to a record, from `org.powers`.

A user has roles on a record only when the record belongs to their agency; a superuser administers the
installation and holds every role. Anything not granted here is refused (fail closed): no fallback, no
swallowed error. The workflow tables (`workflow.py`) name the roles each step needs; `roles_of_*` give a
user's roles on one record; `can_<verb>(user, obj)` answer the questions pages, API and services ask.

Roles:
- `leadership`: the Director (or the Deputy acting as Director) and the Deputy Directors (5.1, 5.2);
- `head`: the head (or acting head) of a unit of the agency (5.3);
- `assigner`: may give the record's unit work: the leadership, or the head of that unit (5.1-5.3);
- `unit`: holds a post in the record's unit (lead unit of a task, unit of a question or coordination);
- `in_charge` / `assignee`: the person named on the record;
- `staff`: holds a post in the record's agency; `approver`: approves the report (5.1, 5.2);
- `officer`: reports for the record's district (6.6); `department`: staff of the district's agency.
"""

from __future__ import annotations

from typing import Any

from stttt.org import powers as org_powers
from stttt.org import selectors as org_selectors
from stttt.org.choices import DEPARTMENT_DIVISION_KINDS, UnitKind
from stttt.org.powers import Powers, is_department_staff, powers_of, same_agency

APPARATUS_KINDS = DEPARTMENT_DIVISION_KINDS | {UnitKind.LEADERSHIP}

ADMINISTRATOR_ROLES = frozenset(
    {
        "leadership",
        "head",
        "assigner",
        "unit",
        "unit_head",
        "in_charge",
        "assignee",
        "staff",
        "approver",
        "officer",
        "department",
    }
)


def _authenticated(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def _superuser(user: Any) -> bool:
    return bool(_authenticated(user) and getattr(user, "is_superuser", False))


def _powers(user: Any) -> Powers | None:
    return powers_of(user) if _authenticated(user) else None


def is_staff_of(user: Any, agency_id: int | None) -> bool:
    """Holds a post in the agency `agency_id` today (superusers: every agency)."""
    if _superuser(user):
        return True
    p = _powers(user)
    return bool(p is not None and p.staff is not None and agency_id is not None and p.agency_id == agency_id)


def is_leadership(user: Any, agency_id: int | None) -> bool:
    """The Director (or the Deputy acting as Director) and the Deputy Directors of the agency (5.1, 5.2)."""
    if _superuser(user):
        return True
    p = _powers(user)
    return bool(is_staff_of(user, agency_id) and p is not None and (p.is_director or p.is_deputy_director))


def _unit_code(unit: Any) -> str | None:
    return getattr(unit, "code", None)


def _common(user: Any, agency_id: int | None) -> set[str] | None:
    """None when the user has no business with a record of `agency_id`; else the roles every record shares."""
    if not is_staff_of(user, agency_id):
        return None
    roles = {"staff"}
    if is_leadership(user, agency_id):
        roles.add("leadership")
    p = _powers(user)
    if p is not None and p.headed_unit_codes:
        roles.add("head")
    return roles


def _unit_roles(user: Any, unit: Any, roles: set[str]) -> None:
    p = _powers(user)
    code = _unit_code(unit)
    if p is None or code is None:
        return
    if code in p.unit_codes:
        roles.add("unit")
    if code in p.headed_unit_codes:
        roles.add("unit_head")


# --- Tasks (5.1-5.3) ------------------------------------------------------------------------------------


def roles_of_task(user: Any, task: Any) -> set[str]:
    if _superuser(user):
        return set(ADMINISTRATOR_ROLES)
    roles = _common(user, task.agency_id)
    if roles is None:
        return set()
    _unit_roles(user, task.lead_unit, roles)
    if "unit" in roles:
        roles.add("lead_unit")
    if roles & {"leadership", "unit_head"}:
        roles.add("assigner")
    if task.person_in_charge_id is not None and task.person_in_charge_id == user.pk:
        roles.add("in_charge")
    return roles


def can_assign_task(user: Any, unit: Any) -> bool:
    """Give a task to `unit`: the leadership to any unit of their agency (5.1, 5.2), a head (or acting head)
    to their own unit (5.3)."""
    if unit is None:
        return False
    if _superuser(user):
        return True
    if is_leadership(user, unit.agency_id):
        return True
    p = _powers(user)
    return bool(is_staff_of(user, unit.agency_id) and p is not None and unit.code in p.headed_unit_codes)


def can_work_on_task(user: Any, task: Any) -> bool:
    """Report progress, complete, attach files: the leadership, the lead unit, the person in charge."""
    return bool(roles_of_task(user, task) & {"leadership", "lead_unit", "in_charge"})


def can_cancel_task(user: Any, task: Any) -> bool:
    return "assigner" in roles_of_task(user, task)


# --- Meetings (5.4) -------------------------------------------------------------------------------------


def can_record_meeting(user: Any, agency_id: int | None) -> bool:
    """Any member of the agency records a meeting and its attendance (the Office keeps the minutes)."""
    return is_staff_of(user, agency_id)


def can_add_conclusion(user: Any, meeting: Any) -> bool:
    """Conclusions are the chair's: the person chairing the meeting or the leadership (5.4)."""
    if _superuser(user):
        return True
    if not is_staff_of(user, meeting.agency_id):
        return False
    return meeting.chaired_by_id == user.pk or is_leadership(user, meeting.agency_id)


# --- Reports upward (3.29, 6.1, 6.3) --------------------------------------------------------------------


def roles_of_report(user: Any, report: Any) -> set[str]:
    if _superuser(user):
        return set(ADMINISTRATOR_ROLES)
    roles = _common(user, report.agency_id)
    if roles is None:
        return set()
    from stttt.work.selectors import report_approvers

    if user in report_approvers(report):
        roles.add("approver")
    return roles


def can_prepare_reports(user: Any, agency_id: int | None) -> bool:
    return is_staff_of(user, agency_id)


def can_approve_report(user: Any, report: Any) -> bool:
    return "approver" in roles_of_report(user, report)


# --- Reports from districts (6.6) -----------------------------------------------------------------------


def district_of(user: Any) -> Any:
    """The `org.District` a district officer reports for, None for anyone else."""
    if not _authenticated(user):
        return None
    from stttt.org.models import DistrictOfficer

    post = DistrictOfficer.objects.filter(user=user).select_related("district").first()
    return post.district if post is not None else None


def roles_of_district_report(user: Any, report: Any) -> set[str]:
    agency_id = report.request.agency_id
    if _superuser(user):
        return {"department"}  # an administrator may return a report, never file one for a district
    roles: set[str] = set()
    if is_staff_of(user, agency_id):
        roles.add("department")
    district = district_of(user)
    if district is not None and district.pk == report.district_id and district.agency_id == agency_id:
        roles.add("officer")
    return roles


def can_file_district_report(user: Any, report: Any) -> bool:
    return "officer" in roles_of_district_report(user, report)


def acts_for_the_department(user: Any, agency_id: int | None) -> bool:
    """The Department's dealings with the Council, other bodies and the district offices (Art. 6) are its
    own, so the staff of its apparatus act in them (the leadership, the Office, the Inspectorate, the
    specialist divisions: Art. 4.1-4.2.a), not the employees of a public service unit under it (4.2.b)."""
    if _superuser(user):
        return True
    p = _powers(user)
    if p is None or not is_staff_of(user, agency_id):
        return False
    return org_selectors.any_unit_of_kinds(agency_id, p.unit_codes, APPARATUS_KINDS)


def can_request_districts(user: Any, agency_id: int | None) -> bool:
    """Ask the district offices for figures, remind them, see the board (6.6)."""
    return acts_for_the_department(user, agency_id)


def can_record_correspondence(user: Any, agency_id: int | None) -> bool:
    """Record a Council question or petition received (6.2), or a coordination with another body (6.4-6.5)."""
    return acts_for_the_department(user, agency_id)


# --- Council questions and coordination (6.2, 6.4, 6.5) -------------------------------------------------


def roles_of_question(user: Any, question: Any) -> set[str]:
    if _superuser(user):
        return set(ADMINISTRATOR_ROLES)
    roles = _common(user, question.agency_id)
    if roles is None:
        return set()
    _unit_roles(user, question.unit, roles)
    if question.assignee_id is not None and question.assignee_id == user.pk:
        roles.add("assignee")
    return roles


def can_assign_question(user: Any, question: Any, unit: Any) -> bool:
    """Give a question to `unit`: the leadership to any unit, a head to their own (5.1-5.3)."""
    return (
        bool(roles_of_question(user, question) & {"leadership", "head"})
        and unit is not None
        and unit.agency_id == question.agency_id
        and can_assign_task(user, unit)
    )


def can_answer_question(user: Any, question: Any) -> bool:
    """The question's unit, its assignee, or the leadership answers it (6.2)."""
    return bool(roles_of_question(user, question) & {"leadership", "unit", "assignee"})


def roles_of_coordination(user: Any, item: Any) -> set[str]:
    if _superuser(user):
        return set(ADMINISTRATOR_ROLES)
    roles = _common(user, item.agency_id)
    if roles is None:
        return set()
    _unit_roles(user, item.unit, roles)
    return roles


def can_reply_coordination(user: Any, item: Any) -> bool:
    return bool(roles_of_coordination(user, item) & {"leadership", "unit"})


def can_close_coordination(user: Any, item: Any) -> bool:
    return bool(roles_of_coordination(user, item) & {"leadership", "unit"})


# --- Visibility -----------------------------------------------------------------------------------------


def sees_department_records(user: Any) -> bool:
    """Department pages (reports, questions, coordination, briefing) are for the agencies' staff."""
    return is_department_staff(user)


def agency_of(user: Any) -> Any:
    return org_powers.agency_of(user)


def same_agency_as(user: Any, record: Any) -> bool:
    return same_agency(user, getattr(record, "agency_id", None))


def can_view_record(user: Any, obj: Any) -> bool:
    """Who may read one work record (its page and its change history): the same people its page shows it
    to, through the selectors that scope every list (fail closed for a model not named here)."""
    from stttt.work import models, selectors

    visible: dict[type, Any] = {
        models.Task: selectors.tasks_visible_to,
        models.Report: selectors.reports_visible_to,
        models.ReportType: lambda u: selectors.department_records(u, models.ReportType.objects.all()),
        models.DistrictRequest: selectors.district_requests_visible_to,
        models.DistrictReport: selectors.district_reports_visible_to,
        models.CouncilQuestion: selectors.questions_visible_to,
        models.Coordination: selectors.coordinations_visible_to,
        models.Meeting: selectors.meetings_visible_to,
    }
    parents: dict[type, str] = {
        models.TaskUpdate: "task",
        models.Conclusion: "meeting",
        models.RequestIndicator: "request",
    }
    kind = type(obj)
    if kind in parents:
        return can_view_record(user, getattr(obj, parents[kind]))
    scope = visible.get(kind)
    if scope is None or not _authenticated(user):
        return False
    return bool(scope(user).filter(pk=obj.pk).exists())
