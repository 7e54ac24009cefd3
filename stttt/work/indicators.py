"""Numeric indicators for the briefing pack and the reports, as a registry other capabilities plug into.

An indicator is a code, a label and a function `(start, end, unit_code) -> number | None` over a period
(inclusive dates) and a unit (None: the whole agency). Another app registers its own from its
`AppConfig.ready()`:

    from stttt.work import indicators
    indicators.register("licensing.issued", _("Licences issued"), licences_issued, source="licensing",
                        agency_aware=True)  # then called as function(start, end, unit_code, agency=agency)

An agency-wide figure (no unit) of an indicator that cannot be scoped to an agency is not given when an
agency asks (None): an agency never sees a figure that counts another agency's records.

Report types name indicators by code in their template; unknown codes are shown empty, not an error.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar

from django.apps import apps
from django.utils.translation import gettext_lazy as _

Number = int | float
IndicatorFunction = Callable[..., Number | None]


@dataclass(frozen=True)
class Indicator:
    code: str
    label: Any
    function: IndicatorFunction
    source: str = ""
    per_unit: bool = True  # False: only an agency-wide figure makes sense
    agency_aware: bool = False  # True: called with `agency=` and counts that agency's records only


_registry: dict[str, Indicator] = {}


def register(
    code: str,
    label: Any,
    function: IndicatorFunction,
    *,
    source: str = "",
    per_unit: bool = True,
    agency_aware: bool = False,
) -> None:
    """Add (or replace) an indicator; safe to call again when `ready()` runs twice."""
    _registry[code] = Indicator(code, label, function, source, per_unit, agency_aware)


def unregister(code: str) -> None:
    _registry.pop(code, None)


T = TypeVar("T")
_reads: ContextVar[dict[tuple[Any, ...], Any] | None] = ContextVar("stttt_indicator_reads", default=None)


@contextmanager
def reading_once() -> Iterator[None]:
    """Inside this block (one briefing pack, one report), what several indicators read from the same source,
    such as a month's dossier statistics or a period's tasks, is read once instead of once per unit and code."""
    token = _reads.set({}) if _reads.get() is None else None
    try:
        yield
    finally:
        if token is not None:
            _reads.reset(token)


def read_once(key: tuple[Any, ...], read: Callable[[], T]) -> T:
    """`read()`, or what it gave for `key` earlier in the same `reading_once` block (other apps' indicators
    share it for their own sources)."""
    memo = _reads.get()
    if memo is None:
        return read()
    if key not in memo:
        memo[key] = read()
    return memo[key]


def all_indicators() -> list[Indicator]:
    return sorted(_registry.values(), key=lambda i: (i.source, i.code))


def get(code: str) -> Indicator | None:
    return _registry.get(code)


def label_of(code: str) -> str:
    found = _registry.get(code)
    return str(found.label) if found else code


def value(
    code: str, start: dt.date, end: dt.date, unit_code: str | None = None, *, agency: Any = None
) -> Number | None:
    """The indicator's value for the period and unit (or the whole `agency`), None when unknown or not
    applicable."""
    found = _registry.get(code)
    if found is None or (unit_code is not None and not found.per_unit):
        return None
    if found.agency_aware:
        return found.function(start, end, unit_code, agency=agency)
    if unit_code is None and agency is not None:
        return None
    return found.function(start, end, unit_code)


def values(
    codes: list[str], start: dt.date, end: dt.date, unit_code: str | None = None, *, agency: Any = None
) -> dict[str, Any]:
    with reading_once():
        return {code: value(code, start, end, unit_code, agency=agency) for code in codes}


# --- Built-in indicators -------------------------------------------------------------------------------


def _task_counter(bucket: str) -> IndicatorFunction:
    def count(start: dt.date, end: dt.date, unit_code: str | None, *, agency: Any = None) -> int:
        from stttt.work.selectors import task_buckets

        key = ("tasks", start, end, unit_code, getattr(agency, "pk", None))
        return len(read_once(key, lambda: task_buckets(start, end, unit_code=unit_code, agency=agency))[bucket])

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

    def count(start: dt.date, end: dt.date, unit_code: str | None, *, agency: Any = None) -> int:
        from stttt.org.models import Unit
        from stttt.procedures import selectors as procedure_selectors

        months = _months(start, end)
        if at_end_only:
            months = months[-1:]
        if unit_code is not None:
            wanted = {unit_code}
        elif agency is not None:  # the agency's divisions only: rows are keyed by unit code
            wanted = read_once(
                ("units", agency.pk), lambda: set(Unit.objects.filter(agency=agency).values_list("code", flat=True))
            )
        else:
            return 0
        total = 0
        for month in months:
            for row in read_once(
                ("dossiers", month), functools.partial(procedure_selectors.statistics, month, by="division")
            ):
                if row.get("key") in wanted:
                    total += int(row.get(key) or 0)
        return total

    return count


def register_builtin() -> None:
    """Task counts (this app) and, when `procedures` is installed, its dossier statistics."""
    for bucket, label in (
        ("completed", _("Tasks completed")),
        ("in_progress", _("Tasks in progress")),
        ("overdue", _("Tasks overdue")),
    ):
        register(f"work.tasks_{bucket}", label, _task_counter(bucket), source="work", agency_aware=True)
    if apps.is_installed("stttt.procedures"):
        try:
            from stttt.procedures import selectors as procedure_selectors
        except ImportError:  # pragma: no cover - the app is being built
            return
        if not hasattr(procedure_selectors, "statistics"):  # pragma: no cover
            return
        register(
            "procedures.received",
            _("Dossiers received"),
            _procedures_counter("received"),
            source="procedures",
            agency_aware=True,
        )
        register(
            "procedures.resolved_on_time",
            _("Dossiers resolved on time"),
            _procedures_counter("resolved_on_time"),
            source="procedures",
            agency_aware=True,
        )
        register(
            "procedures.resolved_late",
            _("Dossiers resolved late"),
            _procedures_counter("resolved_late"),
            source="procedures",
            agency_aware=True,
        )
        register(
            "procedures.in_progress_overdue",
            _("Dossiers overdue at the period's end"),
            _procedures_counter("in_progress_overdue", at_end_only=True),
            source="procedures",
            agency_aware=True,
        )
