"""The status of each licence of a page is read from that licence's own events (issue 13): SQLite had answered
"this licence's latest extension" from the index of every event in force, reading every extension of every
licence for each row (650 ms for a page of 25 at 425,000 licences)."""

import datetime as dt

import pytest
from django.db import connection

from stttt.licensing import selectors
from stttt.testing.departments import SmallDepartment
from stttt.testing.scale import Counts, populate

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner chose the wrong index")
def test_a_page_of_licences_reads_each_licences_events_from_its_own_index():
    department = SmallDepartment()
    populate(Counts(dossiers=0, licences=60, tasks=0, years=2), seed=4, until=dt.date(2026, 6, 1))
    page = selectors.register(["printing"], agency=department.agency, query="")[:25]
    sql, params = page.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = [row[-1] for row in cursor.fetchall()]
    subqueries = [line for line in plan if "licensing_licenceevent" in line or "U0" in line]
    assert any("licensing_event_of_licence (licence_id=?" in line for line in plan), plan
    assert not any("licensing_event_in_force" in line for line in subqueries), plan
