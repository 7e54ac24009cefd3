"""The rules at each boundary, named after the provision they apply (no database)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from stttt.core.calendar import build
from stttt.inspection import catalogue, facts, rules

CAL = build()
MON = dt.date(2026, 6, 1)  # a Monday with no holiday near it


def test_every_fact_has_a_basis_and_unsure_ones_say_why():
    keys = [f.key for f in facts.FACTS]
    assert len(keys) == len(set(keys))
    for f in facts.FACTS:
        assert f.key.startswith("inspection.") and f.basis
        assert not f.unsure or f.note


def test_law_on_inspection_art_45_plan_approved_by_the_deadline_of_the_year_before():
    deadline = rules.plan_approval_deadline(2027)
    assert deadline == dt.date(2026, 12, 15)
    assert not rules.plan_approved_late(2027, deadline)
    assert rules.plan_approved_late(2027, deadline + dt.timedelta(days=1))


def test_law_on_inspection_art_48_duration_counts_working_days_from_announcement():
    end = rules.case_end(CAL, MON)
    assert CAL.working_days_between(MON, end) == 30
    assert CAL.working_days_between(MON, rules.case_end(CAL, MON, 15)) == 45


def test_law_on_inspection_art_48_extension_up_to_the_maximum_only():
    assert rules.extension_problem(0, 15) is None
    assert rules.extension_problem(10, 5) is None
    assert rules.extension_problem(10, 6) is not None
    assert rules.extension_problem(0, 0) is not None


def test_law_on_inspection_art_75_and_78_report_then_conclusion_in_15_days_each():
    report = rules.report_deadline(CAL, MON)
    assert report == dt.date(2026, 6, 16)  # 16 June is a Tuesday
    assert rules.conclusion_deadline(CAL, report) == dt.date(2026, 7, 1)


def test_civil_code_art_148_a_period_ending_on_a_day_off_ends_on_the_next_working_day():
    # 15 days after Friday 5 June 2026 is Saturday 20 June: the period ends on Monday 22 June.
    assert rules.report_deadline(CAL, dt.date(2026, 6, 5)) == dt.date(2026, 6, 22)


def test_lhav_art_6_limitation_one_year_and_two_for_press():
    ended = dt.date(2025, 6, 1)
    assert rules.limitation_end(catalogue.TELECOM, ended_on=ended, discovered_on=MON) == dt.date(2026, 6, 1)
    assert (
        rules.limitation_problem(catalogue.TELECOM, ended_on=ended, discovered_on=MON, on=dt.date(2026, 6, 1)) is None
    )
    assert rules.limitation_problem(catalogue.TELECOM, ended_on=ended, discovered_on=MON, on=dt.date(2026, 6, 2))
    assert rules.limitation_problem(catalogue.PRESS, ended_on=ended, discovered_on=MON, on=dt.date(2027, 6, 1)) is None
    assert rules.limitation_problem(catalogue.PRESS, ended_on=ended, discovered_on=MON, on=dt.date(2027, 6, 2))


def test_lhav_art_6_1_b_an_ongoing_violation_counts_from_discovery():
    assert rules.limitation_end(catalogue.IT, ended_on=None, discovered_on=MON) == dt.date(2027, 6, 1)


def test_lhav_art_66_seven_working_days_from_the_record():
    deadline = rules.decision_deadline(CAL, MON)
    assert deadline == dt.date(2026, 6, 10)
    assert rules.decision_late_problem(deadline, deadline) is None
    assert rules.decision_late_problem(deadline, deadline + dt.timedelta(days=1))


def test_lhav_art_66_ten_working_days_when_transferred_one_month_with_explanation_and_extension():
    assert rules.decision_deadline(CAL, MON, transferred=True) == dt.date(2026, 6, 15)
    assert rules.decision_deadline(CAL, MON, explanation=True) == dt.date(2026, 7, 1)
    assert rules.decision_deadline(CAL, MON, explanation=True, extended=True) == dt.date(2026, 8, 3)  # 1/8 Saturday


def test_lhav_art_23_fine_within_the_range_and_twice_for_organisations():
    code = "119-2020-10-2"  # 10-20 M for an individual
    assert rules.fine_range(code, rules.INDIVIDUAL) == (10_000_000, 20_000_000)
    assert rules.fine_range(code, rules.ORGANISATION) == (20_000_000, 40_000_000)
    assert rules.fine_problem(code, rules.INDIVIDUAL, 10_000_000) is None
    assert rules.fine_problem(code, rules.INDIVIDUAL, 20_000_000) is None
    assert rules.fine_problem(code, rules.INDIVIDUAL, 9_999_999)
    assert rules.fine_problem(code, rules.INDIVIDUAL, 20_000_001)
    assert rules.fine_problem(code, rules.ORGANISATION, 40_000_000) is None


def test_lhav_art_46_chief_inspector_up_to_50_million_100_for_organisations():
    chief = rules.CHIEF_INSPECTOR
    assert rules.competence_problem(chief, catalogue.PRESS, rules.INDIVIDUAL, 50_000_000, suspends_licence=True) is None
    assert rules.competence_problem(chief, catalogue.PRESS, rules.INDIVIDUAL, 50_000_001, suspends_licence=False)
    assert (
        rules.competence_problem(chief, catalogue.PRESS, rules.ORGANISATION, 100_000_000, suspends_licence=False)
        is None
    )
    assert rules.competence_problem(chief, catalogue.PRESS, rules.ORGANISATION, 100_000_001, suspends_licence=False)


def test_lhav_art_46_inspector_on_duty_up_to_500_thousand_and_no_suspension():
    insp = rules.INSPECTOR
    assert rules.competence_problem(insp, catalogue.POST, rules.INDIVIDUAL, 500_000, suspends_licence=False) is None
    assert rules.competence_problem(insp, catalogue.POST, rules.INDIVIDUAL, 500_001, suspends_licence=False)
    assert rules.competence_problem(insp, catalogue.POST, rules.INDIVIDUAL, 500_000, suspends_licence=True)
    assert rules.competence_problem("", catalogue.POST, rules.INDIVIDUAL, 1, suspends_licence=False)


def test_lhav_art_38_ppc_chairman_up_to_the_field_maximum():
    assert rules.competence_cap(rules.PPC_CHAIRMAN, catalogue.TELECOM, rules.INDIVIDUAL) == 100_000_000
    assert rules.competence_cap(rules.PPC_CHAIRMAN, catalogue.TELECOM, rules.ORGANISATION) == 200_000_000


def test_lhav_art_25_suspension_only_where_and_as_long_as_the_provision_allows():
    assert rules.suspension_problem("119-2020-10-2", 0) is None
    assert rules.suspension_problem("119-2020-10-2", 1) is None
    assert rules.suspension_problem("119-2020-10-2", 3) is None
    assert rules.suspension_problem("119-2020-10-2", 4)
    assert rules.suspension_problem("119-2020-18-2", 1)


def test_lhav_art_73_payment_in_10_days_and_art_74_one_year_to_execute():
    assert rules.payment_deadline(CAL, MON) == dt.date(2026, 6, 11)
    assert rules.enforcement_limit(dt.date(2024, 2, 29)) == dt.date(2025, 2, 28)


def test_law_on_complaints_art_27_accept_in_10_working_days():
    assert rules.complaint_accept_deadline(CAL, MON) == dt.date(2026, 6, 15)


def test_law_on_complaints_art_28_resolution_periods():
    days = {
        (False, False): 30,
        (True, False): 45,
        (False, True): 45,
        (True, True): 60,
    }
    for (complex_case, remote), n in days.items():
        end = rules.complaint_resolve_deadline(CAL, MON, complex_case=complex_case, remote=remote)
        assert end == CAL.add_plain_days(MON, n)


def test_law_on_denunciations_art_24_processing_and_forwarding():
    assert rules.denunciation_process_deadline(CAL, MON, several_places=False) == dt.date(2026, 6, 10)
    assert rules.denunciation_process_deadline(CAL, MON, several_places=True) == dt.date(2026, 6, 15)
    assert rules.denunciation_forward_deadline(CAL, MON) == dt.date(2026, 6, 8)


def test_law_on_denunciations_art_30_extensions_one_or_two():
    assert rules.denunciation_resolve_deadline(CAL, MON) == dt.date(2026, 7, 1)
    assert rules.denunciation_resolve_deadline(CAL, MON, 2) == CAL.add_plain_days(MON, 90)
    assert rules.denunciation_extension_problem(0, especially_complex=False) is None
    assert rules.denunciation_extension_problem(1, especially_complex=False)
    assert rules.denunciation_extension_problem(1, especially_complex=True) is None
    assert rules.denunciation_extension_problem(2, especially_complex=True)


def test_law_on_citizen_reception_art_18_one_day_a_month():
    assert rules.reception_days_problem(1) is None
    assert rules.reception_days_problem(0)


@given(st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_periods_never_end_on_a_day_off_and_never_before_they_start(day):
    for end in (
        rules.decision_deadline(CAL, day),
        rules.decision_deadline(CAL, day, explanation=True),
        rules.payment_deadline(CAL, day),
        rules.complaint_resolve_deadline(CAL, day, complex_case=False, remote=False),
    ):
        assert end > day
        assert CAL.is_working_day(end)


@given(st.sampled_from([p.code for p in catalogue.PROVISIONS]), st.sampled_from([rules.INDIVIDUAL, rules.ORGANISATION]))
def test_every_provision_has_a_consistent_range(code, offender):
    low, high = rules.fine_range(code, offender)
    assert 0 < low <= high
    assert rules.fine_problem(code, offender, (low + high) // 2) is None
