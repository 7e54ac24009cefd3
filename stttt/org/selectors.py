"""Reads of the organisation: the organisation as of a date, findings, who handles what, plans, charts."""

from __future__ import annotations

import copy
import dataclasses
import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from stttt.core import caching
from stttt.core.search import search
from stttt.legal.selectors import parameters_at as legal_parameters_at
from stttt.org import rules
from stttt.org.choices import AGENCY_EVENT_KINDS, AssignmentKind, Position, ReorgKind, StaffCategory, UnitKind
from stttt.org.models import (
    Agency,
    AreaInCharge,
    Assignment,
    District,
    Duty,
    ReorgEvent,
    Staff,
    StaffingQuota,
    Unit,
)
from stttt.org.titles import position_title

AGENCIES = "org:agencies"


class OrgNotFound(LookupError):
    """No agency, unit, staff member or duty answers the reference given."""


def today() -> datetime.date:
    return timezone.localdate()


def agency_get(code: str | None = None) -> Agency:
    """The agency with `code`, or the only (first) one when no code is given."""
    qs = Agency.objects.all()
    agency = qs.filter(code=code).first() if code else qs.order_by("pk").first()
    if agency is None:
        raise OrgNotFound(code or "agency")
    return agency


def unit_get(code: str) -> Unit:
    try:
        return Unit.objects.select_related("agency", "parent").get(code=code)
    except Unit.DoesNotExist:
        raise OrgNotFound(code) from None


# ------------------------------------------------------------------------------------ as of a date


def any_unit_of_kinds(agency_id: int | None, codes: Iterable[str], kinds: Iterable[str]) -> bool:
    """Whether any of the units `codes` of the agency is of one of `kinds`."""
    if agency_id is None:
        return False
    return Unit.objects.filter(agency_id=agency_id, code__in=list(codes), kind__in=list(kinds)).exists()


def units_at(agency: Agency, at: datetime.date) -> QuerySet[Unit]:
    """Units alive on `at`."""
    return (
        Unit.objects.filter(agency=agency, established_on__lte=at)
        .filter(Q(dissolved_on__isnull=True) | Q(dissolved_on__gt=at))
        .select_related("parent")
    )


def assignments_at(at: datetime.date) -> QuerySet[Assignment]:
    return Assignment.objects.filter(start_on__lte=at).filter(Q(end_on__isnull=True) | Q(end_on__gte=at))


def unit_name_at(unit: Unit, at: datetime.date) -> str:
    """The name the unit had on `at`: renames are events, so earlier names are never lost."""
    renames = list(ReorgEvent.objects.filter(kind=ReorgKind.RENAME, units=unit).order_by("effective_on", "pk"))
    name = unit.name
    for event in reversed(renames):
        if event.effective_on > at:
            name = event.old_name
    return name


def _unit_names(units: list[Unit], at: datetime.date) -> dict[int, str]:
    names = {u.pk: u.name for u in units}
    renames = (
        ReorgEvent.objects.filter(kind=ReorgKind.RENAME, units__in=units, effective_on__gt=at)
        .order_by("-effective_on", "-pk")
        .prefetch_related("units")
    )
    for event in renames:
        for unit in event.units.all():
            names[unit.pk] = event.old_name
    return names


def snapshot_at(agency: Agency, at: datetime.date | None = None) -> rules.OrgFacts:
    """The organisation on `at` as plain facts for `rules.evaluate`."""
    at = at or today()
    units = list(units_at(agency, at))
    names = _unit_names(units, at)
    alive = {u.pk for u in units}
    holdings = tuple(
        rules.Holding(
            staff_code=a.staff.code,
            staff_name=a.staff.full_name,
            category=a.staff.category,
            unit_code=a.unit.code,
            position=a.position,
            kind=a.kind,
            acting_for=a.acting_for.code if a.acting_for else "",
        )
        for a in assignments_at(at).filter(unit__agency=agency).select_related("staff", "unit", "acting_for")
        if a.unit_id in alive
    )
    quotas = tuple(
        rules.QuotaFacts(q.unit.code, q.year, q.civil_servants, q.public_employees)
        for q in StaffingQuota.objects.filter(unit__agency=agency, year=at.year).select_related("unit")
    )
    parameters, amended_by = rule_parameters_at(agency, at)
    return rules.OrgFacts(
        at=at,
        deputy_director_cap=agency.deputy_director_cap,
        agency_code=agency.code,
        units=tuple(rules.UnitFacts(u.code, names[u.pk], u.kind, u.parent.code if u.parent else None) for u in units),
        holdings=holdings,
        quotas=quotas,
        parameters=parameters,
        amended_by=amended_by,
    )


def rule_parameters_at(agency: Agency, at: datetime.date) -> tuple[dict[str, int], dict[str, str]]:
    """The rule parameters of the agency's regulation in force on `at` (key -> value) and, for those an
    amending document set, that document (`Quyết định số …`); the original numbers of Art. 4 when the
    agency has no regulation or the regulation no parameters."""
    parameters = dict(rules.ORIGINAL_PARAMETERS)
    amended_by: dict[str, str] = {}
    if agency.regulation is None:
        return parameters, amended_by
    for key, row in legal_parameters_at(agency.regulation.work_uri, at).items():
        if row["value"] is not None:
            parameters[key] = row["value"]
        if row["amended_by"]:
            amended_by[key] = row["amended_by"]
    return parameters, amended_by


def findings_at(agency: Agency, at: datetime.date | None = None) -> list[rules.Finding]:
    return rules.evaluate(snapshot_at(agency, at))


@dataclass(frozen=True)
class Move:
    """A reassignment being considered: `staff_code` to `position` in `unit_code` (primary post)."""

    staff_code: str
    unit_code: str
    position: str
    kind: str = AssignmentKind.PRIMARY


def what_if(agency: Agency, move: Move, at: datetime.date | None = None) -> dict[str, list[rules.Finding]]:
    """Findings a reassignment would add and clear, before anything is saved."""
    facts = snapshot_at(agency, at)
    staff = Staff.objects.get(code=move.staff_code)
    kept = tuple(
        h
        for h in facts.holdings
        if not (h.staff_code == move.staff_code and h.kind == move.kind == AssignmentKind.PRIMARY)
    )
    moved = (
        *kept,
        rules.Holding(staff.code, staff.full_name, staff.category, move.unit_code, move.position, move.kind),
    )
    after = dataclasses.replace(facts, holdings=moved)
    before_findings, after_findings = rules.evaluate(facts), rules.evaluate(after)
    added, cleared = rules.diff(before_findings, after_findings)
    return {"added": added, "cleared": cleared, "after": after_findings}


# ------------------------------------------------------------------------------------ people in posts


def _holder(unit: Unit, position: str, at: datetime.date) -> Staff | None:
    """Who exercises `position` of `unit` on `at`: the acting person in their range, else the holder."""
    current = assignments_at(at).filter(unit=unit, position=position).select_related("staff__user")
    acting = current.filter(kind=AssignmentKind.ACTING).order_by("-start_on").first()
    if acting is not None:
        return acting.staff
    held = current.exclude(kind=AssignmentKind.ACTING).order_by("kind", "start_on").first()
    return held.staff if held else None


def leadership_unit(agency: Agency, at: datetime.date | None = None) -> Unit | None:
    return units_at(agency, at or today()).filter(kind=UnitKind.LEADERSHIP).first()


def director_at(agency: Agency, at: datetime.date | None = None) -> Staff | None:
    """Who the Director's business goes to on `at`: the Deputy Director authorised in the Director's
    absence during that range (5.2), otherwise the Director."""
    at = at or today()
    board = leadership_unit(agency, at)
    return _holder(board, Position.DIRECTOR, at) if board else None


def head_at(unit: Unit, at: datetime.date | None = None) -> Staff | None:
    """Who the head's business goes to on `at`: the deputy authorised in the head's absence (5.3) during
    that range, otherwise the head. For the leadership board, the Director (5.2)."""
    at = at or today()
    return _holder(unit, rules.head_position(unit.kind), at)


def normalise_citation(text: str) -> str:
    """`3.14.dd`, `3.14.đ`, `3.14 đ` and `Điều 3 khoản 14 điểm đ` all become `3.14.đ`."""
    words = re.findall(r"[0-9]+|[a-zđ]+", (text or "").lower())
    words = [w for w in words if w not in {"dieu", "điều", "khoan", "khoản", "diem", "điểm"}]
    return ".".join("đ" if w == "dd" else w for w in words)


def duty_find(agency: Agency, query: str) -> list[Duty]:
    """Duties matching a citation (`3.4.a`, or a clause `3.4` for all its points) or words of their text."""
    qs = Duty.objects.filter(agency=agency).select_related("lead_unit").prefetch_related("coordinating_units")
    citation = normalise_citation(query)
    if re.fullmatch(r"[0-9]+(\.[0-9a-zđ]+)*", citation):
        exact = list(qs.filter(citation=citation))
        if exact:
            return exact
        nested = list(qs.filter(citation__startswith=citation + "."))
        if nested:
            return nested
        if "." in citation:
            return []
    return list(search(qs, query))


def area_leader(
    agency: Agency, *, duty: Duty | None = None, unit: Unit | None = None, at: datetime.date | None = None
) -> Staff | None:
    """The Deputy Director in charge (5.2) of a duty, else of its lead unit, else of the unit or one of
    its parents; None when no one is (then it is the Director's)."""
    at = at or today()
    areas = (
        AreaInCharge.objects.filter(staff__agency=agency, start_on__lte=at)
        .filter(Q(end_on__isnull=True) | Q(end_on__gte=at))
        .select_related("staff__user")
    )
    if duty is not None:
        found = areas.filter(duty=duty).first()
        if found:
            return found.staff
        unit = duty.lead_unit
    while unit is not None:
        found = areas.filter(unit=unit).first()
        if found:
            return found.staff
        unit = unit.parent
    return None


def leader_in_charge(agency: Agency, reference: str, at: datetime.date | None = None) -> Staff | None:
    """The leader a matter goes up to: the Deputy Director in charge of the duty or unit, else the
    Director (acting replacement applied). A citation finer than any duty (`3.14.đ.1`) goes to the
    duty that contains it; a clause with several points (`3.4`) to the one Deputy Director in charge
    of all of them, else to the Director."""
    at = at or today()
    unit = Unit.objects.filter(agency=agency, code=reference).select_related("parent").first()
    if unit is not None:
        if unit.kind == UnitKind.LEADERSHIP:
            return director_at(agency, at)
        return area_leader(agency, unit=unit, at=at) or director_at(agency, at)
    citation = normalise_citation(reference)
    duties = duty_find(agency, reference)
    while not duties and re.fullmatch(r"[0-9]+(\.[0-9a-zđ]+)+", citation):
        citation = citation.rsplit(".", 1)[0]
        duties = list(Duty.objects.filter(agency=agency, citation=citation).select_related("lead_unit"))
    if not duties:
        raise OrgNotFound(reference)
    leaders = {area_leader(agency, duty=duty, at=at) for duty in duties}
    if len(leaders) == 1 and None not in leaders:
        return leaders.pop()
    return director_at(agency, at)


def who(agency: Agency, query: str, at: datetime.date | None = None) -> list[dict[str, Any]]:
    """Who handles a duty: lead unit and its head today, coordinating units, the deputy in charge."""
    at = at or today()
    answers = []
    for duty in duty_find(agency, query):
        lead = duty.lead_unit
        head = head_at(lead, at) if lead else None
        deputy = area_leader(agency, duty=duty, at=at)
        answers.append(
            {
                "citation": duty.citation,
                "title": duty.title,
                "lead_unit": lead.code if lead else None,
                "lead_unit_name": lead.name if lead else None,
                "coordinating_units": [u.code for u in duty.coordinating_units.all()],
                "head": head.full_name if head else None,
                "deputy_in_charge": deputy.full_name if deputy else None,
                "leader": (deputy or director_at(agency, at) or Staff(full_name="")).full_name or None,
            }
        )
    return answers


def coverage(agency: Agency, at: datetime.date | None = None) -> list[dict[str, Any]]:
    """Every duty with its owner; `covered` is False for a duty without a live lead unit."""
    at = at or today()
    alive = set(units_at(agency, at).values_list("pk", flat=True))
    rows = []
    for duty in (
        Duty.objects.filter(agency=agency)
        .select_related("lead_unit", "provision")
        .prefetch_related("coordinating_units", "leaders__staff")
    ):
        deputies = [
            a.staff.full_name for a in duty.leaders.all() if a.start_on <= at and (a.end_on is None or a.end_on >= at)
        ]
        rows.append(
            {
                "duty": duty,
                "citation": duty.citation,
                "title": duty.title,
                "lead_unit": duty.lead_unit if duty.lead_unit_id in alive else None,
                "coordinating_units": [u for u in duty.coordinating_units.all() if u.pk in alive],
                "deputies": deputies,
                "covered": duty.lead_unit_id in alive,
            }
        )
    return rows


# ------------------------------------------------------------------------------------ tree, staff, plan


def unit_people(unit: Unit, at: datetime.date | None = None) -> list[dict[str, Any]]:
    """People holding posts in a unit on `at`, leaders first, with titles from the unit kind."""
    at = at or today()
    order = {
        Position.DIRECTOR: 0,
        Position.DEPUTY_DIRECTOR: 1,
        Position.HEAD: 0,
        Position.DEPUTY_HEAD: 1,
        Position.STAFF: 2,
    }
    rows = []
    for a in assignments_at(at).filter(unit=unit).select_related("staff", "acting_for"):
        rows.append(
            {
                "assignment": a,
                "staff": a.staff,
                "code": a.staff.code,
                "name": a.staff.full_name,
                "category": a.staff.category,
                "position": a.position,
                "kind": a.kind,
                "title": position_title(unit.kind, a.position, a.staff.category, a.kind),
                "start_on": a.start_on,
                "end_on": a.end_on,
            }
        )
    return sorted(rows, key=lambda r: (order[r["position"]], r["kind"] == AssignmentKind.ACTING, r["name"]))


def chart(agency: Agency, at: datetime.date | None = None) -> dict[str, Any]:
    """The organisation chart on `at` as a tree: each unit with its leaders and headcounts."""
    at = at or today()
    facts = snapshot_at(agency, at)
    units = list(units_at(agency, at))
    names = {u.code: u.name for u in facts.units}
    by_parent: dict[str | None, list[Unit]] = {}
    for unit in units:
        by_parent.setdefault(unit.parent.code if unit.parent else None, []).append(unit)

    def node(unit: Unit) -> dict[str, Any]:
        leaders = [
            {
                "name": h.staff_name,
                "title": position_title(unit.kind, h.position, h.category, h.kind),
                "position": h.position,
                "kind": h.kind,
            }
            for h in facts.holdings
            if h.unit_code == unit.code and h.position != Position.STAFF
        ]
        leaders.sort(key=lambda x: (x["position"] not in (Position.DIRECTOR, Position.HEAD), x["name"]))
        return {
            "code": unit.code,
            "name": names[unit.code],
            "kind": unit.kind,
            "kind_label": str(UnitKind(unit.kind).label),
            "leaders": leaders,
            "civil_servants": rules.headcount(facts.holdings, unit.code, StaffCategory.CIVIL_SERVANT),
            "public_employees": rules.headcount(facts.holdings, unit.code, StaffCategory.PUBLIC_EMPLOYEE),
            "contract_workers": sum(
                1
                for h in facts.holdings
                if h.unit_code == unit.code
                and h.category == StaffCategory.CONTRACT_WORKER
                and h.kind == AssignmentKind.PRIMARY
            ),
            "children": [node(child) for child in by_parent.get(unit.code, [])],
        }

    return {
        "agency": agency.code,
        "name": agency.name,
        "at": at.isoformat(),
        "units": [node(u) for u in by_parent.get(None, [])],
    }


def staffing_plan(agency: Agency, year: int, at: datetime.date | None = None) -> list[dict[str, Any]]:
    """4.3.b: per unit, the quota of `year`, the people counted on `at`, and the proposal for `year + 1`."""
    at = at or min(today(), datetime.date(year, 12, 31))
    facts = snapshot_at(agency, at)
    quotas = {
        (q.unit_id, q.year): q for q in StaffingQuota.objects.filter(unit__agency=agency, year__in=[year, year + 1])
    }
    rows = []
    for unit in units_at(agency, at):
        current, nxt = quotas.get((unit.pk, year)), quotas.get((unit.pk, year + 1))
        actual_cs = rules.headcount(facts.holdings, unit.code, StaffCategory.CIVIL_SERVANT)
        actual_pe = rules.headcount(facts.holdings, unit.code, StaffCategory.PUBLIC_EMPLOYEE)
        quota_cs = current.civil_servants if current else None
        quota_pe = current.public_employees if current else None

        def proposed(field: str, fallback: int | None, pair: tuple = (nxt, current)) -> int | None:
            for q in pair:
                if q is not None and getattr(q, field) is not None:
                    return getattr(q, field)
            return fallback

        rows.append(
            {
                "unit": unit.code,
                "name": unit.name,
                "kind": unit.kind,
                "quota_civil_servants": quota_cs,
                "actual_civil_servants": actual_cs,
                "proposed_civil_servants": proposed("proposed_civil_servants", quota_cs),
                "quota_public_employees": quota_pe,
                "actual_public_employees": actual_pe,
                "proposed_public_employees": proposed("proposed_public_employees", quota_pe),
            }
        )
    return rows


def acting_appointments(agency: Agency, *, current_only: bool = False) -> QuerySet[Assignment]:
    qs = (
        Assignment.objects.filter(unit__agency=agency, kind=AssignmentKind.ACTING)
        .select_related("staff", "unit", "acting_for")
        .order_by("-start_on")
    )
    if current_only:
        qs = qs.filter(end_on__gte=today())
    return qs


def staff_search(agency: Agency, query: str = "") -> QuerySet[Staff]:
    qs = Staff.objects.filter(agency=agency).select_related("user")
    return search(qs, query) if query else qs


def events(agency: Agency) -> QuerySet[ReorgEvent]:
    return ReorgEvent.objects.filter(agency=agency).prefetch_related("units", "result_units").select_related("function")


def staff_of_user(user: Any) -> Staff | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return Staff.objects.filter(user=user).select_related("agency").first()


def visible_to_department_staff(user: Any, queryset: QuerySet, field: str = "agency") -> QuerySet:
    """Rows of `queryset` (whose `field` leads to the agency) of the user's own agency, for its staff (and
    administrators); nothing for anyone else: internal records such as duties are not shown to applicants,
    district officers, anonymous visitors or another agency's staff."""
    from stttt.org.powers import is_department_staff, scope_to_agency

    if not is_department_staff(user):
        return queryset.none()
    return scope_to_agency(queryset, user, field)


# ------------------------------------------------------------------------------------ identity on documents


def letterhead(agency: Agency) -> dict[str, str]:
    """The header fields of the agency's documents (Decree 30/2020/NĐ-CP, Appendix I): the issuing body
    under its parent body, and the place written before the date. Splat into `core.documents.Document`."""
    return {
        "issuer": agency.letterhead_issuer or agency.name.upper(),
        "issuer_parent": agency.letterhead_parent or agency.parent_body.upper(),
        "place": agency.place,
    }


def districts_of(agency: Agency, *, active_only: bool = True, at: datetime.date | None = None) -> QuerySet[District]:
    """The agency's districts: offered in forms (`active_only`), and, given `at`, those that existed that
    day (not yet abolished)."""
    qs = District.objects.filter(agency=agency)
    if at is not None:
        qs = qs.filter(Q(abolished_on__isnull=True) | Q(abolished_on__gt=at))
    return qs.filter(active=True) if active_only else qs


def agency_history(agency: Agency, at: datetime.date) -> dict[str, Any]:
    """The agency as it was on `at` beside the reorganisation since 2025: the agency-level events that had
    taken effect (with their basis and certainty), the one still to come, and its successor that day (the
    last merge), or None when it was still itself."""
    events = list(ReorgEvent.objects.filter(agency=agency, kind__in=AGENCY_EVENT_KINDS).order_by("effective_on", "pk"))
    past = [e for e in events if e.effective_on <= at]
    merges = [e for e in past if e.kind in (ReorgKind.AGENCY_MERGE, ReorgKind.PROVINCE_MERGE)]
    return {
        "at": at,
        "name": agency.name,
        "successor": merges[-1].new_name if merges else None,
        "successor_event": merges[-1] if merges else None,
        "past": past,
        "upcoming": [e for e in events if e.effective_on > at],
        "districts": list(districts_of(agency, active_only=False, at=at)),
    }


def served_agency(request: Any) -> Agency | None:
    """The agency the site serves for this request (`request.agency`, set lazily by the agency middleware),
    or None: the lazy object of an installation without an agency wraps None, which `is None` misses."""
    return getattr(request, "agency", None) or None


def _kept_agencies() -> dict[int, Agency]:
    """Every agency by id, kept under `AGENCIES` (bumped by any save or delete of an agency): a few dozen rows
    that every request asks for (the served agency, the user's agency)."""
    return caching.remember(AGENCIES, lambda: {a.pk: a for a in Agency.objects.order_by("pk")}, revisions_of=[AGENCIES])


def agency_by_pk(pk: int) -> Agency | None:
    """The agency `pk` from the kept ones, as a copy: a change made in memory does not reach the next request."""
    found = _kept_agencies().get(pk)
    return copy.copy(found) if found is not None else None


def agency_for_host(host: str) -> Agency | None:
    """The agency served at `host` (its `host_names`), else the default agency; None on an empty install."""
    from django.conf import settings

    host = host.lower()
    code = settings.STTTT_DEFAULT_AGENCY
    every = list(_kept_agencies().values())
    for agency in every:
        if agency.host_names and host in {h.strip().lower() for h in agency.host_names.split(",")}:
            return copy.copy(agency)
    default = next((a for a in every if code and a.code == code), None) or (every[0] if every else None)
    return copy.copy(default) if default is not None else None
