"""Due dates counted again after a day off is announced: every open dossier as the services would have
counted it with the new calendar, closed dossiers untouched, and a second run changes nothing."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from stttt.core.calendar import calendar
from stttt.core.models import AuditEntry, CalendarDay
from stttt.procedures import rules
from stttt.procedures.choices import IN_PROGRESS
from stttt.procedures.due_dates import due_dates_recompute
from stttt.procedures.models import Dossier
from stttt.testing.departments import SmallDepartment
from stttt.testing.scale import Counts, populate

TODAY = dt.date(2026, 3, 10)


def test_a_new_day_off_moves_the_due_dates_of_open_dossiers_only(db):
    SmallDepartment()
    populate(Counts(dossiers=300, licences=0, tasks=0, years=1), until=TODAY)
    open_dossiers = Dossier.objects.filter(status__in=IN_PROGRESS).exclude(counting_start=None)
    assert open_dossiers.count() >= 5
    closed_before = list(Dossier.objects.exclude(status__in=IN_PROGRESS).values_list("pk", "statutory_due_date"))
    assert due_dates_recompute() == 0  # the generated dates already follow the calendar

    for offset in range(2, 5):  # three working days off just after "today": every open period crosses them
        CalendarDay.objects.create(date=TODAY + dt.timedelta(days=offset), kind="day_off", name="Nghỉ bù")
    changed = due_dates_recompute()
    assert changed > 0
    assert AuditEntry.objects.filter(action="recompute").exists()
    cal = calendar()
    for dossier in open_dossiers.select_related("procedure"):
        days, unit = dossier.procedure.applicable_limit
        assert dossier.statutory_due_date == rules.due_date(cal, dossier.counting_start, days, unit)
        if dossier.apology_at is None:
            assert dossier.due_date == dossier.statutory_due_date
        if dossier.status in ("received", "transferred", "in_appraisal", "awaiting_approval"):
            start = max(timezone.localtime(dossier.stage_started_at).date(), dossier.counting_start)
            allotment = {
                "received": dossier.procedure.desk_days,
                "awaiting_approval": dossier.procedure.leader_days,
            }.get(dossier.status, dossier.procedure.division_days)
            assert dossier.stage_due_date == rules.stage_due_date(cal, start, allotment, dossier.due_date)
    closed_after = list(Dossier.objects.exclude(status__in=IN_PROGRESS).values_list("pk", "statutory_due_date"))
    assert closed_after == closed_before
    assert due_dates_recompute() == 0
