"""`core.planner.rare`: the same rows as the plain condition; a hint to SQLite's planner only."""

import pytest
from django.db import connection
from django.db.models import Q

from stttt.core.models import CalendarDay
from stttt.core.planner import rare

pytestmark = pytest.mark.django_db


def test_a_rare_condition_finds_what_the_condition_finds_and_hints_only_sqlite():
    import datetime as dt

    for day in range(1, 6):
        CalendarDay.objects.create(date=dt.date(2031, 1, day), kind="day_off" if day < 3 else "working_day", name="x")
    condition = Q(kind=CalendarDay.Kind.DAY_OFF)
    hinted = CalendarDay.objects.filter(rare(condition), date__year=2031)
    assert list(hinted.order_by("date")) == list(
        CalendarDay.objects.filter(condition, date__year=2031).order_by("date")
    )
    assert hinted.count() == 2
    assert ("unlikely(" in str(hinted.query)) == (connection.vendor == "sqlite")
