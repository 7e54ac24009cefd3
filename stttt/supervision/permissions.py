"""Who may see and do what in sector supervision, from `stttt.org.powers`. Fails closed.

- see: anyone holding a post in the record's agency (Department staff), administrators;
- record and handle (the "sector" role): the members of the unit that leads the sector's duties of Art. 3
  in the agency's organisation data (telecoms, posts, frequencies and emergencies 3.10-3.12, 3.21: in the demo
  the Posts, Telecommunications and IT division; electronic information, advertising, grassroots and external
  information 3.6-3.9: the Press and Publishing division), and the Director and Deputy Directors;
- approve an external-information plan's appraisal and close a case or incident: the leadership or the unit.

The lead unit is data (`org.Duty.lead_unit`); an agency whose duties name no lead unit leaves the sector's work
to its leadership (nobody else gets it by default).
"""

from __future__ import annotations

from typing import Any

from stttt.org import powers

INFRASTRUCTURE, INFORMATION = "infrastructure", "information"
#: The clauses of Art. 3 whose lead units handle each area.
AREA_CLAUSES = {
    INFRASTRUCTURE: ("3.10", "3.11", "3.12", "3.21"),
    INFORMATION: ("3.6", "3.7", "3.8", "3.9"),
}
SECTOR_AREA = {
    "telecom": INFRASTRUCTURE,
    "internet": INFRASTRUCTURE,
    "postal": INFRASTRUCTURE,
    "broadcast": INFRASTRUCTURE,
    "it": INFRASTRUCTURE,
    "advertising": INFORMATION,
    "games": INFORMATION,
    "social": INFORMATION,
}
ADMINISTRATOR_ROLES = frozenset({"staff", "sector", "leadership"})


def _in_clause(citation: str, clause: str) -> bool:
    return citation == clause or citation.startswith(clause + ".")


def area_units(agency_id: int, area: str) -> frozenset[str]:
    """Codes of the units that lead a duty of the area's clauses in the agency (kept until the org changes)."""

    def build() -> frozenset[str]:
        from stttt.org.models import Duty

        rows = Duty.objects.filter(agency_id=agency_id, lead_unit__isnull=False).values_list(
            "citation", "lead_unit__code"
        )
        return frozenset(code for citation, code in rows if any(_in_clause(citation, c) for c in AREA_CLAUSES[area]))

    return powers.remember(f"supervision:area_units:{agency_id}:{area}", build)


def is_staff_of(user: Any, agency_id: int | None) -> bool:
    return powers.is_department_staff(user) and powers.same_agency(user, agency_id)


def roles_in(user: Any, agency_id: int | None, area: str) -> set[str]:
    """The user's roles on a record of `agency_id` in `area`: staff, sector, leadership."""
    if getattr(user, "is_superuser", False):
        return set(ADMINISTRATOR_ROLES)
    if agency_id is None or not is_staff_of(user, agency_id):
        return set()
    found = {"staff"}
    held = powers.powers_of(user)
    if held.is_director or held.is_deputy_director:
        found |= {"leadership", "sector"}
    if held.unit_codes & area_units(agency_id, area):
        found.add("sector")
    return found


def can_view(user: Any, agency_id: int | None) -> bool:
    return getattr(user, "is_superuser", False) or is_staff_of(user, agency_id)


def can_manage(user: Any, agency_id: int | None, area: str) -> bool:
    return "sector" in roles_in(user, agency_id, area)


def can_manage_any(user: Any) -> bool:
    """Whether the user records anything in supervision (to offer the forms)."""
    agency_id = powers.powers_of(user).agency_id if getattr(user, "is_authenticated", False) else None
    if getattr(user, "is_superuser", False):
        return True
    return any(can_manage(user, agency_id, area) for area in AREA_CLAUSES)


def area_of(record: Any) -> str:
    """The area a record belongs to (which unit handles it)."""
    name = type(record).__name__
    if name == "Operator":
        return SECTOR_AREA[record.sector]
    if name in ("OperatorReport", "Holding", "QualityFigure"):
        return SECTOR_AREA[record.operator.sector]
    if name == "Case":
        return INFORMATION if record.kind == "advertising" else INFRASTRUCTURE
    if name in ("RadioStation", "BroadcastRequest", "BroadcastConfirmation", "ExternalPlan", "ExternalActivity"):
        return INFORMATION
    return INFRASTRUCTURE


def agency_id_of(record: Any) -> int | None:
    """The agency of a record, directly or through its parent."""
    for path in ("agency_id", "operator", "plan", "case", "incident", "request"):
        value = getattr(record, path, None)
        if value is None:
            continue
        return value if path == "agency_id" else agency_id_of(value)
    return None


def roles_of(user: Any, record: Any) -> set[str]:
    """The user's roles on `record` (for the workflow tables)."""
    return roles_in(user, agency_id_of(record), area_of(record))


def can_view_record(user: Any, obj: Any) -> bool:
    """The history page of any supervision record opens to the staff of its agency."""
    return can_view(user, agency_id_of(obj))
