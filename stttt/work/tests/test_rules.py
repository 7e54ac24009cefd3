"""Rules at their boundaries, without the database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation

from stttt.core.calendar import build
from stttt.org.powers import Powers
from stttt.work import rules

D = dt.date
CAL = build()


def test_month_bounds_and_bad_months():
    assert rules.month_bounds("2026-10") == (D(2026, 10, 1), D(2026, 10, 31))
    assert rules.month_bounds("2028-02") == (D(2028, 2, 1), D(2028, 2, 29))
    for bad in ("2026-13", "2026-00", "26-10", "2026-1", "", "tháng 10"):
        with pytest.raises(ValueError):
            rules.month_bounds(bad)
    assert rules.next_month(D(2026, 12, 1)) == D(2027, 1, 1)


@pytest.mark.parametrize(
    ("periodicity", "day", "expected"),
    [
        ("monthly", D(2026, 10, 31), (D(2026, 10, 1), D(2026, 10, 31))),
        ("quarterly", D(2026, 3, 31), (D(2026, 1, 1), D(2026, 3, 31))),
        ("quarterly", D(2026, 4, 1), (D(2026, 4, 1), D(2026, 6, 30))),
        ("six_month", D(2026, 6, 30), (D(2026, 1, 1), D(2026, 6, 30))),
        ("six_month", D(2026, 7, 1), (D(2026, 7, 1), D(2026, 12, 31))),
        ("annual", D(2026, 12, 31), (D(2026, 1, 1), D(2026, 12, 31))),
    ],
)
def test_period_containing(periodicity, day, expected):
    assert rules.period_containing(periodicity, day) == expected


def test_period_before_and_ad_hoc():
    assert rules.period_before("monthly", D(2026, 1, 5)) == (D(2025, 12, 1), D(2025, 12, 31))
    assert rules.period_before("quarterly", D(2026, 4, 1)) == (D(2026, 1, 1), D(2026, 3, 31))
    with pytest.raises(ValueError):
        rules.period_containing("ad_hoc", D(2026, 1, 1))


def test_report_due_moves_off_days_to_next_working_day():
    # 31/10/2026 + 5 = Thu 5/11: a working day.
    assert rules.report_due(D(2026, 10, 31), 5, CAL) == D(2026, 11, 5)
    # 31/10/2026 + 7 = Sat 7/11 -> Mon 9/11.
    assert rules.report_due(D(2026, 10, 31), 7, CAL) == D(2026, 11, 9)
    # Before the end of the period.
    assert rules.report_due(D(2026, 10, 31), -5, CAL) == D(2026, 10, 26)
    # 2/9 National Day -> next working day.
    assert rules.report_due(D(2026, 8, 31), 2, CAL) > D(2026, 9, 2)


def test_is_late_boundaries():
    due = D(2026, 10, 15)
    assert not rules.is_late(due, D(2026, 10, 15), D(2026, 12, 1))
    assert rules.is_late(due, D(2026, 10, 16), D(2026, 10, 16))
    assert not rules.is_late(due, None, D(2026, 10, 15))
    assert rules.is_late(due, None, D(2026, 10, 16))
    assert not rules.is_late(None, None, D(2030, 1, 1))


def test_deadline_state_boundaries():
    # Mon 2/11/2026; deadline Thu 5/11 is 3 working days away -> due soon; Fri 6/11 is 4 -> on track.
    today = D(2026, 11, 2)
    state = dict(is_open=True, today=today, cal=CAL)
    assert rules.deadline_state(deadline=D(2026, 11, 5), **state) == "due_soon"
    assert rules.deadline_state(deadline=D(2026, 11, 6), **state) == "on_track"
    assert rules.deadline_state(deadline=today, **state) == "due_soon"
    assert rules.deadline_state(deadline=D(2026, 11, 1), **state) == "overdue"
    assert rules.deadline_state(deadline=None, **state) == "none"
    assert rules.deadline_state(is_open=False, deadline=D(2026, 1, 1), today=today, cal=CAL) == "none"


def bucket(**kw):
    base = dict(
        status_open=True,
        completed_on=None,
        deadline=None,
        created_on=D(2026, 9, 1),
        first=D(2026, 10, 1),
        last=D(2026, 10, 31),
        today=D(2026, 11, 30),
    )
    base.update(kw)
    return rules.month_bucket(**base)


def test_month_bucket():
    assert bucket(status_open=False, completed_on=D(2026, 10, 1)) == "completed"
    assert bucket(status_open=False, completed_on=D(2026, 10, 31)) == "completed"
    assert bucket(status_open=False, completed_on=D(2026, 9, 30)) is None
    # Completed after the month: it was still open at the month's end.
    assert bucket(status_open=False, completed_on=D(2026, 11, 2), deadline=D(2026, 10, 30)) == "overdue"
    assert bucket(status_open=False, completed_on=D(2026, 11, 2), deadline=D(2026, 10, 31)) == "in_progress"
    assert bucket(deadline=D(2026, 10, 30)) == "overdue"
    assert bucket(deadline=D(2026, 11, 30)) == "in_progress"
    assert bucket(created_on=D(2026, 11, 1)) is None
    assert bucket(status_open=False) is None  # cancelled
    # Current month: compared with today, not the month's end.
    assert bucket(deadline=D(2026, 10, 20), today=D(2026, 10, 19)) == "in_progress"


def test_parse_number_accepts_vietnamese_formats():
    assert rules.parse_number("1234", "integer") == 1234
    assert rules.parse_number("1.234", "integer") == 1234
    assert rules.parse_number("1 234 567", "integer") == 1234567
    assert rules.parse_number("12,5", "decimal") == Decimal("12.5")
    assert rules.parse_number("12.5", "decimal") == Decimal("12.5")
    for bad, kind in (
        ("1.5", "integer"),
        ("12a", "integer"),
        ("mười", "integer"),
        ("1,2,3", "decimal"),
        ("1.23", "integer"),
    ):
        with pytest.raises(ValueError):
            rules.parse_number(bad, kind)


SPECS = [
    rules.IndicatorSpec("dai", "Số đài", "integer", Decimal(0), Decimal(200), True),
    rules.IndicatorSpec("ty-le", "Tỷ lệ", "decimal", Decimal(0), Decimal(100), False),
]


def test_validate_district_values():
    values, errors = rules.validate_district_values(SPECS, {"dai": "200", "ty-le": "100"}, final=True)
    assert errors == {} and values == {"dai": 200, "ty-le": 100.0}
    _, errors = rules.validate_district_values(SPECS, {"dai": "201"}, final=False)
    assert set(errors) == {"dai"}
    _, errors = rules.validate_district_values(SPECS, {"dai": "-1"}, final=False)
    assert set(errors) == {"dai"}
    _, errors = rules.validate_district_values(SPECS, {"ty-le": "100,01"}, final=False)
    assert set(errors) == {"ty-le"}
    # Blank required figure: fine in a draft, refused on submission; optional one fine in both.
    values, errors = rules.validate_district_values(SPECS, {"dai": "", "ty-le": ""}, final=False)
    assert errors == {} and values == {"dai": None, "ty-le": None}
    _, errors = rules.validate_district_values(SPECS, {"dai": " ", "ty-le": ""}, final=True)
    assert set(errors) == {"dai"}


def test_validation_message_is_vietnamese():
    with translation.override("vi"):
        _, errors = rules.validate_district_values(SPECS, {"dai": "abc"}, final=True)
    assert errors["dai"] == "“abc” không phải là số nguyên."
    with translation.override("vi"):
        _, errors = rules.validate_district_values(SPECS, {"dai": "250"}, final=True)
    assert errors["dai"] == "Số đài không được lớn hơn 200."


def test_province_totals():
    totals = rules.province_totals(["a", "b"], [{"a": 1, "b": 2.5}, {"a": 3, "b": None}, {"a": 0}])
    assert totals == {"a": 4, "b": 2.5}
    # rates average over the districts that gave one
    totals = rules.province_totals(
        ["a", "p"], [{"a": 1, "p": 90.0}, {"a": 2, "p": 95.0}, {"a": 3, "p": None}], averaged=["p"]
    )
    assert totals == {"a": 6, "p": 92.5}
    assert rules.province_totals(["p"], [], averaged=["p"]) == {"p": 0}


def test_district_report_editable():
    assert rules.district_report_editable("draft") and rules.district_report_editable("returned")
    assert rules.district_report_editable("not_started")
    assert not rules.district_report_editable("submitted")


def test_who_sees_and_assigns():
    director = Powers(at=D(2026, 1, 1), is_director=True)
    deputy = Powers(at=D(2026, 1, 1), is_deputy_director=True)
    head = Powers(at=D(2026, 1, 1), unit_codes=frozenset({"P1"}), headed_unit_codes=frozenset({"P1"}))
    staff = Powers(at=D(2026, 1, 1), unit_codes=frozenset({"P1"}))
    other = Powers(at=D(2026, 1, 1), unit_codes=frozenset({"P2"}))
    kw = dict(unit_codes=["P1"], in_charge=False, created=False)
    assert rules.task_visible(director, **kw) and rules.task_visible(deputy, **kw)
    assert rules.task_visible(head, **kw) and rules.task_visible(staff, **kw)
    assert not rules.task_visible(other, **kw)
    assert rules.task_visible(other, unit_codes=["P1"], in_charge=True, created=False)
    assert rules.can_assign_task(director, "P2") and rules.can_assign_task(head, "P1")
    assert not rules.can_assign_task(head, "P2") and not rules.can_assign_task(staff, "P1")
    assert rules.can_work_on_task(staff, lead_unit_code="P1", in_charge=False)
    assert not rules.can_work_on_task(other, lead_unit_code="P1", in_charge=False)
