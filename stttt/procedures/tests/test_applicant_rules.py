"""The applicant's particulars on a filing, at the boundaries (rules.py: name, ID number, phone, contact)."""

from __future__ import annotations

import datetime as dt

import pytest

from stttt.procedures import rules


@pytest.mark.parametrize(
    ("name", "ok"),
    [("x", False), ("xy", False), ("123", False), ("Lê A", True), ("Công ty TNHH Sao Mai", True), ("  x  ", False)],
)
def test_applicant_name(name, ok):
    assert (rules.applicant_name_problem(name) is None) is ok


@pytest.mark.parametrize(
    ("value", "holder", "ok"),
    [
        ("", "person", True),  # optional: given or not, never wrong
        ("12345678", "person", False),
        ("123456789", "person", True),
        ("1234567890", "person", False),
        ("12345678901", "person", False),
        ("001099012345", "person", True),
        ("0010990123456", "person", False),
        ("001 099 012 345", "person", True),
        ("không có", "person", False),
        ("380011122", "organisation", False),
        ("3800111222", "organisation", True),
        ("38001112221", "organisation", False),
        ("3800111222-001", "organisation", True),
        ("3800111222001", "organisation", True),
        ("38001112-22", "organisation", False),
        ("001099012345", "organisation", False),
        ("123456789", "", True),
        ("3800111222", "", True),
        ("12345", "", False),
        ("không có", "", False),
    ],
)
def test_id_number(value, holder, ok):
    assert (rules.id_number_problem(value, holder) is None) is ok


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("", True),
        ("0912345678", True),
        ("0912 345 678", True),
        ("091.234.5678", True),
        ("+84 912 345 678", True),
        ("84912345678", True),
        ("091234567", False),
        ("09123456789", False),
        ("0112345678", False),
        ("0271 3888 999", True),
        ("(0271) 3888-999", True),
        ("+84 271 3888 999", True),
        ("0271388899", False),
        ("03123456789", False),
        ("gọi tôi đi", False),
        ("0912x45678", False),
    ],
)
def test_phone(value, ok):
    assert (rules.phone_problem(value) is None) is ok


def test_contact_needs_a_phone_or_an_email():
    assert rules.contact_problem("", "") is not None and rules.contact_problem("  ", "") is not None
    assert rules.contact_problem("0912345678", "") is None and rules.contact_problem("", "a@b.vn") is None


@pytest.mark.parametrize(
    ("value", "holder", "on", "ok"),
    [
        # an identity card (CMND) could be used until 31/12/2024 (Law on Identity 2023); then only the
        # 12-digit personal ID number
        ("070190111", "person", dt.date(2024, 12, 31), True),
        ("070190111", "person", dt.date(2025, 1, 1), False),
        ("070190111", "", dt.date(2025, 1, 1), False),
        ("070190000111", "person", dt.date(2025, 1, 1), True),
        ("3800111222", "organisation", dt.date(2025, 1, 1), True),
    ],
)
def test_identity_cards_end_on_31_december_2024(value, holder, on, ok):
    assert (rules.id_number_problem(value, holder, on) is None) is ok
