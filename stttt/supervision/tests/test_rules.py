"""Rules of sector supervision at each boundary, without the database; each test names the provision."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stttt.core.legalfacts import fact
from stttt.supervision import facts, rules

D = dt.date


def test_every_fact_has_a_basis_and_unsure_ones_say_why():
    keys = [f.key for f in facts.FACTS]
    assert len(keys) == len(set(keys))
    for item in facts.FACTS:
        assert item.key.startswith("supervision.")
        assert item.basis.strip()
        if item.unsure:
            assert item.note, item.key


@pytest.mark.parametrize("frequency,count", [("monthly", 12), ("quarterly", 4), ("half_yearly", 2), ("yearly", 1)])
def test_periods_cover_the_calendar_year_decree_09_2019_art_12(frequency, count):
    found = rules.periods(frequency, 2024)
    assert len(found) == count
    assert found[0][0] == D(2024, 1, 1) and found[-1][1] == D(2024, 12, 31)
    for (_s, end), (start, _e) in itertools.pairwise(found):
        assert start - end == dt.timedelta(days=1)


def test_february_of_a_leap_year_ends_on_the_29th():
    assert rules.periods("monthly", 2024)[1] == (D(2024, 2, 1), D(2024, 2, 29))


@pytest.mark.parametrize("frequency", ["monthly", "quarterly", "half_yearly", "yearly"])
def test_report_due_is_the_period_end_plus_the_facts_days(frequency):
    days = fact(f"supervision.report_due_days_{frequency}").value
    assert rules.report_due(frequency, D(2026, 9, 30)) == D(2026, 9, 30) + dt.timedelta(days=days)


def test_report_received_on_the_due_day_is_on_time_civil_code_art_148():
    due = D(2026, 10, 15)
    assert rules.report_state(due, due, D(2026, 12, 1)) == rules.ON_TIME
    assert rules.report_state(due, due + dt.timedelta(days=1), D(2026, 12, 1)) == rules.LATE


def test_awaited_report_is_overdue_only_from_the_day_after_its_due_day():
    due = D(2026, 10, 15)
    assert rules.report_state(due, None, due) == rules.AWAITED
    assert rules.report_state(due, None, due + dt.timedelta(days=1)) == rules.OVERDUE


def test_reminder_starts_the_set_days_before_the_due_day_and_is_sent_once_before_it():
    before = fact("supervision.reminder_days_before").value
    due = D(2026, 10, 15)
    first = due - dt.timedelta(days=before)
    assert not rules.reminder_due(due, first - dt.timedelta(days=1), None)
    assert rules.reminder_due(due, first, None)
    assert not rules.reminder_due(due, due, first)  # already reminded in the window


def test_overdue_report_is_reminded_again_after_the_set_interval():
    every = fact("supervision.reminder_days_after").value
    due = D(2026, 10, 15)
    last = due + dt.timedelta(days=1)
    assert not rules.reminder_due(due, last + dt.timedelta(days=every - 1), last)
    assert rules.reminder_due(due, last + dt.timedelta(days=every), last)
    assert not rules.reminder_due(due, last + dt.timedelta(days=every), last, still_awaited=False)


FIELDS = [
    {"name": "mobile", "label": "Mobile"},
    {"name": "g4", "label": "4G", "part_of": "mobile"},
    {"name": "note", "label": "Optional", "required": False},
]


def test_figures_must_be_whole_numbers_from_zero():
    assert rules.validate_figures(FIELDS, {"mobile": "100", "g4": "80"}) == {}
    assert set(rules.validate_figures(FIELDS, {"mobile": "-1", "g4": "x"})) == {"mobile", "g4"}
    assert set(rules.validate_figures(FIELDS, {})) == {"mobile", "g4"}  # the optional one may be left out


def test_a_part_may_equal_but_not_exceed_its_whole():
    assert rules.validate_figures(FIELDS, {"mobile": "100", "g4": "100"}) == {}
    assert set(rules.validate_figures(FIELDS, {"mobile": "100", "g4": "101"})) == {"g4"}


def test_figures_written_with_thousand_dots_are_read():
    assert rules.clean_figures(FIELDS, {"mobile": "1.200.000", "g4": "900 000"}) == {"mobile": 1200000, "g4": 900000}


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])  # a busy CI machine is not a failure
@given(st.lists(st.fixed_dictionaries({"mobile": st.integers(0, 10**7), "g4": st.integers(0, 10**7)}), max_size=8))
def test_province_totals_are_the_sums(reports):
    totals = rules.province_totals(FIELDS, reports)
    assert totals["mobile"] == sum(r["mobile"] for r in reports)
    assert totals["g4"] == sum(r["g4"] for r in reports)
    assert totals["note"] == 0


def test_postal_complaint_is_settled_within_the_months_of_postal_law_art_39():
    months = fact("supervision.postal_complaint_months_domestic").value
    assert rules.case_due("complaint", D(2026, 1, 31), postal=True) == rules.add_months(D(2026, 1, 31), months)
    assert rules.add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert rules.add_months(D(2026, 11, 30), 2) == D(2027, 1, 30)


@pytest.mark.parametrize("kind,key", list(rules.CASE_DAYS.items()))
def test_other_cases_take_the_days_of_their_fact(kind, key):
    days = fact(f"supervision.{key}").value
    assert rules.case_due(kind, D(2026, 11, 1)) == D(2026, 11, 1) + dt.timedelta(days=days)
    assert rules.case_basis(kind)


def test_site_without_a_permit_is_flagged_only_for_kinds_that_need_one():
    codes = lambda **kw: [f.code for f in rules.site_findings(**kw)]  # noqa: E731
    assert codes(kind="ground_tower", status="operating", permit_number="", conformity="conforms") == ["no_permit"]
    assert codes(kind="pole", status="operating", permit_number="", conformity="conforms") == []
    assert codes(kind="ground_tower", status="planned", permit_number="", conformity="conforms") == []
    assert codes(kind="rooftop", status="operating", permit_number="12/GPXD", conformity="not_conforming") == [
        "not_conforming"
    ]
    assert codes(kind="rooftop", status="dismantled", permit_number="1", conformity="unreviewed") == []
    assert codes(kind="rooftop", status="operating", permit_number="1", conformity="unreviewed") == ["unreviewed"]


def test_sharing_ratio():
    assert rules.sharing_ratio(0, 0) == 0.0
    assert rules.sharing_ratio(1, 3) == 33.3


def test_quality_target_itself_meets_it_both_ways():
    assert rules.quality_meets(Decimal("98.0"), Decimal("98.0"))
    assert not rules.quality_meets(Decimal("97.9"), Decimal("98.0"))
    assert rules.quality_meets(Decimal("2.0"), Decimal("2.0"), higher_is_better=False)
    assert not rules.quality_meets(Decimal("2.1"), Decimal("2.0"), higher_is_better=False)


def test_incident_updates_and_restoration_hours_regulation_3_21():
    hours = fact("supervision.incident_update_hours").value
    start = dt.datetime(2026, 9, 14, 4, 30, tzinfo=dt.UTC)
    assert rules.incident_update_due(start) == start + dt.timedelta(hours=hours)
    assert rules.restoration_hours(start, None) is None
    assert rules.restoration_hours(start, start + dt.timedelta(hours=35, minutes=30)) == 35.5


def test_wired_and_fm_stations_are_outside_circular_39_2020():
    assert rules.station_needs_upgrade("wired") and rules.station_needs_upgrade("fm")
    assert not rules.station_needs_upgrade("ip")


def test_confirmation_due_by_priority_circular_39_2020():
    start, end = D(2026, 11, 24), D(2026, 12, 7)
    days = fact("supervision.broadcast_confirm_days").value
    assert rules.confirmation_due("emergency", start, end) == start
    assert rules.confirmation_due("priority", start, end) == start + dt.timedelta(days=days)
    assert rules.confirmation_due("normal", start, end) == end
    with pytest.raises(ValueError):
        rules.confirmation_due("urgent", start, end)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 500), st.integers(0, 500))
def test_confirmation_share_stays_between_0_and_100(confirmed, asked):
    share = rules.confirmation_share(confirmed, asked)
    assert 0.0 <= share <= 100.0


def test_external_plan_due_decree_72_2015():
    days = fact("supervision.external_plan_days").value
    assert rules.external_plan_due(D(2026, 11, 15)) == D(2026, 11, 15) + dt.timedelta(days=days)


def test_postal_notice_counts_working_days_postal_law_art_25():
    def add(day, n):  # weekdays only, for the test
        while n:
            day += dt.timedelta(days=1)
            if day.weekday() < 5:
                n -= 1
        return day

    assert rules.postal_notice_due(D(2026, 12, 4), add) == D(2026, 12, 15)  # Friday + 7 working days
