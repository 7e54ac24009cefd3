"""Reads of the correspondence app, each starting from what the user may see (`permissions`), scoped to
the user's agency (`org.powers.scope_to_agency`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth

from stttt.core.search import search
from stttt.correspondence import permissions, rules
from stttt.correspondence.choices import INCOMING_OPEN, DossierStage, IncomingStatus, OutgoingStatus
from stttt.correspondence.models import Delegation, Dossier, Incoming, Outgoing
from stttt.org import selectors as org_selectors
from stttt.org.models import Agency
from stttt.org.powers import agency_of, powers_of, scope_to_agency


def today() -> dt.date:
    return org_selectors.today()


def working_agency(user: Any) -> Agency | None:
    """The user's agency; an administrator without a post works on the first agency."""
    agency = agency_of(user)
    if agency is None and getattr(user, "is_superuser", False):
        agency = Agency.objects.order_by("pk").first()
    return agency


def _restrict(queryset: QuerySet, user: Any, condition: Q | None) -> QuerySet:
    queryset = scope_to_agency(queryset, user)
    if condition is None:
        return queryset
    # A subquery: the condition crosses the coordinating units (many-to-many) and must not repeat rows.
    return queryset.filter(pk__in=queryset.model.objects.filter(condition).values("pk"))


# --- Incoming -----------------------------------------------------------------------------------------


def incoming_visible_to(user: Any) -> QuerySet[Incoming]:
    """Incoming documents of the user's agency the user may see (routing and confidentiality applied)."""
    if not permissions.staff(user):
        return Incoming.objects.none()
    return _restrict(Incoming.objects.all(), user, permissions.incoming_filter(user)).select_related(
        "lead_unit", "officer", "proposed_unit"
    )


INBOXES = ("register", "route", "unit", "mine", "overdue", "all")


def incoming_inbox(user: Any, box: str = "all", query: str = "") -> QuerySet[Incoming]:
    """The inboxes per role: to propose (clerk), to route (leaders), routed to my unit, assigned to me,
    overdue; `query` searches summary, issuer, number and the text of the files, ignoring diacritics."""
    found = incoming_visible_to(user)
    p = powers_of(user)
    if box == "register":
        found = found.filter(status=IncomingStatus.REGISTERED)
    elif box == "route":
        found = found.filter(status__in=(IncomingStatus.REGISTERED, IncomingStatus.PROPOSED))
        if not p.is_director and not getattr(user, "is_superuser", False):
            found = found.filter(Q(proposed_unit__code__in=p.units_in_charge) | Q(proposed_unit__isnull=True))
    elif box == "unit":
        found = found.filter(
            pk__in=Incoming.objects.filter(
                Q(lead_unit__code__in=p.unit_codes) | Q(coordinating_units__code__in=p.unit_codes)
            ).values("pk")
        )
    elif box == "mine":
        found = found.filter(officer=user, status__in=INCOMING_OPEN)
    elif box == "overdue":
        found = found.filter(status__in=INCOMING_OPEN, deadline__lt=today())
    if query.strip():
        found = search(found, query)
    return found


def incoming_state(doc: Incoming) -> str:
    return rules.routing_state(doc.deadline, today(), doc.status not in INCOMING_OPEN)


def duplicates_of(agency_id: int, key: str, exclude: int | None = None) -> QuerySet[Incoming]:
    found = Incoming.objects.filter(agency_id=agency_id, duplicate_key=key)
    return found.exclude(pk=exclude) if exclude else found


def incoming_book(agency: Agency, year: int, register: str = "incoming") -> QuerySet[Incoming]:
    return (
        Incoming.objects.filter(agency=agency, arrival_year=year, register=register)
        .select_related("lead_unit", "officer")
        .order_by("arrival_number")
    )


# --- Outgoing -----------------------------------------------------------------------------------------


def outgoing_visible_to(user: Any) -> QuerySet[Outgoing]:
    if not permissions.staff(user):
        return Outgoing.objects.none()
    return _restrict(Outgoing.objects.all(), user, permissions.outgoing_filter(user)).select_related(
        "drafting_unit", "drafter", "signed_by"
    )


OUTBOXES = ("drafts", "review", "sign", "issue", "issued", "all")


def outgoing_box(user: Any, box: str = "all", query: str = "") -> QuerySet[Outgoing]:
    """My drafts; to review (heads); to sign; to issue (clerks); issued; with a diacritic-free search."""
    found = outgoing_visible_to(user)
    p = powers_of(user)
    if box == "drafts":
        found = found.filter(drafter=user).exclude(status=OutgoingStatus.ISSUED)
    elif box == "review":
        found = found.filter(status=OutgoingStatus.SUBMITTED, drafting_unit__code__in=p.headed_unit_codes)
    elif box == "sign":
        found = found.filter(status__in=(OutgoingStatus.SUBMITTED, OutgoingStatus.REVIEWED))
        if not p.is_director:
            found = found.filter(drafting_unit__code__in=p.units_in_charge | p.headed_unit_codes)
    elif box == "issue":
        found = found.filter(status=OutgoingStatus.SIGNED)
    elif box == "issued":
        found = found.filter(status=OutgoingStatus.ISSUED)
    if query.strip():
        found = search(found, query)
    return found


def outgoing_book(agency: Agency, year: int, register: str = "outgoing") -> QuerySet[Outgoing]:
    return (
        Outgoing.objects.filter(agency=agency, year=year, register=register, number__isnull=False)
        .select_related("drafting_unit", "signed_by")
        .prefetch_related("dispatches")
        .order_by("number")
    )


def delegation_for(agency_id: int, unit_id: int, doc_type: str, day: dt.date) -> Delegation | None:
    """The delegation of signature in force on `day` for the unit and the document type (Art. 13(3)-(4))."""
    for found in (
        Delegation.objects.filter(agency_id=agency_id, unit_id=unit_id, start_on__lte=day)
        .exclude(end_on__lt=day)
        .order_by("-start_on")
    ):
        if not found.doc_types or doc_type in found.doc_types:
            return found
    return None


def delegations_visible_to(user: Any) -> QuerySet[Delegation]:
    """The delegations of signature of the user's agency, current and past (leaders and the Office)."""
    if not permissions.can_view_delegations(user):
        return Delegation.objects.none()
    return scope_to_agency(Delegation.objects.all(), user).select_related("unit").order_by("-start_on", "-pk")


def delegations_of(agency: Agency) -> QuerySet[Delegation]:
    """Every delegation of signature of `agency` (the command line), newest first."""
    return Delegation.objects.filter(agency=agency).select_related("unit").order_by("-start_on", "-pk")


def delegation_state(delegation: Delegation, day: dt.date | None = None) -> str:
    """ "upcoming", "current" or "ended" on `day` (today by default)."""
    return rules.delegation_state(delegation.start_on, delegation.end_on, day or today())


def delegation_terms(delegation: Delegation) -> rules.DelegationTerms:
    return rules.DelegationTerms(
        unit=str(delegation.unit_id),
        kind=delegation.kind,
        doc_types=frozenset(delegation.doc_types or ()),
        start_on=delegation.start_on,
        end_on=delegation.end_on,
        ref=delegation.pk,
    )


def delegations_of_unit(agency_id: int, unit_id: int, kind: str) -> list[Delegation]:
    """The delegations of one kind to one unit, to check a new one against (`rules.delegation_conflicts`)."""
    return list(Delegation.objects.filter(agency_id=agency_id, unit_id=unit_id, kind=kind).order_by("start_on"))


def approval_path(doc: Outgoing, day: dt.date | None = None) -> list[dict[str, Any]]:
    """Who the draft goes through, from `org` on `day`: the head of the drafting unit, then the signer
    (the Deputy in charge of the unit, or the Director; acting replacements applied)."""
    from stttt.org.powers import approvers_for

    day = day or today()
    path = []
    chain = approvers_for(doc.drafting_unit.code, day)
    for user in chain:
        capacity = permissions.capacity_of(user, doc, day)
        path.append(
            {
                "user": user,
                "capacity": capacity or "",
                "block": rules.signature_block(capacity, permissions.head_title(doc.drafting_unit))
                if capacity
                else None,
            }
        )
    return path


# --- Dossiers -----------------------------------------------------------------------------------------


def dossiers_visible_to(user: Any) -> QuerySet[Dossier]:
    if not permissions.staff(user):
        return Dossier.objects.none()
    return scope_to_agency(Dossier.objects.all(), user).select_related("lead_unit", "officer")


def dossier_state(dossier: Dossier) -> str:
    due = dossier.stage_deadline or dossier.deadline
    return rules.routing_state(due, today(), dossier.stage == DossierStage.ISSUED)


# --- Figures ------------------------------------------------------------------------------------------


def monthly_counts(agency: Agency, year: int) -> list[dict[str, Any]]:
    """Documents in and out per month of `year` (incoming by arrival, outgoing by issue)."""
    incoming = dict(
        Incoming.objects.filter(agency=agency, arrival_year=year)
        .annotate(month=TruncMonth("received_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    outgoing = dict(
        Outgoing.objects.filter(agency=agency, issued_on__year=year)
        .annotate(month=TruncMonth("issued_on"))
        .values("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )

    def by_month(values: dict[Any, int]) -> dict[int, int]:
        return {key.month: n for key, n in values.items() if key is not None}

    ins, outs = by_month(incoming), by_month(outgoing)
    return [{"month": m, "incoming": ins.get(m, 0), "outgoing": outs.get(m, 0)} for m in range(1, 13)]


def overdue_by_unit(agency: Agency) -> list[dict[str, Any]]:
    """Routed documents past their deadline and still open, per lead unit; with the open count."""
    rows = (
        Incoming.objects.filter(agency=agency, status__in=INCOMING_OPEN, lead_unit__isnull=False)
        .values("lead_unit__code", "lead_unit__name")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=Q(deadline__lt=today())))
        .order_by("lead_unit__code")
    )
    return [
        {"code": r["lead_unit__code"], "name": r["lead_unit__name"], "open": r["open"], "overdue": r["overdue"]}
        for r in rows
    ]


def home_figures(agency: Agency) -> list[tuple[str, object]]:
    from django.utils.translation import gettext as _

    open_docs = Incoming.objects.filter(agency=agency, status__in=INCOMING_OPEN)
    return [
        (_("Incoming documents being handled"), open_docs.count()),
        (_("Overdue incoming documents"), open_docs.filter(deadline__lt=today()).count()),
        (
            _("Drafts waiting for signature"),
            Outgoing.objects.filter(
                agency=agency, status__in=(OutgoingStatus.SUBMITTED, OutgoingStatus.REVIEWED)
            ).count(),
        ),
    ]
