"""The press rules at their boundaries, without the database."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stttt.core.calendar import build
from stttt.press import rules
from stttt.press.choices import Conclusion, Flag, ItemKind, Timeliness

L = rules.LOCAL
DAY = dt.date(2026, 3, 10)  # a Tuesday


def at(day: dt.date, hour: int, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute, second), tzinfo=L)


# --- Deadlines (Press Law 2016 Art. 52.1.b; Publishing Law 2012 Art. 28) -------------------------------------------


def test_print_press_is_due_at_eight_on_the_release_day():
    assert rules.deposit_deadline(ItemKind.PRESS_PRINT, DAY) == at(DAY, 8)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(DAY, 7, 59, 59), Timeliness.ON_TIME),
        (at(DAY, 8), Timeliness.ON_TIME),  # "chậm nhất là 08 giờ": the hour itself is in time
        (at(DAY, 8, 0, 1), Timeliness.LATE),
        (at(DAY - dt.timedelta(days=1), 16), Timeliness.ON_TIME),  # the day before
        (at(DAY + dt.timedelta(days=1), 7), Timeliness.LATE),  # the day after, even early
    ],
)
def test_print_press_timeliness_at_the_hour(moment, expected):
    assert rules.timeliness(rules.deposit_deadline(ItemKind.PRESS_PRINT, DAY), moment) == expected


def test_the_postmark_counts_for_a_deposit_by_post():
    deadline = rules.deposit_deadline(ItemKind.PRESS_PRINT, DAY)
    received = at(DAY + dt.timedelta(days=2), 14)
    assert rules.timeliness(deadline, rules.deposit_moment(received, at(DAY, 7, 30))) == Timeliness.ON_TIME
    assert rules.timeliness(deadline, rules.deposit_moment(received)) == Timeliness.LATE


def test_a_holiday_does_not_move_the_release_day_deadline():
    tet = dt.date(2026, 2, 17)  # Tết Nguyên đán, a day off
    assert not build().is_working_day(tet)
    assert rules.deposit_deadline(ItemKind.PRESS_PRINT, tet) == at(tet, 8)


def test_bulletins_follow_the_print_rule_and_are_marked_unsure():
    rule = rules.intake_rule(ItemKind.BULLETIN)
    assert rules.deposit_deadline(ItemKind.BULLETIN, DAY) == at(DAY, 8)
    assert rule.unsure and rule.licence_kind == "bulletin"


def test_publications_are_due_ten_days_before_distribution_end_of_day():
    distribution = dt.date(2026, 3, 20)
    deadline = rules.deposit_deadline(ItemKind.PUBLICATION, DAY, distribution)
    assert deadline == at(dt.date(2026, 3, 10), 23, 59, 59)
    assert rules.timeliness(deadline, at(dt.date(2026, 3, 10), 23, 0)) == Timeliness.ON_TIME
    assert rules.timeliness(deadline, at(dt.date(2026, 3, 11), 0, 0)) == Timeliness.LATE
    assert rules.timeliness(deadline, at(dt.date(2026, 3, 9), 9, 0)) == Timeliness.ON_TIME


def test_electronic_press_has_no_deposit_deadline_with_the_department():
    assert rules.deposit_deadline(ItemKind.PRESS_ELECTRONIC, DAY) is None
    assert rules.timeliness(None, at(DAY, 23)) == Timeliness.NO_DEADLINE
    assert rules.late_by(None, at(DAY, 23)) is None


def test_late_by():
    deadline = at(DAY, 8)
    assert rules.late_by(deadline, at(DAY, 10, 15)) == dt.timedelta(hours=2, minutes=15)
    assert rules.late_by(deadline, at(DAY, 8)) is None


@given(st.integers(min_value=0, max_value=24 * 60 * 3))
def test_timeliness_is_late_exactly_after_the_deadline(minutes):
    deadline = at(DAY, 8)
    moment = at(DAY - dt.timedelta(days=1), 8) + dt.timedelta(minutes=minutes)
    expected = Timeliness.ON_TIME if moment <= deadline else Timeliness.LATE
    assert rules.timeliness(deadline, moment) == expected


# --- Licence flags (Press Law 2016 Art. 34.4; Publishing Law 2012 Art. 25, 29) -------------------------------------

BULLETIN_LICENCE = rules.LicenceFacts(
    "bulletin", "valid", dt.date(2025, 6, 1), dt.date(2026, 5, 31), "Bản tin Nông nghiệp"
)


def test_a_bulletin_without_licence_is_flagged():
    assert rules.licence_flags(ItemKind.BULLETIN, DAY, "Bản tin X", None) == [Flag.NO_LICENCE]


def test_a_bulletin_on_the_last_day_of_its_term_is_not_flagged_the_day_after_is():
    last = dt.date(2026, 5, 31)
    assert rules.licence_flags(ItemKind.BULLETIN, last, "Bản tin Nông nghiệp", BULLETIN_LICENCE) == []
    assert rules.licence_flags(
        ItemKind.BULLETIN, last + dt.timedelta(days=1), "Bản tin Nông nghiệp", BULLETIN_LICENCE
    ) == [Flag.PAST_TERM]


def test_before_the_licence_or_while_suspended_it_is_not_valid():
    before = dt.date(2025, 5, 31)
    assert rules.licence_flags(ItemKind.BULLETIN, before, "Bản tin Nông nghiệp", BULLETIN_LICENCE) == [
        Flag.LICENCE_NOT_VALID
    ]
    suspended = rules.LicenceFacts("bulletin", "suspended", dt.date(2025, 6, 1), None, "Bản tin Nông nghiệp")
    assert rules.licence_flags(ItemKind.BULLETIN, DAY, "Bản tin Nông nghiệp", suspended) == [Flag.LICENCE_NOT_VALID]


def test_titles_compare_without_case_and_punctuation_but_with_diacritics():
    assert rules.same_title("BẢN TIN - NÔNG NGHIỆP", "Bản tin Nông nghiệp")
    assert not rules.same_title("Bản tin Nông nghiep", "Bản tin Nông nghiệp")
    assert rules.licence_flags(ItemKind.BULLETIN, DAY, "Bản tin Công nghiệp", BULLETIN_LICENCE) == [Flag.TITLE_DIFFERS]


def test_a_licence_of_another_kind_and_too_few_copies_are_flagged():
    wrong = rules.LicenceFacts("printing", "valid", dt.date(2025, 1, 1), None, "")
    assert Flag.WRONG_KIND in rules.licence_flags(ItemKind.BULLETIN, DAY, "Bản tin", wrong)
    assert rules.licence_flags(ItemKind.BULLETIN, DAY, "Bản tin Nông nghiệp", BULLETIN_LICENCE, copies=1) == [
        Flag.FEW_COPIES
    ]
    assert rules.licence_flags(ItemKind.BULLETIN, DAY, "Bản tin Nông nghiệp", BULLETIN_LICENCE, copies=2) == []


def test_print_press_needs_the_outlets_press_licence():
    assert rules.licence_flags(ItemKind.PRESS_PRINT, DAY, "Báo", None) == [Flag.NO_LICENCE]
    press = rules.LicenceFacts("press", "valid", dt.date(2020, 1, 1), None)
    assert rules.licence_flags(ItemKind.PRESS_PRINT, DAY, "Báo", press, copies=2) == []


# --- Schedules, reminders and reading ---------------------------------------------------------------------------------


def test_expected_by_weekday_or_day_of_month_and_holidays_where_they_count():
    assert rules.expected_on(DAY, [1], [])  # a Tuesday
    assert not rules.expected_on(DAY, [0, 2], [])
    assert rules.expected_on(DAY, [], [10])
    assert not rules.expected_on(DAY, [1], [], skips_days_off=True, day_off=True)
    assert rules.expected_on(DAY, [1], [], skips_days_off=False, day_off=True)


def test_a_reminder_for_a_day_off_goes_on_the_next_working_day():
    cal = build()
    assert rules.reminder_day(DAY, cal.is_working_day) == DAY
    saturday = dt.date(2026, 3, 14)
    assert rules.reminder_day(saturday, cal.is_working_day) == dt.date(2026, 3, 16)
    reunification = dt.date(2026, 4, 30)  # Thursday 30/4 and Friday 1/5 are public holidays
    assert rules.reminder_day(reunification, cal.is_working_day) == dt.date(2026, 5, 4)


def test_the_morning_run_reminds_the_days_since_the_previous_working_day():
    cal = build()
    assert rules.days_to_remind(dt.date(2026, 3, 11), cal.is_working_day) == [dt.date(2026, 3, 10)]
    monday = dt.date(2026, 3, 16)
    assert rules.days_to_remind(monday, cal.is_working_day) == [
        dt.date(2026, 3, 13),
        dt.date(2026, 3, 14),
        dt.date(2026, 3, 15),
    ]
    assert rules.days_to_remind(dt.date(2026, 3, 14), cal.is_working_day) == []  # a Saturday: no run
    after_break = rules.days_to_remind(dt.date(2026, 5, 4), cal.is_working_day)  # after 30/4-1/5 and the weekend
    assert after_break == [dt.date(2026, 4, 29) + dt.timedelta(days=n) for n in range(5)]


def test_reading_is_due_in_working_days_across_a_holiday():
    cal = build()
    assert rules.reading_due(DAY, cal.add_working_days) == dt.date(2026, 3, 13)
    assert rules.reading_due(dt.date(2026, 4, 29), cal.add_working_days) == dt.date(2026, 5, 6)


def test_only_a_violation_is_referred():
    assert rules.may_refer(Conclusion.VIOLATION)
    assert not rules.may_refer(Conclusion.NOTE)
    assert not rules.may_refer(Conclusion.NO_ISSUE)


# --- Press conferences (Art. 41) and offices (Art. 22) ----------------------------------------------------------------


def test_a_press_conference_notice_at_exactly_24_hours_is_in_time():
    starts = at(DAY, 9)
    assert rules.conference_notice_in_time(starts - dt.timedelta(hours=24), starts)
    assert not rules.conference_notice_in_time(starts - dt.timedelta(hours=23, minutes=59), starts)
    assert rules.conference_notice_in_time(starts - dt.timedelta(days=3), starts)


def test_without_an_answer_the_conference_may_be_held_from_its_start():
    starts = at(DAY, 9)
    assert not rules.may_hold_without_answer(False, starts - dt.timedelta(minutes=1), starts)
    assert rules.may_hold_without_answer(False, starts, starts)
    assert not rules.may_hold_without_answer(True, starts, starts)
    assert rules.answer_due(starts) == starts


def test_office_notices_15_days_before_start_and_changes_5_days_before():
    start = dt.date(2026, 4, 1)
    assert rules.office_notice_in_time(start - dt.timedelta(days=15), start)
    assert not rules.office_notice_in_time(start - dt.timedelta(days=14), start)
    assert rules.change_notice_in_time(start - dt.timedelta(days=5), start)
    assert not rules.change_notice_in_time(start - dt.timedelta(days=4), start)


def test_periods():
    assert rules.week_of(DAY) == (dt.date(2026, 3, 9), dt.date(2026, 3, 15))
    assert rules.month_of(dt.date(2026, 2, 17)) == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert rules.month_of(dt.date(2024, 12, 31)) == (dt.date(2024, 12, 1), dt.date(2024, 12, 31))
    assert len(rules.days_between(dt.date(2026, 3, 9), dt.date(2026, 3, 15))) == 7


def test_every_intake_rule_cites_its_article():
    for kind in ItemKind.values:
        assert rules.intake_rule(kind).basis
    with pytest.raises(ValueError):
        rules.intake_rule("nothing")
