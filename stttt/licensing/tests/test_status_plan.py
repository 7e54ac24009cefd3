"""The status of each licence of a page is read from that licence's own events (issue 13): SQLite had answered
"this licence's latest extension" from the index of every event in force, reading every extension of every
licence for each row (650 ms for a page of 25 at 425,000 licences)."""

import datetime as dt

import pytest
from django.db import connection

from stttt.licensing import selectors
from stttt.testing.departments import SmallDepartment
from stttt.testing.plans import sqlite_plans
from stttt.testing.scale import Counts, populate

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner chose the wrong index")
def test_a_page_of_licences_reads_each_licences_events_from_its_own_index():
    department = SmallDepartment()
    populate(Counts(dossiers=0, licences=60, tasks=0, years=2), seed=4, until=dt.date(2026, 6, 1))
    plans = sqlite_plans(lambda: list(selectors.register(["printing"], agency=department.agency)[:25]))
    plan = plans[0]  # the page itself (then its events, prefetched by licence)
    assert "licensing_event_of_licence (licence_id=?" in plan
    assert "licensing_event_in_force" not in plan
