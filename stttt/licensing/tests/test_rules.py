"""Rules of licences at their boundaries, without the database."""

from __future__ import annotations

import datetime as dt

import pytest

from stttt.licensing import rules
from stttt.licensing.kinds import KINDS
from stttt.licensing.rules import EventFact

D = dt.date(2026, 3, 10)
FROM, UNTIL = dt.date(2025, 1, 1), dt.date(2026, 12, 31)


def day(n: int) -> dt.date:
    return D + dt.timedelta(days=n)


def test_status_expiry_boundary():
    assert rules.status_on(UNTIL, FROM, UNTIL, []) == "valid"  # the last day is still in the term
    assert rules.status_on(UNTIL + dt.timedelta(days=1), FROM, UNTIL, []) == "expired"
    assert rules.status_on(day(0), FROM, None, []) == "valid"  # no time limit


def test_status_suspension_boundaries():
    events = [EventFact("suspend", day(0), end_on=day(5))]
    assert rules.status_on(day(-1), FROM, UNTIL, events) == "valid"
    assert rules.status_on(day(0), FROM, UNTIL, events) == "suspended"
    assert rules.status_on(day(5), FROM, UNTIL, events) == "suspended"
    assert rules.status_on(day(6), FROM, UNTIL, events) == "valid"


def test_revocation_wins_and_is_final():
    events = [EventFact("revoke", day(0)), EventFact("extend", day(1), new_valid_until=dt.date(2030, 1, 1))]
    assert rules.status_on(day(-1), FROM, UNTIL, events) == "valid"
    assert rules.status_on(day(0), FROM, UNTIL, events) == "revoked"
    assert rules.status_on(dt.date(2029, 1, 1), FROM, UNTIL, events) == "revoked"


def test_extension_moves_the_expiry_from_its_effective_date():
    events = [EventFact("extend", day(0), new_valid_until=dt.date(2027, 12, 31))]
    assert rules.effective_until(UNTIL, events, day(-1)) == UNTIL
    assert rules.effective_until(UNTIL, events, day(0)) == dt.date(2027, 12, 31)
    assert rules.status_on(dt.date(2027, 12, 31), FROM, UNTIL, events) == "valid"
    assert rules.status_on(dt.date(2028, 1, 1), FROM, UNTIL, events) == "expired"


def test_end_event_expires_early():
    events = [EventFact("expire", day(0))]
    assert rules.status_on(day(-1), FROM, UNTIL, events) == "valid"
    assert rules.status_on(day(0), FROM, UNTIL, events) == "expired"


def test_amendments_apply_in_order_from_their_date():
    events = [
        EventFact("amend", day(0), changes={"domain": "a.vn"}, order=1),
        EventFact("amend", day(0), changes={"domain": "b.vn"}, order=2),
    ]
    assert rules.effective_subject({"domain": "x.vn"}, events, day(-1)) == {"domain": "x.vn"}
    assert rules.effective_subject({"domain": "x.vn"}, events, day(0)) == {"domain": "b.vn"}


@pytest.mark.parametrize(
    ("kind", "status", "effective", "end", "new_until", "basis", "ok"),
    [
        ("amend", "valid", day(0), None, None, "", False),
        ("amend", "revoked", day(0), None, None, "x", False),
        ("amend", "valid", FROM - dt.timedelta(days=1), None, None, "x", False),
        ("amend", "valid", FROM, None, None, "x", True),
        ("suspend", "valid", day(0), None, None, "x", False),
        ("suspend", "valid", day(0), day(-1), None, "x", False),
        ("suspend", "valid", day(0), day(0), None, "x", True),
        ("extend", "valid", day(0), None, None, "x", False),
        ("extend", "valid", day(0), None, UNTIL, "x", False),
        ("extend", "valid", day(0), None, UNTIL + dt.timedelta(days=1), "x", True),
        ("extend", "expired", day(0), None, dt.date(2030, 1, 1), "x", False),
        ("revoke", "expired", day(0), None, None, "x", True),
        ("revoke", "suspended", day(0), None, None, "x", True),
    ],
)
def test_event_problems(kind, status, effective, end, new_until, basis, ok):
    problem = rules.event_problem(kind, status, effective, FROM, end, new_until, UNTIL, basis)
    assert (problem is None) == ok


def test_number_format_and_terms():
    assert rules.number(1, "GP") == "01/GP-STTTT"
    assert rules.number(123, "GCN") == "123/GCN-STTTT"
    assert rules.add_months(dt.date(2026, 1, 15), 12) == dt.date(2027, 1, 14)
    assert rules.add_months(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)  # no 29 Feb: the month's last day
    assert rules.add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert rules.add_months(dt.date(2026, 1, 28), 1) == dt.date(2026, 2, 27)


def test_warnings_due_at_thresholds():
    until = day(30)
    assert rules.warnings_due(day(0), until, (60, 30, 7), set()) == [30]  # nearest reached threshold only
    assert rules.warnings_due(day(-1), until, (30, 7), set()) == []  # 31 days left
    assert rules.warnings_due(day(0), until, (60, 30, 7), {30, 60}) == []
    assert rules.warnings_due(day(23), until, (60, 30, 7), {30, 60}) == [7]
    assert rules.warnings_due(day(31), until, (60, 30, 7), set()) == []  # already expired
    assert rules.warnings_due(day(0), None, (60,), set()) == []


def test_subject_problems():
    schema = KINDS["game_point"].subject
    good = {"point_name": "A", "facility_address": "B", "machines": 3}
    assert rules.subject_problems(schema, good) == {}
    assert set(rules.subject_problems(schema, {"point_name": "A"})) == {"facility_address", "machines"}
    assert "machines" in rules.subject_problems(schema, {**good, "machines": -1})
    assert "machines" in rules.subject_problems(schema, {**good, "machines": "ba"})
    assert "colour" in rules.subject_problems(schema, {**good, "colour": "x"})
    exhibition = KINDS["exhibition"].subject
    base = {"event_name": "x", "venue": "y", "start": "2026-01-01", "end": "2026-01-05"}
    assert rules.subject_problems(exhibition, base) == {}
    assert "end" in rules.subject_problems(exhibition, {**base, "end": "05/01/2026"})
    assert "serials" in rules.subject_problems(
        KINDS["photocopier"].subject, {"facility_address": "a", "device_model": "b", "serials": "x"}
    )


def test_personal_data_is_never_public():
    assert rules.public_holder_identifier("organisation", "3801234567") == "3801234567"
    assert rules.public_holder_identifier("person", "074090001234") == ""
    assert rules.public_holder_address("organisation", "KCN") == "KCN"
    assert rules.public_holder_address("person", "Nhà riêng") == ""
