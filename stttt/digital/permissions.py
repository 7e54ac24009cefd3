"""Who may see and do what in the digital app, asked of `stttt.org.powers` (through the work app's helpers,
which read the same powers): the Department's staff work on their agency's records; the leadership and the
heads of units sign appraisal opinions (5.1-5.3 of the regulation); district officers fill their district's
indicator figures."""

from __future__ import annotations

from typing import Any

from stttt.work import permissions as work_permissions

is_staff_of = work_permissions.is_staff_of
is_leadership = work_permissions.is_leadership
district_of = work_permissions.district_of


def _authenticated(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def _superuser(user: Any) -> bool:
    return bool(_authenticated(user) and getattr(user, "is_superuser", False))


def staff_roles(user: Any, agency_id: int | None) -> set[str]:
    """`staff` for the agency's staff; `leadership` for the Director, Deputies and heads of units."""
    if not is_staff_of(user, agency_id):
        return set()
    roles = {"staff"}
    if _superuser(user) or is_leadership(user, agency_id):
        roles.add("leadership")
    else:
        from stttt.org.powers import powers_of

        if powers_of(user).headed_unit_codes:
            roles.add("leadership")
    return roles


def can_manage(user: Any, agency_id: int | None) -> bool:
    """Record plans, indicators, collections, datasets, requests, appraisals, enterprises (3.13-3.14)."""
    return is_staff_of(user, agency_id)


def roles_of_submission(user: Any, submission: Any) -> set[str]:
    """`reporter`: an officer of the entity's district; `clerk`: the Department's staff entering the figures
    an agency without its own account sent on paper; `department`: the Department's staff (may return)."""
    agency_id = submission.collection.agency_id
    roles: set[str] = set()
    if is_staff_of(user, agency_id):
        roles.add("department")
        if submission.entity.district_id is None:
            roles.add("clerk")
    district = district_of(user)
    if district is not None and submission.entity.district_id == district.pk and district.agency_id == agency_id:
        roles.add("reporter")
    return roles


def roles_of_agency_record(user: Any, record: Any) -> set[str]:
    return staff_roles(user, record.agency_id)


def roles_of_programme_task(user: Any, task: Any) -> set[str]:
    return staff_roles(user, task.programme.agency_id)


def can_view_record(user: Any, obj: Any) -> bool:
    """Who may read one digital record and its history: the agency's staff; a district officer their own
    district's submissions."""
    from stttt.digital import models

    if not _authenticated(user):
        return False
    if isinstance(obj, models.Submission):
        return bool(roles_of_submission(user, obj))
    parents = {
        models.EnterpriseYear: "enterprise",
        models.Target: "programme",
        models.ProgrammeTask: "programme",
        models.Consultation: "appraisal",
    }
    for kind, attr in parents.items():
        if isinstance(obj, kind):
            return can_view_record(user, getattr(obj, attr))
    agency_id = getattr(obj, "agency_id", None)
    return agency_id is not None and is_staff_of(user, agency_id)
