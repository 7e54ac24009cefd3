"""Organisation data in and out: YAML (`stttt org import/export`) and staff lists from XLSX.

An import is all or nothing. First the whole file is checked (shape, values, references), then it is
written through the services inside one transaction, each row in its own savepoint; every problem of
either stage is collected as (row, column, reason) in the user's language, and if there is any, nothing
is kept. Importing the same file twice changes nothing the second time; a different post for a person
ends the old assignment and starts a new one, a different unit name is recorded as a rename.
"""

from __future__ import annotations

import datetime
import functools
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from stttt.core.text import fold
from stttt.org import rules, selectors, services
from stttt.org.choices import AssignmentKind, Position, ReorgKind, StaffCategory, UnitKind
from stttt.org.models import (
    Agency,
    AreaInCharge,
    Assignment,
    Duty,
    ReorgEvent,
    Staff,
    StaffingQuota,
    Unit,
    UnitFunction,
)

# A unit whose file gives no establishment date is taken to have existed all along.
UNKNOWN_START = datetime.date(2000, 1, 1)
SECTIONS = ("units", "staff", "acting", "quotas", "duties", "areas", "events")


@dataclass(frozen=True)
class Problem:
    """What is wrong, where: `row` (a sheet row number, or a YAML item such as `staff #3`), `column`."""

    row: str
    column: str
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"row": self.row, "column": self.column, "reason": self.reason}

    def __str__(self) -> str:
        where = ", ".join(part for part in (self.row, self.column) if part)
        return f"{where}: {self.reason}" if where else self.reason


class ImportFailed(Exception):
    """Nothing was imported; `problems` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(_("Nothing was imported: %(count)d problems.") % {"count": len(problems)})
        self.problems = problems


@dataclass
class ImportReport:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    def count(self, what: str, created: bool) -> None:
        target = self.created if created else self.updated
        target[what] = target.get(what, 0) + 1

    def as_dict(self) -> dict[str, Any]:
        return {"created": self.created, "updated": self.updated}


# ------------------------------------------------------------------------------------ values


def parse_date(value: Any) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(_("“%(value)s” is not a date (write 2025-01-31 or 31/01/2025).") % {"value": text})


CATEGORY_WORDS = {
    "civil_servant": StaffCategory.CIVIL_SERVANT,
    "cong chuc": StaffCategory.CIVIL_SERVANT,
    "public_employee": StaffCategory.PUBLIC_EMPLOYEE,
    "vien chuc": StaffCategory.PUBLIC_EMPLOYEE,
    "contract_worker": StaffCategory.CONTRACT_WORKER,
    "hop dong": StaffCategory.CONTRACT_WORKER,
    "nguoi lao dong": StaffCategory.CONTRACT_WORKER,
    "lao dong hop dong": StaffCategory.CONTRACT_WORKER,
    "nhan vien hop dong": StaffCategory.CONTRACT_WORKER,
}


def parse_category(value: Any) -> str:
    found = CATEGORY_WORDS.get(fold(str(value or "")).replace("-", " "))
    if found is None:
        raise ValueError(
            _("“%(value)s” is not a category: civil servant, public employee or contract worker.") % {"value": value}
        )
    return found


def parse_position(value: Any, unit_kind: str) -> str:
    """A position code (`head`) or a title as an HR officer writes it (`Phó Trưởng phòng`)."""
    text = fold(str(value or "")).replace("_", " ")
    codes = {p.value.replace("_", " "): p.value for p in Position}
    if text in codes:
        return codes[text]
    deputy = text.startswith("pho ")
    if deputy or any(word in text for word in ("giam doc", "truong phong", "chanh")):
        generic = Position.DEPUTY_HEAD if deputy else Position.HEAD
    elif text in {
        "chuyen vien",
        "nhan vien",
        "vien chuc",
        "thanh tra vien",
        "can bo",
        "ke toan",
        "van thu",
        "lai xe",
        "bao ve",
        "tap vu",
        "cong chuc",
    }:
        return Position.STAFF
    else:
        raise ValueError(_("“%(value)s” is not a position.") % {"value": value})
    if unit_kind == UnitKind.LEADERSHIP:
        return Position.DEPUTY_DIRECTOR if deputy else Position.DIRECTOR
    return generic


# ------------------------------------------------------------------------------------ checking


class _Checker:
    """Collects problems while reading a mapping; each `get` names the row and the column it reads."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, row: str, column: str, reason: str) -> None:
        self.problems.append(Problem(row, column, reason))

    def text(self, item: dict, row: str, key: str, *, required: bool = True, max_length: int = 255) -> str:
        value = item.get(key)
        if value is None or str(value).strip() == "":
            if required:
                self.add(row, key, _("Required."))
            return ""
        text = " ".join(str(value).split())
        if len(text) > max_length:
            self.add(row, key, _("Too long (at most %(max)d characters).") % {"max": max_length})
        return text

    def date(self, item: dict, row: str, key: str, *, required: bool = False) -> datetime.date | None:
        value = item.get(key)
        if value in (None, ""):
            if required:
                self.add(row, key, _("Required."))
            return None
        try:
            return parse_date(value)
        except ValueError as exc:
            self.add(row, key, str(exc))
            return None

    def number(self, item: dict, row: str, key: str, *, required: bool = False) -> int | None:
        value = item.get(key)
        if value in (None, ""):
            if required:
                self.add(row, key, _("Required."))
            return None
        try:
            number = int(value)
            if number < 0 or str(number) != str(value).strip().split(".")[0]:
                raise ValueError
        except (TypeError, ValueError):
            self.add(row, key, _("“%(value)s” is not a whole number of 0 or more.") % {"value": value})
            return None
        return number

    def choice(self, item: dict, row: str, key: str, parse: Callable[[Any], str]) -> str:
        value = item.get(key)
        if value in (None, ""):
            self.add(row, key, _("Required."))
            return ""
        try:
            return parse(value)
        except ValueError as exc:
            self.add(row, key, str(exc))
            return ""


def _items(data: dict, section: str, checker: _Checker) -> Iterator[tuple[str, dict]]:
    value = data.get(section) or []
    if not isinstance(value, list):
        checker.add(section, "", _("Must be a list."))
        return
    for index, item in enumerate(value, start=1):
        row = f"{section} #{index}"
        if not isinstance(item, dict):
            checker.add(row, "", _("Must be a mapping of keys to values."))
            continue
        yield row, item


@dataclass
class _Plan:
    """The checked contents of a file, ready to write."""

    agency: dict[str, Any]
    as_of: datetime.date
    units: list[tuple[str, dict]] = field(default_factory=list)
    staff: list[tuple[str, dict]] = field(default_factory=list)
    acting: list[tuple[str, dict]] = field(default_factory=list)
    quotas: list[tuple[str, dict]] = field(default_factory=list)
    duties: list[tuple[str, dict]] = field(default_factory=list)
    areas: list[tuple[str, dict]] = field(default_factory=list)
    events: list[tuple[str, dict]] = field(default_factory=list)


def check(data: Any, *, agency: Agency | None = None) -> tuple[_Plan | None, list[Problem]]:
    """Check a whole file without writing: its plan and every problem found."""
    c = _Checker()
    if not isinstance(data, dict):
        return None, [Problem("", "", _("The file must be a mapping with the keys agency, units, staff, …"))]
    unknown = set(data) - {"agency", "as_of", *SECTIONS}
    for key in sorted(unknown):
        c.add(key, "", _("Unknown section."))
    agency_data: dict[str, Any] = {}
    raw_agency = data.get("agency")
    if agency is not None and raw_agency is None:
        agency_data = {"code": agency.code}
    elif not isinstance(raw_agency, dict):
        c.add("agency", "", _("Required: a mapping with code and name."))
    else:
        agency_data = {
            "code": c.text(raw_agency, "agency", "code", max_length=30),
            "name": c.text(raw_agency, "agency", "name"),
            "short_name": c.text(raw_agency, "agency", "short_name", required=False, max_length=60),
            "deputy_director_cap": c.number(raw_agency, "agency", "deputy_director_cap"),
            "deputy_director_cap_basis": c.text(raw_agency, "agency", "deputy_director_cap_basis", required=False),
        }
    as_of = c.date(data, "as_of", "as_of") or selectors.today()
    plan = _Plan(agency=agency_data, as_of=as_of)
    agency_code = agency_data.get("code") or ""
    existing = Agency.objects.filter(code=agency_code).first() if agency_code else None

    # units: codes from the file, then those already stored for this agency
    kinds: dict[str, str] = {}
    if existing is not None:
        kinds.update(Unit.objects.filter(agency=existing).values_list("code", "kind"))
    file_units: dict[str, dict] = {}
    for row, item in _items(data, "units", c):
        code = c.text(item, row, "code", max_length=30)
        kind = c.choice(
            item,
            row,
            "kind",
            lambda v: (
                UnitKind(str(v)).value
                if str(v) in UnitKind.values
                else _raise(
                    _("“%(value)s” is not a kind of unit (%(kinds)s).")
                    % {"value": v, "kinds": ", ".join(UnitKind.values)}
                )
            ),
        )
        entry: dict[str, Any] = {
            "code": code,
            "kind": kind,
            "name": c.text(item, row, "name"),
            "short_name": c.text(item, row, "short_name", required=False, max_length=60),
            "parent": c.text(item, row, "parent", required=False, max_length=30),
            "established_on": c.date(item, row, "established_on"),
            "dissolved_on": c.date(item, row, "dissolved_on"),
            "order": c.number(item, row, "order"),
            "functions": [],
        }
        if code in file_units:
            c.add(row, "code", _("Unit %(code)s appears twice.") % {"code": code})
        elif code:
            other = Unit.objects.filter(code=code).exclude(agency__code=agency_code).first()
            if other is not None:
                c.add(row, "code", _("Code %(code)s belongs to a unit of another agency.") % {"code": code})
            file_units[code] = entry
            kinds[code] = kind
        functions = item.get("functions") or []
        if not isinstance(functions, list):
            c.add(row, "functions", _("Must be a list."))
            functions = []
        for number, function in enumerate(functions, start=1):
            where = f"{row} functions #{number}"
            if isinstance(function, str):
                function = {"title": function}
            if not isinstance(function, dict):
                c.add(where, "", _("Must be a mapping of keys to values."))
                continue
            entry["functions"].append(
                {"title": c.text(function, where, "title"), "valid_from": c.date(function, where, "valid_from")}
            )
        plan.units.append((row, entry))
    for row, entry in plan.units:
        parent = entry["parent"]
        if parent and parent not in kinds:
            c.add(row, "parent", _("Unknown unit %(code)s.") % {"code": parent})
        elif entry["kind"]:
            parent_kind = kinds.get(parent) if parent else None
            if entry["kind"] == UnitKind.CENTRE_DIVISION and parent_kind != UnitKind.PUBLIC_SERVICE_UNIT:
                c.add(row, "parent", _("A division of a public service unit needs that unit as its parent."))
            elif entry["kind"] != UnitKind.CENTRE_DIVISION and parent and parent_kind != UnitKind.LEADERSHIP:
                c.add(row, "parent", _("Only divisions of a public service unit sit under another unit."))
        if entry["established_on"] and entry["dissolved_on"] and entry["dissolved_on"] <= entry["established_on"]:
            c.add(row, "dissolved_on", _("Must be after the date the unit was established."))

    staff_codes: set[str] = set()
    if existing is not None:
        staff_codes.update(Staff.objects.filter(agency=existing).values_list("code", flat=True))
    file_staff: set[str] = set()
    for row, item in _items(data, "staff", c):
        entry = _check_staff(c, row, item, kinds, plan.as_of)
        if entry["id"] in file_staff:
            c.add(row, "id", _("Staff ID %(code)s appears twice.") % {"code": entry["id"]})
        elif entry["id"]:
            if Staff.objects.filter(code=entry["id"]).exclude(agency__code=agency_code).exists():
                c.add(row, "id", _("Staff ID %(code)s belongs to another agency.") % {"code": entry["id"]})
            file_staff.add(entry["id"])
        plan.staff.append((row, entry))
    staff_codes |= file_staff
    usernames = [e["user"] for _r, e in plan.staff if e["user"]]
    known_users = set(get_user_model().objects.filter(username__in=usernames).values_list("username", flat=True))
    for row, entry in plan.staff:
        if entry["user"] and entry["user"] not in known_users:
            c.add(row, "user", _("No account %(username)s.") % {"username": entry["user"]})
        if usernames.count(entry["user"]) > 1 and entry["user"]:
            c.add(row, "user", _("Account %(username)s is given to two people.") % {"username": entry["user"]})

    def staff_ref(row: str, item: dict, key: str = "staff") -> str:
        code = c.text(item, row, key, max_length=30)
        if code and code not in staff_codes:
            c.add(row, key, _("Unknown staff ID %(code)s.") % {"code": code})
        return code

    def unit_ref(row: str, item: dict, key: str = "unit", required: bool = True) -> str:
        code = c.text(item, row, key, max_length=30, required=required)
        if code and code not in kinds:
            c.add(row, key, _("Unknown unit %(code)s.") % {"code": code})
        return code

    for row, item in _items(data, "acting", c):
        entry = {
            "staff": staff_ref(row, item),
            "unit": unit_ref(row, item),
            "start_on": c.date(item, row, "start_on", required=True),
            "end_on": c.date(item, row, "end_on", required=True),
            "basis": c.text(item, row, "basis", required=False),
        }
        if entry["start_on"] and entry["end_on"] and entry["end_on"] < entry["start_on"]:
            c.add(row, "end_on", _("The end date is before the start date."))
        plan.acting.append((row, entry))

    for row, item in _items(data, "quotas", c):
        year = c.number(item, row, "year", required=True)
        if year is not None and not 1990 <= year <= 2100:
            c.add(row, "year", _("Not a plausible year."))
        plan.quotas.append(
            (
                row,
                {
                    "unit": unit_ref(row, item),
                    "year": year,
                    "civil_servants": c.number(item, row, "civil_servants") or 0,
                    "public_employees": c.number(item, row, "public_employees") or 0,
                    "proposed_civil_servants": c.number(item, row, "proposed_civil_servants"),
                    "proposed_public_employees": c.number(item, row, "proposed_public_employees"),
                    "basis": c.text(item, row, "basis", required=False),
                },
            )
        )

    citations: set[str] = set()
    if existing is not None:
        citations.update(Duty.objects.filter(agency=existing).values_list("citation", flat=True))
    for row, item in _items(data, "duties", c):
        citation = selectors.normalise_citation(c.text(item, row, "citation", max_length=30))
        coordinating = item.get("coordinating") or []
        if not isinstance(coordinating, list):
            c.add(row, "coordinating", _("Must be a list."))
            coordinating = []
        for code in coordinating:
            if str(code) not in kinds:
                c.add(row, "coordinating", _("Unknown unit %(code)s.") % {"code": code})
        if citation in {d["citation"] for _r, d in plan.duties}:
            c.add(row, "citation", _("Duty %(citation)s appears twice.") % {"citation": citation})
        citations.add(citation)
        plan.duties.append(
            (
                row,
                {
                    "citation": citation,
                    "title": c.text(item, row, "title"),
                    "text": str(item.get("text") or ""),
                    "lead": unit_ref(row, item, "lead", required=False),
                    "coordinating": [str(code) for code in coordinating],
                },
            )
        )

    for row, item in _items(data, "areas", c):
        duties, units = item.get("duties") or [], item.get("units") or []
        if not isinstance(duties, list) or not isinstance(units, list):
            c.add(row, "duties", _("Must be a list."))
            duties, units = [], []
        for citation in duties:
            if selectors.normalise_citation(str(citation)) not in citations:
                c.add(row, "duties", _("Unknown duty %(citation)s.") % {"citation": citation})
        for code in units:
            if str(code) not in kinds:
                c.add(row, "units", _("Unknown unit %(code)s.") % {"code": code})
        plan.areas.append(
            (
                row,
                {
                    "staff": staff_ref(row, item),
                    "start_on": c.date(item, row, "start_on") or plan.as_of,
                    "duties": [selectors.normalise_citation(str(d)) for d in duties],
                    "units": [str(u) for u in units],
                },
            )
        )

    for row, item in _items(data, "events", c):
        kind = c.choice(
            item,
            row,
            "kind",
            lambda v: (
                str(v)
                if str(v) in (ReorgKind.RENAME, ReorgKind.DISSOLVE, ReorgKind.TRANSFER_FUNCTION)
                else _raise(
                    _(
                        "“%(value)s”: a file may record rename, dissolve or transfer_function; use the CLI or the API "
                        "for merges and splits."
                    )
                    % {"value": v}
                )
            ),
        )
        entry = {
            "kind": kind,
            "unit": unit_ref(row, item),
            "on": c.date(item, row, "on", required=True),
            "basis": c.text(item, row, "basis", required=False),
        }
        if kind == ReorgKind.RENAME:
            entry["name"] = c.text(item, row, "name")
        if kind == ReorgKind.TRANSFER_FUNCTION:
            entry["function"] = c.text(item, row, "function")
            entry["to_unit"] = unit_ref(row, item, "to_unit", required=False)
            entry["to_external"] = c.text(item, row, "to_external", required=False)
            if not entry["to_unit"] and not entry["to_external"]:
                c.add(row, "to_external", _("Say where the function goes."))
        plan.events.append((row, entry))
    return plan, c.problems


def _position_for(value: Any, *, kind: str) -> str:
    return parse_position(value, kind)


def _raise(message: str) -> str:
    raise ValueError(message)


def _check_staff(c: _Checker, row: str, item: dict, kinds: dict[str, str], as_of: datetime.date) -> dict:
    unit = c.text(item, row, "unit", max_length=30, required=False)
    if unit and unit not in kinds:
        c.add(row, "unit", _("Unknown unit %(code)s.") % {"code": unit})
    position = ""
    if unit and unit in kinds and item.get("position") not in (None, ""):
        position = c.choice(item, row, "position", lambda v: parse_position(v, kinds[unit]))
        if position and position not in rules.positions_allowed(kinds[unit]):
            c.add(row, "position", _("This unit has no such post."))
    elif unit:
        position = Position.STAFF
    entry: dict[str, Any] = {
        "id": c.text(item, row, "id", max_length=30),
        "name": c.text(item, row, "name", max_length=200),
        "category": c.choice(item, row, "category", parse_category),
        "unit": unit,
        "position": position,
        "start_on": c.date(item, row, "start_on") or as_of,
        "end_on": c.date(item, row, "end_on"),
        "email": c.text(item, row, "email", required=False),
        "phone": c.text(item, row, "phone", required=False),
        "user": c.text(item, row, "user", required=False, max_length=150),
        "concurrent": [],
    }
    if entry["end_on"] and entry["end_on"] < entry["start_on"]:
        c.add(row, "end_on", _("The end date is before the start date."))
    concurrent = item.get("concurrent") or []
    if not isinstance(concurrent, list):
        c.add(row, "concurrent", _("Must be a list."))
        concurrent = []
    for number, post in enumerate(concurrent, start=1):
        where = f"{row} concurrent #{number}"
        if not isinstance(post, dict):
            c.add(where, "", _("Must be a mapping of keys to values."))
            continue
        code = c.text(post, where, "unit", max_length=30)
        if code and code not in kinds:
            c.add(where, "unit", _("Unknown unit %(code)s.") % {"code": code})
            continue
        unit_kind = kinds.get(code, "")
        pos = c.choice(post, where, "position", functools.partial(_position_for, kind=unit_kind))
        entry["concurrent"].append(
            {
                "unit": code,
                "position": pos,
                "start_on": c.date(post, where, "start_on") or as_of,
                "end_on": c.date(post, where, "end_on"),
            }
        )
    return entry


# ------------------------------------------------------------------------------------ writing


def _attempt(problems: list[Problem], row: str, column: str, write: Callable[[], Any]) -> Any:
    """Run one row's write in a savepoint; a refusal becomes a problem instead of stopping the import."""
    try:
        with transaction.atomic():
            return write()
    except ValidationError as exc:
        for message in exc.messages:
            problems.append(Problem(row, column, message))
    return None


@transaction.atomic
def import_data(data: Any, *, actor: Any = None, agency: Agency | None = None) -> ImportReport:
    """Import a whole file (already parsed) or nothing; raises ImportFailed listing every problem."""
    plan, problems = check(data, agency=agency)
    if problems or plan is None:
        raise ImportFailed(problems)
    report = ImportReport()
    problems = []
    if agency is None or "name" in plan.agency:
        agency = services.agency_save(actor=actor, **plan.agency)
    assert agency is not None
    units: dict[str, Unit] = {u.code: u for u in Unit.objects.filter(agency=agency)}
    for row, entry in plan.units:
        unit = _attempt(
            problems, row, "code", functools.partial(_write_unit, agency, entry, units, plan.as_of, actor, report)
        )
        if unit is not None:
            units[unit.code] = unit
    staff: dict[str, Staff] = {s.code: s for s in Staff.objects.filter(agency=agency)}
    for row, entry in plan.staff:
        person = _attempt(problems, row, "id", functools.partial(_write_staff, agency, entry, units, actor, report))
        if person is not None:
            staff[person.code] = person
    for row, entry in plan.staff:
        if entry["id"] in staff and entry["unit"] in units:
            _attempt(
                problems,
                row,
                "position",
                functools.partial(_write_posts, staff[entry["id"]], entry, units, actor, report),
            )
    for row, entry in plan.acting:
        _attempt(problems, row, "staff", functools.partial(_write_acting, entry, staff, units, actor, report))
    for row, entry in plan.quotas:
        _attempt(problems, row, "unit", functools.partial(_write_quota, entry, units, actor, report))
    duties: dict[str, Duty] = {d.citation: d for d in Duty.objects.filter(agency=agency)}
    for row, entry in plan.duties:
        duty = _attempt(problems, row, "citation", functools.partial(_write_duty, agency, entry, units, actor, report))
        if duty is not None:
            duties[duty.citation] = duty
    for row, entry in plan.areas:
        _attempt(problems, row, "staff", functools.partial(_write_areas, entry, staff, units, duties, actor, report))
    for row, entry in plan.events:
        _attempt(problems, row, "kind", functools.partial(_write_event, entry, units, actor, report))
    if problems:
        raise ImportFailed(problems)
    return report


def _write_unit(
    agency: Agency, e: dict, units: dict[str, Unit], as_of: datetime.date, actor: Any, report: ImportReport
) -> Unit:
    unit = units.get(e["code"])
    parent = units.get(e["parent"]) if e["parent"] else None
    if unit is None:
        unit = services.unit_establish(
            agency,
            code=e["code"],
            name=e["name"],
            kind=e["kind"],
            parent=parent,
            short_name=e["short_name"],
            order=e["order"] or 100,
            on=e["established_on"] or UNKNOWN_START,
            actor=actor,
        )
        report.count("units", True)
    else:
        if unit.kind != e["kind"] or unit.parent_id != (parent.pk if parent else None):
            raise ValidationError(
                _("The kind or parent of an existing unit cannot change by import; record a reorganisation instead.")
            )
        changed = False
        if unit.name != e["name"] and e["dissolved_on"] is None:
            services.unit_rename(unit, name=e["name"], on=max(as_of, unit.established_on), actor=actor)
            changed = True
        if (e["order"] and unit.order != e["order"]) or (e["short_name"] and unit.short_name != e["short_name"]):
            unit.order, unit.short_name = e["order"] or unit.order, e["short_name"] or unit.short_name
            services._save(unit, actor)
            changed = True
        if changed:
            report.count("units", False)
    for function in e["functions"]:
        if not UnitFunction.objects.filter(title=function["title"]).filter(unit=unit).exists():
            services.function_add(
                unit, title=function["title"], valid_from=function["valid_from"] or unit.established_on, actor=actor
            )
            report.count("functions", True)
    if e["dissolved_on"] and unit.dissolved_on is None:
        services.unit_dissolve(unit, on=e["dissolved_on"], actor=actor)
        report.count("units", False)
    return unit


def _write_staff(agency: Agency, e: dict, units: dict[str, Unit], actor: Any, report: ImportReport) -> Staff:
    person = Staff.objects.filter(code=e["id"]).first()
    fields = (e["name"], e["category"], e["email"], e["phone"])
    if person is None or (person.full_name, person.category, person.email, person.phone) != fields:
        report.count("staff", person is None)
        person = services.staff_save(
            agency,
            code=e["id"],
            full_name=e["name"],
            category=e["category"],
            email=e["email"],
            phone=e["phone"],
            actor=actor,
        )
    if e["user"] and (person.user is None or person.user.get_username() != e["user"]):
        user = get_user_model().objects.get(username=e["user"])
        services.staff_link_user(person, user, actor=actor)
        report.count("accounts linked", True)
    return person


def _write_posts(person: Staff, e: dict, units: dict[str, Unit], actor: Any, report: ImportReport) -> None:
    unit = units[e["unit"]]
    primaries = list(Assignment.objects.filter(staff=person, kind=AssignmentKind.PRIMARY).order_by("start_on"))
    latest = primaries[-1] if primaries else None
    if latest is None:
        services.assignment_create(
            person, unit, position=e["position"], start_on=e["start_on"], end_on=e["end_on"], actor=actor
        )
        report.count("assignments", True)
    elif latest.unit_id == unit.pk and latest.position == e["position"]:
        if e["end_on"] != latest.end_on and (e["end_on"] or latest.start_on == e["start_on"]):
            latest.end_on = e["end_on"]
            services._save(latest, actor)
            report.count("assignments", False)
    else:
        services.staff_reassign(person, unit, position=e["position"], on=e["start_on"], actor=actor)
        report.count("assignments", True)
    for post in e["concurrent"]:
        exists = Assignment.objects.filter(
            staff=person,
            unit=units[post["unit"]],
            position=post["position"],
            kind=AssignmentKind.CONCURRENT,
            start_on=post["start_on"],
        ).exists()
        if not exists:
            services.assignment_create(
                person,
                units[post["unit"]],
                position=post["position"],
                kind=AssignmentKind.CONCURRENT,
                start_on=post["start_on"],
                end_on=post["end_on"],
                actor=actor,
            )
            report.count("assignments", True)


def _write_acting(e: dict, staff: dict[str, Staff], units: dict[str, Unit], actor: Any, report: ImportReport) -> None:
    person, unit = staff[e["staff"]], units[e["unit"]]
    if Assignment.objects.filter(staff=person, unit=unit, kind=AssignmentKind.ACTING, start_on=e["start_on"]).exists():
        return
    services.acting_appoint(person, unit, start_on=e["start_on"], end_on=e["end_on"], basis=e["basis"], actor=actor)
    report.count("acting appointments", True)


def _write_quota(e: dict, units: dict[str, Unit], actor: Any, report: ImportReport) -> None:
    unit = units[e["unit"]]
    existing = StaffingQuota.objects.filter(unit=unit, year=e["year"]).first()
    values = {
        k: e[k]
        for k in ("civil_servants", "public_employees", "proposed_civil_servants", "proposed_public_employees", "basis")
    }
    if existing is not None and all(getattr(existing, k) == v for k, v in values.items()):
        return
    services.quota_set(unit, year=e["year"], actor=actor, **values)
    report.count("quotas", existing is None)


def _provision_for(citation: str) -> Any:
    try:
        from stttt.legal.selectors import provision_get
    except ImportError:  # the regulation app is not installed
        return None
    try:
        return provision_get(citation)
    except LookupError:
        return None


def _write_duty(agency: Agency, e: dict, units: dict[str, Unit], actor: Any, report: ImportReport) -> Duty:
    lead = units.get(e["lead"]) if e["lead"] else None
    coordinating = [units[code] for code in e["coordinating"]]
    existing = Duty.objects.filter(agency=agency, citation=e["citation"]).first()
    provision = _provision_for(e["citation"])
    if (
        existing is not None
        and (existing.title, existing.text, existing.lead_unit_id)
        == (e["title"], e["text"] or existing.text, lead.pk if lead else None)
        and set(existing.coordinating_units.values_list("code", flat=True)) == set(e["coordinating"])
        and (provision is None or existing.provision_id == provision.pk)
    ):
        return existing
    order = int(
        "".join(f"{int(p):03d}" if p.isdigit() else f"{ord(p[0]):03d}" for p in e["citation"].split(".")[:3]).ljust(
            9, "0"
        )
    )
    duty = services.duty_save(
        agency,
        citation=e["citation"],
        title=e["title"],
        text=e["text"] or (existing.text if existing else ""),
        lead_unit=lead,
        coordinating_units=coordinating,
        order=order,
        provision=provision,
        actor=actor,
    )
    report.count("duties", existing is None)
    return duty


def _write_areas(
    e: dict, staff: dict[str, Staff], units: dict[str, Unit], duties: dict[str, Duty], actor: Any, report: ImportReport
) -> None:
    person = staff[e["staff"]]
    current = AreaInCharge.objects.filter(staff=person, end_on__isnull=True)
    for citation in e["duties"]:
        if not current.filter(duty=duties[citation]).exists():
            services.area_assign(person, duty=duties[citation], start_on=e["start_on"], actor=actor)
            report.count("areas in charge", True)
    for code in e["units"]:
        if not current.filter(unit=units[code]).exists():
            services.area_assign(person, unit=units[code], start_on=e["start_on"], actor=actor)
            report.count("areas in charge", True)


def _write_event(e: dict, units: dict[str, Unit], actor: Any, report: ImportReport) -> None:
    unit = units[e["unit"]]
    if ReorgEvent.objects.filter(kind=e["kind"], units=unit, effective_on=e["on"]).exists():
        return
    if e["kind"] == ReorgKind.RENAME:
        services.unit_rename(unit, name=e["name"], on=e["on"], basis=e["basis"], actor=actor)
    elif e["kind"] == ReorgKind.DISSOLVE:
        services.unit_dissolve(unit, on=e["on"], basis=e["basis"], actor=actor)
    else:
        function = UnitFunction.objects.filter(unit=unit, title=e["function"]).order_by("-valid_from").first()
        if function is None:
            raise ValidationError(
                _("%(unit)s has no function “%(title)s”.") % {"unit": unit.code, "title": e["function"]}
            )
        services.function_transfer(
            function,
            on=e["on"],
            to_unit=units.get(e["to_unit"]) if e["to_unit"] else None,
            to_external=e["to_external"],
            basis=e["basis"],
            actor=actor,
        )
    report.count("reorganisations", True)


# ------------------------------------------------------------------------------------ YAML and XLSX


def load_yaml(text: str | bytes) -> Any:
    """Parse YAML text; a syntax error becomes a problem with its line and column."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        row = _("line %(line)d") % {"line": mark.line + 1} if mark else ""
        column = _("column %(column)d") % {"column": mark.column + 1} if mark else ""
        raise ImportFailed(
            [Problem(row, column, _("Not valid YAML: %(error)s") % {"error": getattr(exc, "problem", None) or exc})]
        ) from None


def import_yaml(text: str | bytes, *, actor: Any = None) -> ImportReport:
    return import_data(load_yaml(text), actor=actor)


HEADERS = {
    "id": {"id", "ma", "ma can bo", "ma nhan su", "ma so", "staff id"},
    "name": {"name", "ho va ten", "ho ten", "full name"},
    "category": {"category", "loai", "loai nhan su", "doi tuong"},
    "unit": {"unit", "don vi", "ma don vi", "phong"},
    "position": {"position", "chuc vu", "chuc danh"},
    "start_on": {"start_on", "start", "tu ngay", "ngay bat dau"},
    "end_on": {"end_on", "end", "den ngay", "ngay ket thuc"},
    "email": {"email", "thu dien tu"},
    "phone": {"phone", "dien thoai", "so dien thoai"},
    "user": {"user", "tai khoan", "ten dang nhap"},
}
REQUIRED_HEADERS = ("id", "name", "category", "unit")


def read_staff_xlsx(content: bytes) -> tuple[list[dict], dict[str, str]]:
    """Rows of a staff sheet as staff mappings (each with its sheet row number) and the header labels."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:
        raise ImportFailed([Problem("", "", _("The file is not an Excel workbook (.xlsx)."))]) from None
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None) or ()
    columns: dict[int, str] = {}
    labels: dict[str, str] = {}
    for index, label in enumerate(header):
        key = next((k for k, words in HEADERS.items() if fold(str(label or "")) in words), None)
        if key:
            columns[index], labels[key] = key, str(label)
    missing = [k for k in REQUIRED_HEADERS if k not in labels]
    if missing:
        raise ImportFailed([Problem("1", k, _("Column missing from the first row.")) for k in missing])
    records = []
    for number, values in enumerate(rows, start=2):
        if not any(v not in (None, "") for v in values):
            continue
        record = {key: values[i] for i, key in columns.items() if i < len(values) and values[i] not in (None, "")}
        record["_row"] = number
        records.append(record)
    return records, labels


def import_staff_xlsx(content: bytes, *, actor: Any = None, agency: Agency | None = None) -> ImportReport:
    """Import a staff list (one row per person) into an existing agency; all rows or none."""
    agency = agency or selectors.agency_get()
    records, labels = read_staff_xlsx(content)
    staff = []
    for record in records:
        staff.append({k: v for k, v in record.items() if k != "_row"})
    try:
        return import_data({"staff": staff}, actor=actor, agency=agency)
    except ImportFailed as failed:
        numbers = {f"staff #{i}": str(r["_row"]) for i, r in enumerate(records, start=1)}
        raise ImportFailed(
            [
                Problem(numbers.get(p.row.split(" concurrent")[0], p.row), labels.get(p.column, p.column), p.reason)
                for p in failed.problems
            ]
        ) from None


# ------------------------------------------------------------------------------------ export


def export_data(agency: Agency) -> dict[str, Any]:
    """The agency as a file `import_data` accepts; importing it back changes nothing."""

    def day(value: datetime.date | None) -> str | None:
        return value.isoformat() if value else None

    def clean(mapping: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in mapping.items() if v not in (None, "", [])}

    units = []
    for unit in Unit.objects.filter(agency=agency).select_related("parent").order_by("order", "code"):
        units.append(
            clean(
                {
                    "code": unit.code,
                    "name": unit.name,
                    "kind": unit.kind,
                    "parent": unit.parent.code if unit.parent else None,
                    "short_name": unit.short_name,
                    "order": unit.order,
                    "established_on": day(unit.established_on),
                    "dissolved_on": day(unit.dissolved_on),
                    "functions": [
                        clean({"title": f.title, "valid_from": day(f.valid_from)})
                        for f in unit.functions.order_by("valid_from", "pk")
                    ],
                }
            )
        )
    staff = []
    for person in Staff.objects.filter(agency=agency).select_related("user").order_by("code"):
        primary = (
            person.assignments.filter(kind=AssignmentKind.PRIMARY).select_related("unit").order_by("-start_on").first()
        )
        concurrent = person.assignments.filter(kind=AssignmentKind.CONCURRENT).select_related("unit")
        staff.append(
            clean(
                {
                    "id": person.code,
                    "name": person.full_name,
                    "category": person.category,
                    "unit": primary.unit.code if primary else None,
                    "position": primary.position if primary else None,
                    "start_on": day(primary.start_on) if primary else None,
                    "end_on": day(primary.end_on) if primary else None,
                    "email": person.email,
                    "phone": person.phone,
                    "user": person.user.get_username() if person.user else None,
                    "concurrent": [
                        clean(
                            {
                                "unit": a.unit.code,
                                "position": a.position,
                                "start_on": day(a.start_on),
                                "end_on": day(a.end_on),
                            }
                        )
                        for a in concurrent
                    ],
                }
            )
        )
    acting = [
        clean(
            {
                "staff": a.staff.code,
                "unit": a.unit.code,
                "start_on": day(a.start_on),
                "end_on": day(a.end_on),
                "basis": a.basis,
            }
        )
        for a in selectors.acting_appointments(agency).order_by("start_on")
    ]
    quotas = [
        clean(
            {
                "unit": q.unit.code,
                "year": q.year,
                "civil_servants": q.civil_servants,
                "public_employees": q.public_employees,
                "proposed_civil_servants": q.proposed_civil_servants,
                "proposed_public_employees": q.proposed_public_employees,
                "basis": q.basis,
            }
        )
        for q in StaffingQuota.objects.filter(unit__agency=agency)
        .select_related("unit")
        .order_by("year", "unit__order")
    ]
    duties = [
        clean(
            {
                "citation": d.citation,
                "title": d.title,
                "lead": d.lead_unit.code if d.lead_unit else None,
                "coordinating": [u.code for u in d.coordinating_units.all()],
            }
        )
        for d in Duty.objects.filter(agency=agency).select_related("lead_unit").prefetch_related("coordinating_units")
    ]
    areas = []
    for person in (
        Staff.objects.filter(agency=agency, areas__isnull=False, areas__end_on__isnull=True).distinct().order_by("code")
    ):
        current = person.areas.filter(end_on__isnull=True).select_related("duty", "unit")
        areas.append(
            clean(
                {
                    "staff": person.code,
                    "start_on": day(min(a.start_on for a in current)),
                    "units": [a.unit.code for a in current if a.unit],
                    "duties": [a.duty.citation for a in current if a.duty],
                }
            )
        )
    events = []
    for event in selectors.events(agency).filter(
        kind__in=[ReorgKind.RENAME, ReorgKind.DISSOLVE, ReorgKind.TRANSFER_FUNCTION]
    ):
        source = event.units.first()
        if source is None:
            continue
        item: dict[str, Any] = {
            "kind": event.kind,
            "unit": source.code,
            "on": day(event.effective_on),
            "basis": event.basis,
        }
        if event.kind == ReorgKind.RENAME:
            item["name"] = event.new_name
        if event.kind == ReorgKind.TRANSFER_FUNCTION and event.function is not None:
            target = event.result_units.first()
            item.update(
                {
                    "function": event.function.title,
                    "to_unit": target.code if target else None,
                    "to_external": event.note,
                }
            )
        events.append(clean(item))
    return clean(
        {
            "agency": clean(
                {
                    "code": agency.code,
                    "name": agency.name,
                    "short_name": agency.short_name,
                    "deputy_director_cap": agency.deputy_director_cap,
                    "deputy_director_cap_basis": agency.deputy_director_cap_basis,
                }
            ),
            "units": units,
            "staff": staff,
            "acting": acting,
            "quotas": quotas,
            "duties": duties,
            "areas": areas,
            "events": events,
        }
    )


def export_yaml(agency: Agency) -> str:
    return yaml.safe_dump(export_data(agency), allow_unicode=True, sort_keys=False, width=110)
