"""Who may see and do what in press and publishing oversight, from `org` through `stttt.org.powers`. Fails closed.

- The agency's press and publishing division (`PressDivision`, else the lead unit of duty 3.4.a) does the work:
  its members take in deposits, keep the registers of outlets, offices and press conferences, and read what they
  are assigned; its head (acting head included, 5.3) assigns readings and reviews them (3.4.a, 3.5.d).
- The Director and the Deputy Directors see everything and may suspend a press conference (Press Law 2016
  Art. 41.6) or ask an office to stop (Art. 22.4), on behalf of the provincial People's Committee.
- A reader sees the reading forms of the items assigned to them; the head and the leadership see every reading.
- Nobody else (other units, district officers, observers, citizens, the public) sees any of it.

Roles on a record (the workflow tables name them): `head`, `officer` (member of the division), `reader` (the
item's reader), `leadership`.
"""

from __future__ import annotations

from typing import Any

from stttt.org import powers

CITATION = "3.4.a"  # the duty whose lead unit does press oversight when no PressDivision row names it


def _authenticated(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def division_code(agency_id: int | None) -> str | None:
    """The code of the agency's press and publishing division (organisation data), or None."""
    if agency_id is None:
        return None
    from stttt.org.models import Duty
    from stttt.press.models import PressDivision

    row = PressDivision.objects.filter(agency_id=agency_id).values_list("unit_code", flat=True).first()
    if row:
        return row
    return (
        Duty.objects.filter(agency_id=agency_id, citation=CITATION, lead_unit__isnull=False)
        .values_list("lead_unit__code", flat=True)
        .first()
    )


def _division_of_user(user: Any) -> str | None:
    """The press division of the user's agency, kept on the user object for the request."""
    cached = user.__dict__.get("_press_division")
    if cached is None:
        cached = user.__dict__["_press_division"] = (division_code(powers.powers_of(user).agency_id) or "",)
    return cached[0] or None


def is_leadership(user: Any) -> bool:
    if not _authenticated(user):
        return False
    p = powers.powers_of(user)
    return p.is_director or p.is_deputy_director


def is_member(user: Any) -> bool:
    """Holds a post in the agency's press and publishing division."""
    if not _authenticated(user):
        return False
    code = _division_of_user(user)
    return bool(code and code in powers.powers_of(user).unit_codes)


def is_head(user: Any) -> bool:
    """Heads the press and publishing division (acting head included)."""
    if not _authenticated(user):
        return False
    code = _division_of_user(user)
    return bool(code and powers.powers_of(user).heads(code))


def may_view(user: Any) -> bool:
    """Opens the press pages: the division, the leadership, superusers."""
    return bool(_authenticated(user) and (user.is_superuser or is_member(user) or is_leadership(user)))


def may_manage(user: Any) -> bool:
    """Takes in deposits and keeps the registers: the division's members (and superusers)."""
    return bool(_authenticated(user) and (user.is_superuser or is_member(user)))


def sees_all_readings(user: Any) -> bool:
    return bool(_authenticated(user) and (user.is_superuser or is_head(user) or is_leadership(user)))


def _same(user: Any, record: Any) -> bool:
    return powers.same_agency(user, getattr(record, "agency_id", None))


def roles_of_item(user: Any, item: Any) -> set[str]:
    if not _authenticated(user) or not _same(user, item):
        return set()
    if user.is_superuser:
        return {"head", "officer", "reader", "leadership"}
    roles = set()
    if is_head(user):
        roles.add("head")
    if is_member(user):
        roles.add("officer")
    if getattr(item, "reader_id", None) == user.pk:
        roles.add("reader")
    if is_leadership(user):
        roles.add("leadership")
    return roles


roles_of_conference = roles_of_item
roles_of_office = roles_of_item


def may_see_reading(user: Any, item: Any) -> bool:
    """The reading form: its reader, the division head, the leadership."""
    return _same(user, item) and (sees_all_readings(user) or item.reader_id == getattr(user, "pk", None))


def can_view_record(user: Any, obj: Any) -> bool:
    """Who may read one press record and its change history: whoever its page is shown to."""
    from stttt.press import models

    if not _authenticated(user):
        return False
    if isinstance(obj, models.Reading):
        return may_see_reading(user, obj.item)
    if isinstance(obj, models.OfficeChange):
        return can_view_record(user, obj.office)
    if isinstance(obj, models.PressDivision):
        return _same(user, obj) and powers.is_department_staff(user)
    if isinstance(
        obj,
        models.DepositItem
        | models.Outlet
        | models.FlaggedArticle
        | models.RepresentativeOffice
        | models.PressConference,
    ):
        return _same(user, obj) and may_view(user)
    return False
