"""SQLite's plans of the queries it had read an agency's every row for, at the national and province-decade
scales (issue 13): the inbox counts, the monthly statistics and the home page's tasks each name the index they
must use. The tables are analysed first, as `populate` does at scale: SQLite then plans on the averages of
`sqlite_stat1`, by which open dossiers look as common as closed ones (`core.planner`)."""

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


#: `sqlite_stat1` of the dossiers of a Department's decade (province-decade: 60,018 dossiers, 362 open), as
#: ANALYZE wrote it: by these averages each status holds 5,457 dossiers.
DECADE_OF_DOSSIERS = {
    "procedures_dossier_open": "60018 60018 5457",
    "procedures_dossier_inbox": "60018 4002 435 3",
    "procedures_dossier_list": "60018 60018 1 1",
    "procedures_dossier_in_month": "60018 60018 1",
    "procedures_dossier_resolved": "60018 1",
    "procedures_dossier_agency_id_3c996ec9": "60018 60018",
    "procedures_dossier_procedure_id_4dfdb747": "60018 4002",
    "procedures_dossier_assignee_id_5b4962f7": "60018 15005",
    "procedures__status_c3b99b_idx": "60018 5457 11",
}


@pytest.fixture
def department():
    department = SmallDepartment()
    populate(Counts(dossiers=120, licences=0, tasks=80, years=2), seed=2)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return department


def _plan_of(plans: list[str], fragment: str) -> str:
    found = [plan for plan in plans if fragment in plan.split("\n", 1)[0]]
    assert found, fragment
    return found[0]


def test_the_inbox_counts_read_the_agencys_open_dossiers(department):
    with connection.cursor() as cursor:
        for index, stat in DECADE_OF_DOSSIERS.items():
            cursor.execute("DELETE FROM sqlite_stat1 WHERE idx = %s", [index])
            cursor.execute("INSERT INTO sqlite_stat1 VALUES ('procedures_dossier', %s, %s)", [index, stat])
        cursor.execute("ANALYZE sqlite_schema")  # the planner reads the statistics again
    plans = sqlite_plans(lambda: procedures.inbox_summary(department.director))
    assert "procedures_dossier_open (agency_id=? AND status=?)" in _plan_of(plans, "COUNT(")


def test_the_monthly_statistics_read_the_dossiers_open_in_the_month(department):
    month = (timezone.localdate().replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    plans = sqlite_plans(lambda: procedures.statistics(month, agency=department.agency))
    assert "procedures_dossier_in_month (agency_id=? AND resolved_at" in _plan_of(plans, "COUNT(")


def test_the_home_reads_the_persons_and_the_units_open_tasks_from_their_indexes(department):
    from stttt.work.selectors import my_open_tasks

    plans = sqlite_plans(lambda: my_open_tasks(department.director))
    assert "work_task_mine (person_in_charge_id=? AND status=?)" in _plan_of(plans, '"person_in_charge_id" =')
    assert "work_task_unit_board (lead_unit_id=? AND status=?)" in _plan_of(plans, '"lead_unit_id" IN')
