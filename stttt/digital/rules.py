"""Rules of the digital app as pure functions (no ORM), each citing the provision it applies; the figures come
from `facts.py`. Tested at their boundaries in `tests/test_rules.py`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from stttt.core.calendar import WorkingCalendar
from stttt.core.legalfacts import fact
from stttt.work.rules import IndicatorSpec, validate_district_values

Number = int | float

# --- Indicator figures (3.14.a-b; the collection generalises the district reports of 6.6) ------------------

NUM, DEN = "__num", "__den"


@dataclass(frozen=True)
class IndicatorDef:
    """What a reporting entity fills for one indicator: one figure, or a numerator and a denominator."""

    code: str
    name: str
    formula: str  # "sum", "rate", "average"
    value_type: str = "decimal"
    numerator_label: str = ""
    denominator_label: str = ""


def field_specs(indicators: Iterable[IndicatorDef], *, required: bool = True) -> list[IndicatorSpec]:
    """The figures a reporting entity types for these indicators, as the work app's `IndicatorSpec`s: a rate
    asks for its numerator and denominator (counts, at least 0), the others for one figure."""
    specs: list[IndicatorSpec] = []
    for ind in indicators:
        if ind.formula == "rate":
            specs.append(
                IndicatorSpec(
                    ind.code + NUM,
                    f"{ind.name}: {ind.numerator_label or _('numerator')}",
                    "integer",
                    Decimal(0),
                    None,
                    required,
                )
            )
            specs.append(
                IndicatorSpec(
                    ind.code + DEN,
                    f"{ind.name}: {ind.denominator_label or _('denominator')}",
                    "integer",
                    Decimal(0),
                    None,
                    required,
                )
            )
        else:
            specs.append(IndicatorSpec(ind.code, ind.name, ind.value_type, Decimal(0), None, required))
    return specs


def validate_submission(
    indicators: Sequence[IndicatorDef], raw: Mapping[str, Any], *, final: bool
) -> tuple[dict[str, Number | None], dict[str, str]]:
    """Check a reporting entity's figures (3.14.a; the district-report checks of 6.6, reused): types and
    ranges always, required figures on submission only, and for a rate a numerator not above its
    denominator. Returns (values, errors) keyed by field code."""
    values, errors = validate_district_values(field_specs(indicators), raw, final=final)
    for ind in indicators:
        if ind.formula != "rate":
            continue
        num, den = values.get(ind.code + NUM), values.get(ind.code + DEN)
        if num is not None and den is not None and num > den:
            errors[ind.code + NUM] = _("%(name)s: the numerator cannot exceed the denominator.") % {"name": ind.name}
    return values, errors


def province_value(formula: str, code: str, submissions: Iterable[Mapping[str, Any]]) -> float | None:
    """The province's value of one indicator from the submitted figures (3.14.a: the Department compiles):

    - sum: the sum of the figures given;
    - rate: 100 × (sum of numerators) / (sum of denominators), a weighted rate, not a mean of rates;
    - average: the mean of the figures given.

    None when no entity gave a figure (or every denominator is 0); rounded to 2 decimals."""
    if formula == "rate":
        num = den = 0.0
        seen = False
        for values in submissions:
            n, d = values.get(code + NUM), values.get(code + DEN)
            if n is None or d is None:
                continue
            num, den, seen = num + n, den + d, True
        if not seen or den == 0:
            return None
        return round(100 * num / den, 2)
    given = [float(v[code]) for v in submissions if v.get(code) is not None]
    if not given:
        return None
    if formula == "average":
        return round(sum(given) / len(given), 2)
    return round(sum(given), 2)


def sub_index_points(value: float | None, benchmark: float | None, points: float) -> float:
    """Points a sub-index earns: min(value / benchmark, 1) × its points (Decision 922/QĐ-BTTTT 2022, Annex 1,
    Part II, as `digital.dti_sub_index_score` reads it [verify]); 0 without a value or a benchmark."""
    if value is None or not benchmark or benchmark <= 0 or value <= 0:
        return 0.0
    return round(min(value / benchmark, 1.0) * points, 2)


FOUNDATION = ("awareness", "institutions", "infrastructure", "human_resources", "security", "smart_city")
ACTIVITY = ("government", "economy", "society")


def pillar_maximum(pillar: str) -> float:
    """The points of a DTI main index (Decision 922/QĐ-BTTTT 2022, Annex 1, Table I.1)."""
    return float(fact(f"digital.dti_points_{pillar}").value)


@dataclass(frozen=True)
class DtiResult:
    points: dict[str, float]  # per main index
    foundation: float
    activity: float
    total: float
    index: float  # total / 1000
    pillars: dict[str, float]  # government, economy, society: 0..1


def dti(points: Mapping[str, float]) -> DtiResult:
    """The DTI from the points of each main index (Decision 922/QĐ-BTTTT 2022, Annex 1, Table I.1): each
    main index capped at its maximum; the foundation group (indices 1-6, smart city not scored) and the
    activity group (7-9) summed; the total over 1000; each pillar (digital government, economy, society)
    as (foundation + its activity index) / (500 + that index's maximum), per `digital.dti_pillar_method`
    [verify]."""
    capped = {p: min(max(float(points.get(p, 0) or 0), 0.0), pillar_maximum(p)) for p in FOUNDATION + ACTIVITY}
    foundation = round(sum(capped[p] for p in FOUNDATION), 2)
    activity = round(sum(capped[p] for p in ACTIVITY), 2)
    scale = float(fact("digital.dti_total_points").value)
    total = round(foundation + activity, 2)
    foundation_max = sum(pillar_maximum(p) for p in FOUNDATION)
    pillars = {p: round((foundation + capped[p]) / (foundation_max + pillar_maximum(p)), 4) for p in ACTIVITY}
    return DtiResult(capped, foundation, activity, total, round(total / scale, 4), pillars)


def change(current: float | None, previous: float | None) -> float | None:
    """The difference with the previous year (None when either is unknown)."""
    if current is None or previous is None:
        return None
    return round(current - previous, 4)


def submission_editable(status: str) -> bool:
    """A reporting entity edits its figures until it submits; a return reopens them (as district reports, 6.6)."""
    return status in ("not_started", "draft", "returned")


def is_late(deadline: dt.date, submitted_on: dt.date | None, today: dt.date) -> bool:
    """Late: submitted after the deadline, or not submitted and the deadline has passed (Civil Code 2015
    Art. 148(1): a period ends at the end of its last day)."""
    if submitted_on is not None:
        return submitted_on > deadline
    return today > deadline


# --- Online public services (Decree 42/2022, Decree 45/2020) -----------------------------------------------


def share(part: int, whole: int) -> float | None:
    """`part` as a percentage of `whole`, 1 decimal; None when there is nothing to divide."""
    if not whole:
        return None
    return round(100 * part / whole, 1)


def online_shares(counts: Mapping[str, int]) -> dict[str, float | None]:
    """The online-service shares of one procedure and month, computed from the dossiers (Decree 45/2020/NĐ-CP;
    Decree 42/2022/NĐ-CP Art. 11(1) for fully online; Decision 766/QĐ-TTg 2022 indicators [verify]):

    - filed online: dossiers received online / received;
    - fully online: online dossiers of a fully online procedure / received;
    - on time: resolved on time / resolved."""
    received = int(counts.get("received", 0))
    resolved = int(counts.get("resolved_on_time", 0)) + int(counts.get("resolved_late", 0))
    return {
        "online": share(int(counts.get("online", 0)), received),
        "full_online": share(int(counts.get("full_online", 0)), received),
        "on_time": share(int(counts.get("resolved_on_time", 0)), resolved),
    }


# --- Data sharing (Decree 47/2020) --------------------------------------------------------------------------


def sharing_due(received_on: dt.date, cal: WorkingCalendar) -> dt.date:
    """The day an answer to a data-sharing request is due: `digital.sharing_answer_working_days` working days
    after receipt (Decree 47/2020/NĐ-CP, Chapter III [verify]; Civil Code Art. 147(3): the day of receipt
    is not counted)."""
    return cal.add_working_days(received_on, int(fact("digital.sharing_answer_working_days").value))


def answered_in_time(due_on: dt.date, decided_on: dt.date | None, today: dt.date) -> bool | None:
    """True/False once answered; None while open and not yet late; False once open past its due date."""
    if decided_on is not None:
        return decided_on <= due_on
    return None if today <= due_on else False


# --- IT investment appraisal (Decree 73/2019 as amended by Decree 82/2024) ------------------------------


def project_group(total: Decimal | int, *, national: bool = False) -> str:
    """The project's group by total investment (Law on Public Investment 2019 Art. 8-10 for informatics,
    `digital.group_a_threshold` and `digital.group_c_threshold` [verify]): A from the group A threshold,
    C below the group C threshold, B between; nationally important when the National Assembly so decided."""
    if national:
        return "national"
    amount = Decimal(total)
    if amount >= Decimal(fact("digital.group_a_threshold").value):
        return "A"
    if amount < Decimal(fact("digital.group_c_threshold").value):
        return "C"
    return "B"


def needs_feasibility_study(total: Decimal | int) -> bool:
    """A project from `digital.economic_technical_threshold` prepares a feasibility study; below it an
    economic-technical report (Decree 73/2019/NĐ-CP Art. 5 [verify])."""
    return Decimal(total) >= Decimal(fact("digital.economic_technical_threshold").value)


def stage_fits(stage: str, funding: str, total: Decimal | int) -> str | None:
    """Whether the dossier is the one the decree asks for; a message when it is not (Decree 73/2019/NĐ-CP
    Art. 1 and 5 [verify])."""
    if funding == "recurrent":
        if stage != "outline_estimate":
            return _("An activity funded by recurrent spending is appraised on its outline and detailed estimate.")
        return None
    if stage == "outline_estimate":
        return _("A project funded by development investment is not appraised on an outline and estimate.")
    if stage == "economic_technical" and needs_feasibility_study(total):
        return _("A project of this size needs a feasibility study, not an economic-technical report.")
    if stage == "feasibility" and not needs_feasibility_study(total):
        return _("A project of this size prepares an economic-technical report.")
    return None


def appraisal_period(stage: str, group: str) -> tuple[int, str, str]:
    """(days, unit, fact key) of the appraisal time limit for the dossier (Decree 73/2019/NĐ-CP Art. 17, 24,
    34, 50 [verify]): a feasibility or pre-feasibility study by project group, an economic-technical report
    as group C, a detailed design on its own limit, an outline and estimate in working days."""
    if stage == "outline_estimate":
        key = "digital.appraisal_days_outline"
    elif stage == "detailed_design":
        key = "digital.appraisal_days_design"
    elif stage == "economic_technical" or group == "C":
        key = "digital.appraisal_days_group_c"
    elif group in ("A", "national"):
        key = "digital.appraisal_days_group_a"
    else:
        key = "digital.appraisal_days_group_b"
    found = fact(key)
    return int(found.value), found.unit, key


def appraisal_due(received_on: dt.date, stage: str, group: str, cal: WorkingCalendar) -> dt.date:
    """The day the appraisal is due, counted from the day the complete dossier was received (Civil Code
    Art. 147: the day of receipt is not counted; a period ending on a day off ends on the next working day)."""
    days, unit, _key = appraisal_period(stage, group)
    if unit == "working_days":
        return cal.add_working_days(received_on, days)
    return cal.add_plain_days(received_on, days)


# --- Digital signatures (3.14.h) --------------------------------------------------------------------------


def certificate_expiring(expires_on: dt.date | None, today: dt.date) -> bool:
    """Due for a reminder: expires within `digital.signature_expiry_warning_days` days (or has expired)."""
    if expires_on is None:
        return False
    return (expires_on - today).days <= int(fact("digital.signature_expiry_warning_days").value)
