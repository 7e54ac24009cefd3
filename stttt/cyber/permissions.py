"""Who may see and do what with the information-security records, from `org.powers` and owner accounts.

Roles on a record (fail closed: nothing is granted that is not written here):
- `staff`: holds a post in the record's agency (sees everything of the agency, enters records on behalf of
  the owner bodies);
- `security`: staff of a unit that leads or coordinates a duty of the regulation's clause on network
  information security (3.15: the Department as the specialised unit, Decree 85/2016 Art. 3(4)), and the
  leadership: appraise dossiers, run incident response, relay warnings, assess;
- `leadership`: the Director and Deputy Directors: sign the appraisal opinion and the approval (Decree
  85/2016 Art. 12(1));
- `owner`: a portal account linked to the record's owner body: sees its own systems, incidents and
  warnings; submits dossiers, reports incidents, acknowledges warnings.
"""

from __future__ import annotations

from typing import Any

from stttt.org.models import Duty, Unit
from stttt.org.powers import powers_of

#: The regulation's clause on network information security (Art. 3): the units that lead or coordinate its
#: points form the Department's specialised information-security unit.
SECURITY_DUTY = "3.15"


def _authenticated(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def is_staff_of(user: Any, agency_id: int | None) -> bool:
    if not _authenticated(user):
        return False
    if user.is_superuser:
        return True
    p = powers_of(user)
    return p.staff is not None and agency_id is not None and p.agency_id == agency_id


def is_leadership(user: Any, agency_id: int | None) -> bool:
    if not is_staff_of(user, agency_id):
        return False
    p = powers_of(user)
    return bool(user.is_superuser or p.is_director or p.is_deputy_director)


def security_unit_codes(agency_id: int) -> set[str]:
    """Codes of the units leading or coordinating a point of 3.15, and of the units under them."""
    duties = Duty.objects.filter(agency_id=agency_id, citation__startswith=SECURITY_DUTY)
    codes = set(duties.exclude(lead_unit=None).values_list("lead_unit__code", flat=True))
    codes |= set(Unit.objects.filter(coordinated_duties__in=duties).values_list("code", flat=True))
    children = set(Unit.objects.filter(agency_id=agency_id, parent__code__in=codes).values_list("code", flat=True))
    return codes | children


def is_security(user: Any, agency_id: int | None) -> bool:
    if not is_staff_of(user, agency_id) or agency_id is None:
        return False
    if is_leadership(user, agency_id):
        return True
    cache = user.__dict__.setdefault("_cyber_security", {})
    if agency_id not in cache:
        cache[agency_id] = bool(powers_of(user).unit_codes & security_unit_codes(agency_id))
    return cache[agency_id]


def owner_id_of(user: Any) -> int | None:
    """The owner body a portal account speaks for (None for everyone else)."""
    if not _authenticated(user):
        return None
    cache = user.__dict__
    if "_cyber_owner_id" not in cache:
        from stttt.cyber.models import OwnerAccount

        cache["_cyber_owner_id"] = OwnerAccount.objects.filter(user=user).values_list("owner_id", flat=True).first()
    return cache["_cyber_owner_id"]


def roles_on(user: Any, agency_id: int | None, owner_id: int | None) -> set[str]:
    roles: set[str] = set()
    if is_staff_of(user, agency_id):
        roles.add("staff")
        if is_security(user, agency_id):
            roles.add("security")
        if is_leadership(user, agency_id):
            roles.add("leadership")
    if owner_id is not None and owner_id_of(user) == owner_id:
        roles.add("owner")
    return roles


def roles_of_dossier(user: Any, dossier: Any) -> set[str]:
    return roles_on(user, dossier.agency_id, dossier.system.owner_id)


def roles_of_incident(user: Any, incident: Any) -> set[str]:
    return roles_on(user, incident.agency_id, incident.owner_id)


def roles_of_warning(user: Any, warning: Any) -> set[str]:
    return roles_on(user, warning.agency_id, None)


def roles_of_delivery(user: Any, delivery: Any) -> set[str]:
    return roles_on(user, delivery.warning.agency_id, delivery.owner_id)


def roles_of_content(user: Any, report: Any) -> set[str]:
    return roles_on(user, report.agency_id, None)


def can_manage_inventory(user: Any, agency_id: int | None) -> bool:
    """Staff enter and correct the inventory on the owners' behalf (Regulation 3.15.c)."""
    return is_staff_of(user, agency_id)


def can_assess(user: Any, agency_id: int | None) -> bool:
    """The specialised unit checks and assesses (Regulation 3.15.d)."""
    return is_security(user, agency_id)


def can_view_record(user: Any, obj: Any) -> bool:
    """History page: the agency's staff, and an owner account for its own body's records."""
    agency_id = getattr(obj, "agency_id", None)
    owner_id = getattr(obj, "owner_id", None)
    if agency_id is None and hasattr(obj, "dossier"):
        agency_id, owner_id = obj.dossier.agency_id, obj.dossier.system.owner_id
    if agency_id is None and hasattr(obj, "warning"):
        agency_id = obj.warning.agency_id
    if agency_id is None and owner_id is not None:
        agency_id = obj.owner.agency_id
    if owner_id is None and hasattr(obj, "system"):
        owner_id = obj.system.owner_id
    if owner_id is None and obj.__class__.__name__ == "Owner":
        owner_id = obj.pk
    return bool(roles_on(user, agency_id, owner_id) & {"staff", "owner"})
