"""Numeric indicators for the briefing pack and the reports, as a registry other capabilities plug into.

An indicator is a code, a label and a function `(start, end, unit_code) -> number | None` over a period
(inclusive dates) and a unit (None: the whole Department). Another app registers its own from its
`AppConfig.ready()`:

    from stttt.work import indicators
    indicators.register("licensing.issued", _("Licences issued"), licences_issued, source="licensing")

Report types name indicators by code in their template; unknown codes are shown empty, not an error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.utils.translation import gettext_lazy as _

Number = int | float
IndicatorFunction = Callable[[dt.date, dt.date, str | None], Number | None]


@dataclass(frozen=True)
class Indicator:
    code: str
    label: Any
    function: IndicatorFunction
    source: str = ""
    per_unit: bool = True  # False: only a Department-wide figure makes sense


_registry: dict[str, Indicator] = {}


def register(code: str, label: Any, function: IndicatorFunction, *, source: str = "", per_unit: bool = True
             ) -> None:
    """Add (or replace) an indicator; safe to call again when `ready()` runs twice."""
    _registry[code] = Indicator(code, label, function, source, per_unit)


def unregister(code: str) -> None:
    _registry.pop(code, None)


def all_indicators() -> list[Indicator]:
    return sorted(_registry.values(), key=lambda i: (i.source, i.code))


def get(code: str) -> Indicator | None:
    return _registry.get(code)


def label_of(code: str) -> str:
    found = _registry.get(code)
    return str(found.label) if found else code


def value(code: str, start: dt.date, end: dt.date, unit_code: str | None = None) -> Number | None:
    """The indicator's value for the period and unit, None when unknown or not applicable."""
    found = _registry.get(code)
    if found is None or (unit_code is not None and not found.per_unit):
        return None
    return found.function(start, end, unit_code)


def values(codes: list[str], start: dt.date, end: dt.date, unit_code: str | None = None) -> dict[str, Any]:
    return {code: value(code, start, end, unit_code) for code in codes}


# --- Built-in indicators -------------------------------------------------------------------------------

def _task_counter(bucket: str) -> IndicatorFunction:
    def count(start: dt.date, end: dt.date, unit_code: str | None) -> int:
        from stttt.work.selectors import task_buckets

        return len(task_buckets(start, end, unit_code=unit_code)[bucket])

    return count


def _months(start: dt.date, end: dt.date) -> list[str]:
    found = []
    day = start.replace(day=1)
    while day <= end:
        found.append(f"{day:%Y-%m}")
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return found


def _procedures_counter(key: str, *, at_end_only: bool = False) -> IndicatorFunction:
    """Sum of `stttt.procedures.selectors.statistics(month, by="division")[key]` over the period's months."""

    def count(start: dt.date, end: dt.date, unit_code: str | None) -> int:
        from stttt.procedures import selectors as procedure_selectors

        months = _months(start, end)
        if at_end_only:
            months = months[-1:]
        total = 0
        for month in months:
            for row in procedure_selectors.statistics(month, by="division"):
                if unit_code is None or row.get("key") == unit_code:
                    total += int(row.get(key) or 0)
        return total

    return count


def register_builtin() -> None:
    """Task counts (this app) and, when `procedures` is installed, its dossier statistics."""
    register("work.tasks_completed", _("Tasks completed"), _task_counter("completed"), source="work")
    register("work.tasks_in_progress", _("Tasks in progress"), _task_counter("in_progress"), source="work")
    register("work.tasks_overdue", _("Tasks overdue"), _task_counter("overdue"), source="work")
    if apps.is_installed("stttt.procedures"):
        try:
            from stttt.procedures import selectors as procedure_selectors
        except ImportError:  # pragma: no cover - the app is being built
            return
        if not hasattr(procedure_selectors, "statistics"):  # pragma: no cover
            return
        register("procedures.received", _("Dossiers received"), _procedures_counter("received"),
                 source="procedures")
        register("procedures.resolved_on_time", _("Dossiers resolved on time"),
                 _procedures_counter("resolved_on_time"), source="procedures")
        register("procedures.resolved_late", _("Dossiers resolved late"), _procedures_counter("resolved_late"),
                 source="procedures")
        register("procedures.in_progress_overdue", _("Dossiers overdue at the period's end"),
                 _procedures_counter("in_progress_overdue", at_end_only=True), source="procedures")
