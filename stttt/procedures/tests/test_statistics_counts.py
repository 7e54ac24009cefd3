"""The monthly statistics, counted by the database, equal a plain count over the dossiers (the definitions
in `selectors.statistics`), on generated data of two agencies over two years."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest
from django.utils import timezone

from stttt.core.calendar import calendar
from stttt.procedures import selectors
from stttt.procedures.models import Dossier
from stttt.testing.departments import SmallDepartment
from stttt.testing.scale import Counts, populate

TODAY = dt.date(2026, 5, 20)


def _local(value):
    return timezone.localtime(value).date() if value else None


def plain_count(month: str, by: str, agency=None) -> list[dict]:
    first, last = selectors.month_bounds(month)
    cutoff = min(last, TODAY)
    cal = calendar()
    rows: dict[str, dict] = {}
    spans: dict[str, list[int]] = defaultdict(list)
    dossiers = Dossier.objects.select_related("procedure").exclude(received_at=None)
    for d in dossiers.filter(agency=agency) if agency else dossiers:
        key = d.procedure.code if by == "procedure" else d.procedure.division_code
        row = rows.setdefault(key, dict.fromkeys(selectors.STAT_KEYS[:-1], 0))
        received, resolved, withdrawn = _local(d.received_at), _local(d.resolved_at), _local(d.withdrawn_at)
        row["received"] += first <= received <= last
        if resolved and first <= resolved <= last:
            row["resolved_late" if d.closed_late else "resolved_on_time"] += 1
            spans[key].append(max(0, cal.working_days_between(d.counting_start, resolved)))
        row["withdrawn"] += bool(withdrawn and first <= withdrawn <= last)
        if received <= cutoff and (not resolved or resolved > cutoff) and (not withdrawn or withdrawn > cutoff):
            late = d.statutory_due_date is not None and cutoff > d.statutory_due_date
            row["in_progress_overdue" if late else "in_progress_on_time"] += 1
    for key, row in rows.items():
        row["average_working_days"] = round(sum(spans[key]) / len(spans[key]), 1) if spans[key] else None
    return sorted(
        ({"key": k, **r} for k, r in rows.items() if any(r[n] for n in selectors.STAT_KEYS[:-1])),
        key=lambda r: r["key"],
    )


@pytest.fixture
def agencies(db):
    SmallDepartment()
    populate(Counts(dossiers=400, licences=0, tasks=0, years=2), agencies=2, until=TODAY)


def test_statistics_equal_a_plain_count(agencies):
    first_agency = Dossier.objects.order_by("agency_id").first().agency
    fields = ("key", *selectors.STAT_KEYS)
    for month in ("2025-02", "2026-04", "2026-05"):
        for by in ("procedure", "division"):
            for agency in (first_agency, None):
                found = selectors.statistics(month, by=by, today=TODAY, agency=agency)
                counted = [{k: r[k] for k in fields} for r in found]
                assert counted == plain_count(month, by, agency), (month, by, agency)
                assert any(r["received"] for r in counted)
                assert any(r["in_progress_on_time"] + r["in_progress_overdue"] for r in counted)
