"""Pure rules of the work app: no ORM. Each cites the article of the regulation it serves."""

from __future__ import annotations

import calendar as month_calendar
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from stttt.core.calendar import WorkingCalendar

DUE_SOON_WORKING_DAYS = 3

# --- Periods and due dates (3.29, 6.1, 6.3) -------------------------------------------------------------

PERIOD_MONTHS = {"monthly": 1, "quarterly": 3, "six_month": 6, "annual": 12}


def month_bounds(text: str) -> tuple[dt.date, dt.date]:
    """`YYYY-MM` -> the first and last day of that month; ValueError for anything else.

    5.4: the briefing reviews one month and programmes the next."""
    if not re.fullmatch(r"\d{4}-\d{2}", text or ""):
        raise ValueError(_("“%(month)s” is not a month; write it as YYYY-MM, e.g. 2026-10.") % {"month": text})
    year, number = int(text[:4]), int(text[5:])
    if not 1 <= number <= 12 or not 1990 <= year <= 2200:
        raise ValueError(_("“%(month)s” is not a month; write it as YYYY-MM, e.g. 2026-10.") % {"month": text})
    return dt.date(year, number, 1), dt.date(year, number, month_calendar.monthrange(year, number)[1])


def next_month(first: dt.date) -> dt.date:
    """The first day of the month after the one starting on (or containing) `first`."""
    return (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def period_containing(periodicity: str, day: dt.date) -> tuple[dt.date, dt.date]:
    """The reporting period of `periodicity` that contains `day`: calendar month, quarter, half-year or year.

    3.29 and 6.1/6.3: periodic reports to the PPC and the Ministry cover these statistical periods.
    Ad hoc reports have no period of their own (ValueError)."""
    months = PERIOD_MONTHS.get(periodicity)
    if months is None:
        raise ValueError(_("An ad hoc report has no fixed period; give its dates."))
    first_month = (day.month - 1) // months * months + 1
    start = dt.date(day.year, first_month, 1)
    last_month = first_month + months - 1
    end = dt.date(day.year, last_month, month_calendar.monthrange(day.year, last_month)[1])
    return start, end


def period_before(periodicity: str, day: dt.date) -> tuple[dt.date, dt.date]:
    """The period just before the one containing `day` (the one a report written on `day` covers)."""
    start, _end = period_containing(periodicity, day)
    return period_containing(periodicity, start - dt.timedelta(days=1))


def report_due(period_end: dt.date, offset_days: int, cal: WorkingCalendar) -> dt.date:
    """Due date of a report: `offset_days` calendar days after the period's last day (negative: before it);
    a due date on a day off moves to the next working day (Civil Code 2015 Art. 148(5)).

    3.29: the Department reports periodically as the PPC and the Ministry require; the offset is data."""
    return cal.working_day_on_or_after(period_end + dt.timedelta(days=offset_days))


def is_late(due: dt.date | None, done_on: dt.date | None, today: dt.date) -> bool:
    """Late: done after the due date, or not done and the due date has passed (3.29, 6.2, 6.6)."""
    if due is None:
        return False
    if done_on is not None:
        return done_on > due
    return today > due


# --- Tasks (5.1, 5.3, 5.4; 3.35) ------------------------------------------------------------------------


def deadline_state(
    *, is_open: bool, deadline: dt.date | None, today: dt.date, cal: WorkingCalendar, soon: int = DUE_SOON_WORKING_DAYS
) -> str:
    """`overdue` (open past its deadline), `due_soon` (open, deadline within `soon` working days),
    `on_track`, or `none` (closed or no deadline). Computed, never typed.

    5.4: the monthly briefing follows which tasks are done on time and which are late."""
    if not is_open or deadline is None:
        return "none"
    if today > deadline:
        return "overdue"
    if cal.working_days_between(today, deadline) <= soon:
        return "due_soon"
    return "on_track"


def due_soon_until(today: dt.date, cal: WorkingCalendar, soon: int = DUE_SOON_WORKING_DAYS) -> dt.date:
    """The first deadline that is no longer `due_soon` on `today` (`deadline_state`): a deadline from today
    up to the day before is due soon, from it on on track. Lets a list filter by state in the database.

    5.4: the monthly briefing follows which tasks are done on time and which are late."""
    day = today
    while cal.working_days_between(today, day) <= soon:
        day += dt.timedelta(days=1)
    return day


def month_bucket(
    *,
    status_open: bool,
    completed_on: dt.date | None,
    deadline: dt.date | None,
    created_on: dt.date,
    first: dt.date,
    last: dt.date,
    today: dt.date,
) -> str | None:
    """Where a task falls in the briefing of the month [first, last] (5.4):

    - `completed`: completed during the month;
    - `overdue`: not completed by the month's end (or today, for the current month) and past its deadline;
    - `in_progress`: not completed by then and not past its deadline;
    - None: created after the month, completed before it, or cancelled before the month's end.
    """
    cutoff = min(last, today)
    if created_on > cutoff:
        return None
    if completed_on is not None:
        if first <= completed_on <= last:
            return "completed"
        if completed_on < first:
            return None
    elif not status_open:
        return None
    if deadline is not None and deadline < cutoff:
        return "overdue"
    return "in_progress"


# --- Who may do what (5.1-5.3), on the facts of `stttt.org.powers.Powers` -------------------------


def sees_everything(powers: Any) -> bool:
    """The Director (or the Deputy acting as Director) and the Deputy Directors see all tasks (5.1, 5.2)."""
    return bool(powers.is_director or powers.is_deputy_director)


def task_visible(powers: Any, *, unit_codes: Iterable[str], in_charge: bool, created: bool) -> bool:
    """A task is visible to the leadership, to the people of its lead or coordinating units, to its person
    in charge and to whoever created it (5.3: a head answers for the work of their unit)."""
    return sees_everything(powers) or in_charge or created or bool(set(unit_codes) & set(powers.unit_codes))


def can_assign_task(powers: Any, unit_code: str) -> bool:
    """The Director and Deputies give tasks to any unit (5.1, 5.2); a head (or acting head) to their own
    unit (5.3)."""
    return sees_everything(powers) or unit_code in powers.headed_unit_codes


def can_work_on_task(powers: Any, *, lead_unit_code: str, in_charge: bool) -> bool:
    """Progress and completion are reported by the person in charge, the lead unit's members and leaders."""
    return sees_everything(powers) or in_charge or lead_unit_code in powers.unit_codes


# --- Reports from districts (6.6) -----------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    label: str
    value_type: str = "integer"
    min_value: Decimal | None = None
    max_value: Decimal | None = None
    required: bool = True


_INTEGER = re.compile(r"^[+-]?(\d+|\d{1,3}([. ]\d{3})+)$")
_DECIMAL = re.compile(r"^[+-]?\d+([.,]\d+)?$")


def parse_number(text: str, value_type: str) -> int | Decimal:
    """A number as a district officer types it: `1234`, `1.234` or `1 234` for whole numbers; `12,5` or
    `12.5` for decimals. ValueError with a message in the user's language otherwise (6.6)."""
    cleaned = text.strip().replace("\u00a0", " ")
    if value_type == "integer":
        if not _INTEGER.match(cleaned):
            raise ValueError(_("“%(value)s” is not a whole number.") % {"value": text})
        return int(cleaned.replace(".", "").replace(" ", ""))
    if not _DECIMAL.match(cleaned):
        raise ValueError(_("“%(value)s” is not a number.") % {"value": text})
    try:
        return Decimal(cleaned.replace(",", "."))
    except InvalidOperation as exc:  # pragma: no cover - the pattern already guards
        raise ValueError(_("“%(value)s” is not a number.") % {"value": text}) from exc


def _fmt(value: Decimal) -> str:
    return f"{value.normalize():f}"


def validate_district_values(
    specs: Iterable[IndicatorSpec], raw: Mapping[str, Any], *, final: bool
) -> tuple[dict[str, float | int | None], dict[str, str]]:
    """Check the figures of a district report (6.6: the Department may require statistical reports).

    Returns (values, errors): values parsed per indicator code (None when blank), errors per code with a
    message. Types and ranges are checked always; required figures only when `final` (on submission),
    so a draft keeps whatever was typed."""
    values: dict[str, float | int | None] = {}
    errors: dict[str, str] = {}
    for spec in specs:
        text = str(raw.get(spec.code, "") or "").strip()
        if not text:
            values[spec.code] = None
            if final and spec.required:
                errors[spec.code] = _("%(label)s is required.") % {"label": spec.label}
            continue
        try:
            number = parse_number(text, spec.value_type)
        except ValueError as exc:
            errors[spec.code] = str(exc)
            continue
        if spec.min_value is not None and number < spec.min_value:
            errors[spec.code] = _("%(label)s must be at least %(min)s.") % {
                "label": spec.label,
                "min": _fmt(spec.min_value),
            }
            continue
        if spec.max_value is not None and number > spec.max_value:
            errors[spec.code] = _("%(label)s must be at most %(max)s.") % {
                "label": spec.label,
                "max": _fmt(spec.max_value),
            }
            continue
        values[spec.code] = number if isinstance(number, int) else float(number)
    return values, errors


def district_report_editable(status: str) -> bool:
    """A district may edit its report until it submits it; after that only a return reopens it (6.6)."""
    return status in ("not_started", "draft", "returned")


def province_totals(
    codes: Iterable[str], reports: Iterable[Mapping[str, Any]], averaged: Iterable[str] = ()
) -> dict[str, float | int]:
    """Province figures (6.6): for each indicator the sum of the submitted districts' values; for the
    indicators in `averaged` (rates, percentages) the mean of the districts that gave one, to 2 decimals."""
    codes = list(codes)
    averaged = set(averaged)
    totals: dict[str, float | int] = {code: 0 for code in codes}
    counts: dict[str, int] = {code: 0 for code in codes}
    for values in reports:
        for code in codes:
            value = values.get(code)
            if value is not None:
                totals[code] = totals[code] + value
                counts[code] += 1
    for code in averaged & set(codes):
        totals[code] = round(totals[code] / counts[code], 2) if counts[code] else 0
    return totals
