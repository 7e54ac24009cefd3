"""Rules of clerical work at their boundaries (Decree 30/2020), without the database."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stttt.correspondence import rules
from stttt.correspondence.rules import SignerFacts


def test_numbers_start_at_01_and_have_two_digits_at_least():
    assert rules.format_number(1) == "01"
    assert rules.format_number(9) == "09"
    assert rules.format_number(123) == "123"
    with pytest.raises(ValueError):
        rules.format_number(0)


def test_symbol_of_a_letter_names_the_drafting_unit_and_others_the_type():
    assert rules.number_and_symbol(123, "CV", "STTTT", "TTBCXB") == "123/STTTT-TTBCXB"
    assert rules.number_and_symbol(45, "QĐ", "STTTT", "TTBCXB") == "45/QĐ-STTTT"
    assert rules.number_and_symbol(7, "KH", "STTTT", "VP") == "07/KH-STTTT"


def test_agency_and_unit_abbreviations_come_from_codes():
    assert rules.agency_symbol("STTTT-BP") == "STTTT"
    assert rules.unit_symbol("BD-TTBCXB", "STTTT-BD") == "TTBCXB"
    assert rules.unit_symbol("TTBCXB", "STTTT-BP") == "TTBCXB"


def test_secret_documents_have_their_own_series():
    assert rules.outgoing_register("mat") == "outgoing_secret"
    assert rules.outgoing_register("") == "outgoing"
    assert rules.incoming_register("tuyet_mat") == "incoming_secret"


def test_the_series_is_the_calendar_year():
    assert rules.number_year(dt.date(2026, 12, 31)) == 2026
    assert rules.number_year(dt.date(2027, 1, 1)) == 2027


def test_date_line_leading_zeros_for_days_below_10_and_months_1_2():
    assert rules.date_line("Bình Phước", dt.date(2023, 2, 5)) == "Bình Phước, ngày 05 tháng 02 năm 2023"
    assert rules.date_line("", dt.date(2023, 3, 12)) == "ngày 12 tháng 3 năm 2023"


def test_duplicates_ignore_case_spaces_and_diacritics():
    a = rules.duplicate_key("Ủy ban nhân dân tỉnh", "1520/UBND-KGVX", dt.date(2026, 1, 2))
    b = rules.duplicate_key("uy ban nhan dan  tinh", "1520 / ubnd-kgvx", dt.date(2026, 1, 2))
    c = rules.duplicate_key("Ủy ban nhân dân tỉnh", "1520/UBND-KGVX", dt.date(2026, 1, 3))
    assert a == b != c


def test_who_signs_how_art_13():
    assert rules.signing_capacity(SignerFacts(is_director=True), "X") == "head"
    acting = SignerFacts(
        is_director=True, is_acting_director=True, is_deputy_director=True, deputy_units=frozenset({"X"})
    )
    assert rules.signing_capacity(acting, "X") == "acting"
    deputy = SignerFacts(is_deputy_director=True, deputy_units=frozenset({"X"}))
    assert rules.signing_capacity(deputy, "X") == "kt"
    assert rules.signing_capacity(deputy, "Y") is None
    assert rules.signing_capacity(SignerFacts(delegation="tl"), "Y") == "tl"
    assert rules.signing_capacity(SignerFacts(), "Y") is None


def test_signature_blocks():
    assert rules.signature_block("head") == ("", "GIÁM ĐỐC")
    assert rules.signature_block("acting") == ("", "Q. GIÁM ĐỐC")
    assert rules.signature_block("kt") == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    assert rules.signature_block("tl", "Chánh Văn phòng") == ("TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG")
    assert rules.signature_block("tuq", "TRƯỞNG PHÒNG") == ("TUQ. GIÁM ĐỐC", "TRƯỞNG PHÒNG")
    with pytest.raises(ValueError):
        rules.signature_block("x")


def test_routing_state_boundaries():
    today = dt.date(2026, 12, 6)
    assert rules.routing_state(today - dt.timedelta(days=1), today, False) == "overdue"
    assert rules.routing_state(today, today, False) == "due_soon"
    assert rules.routing_state(today + dt.timedelta(days=2), today, False) == "due_soon"
    assert rules.routing_state(today + dt.timedelta(days=3), today, False) == "on_track"
    assert rules.routing_state(today - dt.timedelta(days=1), today, True) == "none"
    assert rules.routing_state(None, today, False) == "none"


def test_task_source_of_issuers():
    assert rules.task_source("Ủy ban nhân dân tỉnh Bình Phước") == "ppc"
    assert rules.task_source("Chủ tịch Ủy ban nhân dân tỉnh") == "ppc_chairman"
    assert rules.task_source("Bộ Thông tin và Truyền thông") == "ministry"
    assert rules.task_source("Hội đồng nhân dân tỉnh") == "council"
    assert rules.task_source("Công an tỉnh") == "other"


@given(st.integers(min_value=1, max_value=10**6))
def test_number_round_trips(n):
    assert int(rules.format_number(n)) == n
    assert rules.number_and_symbol(n, "CV", "A", "B").split("/")[0] == rules.format_number(n)


def test_months_between():
    assert [m.month for m in rules.months_between(dt.date(2026, 11, 15), dt.date(2027, 2, 1))] == [11, 12, 1, 2]
