"""Rules of sector supervision: pure functions (no database), each citing the provision it applies.

Values (days, kinds, levels) come from `facts.py`, so a figure and its citation live in one place.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from stttt.core.legalfacts import fact

MONTHS_IN = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}
AWAITED, ON_TIME, LATE, OVERDUE = "awaited", "on_time", "late", "overdue"


@dataclass(frozen=True)
class Finding:
    """Something the Department should look at, with the provision it comes from."""

    code: str
    message: Any
    basis: str


def _value(key: str) -> Any:
    return fact(f"supervision.{key}").value


def _basis(key: str) -> str:
    return fact(f"supervision.{key}").basis


# --- Periodic reports --------------------------------------------------------------------------------


def periods(frequency: str, year: int) -> list[tuple[dt.date, dt.date]]:
    """The reporting periods of `year` for a frequency (month, quarter, half-year, year): (first, last day).
    Nghị định 09/2019/NĐ-CP Art. 12: reports cover calendar periods."""
    step = MONTHS_IN[frequency]
    found = []
    for first_month in range(1, 13, step):
        last_month = first_month + step - 1
        last_day = calendar.monthrange(year, last_month)[1]
        found.append((dt.date(year, first_month, 1), dt.date(year, last_month, last_day)))
    return found


def report_due(frequency: str, period_end: dt.date) -> dt.date:
    """The day a report of `frequency` for the period ending `period_end` is due: the period's end plus the
    days of `supervision.report_due_days_<frequency>` (Telecommunications Law 2023 Art. 13, Postal Law 2010
    Art. 11, Decree 09/2019 Art. 12; working settings until checked)."""
    return period_end + dt.timedelta(days=int(_value(f"report_due_days_{frequency}")))


def report_state(due_on: dt.date, submitted_on: dt.date | None, today: dt.date) -> str:
    """`on_time` or `late` once received (received after the due day is late), `overdue` when still awaited
    after the due day, `awaited` before it. Civil Code 2015 Art. 148(1): a period ends at the end of its last
    day."""
    if submitted_on is not None:
        return LATE if submitted_on > due_on else ON_TIME
    return OVERDUE if today > due_on else AWAITED


def reminder_due(due_on: dt.date, today: dt.date, last_reminded: dt.date | None, *, still_awaited: bool = True) -> bool:
    """Whether an awaited report's organisation should be reminded today: once from
    `reminder_days_before` days before the due day, then every `reminder_days_after` days while overdue.
    The Department's working rule under regulation Art. 3.17 and 3.29."""
    if not still_awaited:
        return False
    before = dt.timedelta(days=int(_value("reminder_days_before")))
    every = dt.timedelta(days=int(_value("reminder_days_after")))
    if today < due_on - before:
        return False
    if last_reminded is None:
        return True
    if today <= due_on:
        return last_reminded < due_on - before
    return today - last_reminded >= every and last_reminded < today


def validate_figures(fields: Sequence[Mapping[str, Any]], figures: Mapping[str, Any]) -> dict[str, Any]:
    """Errors of a report's figures, by field name: each asked figure must be given (unless optional) as a
    whole number from 0, and a figure declared `part_of` another may not exceed it (Decree 09/2019 Art. 8:
    reports are accurate and consistent)."""
    errors: dict[str, Any] = {}
    values: dict[str, int] = {}
    for spec in fields:
        name = spec["name"]
        raw = figures.get(name)
        if raw in (None, ""):
            if spec.get("required", True):
                errors[name] = _("This figure is required.")
            continue
        try:
            number = int(str(raw).replace(".", "").replace(" ", ""))
        except ValueError:
            errors[name] = _("Enter a whole number.")
            continue
        if number < 0:
            errors[name] = _("A figure cannot be negative.")
            continue
        values[name] = number
    for spec in fields:
        whole = spec.get("part_of")
        name = spec["name"]
        if whole and name in values and whole in values and values[name] > values[whole]:
            errors[name] = _("This figure cannot exceed the figure it is part of.")
    return errors


def clean_figures(fields: Sequence[Mapping[str, Any]], figures: Mapping[str, Any]) -> dict[str, int]:
    """The figures as whole numbers (call after `validate_figures` found nothing)."""
    out = {}
    for spec in fields:
        raw = figures.get(spec["name"])
        if raw not in (None, ""):
            out[spec["name"]] = int(str(raw).replace(".", "").replace(" ", ""))
    return out


def province_totals(fields: Sequence[Mapping[str, Any]], reports: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """The province's total of each figure over the accepted reports of one period (regulation Art. 3.29:
    the Department reports the sector's figures for the province)."""
    totals = {spec["name"]: 0 for spec in fields}
    for figures in reports:
        for name in totals:
            value = figures.get(name)
            if isinstance(value, int) and not isinstance(value, bool):
                totals[name] += value
    return totals


# --- Cases ---------------------------------------------------------------------------------------------

CASE_DAYS = {"dispute": "dispute_days", "complaint": "telecom_complaint_days", "advertising": "advertising_check_days"}


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day when it is shorter). Civil Code 2015 Art. 147."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def case_due(kind: str, received_on: dt.date, *, postal: bool = False) -> dt.date:
    """When a case must be handled: a complaint about a postal service within the months of Postal Law 2010
    Art. 39(3); a complaint about telecoms, a dispute on shared infrastructure (regulation 3.11.c) or
    advertising to check (3.9.b) within the days of their facts."""
    if kind == "complaint" and postal:
        return add_months(received_on, int(_value("postal_complaint_months_domestic")))
    return received_on + dt.timedelta(days=int(_value(CASE_DAYS[kind])))


def case_basis(kind: str, *, postal: bool = False) -> str:
    if kind == "complaint" and postal:
        return _basis("postal_complaint_months_domestic")
    return _basis(CASE_DAYS[kind])


# --- Infrastructure ------------------------------------------------------------------------------------


def site_findings(*, kind: str, status: str, permit_number: str, conformity: str) -> list[Finding]:
    """What needs attention at a site: built without a construction permit where one is needed (Construction
    Law 2014 Art. 89 as amended), not conforming to the local passive-infrastructure plan or not yet
    reviewed against it (Telecommunications Law 2023 Chapter VIII; regulation 3.11.b-c)."""
    found: list[Finding] = []
    if status in ("operating", "down") and kind in _value("site_permit_kinds") and not permit_number.strip():
        found.append(
            Finding("no_permit", _("Built without a recorded construction permit."), _basis("site_permit_kinds"))
        )
    if conformity == "not_conforming" and status != "dismantled":
        found.append(
            Finding("not_conforming", _("Does not conform to the infrastructure plan."), _basis("infrastructure_plan"))
        )
    elif conformity == "unreviewed" and status != "dismantled":
        found.append(
            Finding("unreviewed", _("Not yet reviewed against the infrastructure plan."), _basis("infrastructure_plan"))
        )
    return found


def sharing_ratio(shared: int, total: int) -> float:
    """Share of sites used by more than one operator (Telecommunications Law 2023 Chapter VIII: sharing)."""
    return 0.0 if total <= 0 else round(100.0 * shared / total, 1)


def quality_meets(value: Decimal | float, target: Decimal | float, *, higher_is_better: bool = True) -> bool:
    """A quality figure meets its target when at least (or, for delays and failure rates, at most) the target;
    the target itself meets it. Telecommunications Law 2023 and Postal Law 2010 (quality management under the
    national technical regulations)."""
    return value >= target if higher_is_better else value <= target


# --- Emergency communications -------------------------------------------------------------------------


def incident_update_due(last_update: dt.datetime) -> dt.datetime:
    """When the next update on an open outage is due (`incident_update_hours`; regulation Art. 3.21)."""
    return last_update + dt.timedelta(hours=int(_value("incident_update_hours")))


def restoration_hours(started_at: dt.datetime, restored_at: dt.datetime | None) -> float | None:
    """Hours from the start of an outage to its restoration (regulation Art. 3.21: the restoration timeline)."""
    if restored_at is None:
        return None
    return round((restored_at - started_at).total_seconds() / 3600, 1)


# --- Grassroots information -------------------------------------------------------------------------


def station_needs_upgrade(kind: str) -> bool:
    """Wired and wireless FM stations are outside Circular 39/2020/TT-BTTTT (IT and telecom stations): they
    belong in the upgrade plan of the grassroots scheme (Decision 135/QĐ-TTg 2020)."""
    return kind in _value("station_it_scope")


def confirmation_due(priority: str, broadcast_from: dt.date, broadcast_until: dt.date) -> dt.date:
    """By when a station confirms a bulletin: an emergency bulletin the same day (played at once, Circular
    39/2020), a priority one within `broadcast_confirm_days` of the first day, a normal one by the last
    broadcast day."""
    if priority not in _value("broadcast_priority"):
        raise ValueError(priority)
    if priority == "emergency":
        return broadcast_from
    if priority == "priority":
        return broadcast_from + dt.timedelta(days=int(_value("broadcast_confirm_days")))
    return broadcast_until


def confirmation_share(confirmed: int, asked: int) -> float:
    """Percentage of the stations asked that confirmed broadcasting."""
    return 0.0 if asked <= 0 else round(100.0 * min(confirmed, asked) / asked, 1)


# --- External information -----------------------------------------------------------------------------


def external_plan_due(received_on: dt.date) -> dt.date:
    """When the appraisal of an external-information plan is due (Decree 72/2015/NĐ-CP; regulation 3.6.c)."""
    return received_on + dt.timedelta(days=int(_value("external_plan_days")))


def postal_notice_due(started_on: dt.date, working_days_after: Any) -> dt.date:
    """The last day to file a postal activity notice: `postal_notice_working_days` working days after starting
    (Postal Law 2010 Art. 25; Decree 47/2011 Art. 7). `working_days_after(day, n)` is the calendar's."""
    return working_days_after(started_on, int(_value("postal_notice_working_days")))
