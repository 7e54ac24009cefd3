"""Writes on the organisation: one function per use case, one transaction each, audited (who did it).

History is never overwritten: a reassignment ends the old assignment and starts a new one; a rename,
merge, split, dissolution or transfer of a function is a dated `ReorgEvent` beside dated units.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from stttt.core import caching
from stttt.org import rules, selectors
from stttt.org.choices import AssignmentKind, Position, ReorgKind, UnitKind
from stttt.org.models import (
    Agency,
    AreaInCharge,
    Assignment,
    District,
    DistrictOfficer,
    Duty,
    Observer,
    ReorgEvent,
    Staff,
    StaffingQuota,
    Unit,
    UnitFunction,
)
from stttt.org.powers import REVISION

ONE_DAY = datetime.timedelta(days=1)


def _save(obj: models.Model, actor: Any, *, reason: str = "") -> None:
    """Validate and save with the acting user recorded in the audit history."""
    obj._history_user = actor if getattr(actor, "is_authenticated", False) else None  # type: ignore[attr-defined]
    if reason:
        obj._change_reason = reason  # type: ignore[attr-defined]
    obj.full_clean()
    obj.save()
    caching.bump(REVISION)  # powers and approvers derived from posts are computed anew


# ------------------------------------------------------------------------------------ agency and units


# The agency's identity as data (DESIGN §5): what `agency_save` may set besides code, name and caps.
AGENCY_IDENTITY_FIELDS = (
    "province",
    "parent_body",
    "letterhead_parent",
    "letterhead_issuer",
    "council_name",
    "ministry_name",
    "place",
    "national_code",
    "one_stop_unit_code",
    "slug",
    "host_names",
    "regulation",
    "organisation_source",
)


@transaction.atomic
def agency_save(
    *,
    code: str,
    name: str,
    actor: Any = None,
    short_name: str = "",
    deputy_director_cap: int | None = None,
    deputy_director_cap_basis: str = "",
    **identity: Any,
) -> Agency:
    """Create or update the agency by its code. Identity fields not given keep their stored value;
    nothing is saved (no history row) when every given value is already stored."""
    unknown = set(identity) - set(AGENCY_IDENTITY_FIELDS)
    if unknown:
        raise TypeError(f"agency_save() got unknown fields: {', '.join(sorted(unknown))}")
    agency = Agency.objects.filter(code=code).first() or Agency(code=code)
    values = {
        "name": name,
        "short_name": short_name,
        "deputy_director_cap": deputy_director_cap,
        "deputy_director_cap_basis": deputy_director_cap_basis,
        **identity,
    }
    if "slug" in values and not values["slug"]:
        values["slug"] = None  # unique but optional: blank is stored as no path
    changed = [field for field, value in values.items() if getattr(agency, field) != value]
    for field in changed:
        setattr(agency, field, values[field])
    if agency.pk is None or changed:  # re-importing the same file writes no history row
        _save(agency, actor)
    return agency


def _check_parent(kind: str, parent: Unit | None) -> None:
    if kind == UnitKind.CENTRE_DIVISION and (parent is None or parent.kind != UnitKind.PUBLIC_SERVICE_UNIT):
        raise ValidationError(_("A division of a public service unit needs that unit as its parent."))
    if kind != UnitKind.CENTRE_DIVISION and parent is not None and parent.kind != UnitKind.LEADERSHIP:
        raise ValidationError(_("Only divisions of a public service unit sit under another unit."))


@transaction.atomic
def unit_establish(
    agency: Agency,
    *,
    code: str,
    name: str,
    kind: str,
    on: datetime.date,
    actor: Any = None,
    parent: Unit | None = None,
    short_name: str = "",
    order: int = 100,
    basis: str = "",
    record_event: bool = True,
) -> Unit:
    """Establish a unit on `on` (a dated event)."""
    _check_parent(kind, parent)
    if Unit.objects.filter(code=code).exists():
        raise ValidationError(_("A unit with code %(code)s already exists.") % {"code": code})
    unit = Unit(
        agency=agency,
        code=code,
        name=name,
        kind=kind,
        parent=parent,
        short_name=short_name,
        order=order,
        established_on=on,
    )
    _save(unit, actor)
    if record_event:
        _event(agency, ReorgKind.ESTABLISH, on, actor, results=[unit], basis=basis, new_name=name)
    return unit


def _event(
    agency: Agency,
    kind: str,
    on: datetime.date,
    actor: Any,
    *,
    sources: Sequence[Unit] = (),
    results: Sequence[Unit] = (),
    basis: str = "",
    note: str = "",
    **fields: Any,
) -> ReorgEvent:
    event = ReorgEvent(
        agency=agency,
        kind=kind,
        effective_on=on,
        basis=basis,
        note=note,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        **fields,
    )
    _save(event, actor)
    event.units.set(sources)
    event.result_units.set(results)
    return event


def _alive(unit: Unit, on: datetime.date) -> None:
    if not unit.exists_on(on):
        raise ValidationError(_("%(unit)s does not exist on %(date)s.") % {"unit": unit.code, "date": f"{on:%d/%m/%Y}"})


@transaction.atomic
def unit_rename(unit: Unit, *, name: str, on: datetime.date, actor: Any = None, basis: str = "") -> ReorgEvent:
    """Rename a unit from `on`; the old name stays on the event and is shown for earlier dates."""
    _alive(unit, on)
    if ReorgEvent.objects.filter(kind=ReorgKind.RENAME, units=unit, effective_on__gt=on).exists():
        raise ValidationError(_("A later rename of this unit is already recorded."))
    old = unit.name
    unit.name = name
    _save(unit, actor, reason=_("Renamed"))
    return _event(unit.agency, ReorgKind.RENAME, on, actor, sources=[unit], old_name=old, new_name=name, basis=basis)


def _end_assignments(unit: Unit, on: datetime.date, actor: Any) -> list[Assignment]:
    """End on the day before `on` every assignment in `unit` still running on `on`; return them."""
    ended = []
    for a in selectors.assignments_at(on).filter(unit=unit):
        if a.start_on >= on:
            raise ValidationError(
                _("%(name)s starts in %(unit)s on or after that date.") % {"name": a.staff.full_name, "unit": unit.code}
            )
        a.end_on = on - ONE_DAY
        _save(a, actor, reason=_("Reorganisation"))
        ended.append(a)
    return ended


def _carry(assignments: list[Assignment], target: Unit, on: datetime.date, actor: Any) -> None:
    for old in assignments:
        if old.kind == AssignmentKind.ACTING:
            continue
        _save(
            Assignment(
                staff=old.staff,
                unit=target,
                position=old.position if old.position in rules.positions_allowed(target.kind) else Position.STAFF,
                kind=old.kind,
                start_on=on,
                basis=old.basis,
            ),
            actor,
            reason=_("Reorganisation"),
        )


@transaction.atomic
def unit_dissolve(unit: Unit, *, on: datetime.date, actor: Any = None, basis: str = "") -> ReorgEvent:
    """Dissolve a unit from `on` (it existed until the day before). Its people must have been moved."""
    _alive(unit, on)
    if selectors.assignments_at(on).filter(unit=unit).exists():
        raise ValidationError(
            _("%(unit)s still has people assigned on that date; move them first.") % {"unit": unit.code}
        )
    if Unit.objects.filter(parent=unit, dissolved_on__isnull=True).exists():
        raise ValidationError(_("%(unit)s still has units under it.") % {"unit": unit.code})
    unit.dissolved_on = on
    _save(unit, actor, reason=_("Dissolved"))
    return _event(unit.agency, ReorgKind.DISSOLVE, on, actor, sources=[unit], basis=basis)


@transaction.atomic
def units_merge(
    units: list[Unit],
    *,
    into: Unit | None = None,
    code: str = "",
    name: str = "",
    on: datetime.date,
    actor: Any = None,
    basis: str = "",
) -> ReorgEvent:
    """Merge units from `on`: into an existing unit, or into a new one (`code`, `name`). The merged units
    end the day before; their people continue in the resulting unit from `on`."""
    if not units or (into is None and not (code and name)):
        raise ValidationError(_("Name the units to merge and the unit they merge into."))
    for unit in units:
        _alive(unit, on)
    agency = units[0].agency
    if into is None:
        into = unit_establish(
            agency,
            code=code,
            name=name,
            kind=units[0].kind,
            parent=units[0].parent,
            on=on,
            actor=actor,
            basis=basis,
            record_event=False,
        )
    moved: list[Assignment] = []
    for unit in units:
        if unit == into:
            continue
        moved += _end_assignments(unit, on, actor)
        unit.dissolved_on = on
        _save(unit, actor, reason=_("Merged"))
    _carry(moved, into, on, actor)
    return _event(agency, ReorgKind.MERGE, on, actor, sources=units, results=[into], basis=basis)


@transaction.atomic
def unit_split(
    unit: Unit,
    *,
    parts: list[dict[str, str]],
    moves: dict[str, str],
    on: datetime.date,
    actor: Any = None,
    keep: bool = False,
    basis: str = "",
) -> ReorgEvent:
    """Split a unit from `on` into new units (`parts`: code, name, kind); `moves` maps staff codes to
    the new unit codes. Without `keep` the unit ends and every one of its people must be moved."""
    _alive(unit, on)
    new_units = [
        unit_establish(
            unit.agency,
            code=p["code"],
            name=p["name"],
            kind=p.get("kind", unit.kind),
            parent=unit.parent,
            on=on,
            actor=actor,
            record_event=False,
        )
        for p in parts
    ]
    by_code = {u.code: u for u in new_units}
    if not keep:
        by_code[unit.code] = unit
    current = list(selectors.assignments_at(on).filter(unit=unit).select_related("staff"))
    for a in current:
        target_code = moves.get(a.staff.code)
        if target_code is None:
            if keep:
                continue
            raise ValidationError(_("%(name)s is not moved to any of the new units.") % {"name": a.staff.full_name})
        if target_code not in by_code:
            raise ValidationError(_("Unknown unit %(code)s.") % {"code": target_code})
        if target_code == unit.code:
            continue
        a.end_on = on - ONE_DAY
        _save(a, actor, reason=_("Reorganisation"))
        _carry([a], by_code[target_code], on, actor)
    if not keep:
        unit.dissolved_on = on
        _save(unit, actor, reason=_("Split"))
    return _event(unit.agency, ReorgKind.SPLIT, on, actor, sources=[unit], results=new_units, basis=basis)


@transaction.atomic
def function_transfer(
    function: UnitFunction,
    *,
    on: datetime.date,
    actor: Any = None,
    to_unit: Unit | None = None,
    to_external: str = "",
    basis: str = "",
) -> ReorgEvent:
    """Transfer a function from `on` to another unit or out of the Department; the old record ends."""
    if not (to_unit or to_external):
        raise ValidationError(_("Say where the function goes."))
    if function.valid_to is not None and function.valid_to < on:
        raise ValidationError(_("This function had already ended."))
    function.valid_to = on - ONE_DAY
    function.transferred_to_unit, function.transferred_to_external = to_unit, to_external
    _save(function, actor, reason=_("Transferred"))
    if to_unit is not None:
        _save(UnitFunction(unit=to_unit, title=function.title, valid_from=on), actor)
    return _event(
        function.unit.agency,
        ReorgKind.TRANSFER_FUNCTION,
        on,
        actor,
        sources=[function.unit],
        results=[to_unit] if to_unit else [],
        function=function,
        basis=basis,
        note=to_external,
    )


# ------------------------------------------------------------------------------------ staff and posts


@transaction.atomic
def staff_save(
    agency: Agency,
    *,
    code: str,
    full_name: str,
    category: str,
    actor: Any = None,
    email: str = "",
    phone: str = "",
) -> Staff:
    staff = Staff.objects.filter(code=code).first() or Staff(code=code, agency=agency)
    staff.full_name, staff.category, staff.email, staff.phone = full_name, category, email, phone
    _save(staff, actor)
    return staff


@transaction.atomic
def staff_link_user(staff: Staff, user: Any, *, actor: Any = None) -> Staff:
    """Tie a login to a person: the user's powers then come from that person's assignments."""
    other = Staff.objects.filter(user=user).exclude(pk=staff.pk).first()
    if user is not None and other is not None:
        raise ValidationError(_("This account already belongs to %(name)s.") % {"name": other.full_name})
    staff.user = user
    _save(staff, actor)
    return staff


def _validate_post(
    staff: Staff,
    unit: Unit,
    position: str,
    kind: str,
    start: datetime.date,
    end: datetime.date | None,
) -> None:
    _alive(unit, start)
    if position not in rules.positions_allowed(unit.kind):
        raise ValidationError(
            _("%(unit)s has no post of %(position)s.") % {"unit": unit.name, "position": Position(position).label}
        )
    if end is not None and end < start:
        raise ValidationError(_("The end date is before the start date."))
    if kind == AssignmentKind.PRIMARY:
        overlapping = Assignment.objects.filter(staff=staff, kind=AssignmentKind.PRIMARY)
        overlapping = overlapping.filter(models.Q(end_on__isnull=True) | models.Q(end_on__gte=start))
        if end is not None:
            overlapping = overlapping.filter(start_on__lte=end)
        if overlapping.exists():
            raise ValidationError(
                _("%(name)s already has a primary assignment in that period.") % {"name": staff.full_name}
            )


@transaction.atomic
def assignment_create(
    staff: Staff,
    unit: Unit,
    *,
    position: str,
    start_on: datetime.date,
    actor: Any = None,
    kind: str = AssignmentKind.PRIMARY,
    end_on: datetime.date | None = None,
    basis: str = "",
    note: str = "",
) -> Assignment:
    """Give a person a post (primary or concurrent) from `start_on`."""
    if kind == AssignmentKind.ACTING:
        raise ValidationError(_("Use an acting appointment for acting posts."))
    _validate_post(staff, unit, position, kind, start_on, end_on)
    assignment = Assignment(
        staff=staff,
        unit=unit,
        position=position,
        kind=kind,
        start_on=start_on,
        end_on=end_on,
        basis=basis,
        note=note,
    )
    _save(assignment, actor)
    return assignment


@transaction.atomic
def assignment_end(assignment: Assignment, *, on: datetime.date, actor: Any = None) -> Assignment:
    """End a post on `on` (last day, inclusive)."""
    if on < assignment.start_on:
        raise ValidationError(_("The end date is before the start date."))
    assignment.end_on = on
    _save(assignment, actor)
    return assignment


@transaction.atomic
def staff_reassign(
    staff: Staff, unit: Unit, *, position: str, on: datetime.date, actor: Any = None, basis: str = ""
) -> Assignment:
    """Move a person to a new primary post from `on`: the old primary post ends the day before."""
    current = selectors.assignments_at(on).filter(staff=staff, kind=AssignmentKind.PRIMARY).first()
    if current is not None:
        if current.start_on >= on:
            raise ValidationError(_("The current post starts on or after that date."))
        assignment_end(current, on=on - ONE_DAY, actor=actor)
    later = Assignment.objects.filter(staff=staff, kind=AssignmentKind.PRIMARY, start_on__gt=on)
    if later.exists():
        raise ValidationError(_("A later post is already recorded for %(name)s.") % {"name": staff.full_name})
    return assignment_create(staff, unit, position=position, start_on=on, actor=actor, basis=basis)


@transaction.atomic
def acting_appoint(
    staff: Staff,
    unit: Unit,
    *,
    start_on: datetime.date,
    end_on: datetime.date,
    actor: Any = None,
    basis: str = "",
    note: str = "",
) -> Assignment:
    """Authorise `staff` to act as head of `unit` (as Director for the leadership board) from `start_on`
    to `end_on` inclusive: 5.2 needs a Deputy Director, 5.3 a Deputy Head of the same unit, holding that
    post on every day of the range. Only one acting appointment per post at a time."""
    if end_on < start_on:
        raise ValidationError(_("The end date is before the start date."))
    _alive(unit, start_on)
    position = rules.head_position(unit.kind)
    for day in (start_on, end_on):
        held = [
            rules.Holding(a.staff.code, a.staff.full_name, a.staff.category, a.unit.code, a.position, a.kind)
            for a in selectors.assignments_at(day).filter(staff=staff).select_related("unit", "staff")
        ]
        if unit.kind == UnitKind.LEADERSHIP and not rules.may_act_as_director(held, unit.code):
            raise ValidationError(_("Only a Deputy Director may act for the Director (5.2)."))
        if unit.kind != UnitKind.LEADERSHIP and not rules.may_act_as_head(held, unit.code):
            raise ValidationError(_("Only a deputy of this unit may act for its head (5.3)."))
    clash = Assignment.objects.filter(
        unit=unit, position=position, kind=AssignmentKind.ACTING, start_on__lte=end_on, end_on__gte=start_on
    )
    if clash.exists():
        raise ValidationError(_("Someone already acts in this post during part of that period."))
    holder = (
        selectors.assignments_at(start_on)
        .filter(unit=unit, position=position)
        .exclude(kind=AssignmentKind.ACTING)
        .select_related("staff")
        .first()
    )
    appointment = Assignment(
        staff=staff,
        unit=unit,
        position=position,
        kind=AssignmentKind.ACTING,
        start_on=start_on,
        end_on=end_on,
        acting_for=holder.staff if holder else None,
        basis=basis,
        note=note,
    )
    _save(appointment, actor)
    return appointment


@transaction.atomic
def acting_cancel(appointment: Assignment, *, actor: Any = None, on: datetime.date | None = None) -> Assignment:
    """Revoke an acting appointment; it takes effect on the day of the revocation (`on`, default today).

    The end date stays inclusive (the last day the acting person holds the powers), so a revocation on day D
    sets it to D - 1: from D on, `org.powers` gives the powers back to the holder. An appointment revoked on or
    before its first day never takes effect and is removed; its history row keeps the record, with the
    reason "Cancelled before it started"."""
    if appointment.kind != AssignmentKind.ACTING:
        raise ValidationError(_("This is not an acting appointment."))
    day = on or selectors.today()
    if day <= appointment.start_on:
        appointment._history_user = actor if getattr(actor, "is_authenticated", False) else None  # type: ignore[attr-defined]
        appointment._change_reason = _("Cancelled before it started.")  # type: ignore[attr-defined]
        appointment.delete()
        caching.bump(REVISION)
        return appointment
    appointment.end_on = min(day - ONE_DAY, appointment.end_on or day)
    _save(appointment, actor, reason=_("Cancelled"))
    return appointment


# ------------------------------------------------------------------------------------ duties, areas, quotas


@transaction.atomic
def duty_save(
    agency: Agency,
    *,
    citation: str,
    title: str,
    actor: Any = None,
    text: str = "",
    lead_unit: Unit | None = None,
    coordinating_units: Sequence[Unit] = (),
    order: int = 0,
    provision: Any = None,
) -> Duty:
    citation = selectors.normalise_citation(citation)
    duty = Duty.objects.filter(agency=agency, citation=citation).first() or Duty(agency=agency, citation=citation)
    duty.title, duty.text, duty.lead_unit, duty.order = title, text, lead_unit, order
    if provision is not None and hasattr(duty, "provision"):
        duty.provision = provision
    _save(duty, actor)
    duty.coordinating_units.set(coordinating_units)
    return duty


@transaction.atomic
def area_assign(
    staff: Staff,
    *,
    start_on: datetime.date,
    actor: Any = None,
    duty: Duty | None = None,
    unit: Unit | None = None,
    end_on: datetime.date | None = None,
) -> AreaInCharge:
    """Put a Deputy Director in charge of a duty or a unit (5.2), ending whoever had it before."""
    held = [
        rules.Holding(a.staff.code, a.staff.full_name, a.staff.category, a.unit.code, a.position, a.kind)
        for a in selectors.assignments_at(start_on).filter(staff=staff).select_related("unit", "staff")
    ]
    if not any(h.position == Position.DEPUTY_DIRECTOR and h.kind != AssignmentKind.ACTING for h in held):
        raise ValidationError(_("Areas in charge are given to Deputy Directors (5.2)."))
    if (duty is None) == (unit is None):
        raise ValidationError(_("Give either a duty or a unit."))
    for previous in AreaInCharge.objects.filter(duty=duty, unit=unit, end_on__isnull=True):
        if previous.staff_id == staff.pk:
            return previous
        previous.end_on = max(previous.start_on, start_on - ONE_DAY)
        _save(previous, actor)
    area = AreaInCharge(staff=staff, duty=duty, unit=unit, start_on=start_on, end_on=end_on)
    _save(area, actor)
    return area


@transaction.atomic
def quota_set(
    unit: Unit,
    *,
    year: int,
    civil_servants: int,
    public_employees: int,
    actor: Any = None,
    proposed_civil_servants: int | None = None,
    proposed_public_employees: int | None = None,
    basis: str = "",
) -> StaffingQuota:
    quota = StaffingQuota.objects.filter(unit=unit, year=year).first() or StaffingQuota(unit=unit, year=year)
    quota.civil_servants, quota.public_employees, quota.basis = civil_servants, public_employees, basis
    quota.proposed_civil_servants, quota.proposed_public_employees = (
        proposed_civil_servants,
        proposed_public_employees,
    )
    _save(quota, actor)
    return quota


@transaction.atomic
def function_add(unit: Unit, *, title: str, valid_from: datetime.date, actor: Any = None) -> UnitFunction:
    existing = UnitFunction.objects.filter(unit=unit, title=title, valid_from=valid_from).first()
    if existing:
        return existing
    function = UnitFunction(unit=unit, title=title, valid_from=valid_from)
    _save(function, actor)
    return function


# ------------------------------------------------------------------------------------ districts (6.6)


@transaction.atomic
def district_save(
    agency: Agency,
    *,
    code: str,
    name: str,
    kind: str,
    office_name: str = "",
    order: int = 100,
    active: bool = True,
    actor: Any = None,
) -> District:
    """Create or update a district of `agency` by its code; saves only when something differs."""
    district = District.objects.filter(agency=agency, code=code).first() or District(agency=agency, code=code)
    values = {"name": name, "kind": kind, "office_name": office_name, "order": order, "active": active}
    if district.pk is not None and all(getattr(district, key) == value for key, value in values.items()):
        return district
    for key, value in values.items():
        setattr(district, key, value)
    _save(district, actor)
    return district


@transaction.atomic
def observer_link(user: Any, agency: Agency, *, body: str, position: str = "", actor: Any = None) -> Observer:
    """Make `user` an observer of `agency` for a body it reports to (one post per user)."""
    observer = Observer.objects.filter(user=user).first() or Observer(user=user)
    values = {"agency_id": agency.pk, "body": body, "position": position}
    if observer.pk is not None and all(getattr(observer, k) == v for k, v in values.items()):
        return observer
    for key, value in values.items():
        setattr(observer, key, value)
    _save(observer, actor)
    from stttt.org.powers import forget_powers

    forget_powers(user)
    return observer


@transaction.atomic
def district_officer_link(user: Any, district: District, *, position: str = "", actor: Any = None) -> DistrictOfficer:
    """Make `user` report for `district` (and only for it: one post per user)."""
    officer = DistrictOfficer.objects.filter(user=user).first() or DistrictOfficer(user=user)
    if officer.pk is not None and officer.district_id == district.pk and officer.position == position:
        return officer
    officer.district, officer.position = district, position
    _save(officer, actor)
    from stttt.org.powers import forget_powers

    forget_powers(user)
    return officer
