"""The rules of security by level, incidents and warnings, at their boundaries, named after the provision
(no database)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stttt.core.calendar import build
from stttt.cyber import rules
from stttt.cyber.facts import FACTS
from stttt.cyber.rules import SystemFacts

CAL = build()  # the statutory calendar, no extra days


def test_every_fact_cites_a_provision_and_says_why_when_unsure():
    for item in FACTS:
        assert item.key.startswith("cyber.") and item.basis
        assert not item.unsure or item.note


def test_decree_85_art_7_internal_public_information_only_is_level_1():
    assert rules.implied_level(SystemFacts()) == 1


def test_decree_85_art_8_1_internal_private_or_personal_information_is_level_2():
    assert rules.implied_level(SystemFacts(private_or_personal=True)) == 2


def test_decree_85_art_8_2_a_online_services_at_level_2_or_below_is_level_2():
    assert rules.implied_level(SystemFacts(system_type="citizen_service", online_service="basic")) == 2


def test_decree_85_art_9_2_full_online_services_or_conditional_business_is_level_3():
    assert rules.implied_level(SystemFacts(system_type="citizen_service", online_service="full")) == 3
    assert rules.implied_level(SystemFacts(system_type="citizen_service", conditional_business=True)) == 3


def test_decree_85_art_8_2_c_and_9_2_c_personal_data_of_10000_users_is_the_boundary():
    assert rules.implied_level(SystemFacts(private_or_personal=True, personal_data_users=9_999)) == 2
    assert rules.implied_level(SystemFacts(private_or_personal=True, personal_data_users=10_000)) == 3


def test_decree_85_art_8_3_9_3_10_infrastructure_by_whom_it_serves():
    base = {"system_type": "infrastructure"}
    assert rules.implied_level(SystemFacts(**base, infra_scope="one_agency")) == 2
    assert rules.implied_level(SystemFacts(**base, infra_scope="province")) == 3
    assert rules.implied_level(SystemFacts(**base, infra_scope="nationwide")) == 4


def test_decree_85_art_9_to_11_state_secrets_by_degree():
    assert rules.implied_level(SystemFacts(secret_level="confidential")) == 3
    assert rules.implied_level(SystemFacts(secret_level="secret")) == 4
    assert rules.implied_level(SystemFacts(secret_level="top_secret")) == 5


def test_decree_85_art_10_national_critical_system_is_at_least_level_4():
    assert rules.implied_level(SystemFacts(national_critical=True)) == 4


def test_decree_85_art_5_the_highest_criterion_decides():
    facts = SystemFacts(private_or_personal=True, infra_scope="province", secret_level="secret")
    assert rules.implied_level(facts) == 4
    assert [c.level for c in rules.criteria_met(facts)] == [4, 3, 2]


@given(
    st.builds(
        SystemFacts,
        system_type=st.sampled_from(["internal", "citizen_service", "infrastructure", "other"]),
        private_or_personal=st.booleans(),
        secret_level=st.sampled_from(["none", "confidential", "secret", "top_secret"]),
        online_service=st.sampled_from(["none", "basic", "full"]),
        conditional_business=st.booleans(),
        personal_data_users=st.integers(0, 10**7),
        infra_scope=st.sampled_from(["none", "one_agency", "province", "nationwide"]),
        national_critical=st.booleans(),
    )
)
def test_law_2015_art_21_the_level_is_always_1_to_5_and_every_criterion_cites_its_article(facts):
    level = rules.implied_level(facts)
    assert 1 <= level <= 5
    assert all(c.basis.startswith("Decree 85/2016") for c in rules.criteria_met(facts))
    assert rules.under_classified(level, facts) is None
    if level > 1:
        assert rules.under_classified(level - 1, facts) is not None


def test_a_proposal_below_the_criteria_is_flagged_with_the_criterion():
    flag = rules.under_classified(2, SystemFacts(system_type="infrastructure", infra_scope="province"))
    assert flag is not None and flag.level == 3 and "Art. 9(3)" in flag.basis
    assert rules.under_classified(3, SystemFacts(system_type="infrastructure", infra_scope="province")) is None
    assert rules.under_classified(None, SystemFacts()) is None


def test_law_2015_art_21_1_levels_are_1_to_5():
    for bad in (0, 6):
        with pytest.raises(ValueError):
            rules.check_level(bad)
    rules.check_level(1)
    rules.check_level(5)


def test_decree_85_art_12_who_approves():
    assert rules.approver(1) == rules.approver(2) == "department"
    assert rules.approver(3) == "owner"
    assert rules.approver(4) == rules.approver(5) == "ministry"


def test_decree_85_art_14_appraisal_15_days_for_levels_1_to_3_30_for_4_and_5():
    received = dt.date(2026, 3, 2)  # a Monday
    assert rules.appraisal_due(received, 3, CAL) == dt.date(2026, 3, 17)
    assert rules.appraisal_due(received, 4, CAL) == dt.date(2026, 4, 1)


def test_civil_code_art_148_an_appraisal_period_ending_on_a_day_off_ends_the_next_working_day():
    received = dt.date(2026, 3, 6)  # Friday; +15 days = Saturday 21/3
    assert rules.appraisal_due(received, 2, CAL) == dt.date(2026, 3, 23)


def test_decree_85_art_14_approval_within_7_working_days():
    assert rules.approval_due(dt.date(2026, 3, 6), CAL) == dt.date(2026, 3, 17)


def test_circular_12_art_9_requirements_are_cumulative_and_split_management_technical():
    one, three, five = (rules.requirements_for(n) for n in (1, 3, 5))
    assert set(r.code for r in one) < set(r.code for r in three) < set(r.code for r in five)
    assert five == list(rules.REQUIREMENTS)
    assert {r.group for r in one} == {"management", "technical"}
    assert sum(r.group == "management" and r.from_level == 1 for r in rules.REQUIREMENTS) == 5  # TCVN cl. 5.1


def test_directive_14_periodic_assessment_every_year_for_3_and_4_six_months_for_5():
    assert rules.assessment_months(2) == 24
    assert rules.assessment_months(3) == rules.assessment_months(4) == 12
    assert rules.assessment_months(5) == 6


def test_next_assessment_counts_from_the_approval_or_the_last_check():
    approved = dt.date(2025, 1, 31)
    assert rules.next_assessment_due(3, approved, None) == dt.date(2026, 1, 31)
    assert rules.next_assessment_due(5, approved, None) == dt.date(2025, 7, 31)
    assert rules.next_assessment_due(3, approved, dt.date(2025, 8, 31)) == dt.date(2026, 8, 31)
    assert rules.next_assessment_due(None, approved, None) is None
    assert rules.add_months(dt.date(2025, 8, 31), 6) == dt.date(2026, 2, 28)


def test_compliance_rate_and_standing():
    assert rules.Compliance(0, 0, 0, 0).rate == 100
    standing = rules.Compliance(systems=4, approved=3, assessments_overdue=1, warnings_overdue=0)
    assert standing.rate == 50 and not standing.compliant
    assert rules.Compliance(2, 2, 0, 0).compliant


def test_circular_20_art_11_notification_within_5_days_of_detection():
    d = rules.incident_deadlines(dt.date(2026, 3, 2), dt.date(2026, 3, 2), None, CAL)
    assert d.notify == dt.date(2026, 3, 7 + 2)  # Sat 7/3 -> Monday 9/3 (Civil Code Art. 148(5))
    assert d.verify == dt.date(2026, 3, 4)
    assert d.final_report is None
    d = rules.incident_deadlines(dt.date(2026, 3, 2), dt.date(2026, 3, 2), dt.date(2026, 3, 6), CAL)
    assert d.final_report == dt.date(2026, 3, 13)


def test_decision_05_serious_incidents():
    assert rules.is_serious("serious") and not rules.is_serious("high")


def test_warning_matches_product_and_version_ignoring_case_and_spaces():
    inventory = "Microsoft  Exchange Server 2019 CU12\nWordPress 6.4\nmicrosoft exchange server 2013"
    assert rules.product_matches(inventory, "Microsoft Exchange Server", "2016, 2019") == [
        "Microsoft  Exchange Server 2019 CU12"
    ]
    assert len(rules.product_matches(inventory, "microsoft exchange server")) == 2
    assert rules.product_matches(inventory, "") == []
    assert rules.product_matches(inventory, "Apache Tomcat") == []


def test_warning_acknowledgement_and_remediation_days():
    relayed = dt.date(2026, 3, 6)  # Friday
    assert rules.acknowledgement_due(relayed, CAL) == dt.date(2026, 3, 10)
    assert rules.remediation_due(relayed, 10) == dt.date(2026, 3, 16)
    assert rules.remediation_due(relayed, None) == dt.date(2026, 3, 21)


def test_a_delivery_is_overdue_only_after_its_last_day():
    ack, fix = dt.date(2026, 3, 10), dt.date(2026, 3, 21)
    assert not rules.delivery_overdue("sent", ack, fix, ack)
    assert rules.delivery_overdue("sent", ack, fix, ack + dt.timedelta(days=1))
    assert not rules.delivery_overdue("acknowledged", ack, fix, fix)
    assert rules.delivery_overdue("acknowledged", ack, fix, fix + dt.timedelta(days=1))
    assert not rules.delivery_overdue("remediated", ack, fix, fix + dt.timedelta(days=100))
