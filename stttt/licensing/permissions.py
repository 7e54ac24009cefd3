"""Who may record licences and who decides on them, from `org` through `stttt.org.powers`. Fails closed.

- record (issue from a register, amend, extend, end): anyone holding a post in the licence's agency;
- decide a suspension or revocation: the Director (or the Deputy Director acting as Director) of the
  licence's agency, the leader in charge of the provision the kind is issued under, or the Deputy Director
  in charge of the division that processes it (Art. 5.2 of the regulation). Heads of division propose,
  they do not decide.

The division that processes a kind is data: the processing division of the agency's procedures that
produce it, else the agency's `KindDivision` row. A kind with neither has no division: nobody but the
Director decides on it (never a default division).
"""

from __future__ import annotations

import contextlib
from typing import Any

from stttt.licensing.kinds import KINDS
from stttt.org import powers
from stttt.org.selectors import OrgNotFound


class DivisionUnknown(LookupError):
    """No procedure of the agency produces the kind and no `KindDivision` names its division."""


def is_staff_member(user: Any) -> bool:
    """Holds a post in an agency today (or administers the installation)."""
    return powers.is_department_staff(user)


def can_record(user: Any, agency_id: int | None = None) -> bool:
    """Staff of the agency (`agency_id`: the licence's agency; None: the user's own agency)."""
    if not powers.is_department_staff(user):
        return False
    if agency_id is None:
        return getattr(user, "is_superuser", False) or powers.powers_of(user).agency_id is not None
    return powers.same_agency(user, agency_id)


def division_of(kind_code: str, agency: Any) -> str:
    """The code of the unit of `agency` that processes licences of `kind_code`. Raises `DivisionUnknown`."""
    from stttt.licensing.models import KindDivision
    from stttt.procedures.models import Procedure

    kind = KINDS.get(kind_code)
    if kind is None:
        raise DivisionUnknown(kind_code)
    codes = (
        sorted(
            {
                code
                for code in Procedure.objects.filter(agency=agency, code__in=kind.procedures).values_list(
                    "division_code", flat=True
                )
                if code
            }
        )
        if kind.procedures
        else []
    )
    if codes:
        return codes[0]
    mapped = KindDivision.objects.filter(agency=agency, kind=kind_code).values_list("unit_code", flat=True).first()
    if not mapped:
        raise DivisionUnknown(kind_code)
    return mapped


def deciders(licence: Any) -> list[Any]:
    """The users who decide a suspension or revocation of `licence` besides the Director: the leader in
    charge of the kind's provision, and those above the head of the processing division. A reference the
    organisation does not know contributes nobody."""
    kind = KINDS.get(licence.kind)
    if kind is None:
        return []
    found: list[Any] = []
    with contextlib.suppress(OrgNotFound):  # no duty of the agency answers the citation
        found.append(powers.leader_in_charge(kind.citation, agency=licence.agency))
    unit_code = ""
    with contextlib.suppress(DivisionUnknown):
        unit_code = division_of(licence.kind, licence.agency)
    if unit_code:
        with contextlib.suppress(OrgNotFound):  # a division code the organisation no longer has
            found += powers.approvers_for(unit_code)[1:]  # above the head: deputy in charge, Director
    return [user for user in found if user is not None]


def can_decide(user: Any, licence: Any) -> bool:
    """A leader's decision on `licence`: the Director / acting Director of its agency, or the leader in
    charge of the kind (see `deciders`)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if not powers.same_agency(user, licence.agency_id):
        return False
    mine = powers.powers_of(user)
    if mine.staff is None:
        return bool(getattr(user, "is_superuser", False))
    if mine.is_director:
        return True
    return any(leader.pk == user.pk for leader in deciders(licence))


def signer_of(user: Any) -> tuple[str, str]:
    """(authority line, title) of the signature block for a licence `user` approves (Decree 30/2020
    Appendix I: a deputy signs "KT." for the head)."""
    mine = powers.powers_of(user) if getattr(user, "is_authenticated", False) else None
    if mine is not None and mine.is_director and not mine.is_acting_director:
        return "", "GIÁM ĐỐC"
    if mine is not None and mine.is_acting_director:
        return "Q. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"
    return "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"
