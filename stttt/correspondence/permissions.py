"""Who may see and do what in the correspondence app, from `stttt.org.powers` on the day (acting leaders
included): never from hand-set flags.

- the clerical desk is the agency's Office (a unit of kind "office"): it registers, proposes, issues;
- the Director (or the Deputy acting as Director) and the Deputy Directors route incoming documents, a
  Deputy those of the units in his charge (Art. 23, 24(1));
- a unit sees the incoming documents routed to it (lead or coordinating), the officer those assigned to him;
- a confidential document is seen only by those it passed through: the clerk who registered it, the Director,
  the leader who routed it, the heads of the units it was routed to, the officer assigned;
- the delegations of signature (TL., TUQ.) are read by the leaders and the Office and written by the
  Director (the Deputy acting as Director included) alone (Art. 13(3)-(4)).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q

from stttt.correspondence import rules
from stttt.org.choices import UnitKind
from stttt.org.models import Unit
from stttt.org.powers import Powers, is_department_staff, powers_of, same_agency


def staff(user: Any) -> bool:
    return is_department_staff(user)


def office_codes(agency_id: int | None) -> frozenset[str]:
    """Codes of the agency's Office units (the clerical desk)."""
    if agency_id is None:
        return frozenset()
    return frozenset(Unit.objects.filter(agency_id=agency_id, kind=UnitKind.OFFICE).values_list("code", flat=True))


def _powers(user: Any, at: dt.date | None = None) -> Powers:
    return powers_of(user, at)


def is_clerk(user: Any) -> bool:
    """A member of the agency's Office (the clerical desk, Art. 4(2)(b)); administrators too."""
    if getattr(user, "is_superuser", False):
        return True
    p = _powers(user)
    return bool(p.unit_codes & office_codes(p.agency_id))


def is_leader(user: Any) -> bool:
    p = _powers(user)
    return p.is_director or p.is_deputy_director


def may_route(user: Any, unit_code: str | None) -> bool:
    """The Director (acting included) routes any document; a Deputy those of a unit in his charge, or one
    the Office has not yet proposed for a unit."""
    p = _powers(user)
    if p.is_director:
        return True
    return p.is_deputy_director and (unit_code is None or unit_code in p.units_in_charge)


# --- Incoming -----------------------------------------------------------------------------------------


def incoming_roles(user: Any, doc: Any) -> set[str]:
    if not same_agency(user, doc.agency_id) or not staff(user):
        return set()
    p = _powers(user)
    roles: set[str] = set()
    if is_clerk(user):
        roles.add("clerk")
    target = doc.lead_unit.code if doc.lead_unit_id else (doc.proposed_unit.code if doc.proposed_unit_id else None)
    if may_route(user, target):
        roles.add("leader")
    if doc.lead_unit_id:
        if p.heads(doc.lead_unit.code):
            roles.add("unit_head")
        if doc.lead_unit.code in p.unit_codes:
            roles.add("lead_unit")
    if doc.officer_id and doc.officer_id == user.pk:
        roles.add("officer")
    return roles


def incoming_filter(user: Any) -> Q | None:
    """The incoming documents of the user's agency the user may see, as a filter (None: all of them)."""
    if getattr(user, "is_superuser", False):
        return None
    p = _powers(user)
    mine = Q(lead_unit__code__in=p.unit_codes) | Q(coordinating_units__code__in=p.unit_codes) | Q(officer=user)
    confidential = (
        Q(registered_by=user)
        | Q(routed_by=user)
        | Q(officer=user)
        | Q(lead_unit__code__in=p.headed_unit_codes)
        | Q(coordinating_units__code__in=p.headed_unit_codes)
    )
    if p.is_director:  # the head directs the handling of every document (Art. 23, 24(1))
        return None
    if p.is_deputy_director or is_clerk(user):
        return Q(secrecy="") | confidential
    return (Q(secrecy="") & mine) | (~Q(secrecy="") & confidential)


def can_view_incoming(user: Any, doc: Any) -> bool:
    from stttt.correspondence.models import Incoming

    if not staff(user) or not same_agency(user, doc.agency_id):
        return False
    condition = incoming_filter(user)
    return condition is None or Incoming.objects.filter(condition, pk=doc.pk).exists()


# --- Outgoing -----------------------------------------------------------------------------------------


def signer_facts(user: Any, doc: Any, at: dt.date | None = None) -> rules.SignerFacts:
    """What `org` says of `user` as a signer of `doc` on `at` (delegations included)."""
    from stttt.correspondence.selectors import delegation_for

    p = _powers(user, at)
    delegation = ""
    title = ""
    if p.heads(doc.drafting_unit.code) or doc.drafting_unit.code in p.headed_unit_codes:
        found = delegation_for(doc.agency_id, doc.drafting_unit_id, doc.doc_type, p.at)
        if found is not None:
            delegation = found.kind
            title = head_title(doc.drafting_unit)
    return rules.SignerFacts(
        is_director=p.is_director,
        is_acting_director=p.is_acting_director,
        is_deputy_director=p.is_deputy_director,
        deputy_units=p.units_in_charge,
        delegation=delegation,
        title=title,
    )


def head_title(unit: Any) -> str:
    from stttt.org.titles import position_title

    return position_title(unit.kind, "head").upper()


def capacity_of(user: Any, doc: Any, at: dt.date | None = None) -> str | None:
    if not same_agency(user, doc.agency_id) or not staff(user):
        return None
    return rules.signing_capacity(signer_facts(user, doc, at), doc.drafting_unit.code)


def outgoing_roles(user: Any, doc: Any) -> set[str]:
    if not same_agency(user, doc.agency_id) or not staff(user):
        return set()
    p = _powers(user)
    roles: set[str] = set()
    if doc.drafter_id == user.pk or doc.drafting_unit.code in p.unit_codes:
        roles.add("drafter")
    if p.heads(doc.drafting_unit.code):
        roles.add("unit_head")
    if capacity_of(user, doc) is not None:
        roles.add("signer")
    if is_clerk(user):
        roles.add("clerk")
    return roles


def outgoing_filter(user: Any) -> Q | None:
    if getattr(user, "is_superuser", False):
        return None
    p = _powers(user)
    involved = (
        Q(drafter=user) | Q(signed_by=user) | Q(reviewed_by=user) | Q(drafting_unit__code__in=p.headed_unit_codes)
    )
    if p.is_director:
        return None
    open_doc = Q(secrecy="")
    if p.is_deputy_director:
        return open_doc | involved
    if is_clerk(user):
        return open_doc | involved | Q(status__in=("signed", "issued"))
    return (open_doc & (Q(status="issued") | Q(drafting_unit__code__in=p.unit_codes))) | involved


def can_view_outgoing(user: Any, doc: Any) -> bool:
    from stttt.correspondence.models import Outgoing

    if not staff(user) or not same_agency(user, doc.agency_id):
        return False
    condition = outgoing_filter(user)
    return condition is None or Outgoing.objects.filter(condition, pk=doc.pk).exists()


def can_draft(user: Any, unit: Any) -> bool:
    """Any member of a unit drafts for it; leaders for any unit of their agency."""
    if not staff(user) or not same_agency(user, unit.agency_id):
        return False
    p = _powers(user)
    return unit.code in p.unit_codes or p.is_director or p.is_deputy_director or getattr(user, "is_superuser", False)


def can_edit_draft(user: Any, doc: Any) -> bool:
    return doc.status == "draft" and (
        "drafter" in outgoing_roles(user, doc) or "unit_head" in outgoing_roles(user, doc)
    )


def can_comment(user: Any, doc: Any) -> bool:
    return doc.status != "issued" and can_view_outgoing(user, doc)


# --- Dossiers -----------------------------------------------------------------------------------------


def dossier_roles(user: Any, dossier: Any) -> set[str]:
    if not same_agency(user, dossier.agency_id) or not staff(user):
        return set()
    p = _powers(user)
    roles: set[str] = set()
    if p.is_director or p.is_deputy_director or dossier.lead_unit.code in p.unit_codes:
        roles.add("drafting")
    if p.is_director or p.is_deputy_director:
        roles.add("leader")
    return roles


def can_view_dossier(user: Any, dossier: Any) -> bool:
    return staff(user) and same_agency(user, dossier.agency_id)


def can_create_dossier(user: Any) -> bool:
    return staff(user) and (is_leader(user) or is_clerk(user))


# --- Delegations of signature -------------------------------------------------------------------------


def can_view_delegations(user: Any) -> bool:
    """The agency's delegations of signature are read by the leaders and the Office (the clerical desk checks
    the signature block before numbering, Art. 15); administrators too."""
    return staff(user) and (is_leader(user) or is_clerk(user))


def can_manage_delegations(user: Any, agency_id: int | None) -> bool:
    """Only the head of the agency delegates his own signature (Art. 13(3), 13(4)): the Director, or the
    Deputy acting as Director on the day (`powers.is_director`); an administrator of the installation too.
    Deputies and unit heads, who sign under a delegation or for the head, may not."""
    if agency_id is None or not staff(user) or not same_agency(user, agency_id):
        return False
    if getattr(user, "is_superuser", False):
        return True
    p = _powers(user)
    return p.is_director and p.agency_id == agency_id


def can_view_record(user: Any, obj: Any) -> bool:
    """The history page of a record opens for whoever may see the record."""
    from stttt.correspondence.models import Delegation, Dossier, Incoming, Outgoing

    if isinstance(obj, Incoming):
        return can_view_incoming(user, obj)
    if isinstance(obj, Outgoing):
        return can_view_outgoing(user, obj)
    if isinstance(obj, Dossier):
        return can_view_dossier(user, obj)
    if isinstance(obj, Delegation):
        return can_view_delegations(user) and same_agency(user, obj.agency_id)
    return False
