"""SQLite's plans of the queries it had read an agency's every row for, at the national scale (issue 13): the
inbox counts and the monthly statistics each name the index they must use. (One person's open tasks, fixed the
same way with `work_task_mine`, are planned by SQLite on the agency's deadline index at this test's size, where
that is right: the index is chosen at scale, measured by `bench/page_profile.py`.)"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from stttt.procedures import selectors as procedures
from stttt.testing.departments import SmallDepartment
from stttt.testing.plans import sqlite_plans
from stttt.testing.scale import Counts, populate

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner has no histogram of the values"),
]


@pytest.fixture
def department():
    department = SmallDepartment()
    populate(Counts(dossiers=120, licences=0, tasks=80, years=2), seed=2)
    return department


def _plan_of(plans: list[str], fragment: str) -> str:
    found = [plan for plan in plans if fragment in plan.split("\n", 1)[0]]
    assert found, fragment
    return found[0]


def test_the_inbox_counts_read_the_agencys_open_dossiers(department):
    plans = sqlite_plans(lambda: procedures.inbox_summary(department.director))
    assert "procedures_dossier_open (agency_id=? AND status=?)" in _plan_of(plans, "COUNT(")


def test_the_monthly_statistics_read_the_dossiers_open_in_the_month(department):
    month = (timezone.localdate().replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    plans = sqlite_plans(lambda: procedures.statistics(month, agency=department.agency))
    assert "procedures_dossier_in_month (agency_id=? AND resolved_at" in _plan_of(plans, "COUNT(")
