"""Rules of the one-stop procedure at their boundaries (no database)."""

import datetime as dt

import pytest

from stttt.core.calendar import WorkingCalendar
from stttt.procedures import rules

CAL = WorkingCalendar()
D = dt.date


def test_decree_61_art_19_supplement_within_3_working_days_once():
    received = D(2024, 10, 3)  # Thursday
    assert rules.supplement_request_allowed(CAL, received, D(2024, 10, 8), False) is None  # 3rd working day
    assert rules.supplement_request_allowed(CAL, received, D(2024, 10, 9), False)  # 4th working day
    assert rules.supplement_request_allowed(CAL, received, D(2024, 10, 4), True)  # already asked once


def test_decree_61_art_19_apology_at_least_one_day_before_due_and_once():
    due = D(2024, 10, 10)
    assert rules.apology_allowed(D(2024, 10, 9), due, D(2024, 10, 15), False) is None
    assert rules.apology_allowed(D(2024, 10, 10), due, D(2024, 10, 15), False)
    assert rules.apology_allowed(D(2024, 10, 8), due, D(2024, 10, 15), True)
    assert rules.apology_allowed(D(2024, 10, 8), due, due, False)
    assert rules.apology_allowed(D(2024, 10, 8), None, due, False)


def test_civil_code_due_dates_by_unit():
    assert rules.due_date(CAL, D(2024, 10, 4), 10, "working") == D(2024, 10, 18)
    assert rules.due_date(CAL, D(2024, 10, 4), 15, "calendar") == D(2024, 10, 21)  # 19/10 is a Saturday


def test_stage_deadline_never_past_the_dossier_due_date():
    assert rules.stage_due_date(CAL, D(2024, 10, 4), 10, D(2024, 10, 10)) == D(2024, 10, 10)
    assert rules.stage_due_date(CAL, D(2024, 10, 4), 2, D(2024, 10, 10)) == D(2024, 10, 8)


def test_deadline_state():
    due = D(2024, 10, 10)  # Thursday
    assert rules.deadline_state(CAL, due, D(2024, 10, 11)) == "overdue"
    assert rules.deadline_state(CAL, due, D(2024, 10, 10)) == "due_soon"
    assert rules.deadline_state(CAL, due, D(2024, 10, 8)) == "due_soon"
    assert rules.deadline_state(CAL, due, D(2024, 10, 7)) == "on_track"
    assert rules.on_time(D(2024, 10, 10), due) is True
    assert rules.on_time(D(2024, 10, 11), due) is False


def test_circular_01_2018_art_19_dossier_code():
    assert rules.dossier_code("000.00.14.H20", D(2020, 7, 3), 2) == "000.00.14.H20-200703-0002"
    with pytest.raises(ValueError):
        rules.dossier_code("X", D(2020, 7, 3), 10000)


@pytest.mark.parametrize(
    ("name", "head", "size", "ok"),
    [
        ("don.pdf", b"%PDF-1.7", 100, True),
        ("DON.PDF", b"%PDF-1.7", 100, True),
        ("anh.png", b"\x89PNG\r\n\x1a\n", 100, True),
        ("to-khai.docx", b"PK\x03\x04", 100, True),
        ("virus.exe", b"MZ", 100, False),
        ("fake.pdf", b"<html>", 100, False),
        ("empty.pdf", b"%PDF", 0, False),
        ("big.pdf", b"%PDF", rules.MAX_UPLOAD_BYTES + 1, False),
        ("noext", b"%PDF", 10, False),
    ],
)
def test_uploads_type_and_size(name, head, size, ok):
    assert (rules.upload_problem(name, size, head) is None) is ok


def test_circular_01_2018_art_13_and_15_assessment_at_the_boundaries():
    day = D(2026, 5, 10)
    assert [
        rules.indicator_time(day, day + dt.timedelta(days=1)),
        rules.indicator_time(day, day),
        rules.indicator_time(day, day - dt.timedelta(days=1)),
    ] == [2, 1, 0]
    assert [rules.indicator_contacts(n) for n in (0, 1, 2)] == [2, 1, 0]
    assert [rules.indicator_agencies(a) for a in ("none", "desk_only", "several")] == [2, 1, 0]
    assert [rules.indicator_publicity(a) for a in ("both", "one", "neither")] == [2, 1, 0]
    assert rules.indicator_attitude(True, 2) == 0 and rules.indicator_attitude(False, 2) == 2
    assert rules.indicator_attitude(False, 1) == 1
    assert rules.quarter_of(D(2026, 3, 31)) == "2026-Q1" and rules.quarter_of(D(2026, 4, 1)) == "2026-Q2"
    assert rules.average([2, 1, 1]) == 1.3 and rules.average([]) is None
    assert [rules.grade(t) for t in (15, 14.9, 12, 9, 6, 5.9)] == [
        "excellent",
        "good",
        "good",
        "fair",
        "average",
        "weak",
    ]
    assert rules.indicator_steps([(day, day), (day, day + dt.timedelta(days=2))]) == 1
    assert rules.rating_problem("approved", True, False, 0, "none", "both") is None
    assert rules.rating_problem("in_appraisal", False, False, 0, "none", "both")
    assert rules.rating_problem("approved", True, True, 0, "none", "both")
    assert rules.rating_problem("approved", True, False, 0, "maybe", "both")
    scores = rules.rating_scores(
        day, day, [(day, day)], contacts=1, agencies="desk_only", publicity="both", complaint=False
    )
    assert scores == {
        "indicator_1": 1,
        "indicator_2": 1,
        "indicator_3": 1,
        "indicator_4": 1,
        "indicator_6": 2,
        "indicator_7": 1,
    }


def test_decree_61_art_17_required_components():
    assert rules.missing_components([(1, "a"), (2, "b")], {1}) == [(2, "b")]
    assert rules.missing_components([(1, "a")], {1, 3}) == []
