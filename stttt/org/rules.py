"""Rules of Art. 4 and Art. 5 of the regulation as pure functions (no ORM, no I/O).

Everything here works on plain facts (`OrgFacts`) that `selectors.snapshot_at` reads from the database,
so the same rules serve `stttt org check`, the what-if page and the tests.

Who counts towards a unit's headcount (docs/org.md explains the choice):
- 4.2.a counts "biên chế công chức": the civil servants whose *primary* assignment is in the unit,
  leaders included (a Head occupies a civil-servant slot of the unit like anyone else);
- 4.2.b counts "người làm việc là viên chức": the public employees whose primary assignment is there;
- contract workers are outside the staffing quota and never count;
- concurrent (kiêm nhiệm) and acting assignments never add to a headcount: the person's slot stays in
  their primary unit, so nobody is counted twice. They do fill leadership posts where they sit:
  a concurrent Deputy Head takes a deputy post; an acting appointment covers an absent or vacant post
  and takes none.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from stttt.org.choices import (
    CENTRE_DIVISION_KINDS,
    DEPARTMENT_DIVISION_KINDS,
    AssignmentKind,
    Position,
    Severity,
    StaffCategory,
    UnitKind,
)

# ---------------------------------------------------------------------------------------------- facts


@dataclass(frozen=True)
class Holding:
    """One person holding one post on the date looked at."""

    staff_code: str
    staff_name: str
    category: str
    unit_code: str
    position: str
    kind: str = AssignmentKind.PRIMARY
    acting_for: str = ""


@dataclass(frozen=True)
class UnitFacts:
    code: str
    name: str
    kind: str
    parent_code: str | None = None


@dataclass(frozen=True)
class QuotaFacts:
    unit_code: str
    year: int
    civil_servants: int
    public_employees: int


# The numbers of Art. 4 as the seed regulation first set them. The rules never read these directly:
# they read `OrgFacts.parameters`, which `selectors.snapshot_at` fills with the values in force on the day
# (dated parameters of the legal app, read from each version of the regulation, amendments included); these
# stand in only when no regulation with parameters is loaded (and in tests that build facts by hand).
ORIGINAL_PARAMETERS: Mapping[str, int] = {
    "division-min-civil-servants": 5,
    "division-two-deputies-from": 8,
    "division-max-deputies": 2,
    "division-small-max-deputies": 1,
    "centre-max-deputies": 2,
    "centre-division-min-public-employees": 7,
    "centre-division-two-deputies-from": 10,
    "centre-division-max-deputies": 2,
    "centre-division-small-max-deputies": 1,
}


@dataclass(frozen=True)
class OrgFacts:
    """The organisation on one date: units alive, posts held, the Deputy Director cap, the quotas, and the
    rule parameters in force that day (`parameters`, key -> value) with, for those an amending document
    set, that document (`amended_by`, key -> its number and title), so findings can cite it."""

    at: datetime.date
    deputy_director_cap: int | None
    units: tuple[UnitFacts, ...]
    holdings: tuple[Holding, ...]
    quotas: tuple[QuotaFacts, ...] = ()
    agency_code: str = ""
    parameters: Mapping[str, int] = field(default_factory=lambda: dict(ORIGINAL_PARAMETERS))
    amended_by: Mapping[str, str] = field(default_factory=dict)

    def value(self, key: str) -> int:
        return self.parameters.get(key, ORIGINAL_PARAMETERS[key])


@dataclass(frozen=True, order=True)
class Finding:
    """A departure from the regulation: which unit, which provision, how bad, and what (UI language)."""

    unit: str
    provision: str
    severity: str
    message: str
    code: str = field(default="", compare=False)
    amended_by: str = field(default="", compare=False)  # the amending document that set the rule's numbers

    def as_dict(self) -> dict[str, str]:
        return {
            "unit": self.unit,
            "provision": self.provision,
            "severity": self.severity,
            "message": self.message,
            "code": self.code,
            "amended_by": self.amended_by,
        }


@dataclass(frozen=True)
class Leadership:
    """How a unit of a given size may be led: whether it may exist, heads and deputies allowed."""

    may_exist: bool
    heads: int
    max_deputies: int


# ------------------------------------------------------------------------------------ sizing rules

DIVISION_KEYS = (
    "division-min-civil-servants",
    "division-two-deputies-from",
    "division-max-deputies",
    "division-small-max-deputies",
)
CENTRE_DIVISION_KEYS = (
    "centre-division-min-public-employees",
    "centre-division-two-deputies-from",
    "centre-division-max-deputies",
    "centre-division-small-max-deputies",
)


def _sized(count: int, minimum: int, upper: int, max_deputies: int, small_max_deputies: int) -> Leadership:
    if count >= upper:
        return Leadership(True, 1, max_deputies)
    if count >= minimum:
        return Leadership(True, 1, small_max_deputies)
    return Leadership(False, 0, 0)


def division_leadership(civil_servants: int, parameters: Mapping[str, int] = ORIGINAL_PARAMETERS) -> Leadership:
    """4.2.a: from `division-two-deputies-from` (08 as first issued) civil servants, 01 head and at most
    `division-max-deputies` (02) deputies; from `division-min-civil-servants` (05) to under that, 01 head
    and `division-small-max-deputies` (01) deputy; no division with fewer than the minimum."""
    return _sized(civil_servants, *(parameters[key] for key in DIVISION_KEYS))


def centre_division_leadership(
    public_employees: int, parameters: Mapping[str, int] = ORIGINAL_PARAMETERS
) -> Leadership:
    """4.2.b: a division of the ICT Centre needs `centre-division-min-public-employees` (07 as first issued)
    or more public employees; up to `centre-division-two-deputies-from` (10) it has 01 head and 01 deputy,
    from there 01 head and `centre-division-max-deputies` (02) deputies; none with fewer than the minimum."""
    return _sized(public_employees, *(parameters[key] for key in CENTRE_DIVISION_KEYS))


def centre_max_deputies(parameters: Mapping[str, int] = ORIGINAL_PARAMETERS) -> int:
    """4.2.b: the ICT Centre has a Director and no more than `centre-max-deputies` (02) Deputy Directors."""
    return parameters["centre-max-deputies"]


def deputy_directors_within_cap(count: int, cap: int | None) -> bool | None:
    """4.1.b: the number of Deputy Directors is decided by the Provincial People's Committee; None when
    the cap is unknown (then nothing can be said)."""
    if cap is None:
        return None
    return count <= cap


def positions_allowed(unit_kind: str) -> frozenset[str]:
    """4.1.a and 4.2: the leadership board has the Director and Deputy Directors; every other unit a
    head (Chánh, Trưởng phòng, Giám đốc Trung tâm) and deputies; anyone may be staff."""
    if unit_kind == UnitKind.LEADERSHIP:
        return frozenset({Position.DIRECTOR, Position.DEPUTY_DIRECTOR, Position.STAFF})
    return frozenset({Position.HEAD, Position.DEPUTY_HEAD, Position.STAFF})


def head_position(unit_kind: str) -> str:
    """The post that heads a unit: the Director for the leadership board (4.1.a), the head elsewhere."""
    return Position.DIRECTOR if unit_kind == UnitKind.LEADERSHIP else Position.HEAD


def deputy_position(unit_kind: str) -> str:
    return Position.DEPUTY_DIRECTOR if unit_kind == UnitKind.LEADERSHIP else Position.DEPUTY_HEAD


# ------------------------------------------------------------------------------------ counting rules


def counts_toward_headcount(holding: Holding, category: str) -> bool:
    """Whether a post adds one to its unit's count of `category` (4.2.a "biên chế công chức", 4.2.b
    "người làm việc là viên chức"): primary assignments of people of that category, leaders included;
    never contract workers, never concurrent or acting posts (the slot stays in the primary unit)."""
    return (
        holding.kind == AssignmentKind.PRIMARY
        and holding.category == category
        and category != StaffCategory.CONTRACT_WORKER
    )


def headcount(holdings: Iterable[Holding], unit_code: str, category: str) -> int:
    """4.2.a/4.2.b: people of `category` counted in the unit (see `counts_toward_headcount`)."""
    return sum(1 for h in holdings if h.unit_code == unit_code and counts_toward_headcount(h, category))


def posts_filled(holdings: Iterable[Holding], unit_code: str, position: str) -> list[Holding]:
    """4.2: the posts of `position` taken in a unit: primary and concurrent holders; acting ones cover an
    absence or vacancy and take no post."""
    return [
        h for h in holdings if h.unit_code == unit_code and h.position == position and h.kind != AssignmentKind.ACTING
    ]


def acting_holders(holdings: Iterable[Holding], unit_code: str, position: str) -> list[Holding]:
    return [
        h for h in holdings if h.unit_code == unit_code and h.position == position and h.kind == AssignmentKind.ACTING
    ]


def may_act_as_director(holdings_of_person: Iterable[Holding], leadership_unit: str) -> bool:
    """5.2: when the Director is away, a Deputy Director authorised by the Director runs the Department."""
    return any(
        h.unit_code == leadership_unit and h.position == Position.DEPUTY_DIRECTOR and h.kind != AssignmentKind.ACTING
        for h in holdings_of_person
    )


def may_act_as_head(holdings_of_person: Iterable[Holding], unit_code: str) -> bool:
    """5.3: a Deputy Head is authorised to run the division when the Head is away."""
    return any(
        h.unit_code == unit_code and h.position == Position.DEPUTY_HEAD and h.kind != AssignmentKind.ACTING
        for h in holdings_of_person
    )


def quota_exceeded(actual: int, quota: int) -> bool:
    """4.3.a: staffing is assigned; a unit may not hold more people of a category than its quota."""
    return actual > quota


# ------------------------------------------------------------------------------------ evaluation


def evaluate(facts: OrgFacts) -> list[Finding]:
    """Every finding about the organisation on `facts.at`, errors first, then by unit and provision."""
    findings: list[Finding] = []
    units = {u.code: u for u in facts.units}
    for unit in facts.units:
        findings.extend(_unit_findings(unit, facts))
    findings.extend(_acting_findings(facts, units))
    findings.extend(_quota_findings(facts, units))
    findings.extend(_holding_findings(facts, units))
    return sorted(set(findings), key=lambda f: (f.severity != Severity.ERROR, f.unit, f.provision, f.message))


def _unit_findings(unit: UnitFacts, facts: OrgFacts) -> list[Finding]:
    holdings = facts.holdings
    found: list[Finding] = []
    heads = posts_filled(holdings, unit.code, head_position(unit.kind))
    deputies = posts_filled(holdings, unit.code, deputy_position(unit.kind))
    acting = acting_holders(holdings, unit.code, head_position(unit.kind))

    if unit.kind == UnitKind.LEADERSHIP:
        provision = "4.1.a"
        allowed = deputy_directors_within_cap(len(deputies), facts.deputy_director_cap)
        if allowed is None:
            found.append(
                Finding(
                    unit.code,
                    "4.1.b",
                    Severity.WARNING,
                    _(
                        "The number of Deputy Directors decided by the Provincial People's Committee "
                        "is not recorded; "
                        "%(count)d Deputy Directors cannot be checked."
                    )
                    % {"count": len(deputies)},
                    "cap_unknown",
                )
            )
        elif not allowed:
            found.append(
                Finding(
                    unit.code,
                    "4.1.b",
                    Severity.ERROR,
                    _("%(count)d Deputy Directors, more than the %(cap)d decided by the Provincial People's Committee.")
                    % {"count": len(deputies), "cap": facts.deputy_director_cap},
                    "deputy_directors_over_cap",
                )
            )
    elif unit.kind in DEPARTMENT_DIVISION_KINDS:
        provision = "4.2.a"
        count = headcount(holdings, unit.code, StaffCategory.CIVIL_SERVANT)
        messages = (
            _(
                "%(unit)s has %(count)d civil servants; a division with fewer than %(min)d civil servants "
                "may not exist."
            ),
            _("%(unit)s has %(count)d civil servants and %(deputies)d deputies; at most %(max)d allowed."),
        )
        found += _division_findings(
            unit, provision, count, len(deputies), facts, DIVISION_KEYS, division_leadership, messages
        )
    elif unit.kind in CENTRE_DIVISION_KINDS:
        provision = "4.2.b"
        count = headcount(holdings, unit.code, StaffCategory.PUBLIC_EMPLOYEE)
        messages = (
            _(
                "%(unit)s has %(count)d public employees; a division of the Centre with fewer than %(min)d "
                "public employees may not exist."
            ),
            _("%(unit)s has %(count)d public employees and %(deputies)d deputies; at most %(max)d allowed."),
        )
        found += _division_findings(
            unit, provision, count, len(deputies), facts, CENTRE_DIVISION_KEYS, centre_division_leadership, messages
        )
    else:  # public service unit
        provision = "4.2.b"
        cap = centre_max_deputies(_values(facts, ("centre-max-deputies",)))
        if len(deputies) > cap:
            found.append(
                Finding(
                    unit.code,
                    provision,
                    Severity.ERROR,
                    _("%(unit)s has %(deputies)d Deputy Directors; at most %(max)d allowed.")
                    % {"unit": unit.name, "deputies": len(deputies), "max": cap},
                    "too_many_deputies",
                    _amended_by(facts, ("centre-max-deputies",)),
                )
            )

    if len(heads) > 1:
        found.append(
            Finding(
                unit.code,
                provision,
                Severity.ERROR,
                _("%(unit)s has %(count)d heads (%(names)s); a unit has one head.")
                % {"unit": unit.name, "count": len(heads), "names": ", ".join(h.staff_name for h in heads)},
                "several_heads",
            )
        )
    elif not heads and not acting:
        found.append(
            Finding(
                unit.code,
                provision,
                Severity.WARNING,
                _("%(unit)s has no head and nobody acting as head.") % {"unit": unit.name},
                "head_vacant",
            )
        )
    return found


def _values(facts: OrgFacts, keys: tuple[str, ...]) -> dict[str, int]:
    return {key: facts.value(key) for key in keys}


def _amended_by(facts: OrgFacts, keys: tuple[str, ...]) -> str:
    """The amending document(s) that set the numbers a finding rests on (empty: the original text)."""
    return "; ".join(sorted({facts.amended_by[key] for key in keys if facts.amended_by.get(key)}))


def _division_findings(
    unit: UnitFacts,
    provision: str,
    count: int,
    deputies: int,
    facts: OrgFacts,
    keys: tuple[str, ...],
    sizing: Callable[[int, Mapping[str, int]], Leadership],
    messages: tuple[str, str],
) -> list[Finding]:
    """4.2.a / 4.2.b: a division too small to exist, or with more deputies than its headcount allows, by
    the numbers in force on `facts.at`; the finding names the amending document that set them, if any.
    `messages` are the (too small, too many deputies) sentences, whole for translation."""
    too_small, too_many = messages
    parameters = _values(facts, keys)
    rule = sizing(count, parameters)
    source = _amended_by(facts, keys)
    if not rule.may_exist:
        values = {"unit": unit.name, "count": count, "min": parameters[keys[0]]}
        return [Finding(unit.code, provision, Severity.ERROR, too_small % values, "division_too_small", source)]
    if deputies > rule.max_deputies:
        values = {"unit": unit.name, "count": count, "deputies": deputies, "max": rule.max_deputies}
        return [Finding(unit.code, provision, Severity.ERROR, too_many % values, "too_many_deputies", source)]
    return []


def _acting_findings(facts: OrgFacts, units: dict[str, UnitFacts]) -> list[Finding]:
    found: list[Finding] = []
    by_person: dict[str, list[Holding]] = {}
    for h in facts.holdings:
        by_person.setdefault(h.staff_code, []).append(h)
    seen: Counter[tuple[str, str]] = Counter()
    for h in facts.holdings:
        if h.kind != AssignmentKind.ACTING or h.unit_code not in units:
            continue
        seen[(h.unit_code, h.position)] += 1
        unit = units[h.unit_code]
        if h.position == Position.DIRECTOR and not may_act_as_director(by_person[h.staff_code], unit.code):
            found.append(
                Finding(
                    unit.code,
                    "5.2",
                    Severity.ERROR,
                    _("%(name)s acts as Director but is not a Deputy Director.") % {"name": h.staff_name},
                    "acting_not_deputy",
                )
            )
        elif h.position == Position.HEAD and not may_act_as_head(by_person[h.staff_code], unit.code):
            found.append(
                Finding(
                    unit.code,
                    "5.3",
                    Severity.WARNING,
                    _("%(name)s acts as head of %(unit)s but is not one of its deputies.")
                    % {"name": h.staff_name, "unit": unit.name},
                    "acting_not_deputy",
                )
            )
    for (unit_code, _position), count in seen.items():
        if count > 1:
            found.append(
                Finding(
                    unit_code,
                    "5.3" if _position == Position.HEAD else "5.2",
                    Severity.ERROR,
                    _("%(count)d people act in the same post of %(unit)s at the same time.")
                    % {"count": count, "unit": units[unit_code].name},
                    "several_acting",
                )
            )
    return found


def _quota_findings(facts: OrgFacts, units: dict[str, UnitFacts]) -> list[Finding]:
    found: list[Finding] = []
    for quota in facts.quotas:
        if quota.unit_code not in units or quota.year != facts.at.year:
            continue
        unit = units[quota.unit_code]
        for category, limit in (
            (StaffCategory.CIVIL_SERVANT, quota.civil_servants),
            (StaffCategory.PUBLIC_EMPLOYEE, quota.public_employees),
        ):
            actual = headcount(facts.holdings, unit.code, category)
            if quota_exceeded(actual, limit):
                found.append(
                    Finding(
                        unit.code,
                        "4.3.a",
                        Severity.ERROR,
                        _("%(unit)s has %(actual)d %(category)s, more than its %(year)d quota of %(quota)d.")
                        % {
                            "unit": unit.name,
                            "actual": actual,
                            "category": StaffCategory(category).label.lower(),
                            "year": quota.year,
                            "quota": limit,
                        },
                        "over_quota",
                    )
                )
    return found


def _holding_findings(facts: OrgFacts, units: dict[str, UnitFacts]) -> list[Finding]:
    found: list[Finding] = []
    primaries = Counter(h.staff_code for h in facts.holdings if h.kind == AssignmentKind.PRIMARY)
    for h in facts.holdings:
        unit = units.get(h.unit_code)
        if unit is None:
            continue
        if h.position not in positions_allowed(unit.kind):
            found.append(
                Finding(
                    unit.code,
                    "4.2",
                    Severity.ERROR,
                    _("%(name)s holds a post that %(unit)s does not have.") % {"name": h.staff_name, "unit": unit.name},
                    "position_not_in_unit",
                )
            )
        if h.kind == AssignmentKind.PRIMARY and primaries[h.staff_code] > 1:
            found.append(
                Finding(
                    unit.code,
                    "4.3.a",
                    Severity.ERROR,
                    _("%(name)s has more than one primary assignment and would be counted twice.")
                    % {"name": h.staff_name},
                    "counted_twice",
                )
            )
    return found


def diff(before: Iterable[Finding], after: Iterable[Finding]) -> tuple[list[Finding], list[Finding]]:
    """What-if: findings a change would add, and findings it would clear."""
    old, new = set(before), set(after)
    return sorted(new - old), sorted(old - new)
