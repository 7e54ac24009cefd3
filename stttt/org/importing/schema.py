"""Checking a whole file without writing: its shape, values and references, as a plan and problems."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from stttt.org import rules, selectors
from stttt.org.choices import Position, ReorgKind, UnitKind
from stttt.org.importing import identity
from stttt.org.importing.problems import Problem
from stttt.org.importing.values import parse_category, parse_date, parse_position
from stttt.org.models import Agency, Duty, Staff, Unit

SECTIONS = ("districts", "units", "staff", "acting", "quotas", "duties", "areas", "events")


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
    districts: list[tuple[str, dict]] = field(default_factory=list)
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
        agency_data = identity.check_agency(c, raw_agency)
        if agency is not None and agency_data["code"] and agency_data["code"] != agency.code:
            c.add(
                "agency",
                "code",
                _("This file is for agency %(file)s; it can only be imported into %(mine)s.")
                % {"file": agency_data["code"], "mine": agency.code},
            )
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

    identity.check_one_stop_unit(c, plan.agency, set(kinds))
    plan.districts = identity.check_districts(c, _items(data, "districts", c))

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
