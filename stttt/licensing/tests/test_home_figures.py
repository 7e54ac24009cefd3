"""The leaders' home figures of licences (counted from dates, then from the events in force) equal the counts
of the licences' statuses computed in SQL (`licences_with_status`), on any day (issue 13)."""

import datetime as dt

import pytest
from django.utils import timezone

from stttt.licensing import selectors
from stttt.licensing.choices import Status
from stttt.org import powers
from stttt.testing.departments import SmallDepartment
from stttt.testing.scale import Counts, populate

pytestmark = pytest.mark.django_db


def test_home_figures_equal_the_statuses_computed_in_sql():
    department = SmallDepartment()
    populate(Counts(dossiers=5, licences=400, tasks=1, years=4), seed=3)
    user = department.director
    today = timezone.localdate()
    for day in (today, today - dt.timedelta(days=400), today - dt.timedelta(days=1100), today + dt.timedelta(days=200)):
        licences = powers.scope_to_agency(selectors.licences_with_status(day), user)
        valid = licences.filter(current_status=Status.VALID)
        expected = [
            licences.count(),
            valid.count(),
            valid.filter(current_until__lte=day + dt.timedelta(days=30)).count(),
        ]
        assert [value for _label, value in selectors.home_figures(user, day)] == expected, day
