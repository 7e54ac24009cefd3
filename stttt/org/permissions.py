"""Who may see and change the organisation, asked of `org.powers` (fail closed: no post, no access).

- Seeing: the organisation of an agency (chart, units, staff, findings, staffing plan, the YAML export)
  is internal to that agency's staff; citizens and district officers see none of it. A user sees only the
  agency they hold a post in; an administrator of the installation (superuser) sees the agency of the
  site they are on.
- Changing: administrators with the model permission, and the Director (or the Deputy Director acting for
  the Director, 5.2), each in their own agency only. A head may authorise their own deputy to act (5.3).
"""

from __future__ import annotations

from typing import Any

from stttt.org import powers
from stttt.org.models import Agency, Unit


def can_view(user: Any) -> bool:
    """Staff of an agency (or an administrator): the organisation is not shown to anyone else."""
    return powers.is_department_staff(user)


def agency_to_show(user: Any, site_agency: Agency | None = None) -> Agency | None:
    """The agency whose organisation `user` sees: their own; for a superuser without a post, the site's
    agency (`request.agency`); None when the user may see none."""
    if not can_view(user):
        return None
    own = powers.agency_of(user)
    if own is not None:
        return own
    return site_agency if getattr(user, "is_superuser", False) else None


def _in_agency(user: Any, agency: Agency | None) -> bool:
    return agency is None or powers.same_agency(user, agency.pk)


def can_manage(user: Any, agency: Agency | None = None) -> bool:
    """Reassign people, set quotas and areas in charge, import (in `agency`, when given)."""
    if not getattr(user, "is_authenticated", False) or not _in_agency(user, agency):
        return False
    if getattr(user, "is_superuser", False):
        return True
    mine = powers.powers_of(user)
    if mine.agency_id is None or mine.staff is None:
        return False
    return user.has_perm("org.change_assignment") or mine.is_director


def can_appoint_acting(user: Any, unit: Unit) -> bool:
    """Authorise someone to act as head of `unit` (the Director for the board, 5.2; the head, 5.3)."""
    if not getattr(user, "is_authenticated", False) or not powers.same_agency(user, unit.agency_id):
        return False
    return can_manage(user, unit.agency) or powers.powers_of(user).heads(unit.code)
