"""Working-day calendar: Labour Code 2019 Arts 111–112, Civil Code Arts 147–148, Decree 61/2018 Art. 18(2)."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import given
from hypothesis import strategies as st

from stttt.core.calendar import PLAIN_DAYS, WORKING_DAYS, WorkingCalendar, build, calendar
from stttt.core.models import CalendarDay

D = dt.date
CAL = WorkingCalendar()


def test_weekend_is_not_a_working_day():
    assert CAL.is_working_day(D(2024, 10, 4))  # Friday
    assert not CAL.is_working_day(D(2024, 10, 5))  # Saturday
    assert not CAL.is_working_day(D(2024, 10, 6))  # Sunday
    # Friday + 1 working day -> Monday (the day of receipt itself is not counted, Civil Code Art. 147(3))
    assert CAL.add_working_days(D(2024, 10, 4), 1) == D(2024, 10, 7)
    assert CAL.add_working_days(D(2024, 10, 3), 1) == D(2024, 10, 4)


def test_zero_days_ends_on_the_same_day():
    assert CAL.add_working_days(D(2024, 10, 4), 0) == D(2024, 10, 4)
    with pytest.raises(ValueError):
        CAL.add_working_days(D(2024, 10, 4), -1)


def test_lunar_tet_is_off():
    # Tết Ất Tỵ: 1 Mùng = 29/01/2025; days off 27/01–31/01 (+ weekend to 02/02).
    for day in range(27, 32):
        assert not CAL.is_working_day(D(2025, 1, day)), day
    assert CAL.add_working_days(D(2025, 1, 24), 1) == D(2025, 2, 3)
    # Tết Bính Ngọ 2026: 1 Mùng = 17/02/2026
    assert not CAL.is_working_day(D(2026, 2, 17))


def test_compensatory_day_off_when_a_holiday_falls_on_sunday():
    # Giỗ Tổ Hùng Vương 2026 falls on Sunday 26/04 -> Monday 27/04 off (Labour Code Art. 111(3)).
    assert D(2026, 4, 26).weekday() == 6
    assert not CAL.is_working_day(D(2026, 4, 27))
    assert CAL.add_working_days(D(2026, 4, 24), 1) == D(2026, 4, 28)


def test_official_swap_from_the_package():
    # 2025: Saturday 26/04 worked, Friday 02/05 off.
    assert CAL.is_working_day(D(2025, 4, 26))
    assert not CAL.is_working_day(D(2025, 5, 2))


@pytest.mark.django_db
def test_official_swap_entered_as_data():
    # A made-up swap for 2031: work Saturday 15/03, take Friday 14/03 off.
    assert calendar().is_working_day(D(2031, 3, 14))
    CalendarDay.objects.create(date=D(2031, 3, 14), kind=CalendarDay.Kind.DAY_OFF, name="Nghỉ hoán đổi")
    CalendarDay.objects.create(date=D(2031, 3, 15), kind=CalendarDay.Kind.WORKING_DAY, name="Làm bù")
    cal = calendar()
    assert not cal.is_working_day(D(2031, 3, 14))
    assert cal.is_working_day(D(2031, 3, 15))
    assert cal.add_working_days(D(2031, 3, 13), 1) == D(2031, 3, 15)
    assert (D(2031, 3, 14), "Nghỉ hoán đổi") in cal.days_off(2031)


@pytest.mark.django_db
def test_the_calendar_is_read_once_and_again_after_every_change(django_assert_num_queries):
    calendar()
    with django_assert_num_queries(0):  # kept: pages and due dates ask for it on every request
        assert calendar().is_working_day(D(2031, 3, 14))
    day = CalendarDay.objects.create(date=D(2031, 3, 14), kind=CalendarDay.Kind.DAY_OFF, name="Nghỉ hoán đổi")
    assert not calendar().is_working_day(D(2031, 3, 14))
    day.kind = CalendarDay.Kind.WORKING_DAY
    day.save()
    assert calendar().extra_working_days == {D(2031, 3, 14): "Nghỉ hoán đổi"}
    CalendarDay.objects.all().delete()
    assert calendar().is_working_day(D(2031, 3, 14)) and not calendar().extra_working_days


def test_plain_days_ending_on_a_day_off_move_to_the_next_working_day():
    # Civil Code Art. 148(5): 30 days from 01/03/2024 end on Sunday 31/03 -> Monday 01/04.
    assert CAL.add_plain_days(D(2024, 3, 1), 30) == D(2024, 4, 1)
    assert CAL.add_plain_days(D(2024, 3, 1), 28) == D(2024, 3, 29)
    assert CAL.add_period(D(2024, 3, 1), 30, PLAIN_DAYS) == D(2024, 4, 1)
    assert CAL.add_period(D(2024, 3, 1), 2, WORKING_DAYS) == D(2024, 3, 5)
    with pytest.raises(ValueError):
        CAL.add_period(D(2024, 3, 1), 2, "weeks")


def test_paper_cutoff_moves_receipt_to_the_next_working_day():
    friday = D(2024, 10, 4)
    assert CAL.counting_start(dt.datetime.combine(friday, dt.time(14, 59))) == friday
    assert CAL.counting_start(dt.datetime.combine(friday, dt.time(15, 0))) == D(2024, 10, 7)
    # online dossiers are not moved by the cut-off, but a day off is still skipped
    assert CAL.counting_start(dt.datetime.combine(friday, dt.time(16, 0)), paper=False) == friday
    assert CAL.counting_start(dt.datetime(2024, 10, 5, 9, 0), paper=False) == D(2024, 10, 7)
    later = build(cutoff=dt.time(16, 30))
    assert later.counting_start(dt.datetime.combine(friday, dt.time(16, 0))) == friday


def test_working_days_between():
    assert CAL.working_days_between(D(2024, 10, 4), D(2024, 10, 8)) == 2
    assert CAL.working_days_between(D(2024, 10, 8), D(2024, 10, 4)) == -2
    assert CAL.working_days_between(D(2024, 10, 4), D(2024, 10, 4)) == 0


dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2060, 12, 31))


@given(dates, st.integers(min_value=1, max_value=60))
def test_property_result_is_a_working_day_n_working_days_later(start, n):
    end = CAL.add_working_days(start, n)
    assert end > start
    assert CAL.is_working_day(end)
    assert CAL.working_days_between(start, end) == n


@given(dates, st.integers(min_value=0, max_value=40))
def test_property_periods_are_monotonic(start, n):
    assert CAL.add_working_days(start, n) <= CAL.add_working_days(start, n + 1)
    assert CAL.add_plain_days(start, n) <= CAL.add_plain_days(start, n + 1)
    assert CAL.add_plain_days(start, n) >= start + dt.timedelta(days=n)


@pytest.mark.django_db
def test_cli(capsys):
    call_command("calendar", "add-working-days", "2025-01-24", "1")
    assert capsys.readouterr().out.strip() == "2025-02-03"
    call_command("calendar", "holidays", "2025")
    out = capsys.readouterr().out
    assert "2025-01-29\tTết Nguyên Đán" in out
    assert "2025-09-02" in out
    with pytest.raises(CommandError) as error:
        call_command("calendar", "add-working-days", "2025-02-30", "1")
    assert error.value.returncode == 2


@pytest.mark.django_db
def test_cutoff_is_configurable(settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.STTTT_PAPER_CUTOFF = "16:30"
    assert calendar().cutoff == dt.time(16, 30)
    settings.STTTT_PAPER_CUTOFF = "25:99"
    with pytest.raises(ImproperlyConfigured):
        calendar()
