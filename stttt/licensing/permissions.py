"""Who may record licences and who decides on them, from `org` through `stttt.org.powers`.

- record (issue from a register, amend, extend, end): anyone holding a post in the Department;
- decide a suspension or revocation: the Director (or the Deputy Director acting as Director), the
  leader in charge of the provision the kind is issued under, or the Deputy Director in charge of the
  division that processes it (Decision 12/2023/QĐ-UBND 5.2). Heads of division propose, they do not decide.
"""

from __future__ import annotations

import contextlib
from typing import Any

from stttt.org import powers
from stttt.licensing.kinds import KINDS


def is_staff_member(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if getattr(user, "is_superuser", False):
        return True
    return powers.powers_of(user).staff is not None


def can_record(user: Any) -> bool:
    return is_staff_member(user)


def can_decide(user: Any, kind_code: str) -> bool:
    """A leader's decision: the Director / acting Director, or the leader in charge of the kind's provision."""
    if not getattr(user, "is_authenticated", False):
        return False
    mine = powers.powers_of(user)
    if mine.staff is None:
        return bool(getattr(user, "is_superuser", False))
    if mine.is_director:
        return True
    kind = KINDS.get(kind_code)
    if kind is None:
        return False
    leaders = []
    with contextlib.suppress(Exception):
        leaders.append(powers.leader_in_charge(kind.citation))
    with contextlib.suppress(Exception):
        leaders += powers.approvers_for(division_of(kind_code))[1:]  # above the head: deputy in charge, Director
    return any(leader is not None and leader.pk == user.pk for leader in leaders)


def division_of(kind_code: str) -> str:
    """The division that processes a kind: the one of the procedures producing it, else the division of
    electronic information (3.8: video games)."""
    from stttt.procedures.models import Procedure

    kind = KINDS[kind_code]
    code = (Procedure.objects.filter(code__in=kind.procedures).values_list("division_code", flat=True).first()
            if kind.procedures else None)
    return code or "BCVTCNTT"


def signer_of(user: Any) -> tuple[str, str]:
    """(authority line, title) of the signature block for a licence `user` approves (Decree 30/2020
    Appendix I: a deputy signs "KT." for the head)."""
    mine = powers.powers_of(user) if getattr(user, "is_authenticated", False) else None
    if mine is not None and mine.is_director and not mine.is_acting_director:
        return "", "GIÁM ĐỐC"
    if mine is not None and mine.is_acting_director:
        return "Q. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"
    return "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"
