"""The digital app's rules at their boundaries, without the database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stttt.core.calendar import build
from stttt.core.legalfacts import fact
from stttt.digital import rules
from stttt.digital.facts import FACTS
from stttt.digital.rules import DEN, NUM, IndicatorDef

CAL = build()
RATE = IndicatorDef("dvc", "Online services", "rate", numerator_label="online", denominator_label="all")
SUM = IndicatorDef("staff", "IT staff", "sum")
AVG = IndicatorDef("score", "Score", "average")


def test_every_fact_has_a_basis_and_unsure_ones_say_why():
    keys = [f.key for f in FACTS]
    assert len(keys) == len(set(keys))
    for item in FACTS:
        assert item.key.startswith("digital.") and item.basis
        if item.unsure:
            assert item.note


# --- Formulas per indicator -----------------------------------------------------------------------------


def test_sum_adds_the_figures_given_and_ignores_blanks():
    assert rules.province_value("sum", "staff", [{"staff": 3}, {"staff": None}, {"staff": 4.5}]) == 7.5


def test_average_is_the_mean_of_those_who_gave_a_figure():
    assert rules.province_value("average", "score", [{"score": 80}, {"score": 90}, {}]) == 85.0


def test_rate_is_weighted_not_a_mean_of_rates():
    subs = [{"dvc" + NUM: 1, "dvc" + DEN: 1}, {"dvc" + NUM: 0, "dvc" + DEN: 3}]
    assert rules.province_value("rate", "dvc", subs) == 25.0  # mean of rates would be 50


def test_rate_without_any_denominator_is_unknown():
    assert rules.province_value("rate", "dvc", [{"dvc" + NUM: 0, "dvc" + DEN: 0}]) is None
    assert rules.province_value("rate", "dvc", []) is None
    assert rules.province_value("sum", "staff", []) is None


@given(st.lists(st.tuples(st.integers(0, 1000), st.integers(0, 1000)).map(lambda t: (min(t), max(t))), min_size=1))
def test_a_rate_stays_between_0_and_100(pairs):
    subs = [{"dvc" + NUM: n, "dvc" + DEN: d} for n, d in pairs]
    value = rules.province_value("rate", "dvc", subs)
    assert value is None or 0 <= value <= 100


def test_a_rate_asks_numerator_and_denominator():
    specs = rules.field_specs([RATE, SUM])
    assert [s.code for s in specs] == ["dvc__num", "dvc__den", "staff"]


def test_numerator_above_denominator_is_refused():
    _values, errors = rules.validate_submission([RATE], {"dvc__num": "5", "dvc__den": "4"}, final=False)
    assert "dvc__num" in errors
    _values, errors = rules.validate_submission([RATE], {"dvc__num": "4", "dvc__den": "4"}, final=True)
    assert errors == {}


def test_drafts_keep_blanks_submission_requires_them():
    assert rules.validate_submission([SUM], {"staff": ""}, final=False)[1] == {}
    assert "staff" in rules.validate_submission([SUM], {"staff": ""}, final=True)[1]


def test_negative_figures_are_refused():
    assert "staff" in rules.validate_submission([SUM], {"staff": "-1"}, final=False)[1]


def test_submission_late_at_the_deadline_boundary():
    deadline = dt.date(2026, 3, 31)
    assert not rules.is_late(deadline, deadline, dt.date(2026, 5, 1))
    assert rules.is_late(deadline, dt.date(2026, 4, 1), dt.date(2026, 5, 1))
    assert not rules.is_late(deadline, None, deadline)
    assert rules.is_late(deadline, None, dt.date(2026, 4, 1))


def test_only_unsubmitted_figures_are_editable():
    assert rules.submission_editable("returned") and rules.submission_editable("draft")
    assert not rules.submission_editable("submitted")


# --- DTI -------------------------------------------------------------------------------------------------


def test_sub_index_points_are_proportional_and_capped():
    assert rules.sub_index_points(40, 80, 10) == 5.0
    assert rules.sub_index_points(80, 80, 10) == 10.0
    assert rules.sub_index_points(120, 80, 10) == 10.0
    assert rules.sub_index_points(None, 80, 10) == 0.0
    assert rules.sub_index_points(50, None, 10) == 0.0


def test_dti_main_index_maxima_add_up_to_1000():
    total = sum(rules.pillar_maximum(p) for p in rules.FOUNDATION + rules.ACTIVITY)
    assert total == fact("digital.dti_total_points").value == 1000


def test_dti_full_marks_give_1_everywhere():
    full = {p: rules.pillar_maximum(p) for p in rules.FOUNDATION + rules.ACTIVITY}
    result = rules.dti(full)
    assert result.total == 1000 and result.index == 1.0
    assert result.pillars == {"government": 1.0, "economy": 1.0, "society": 1.0}


def test_dti_caps_each_main_index_and_smart_city_scores_nothing():
    result = rules.dti({"awareness": 150, "smart_city": 50, "government": 100})
    assert result.points["awareness"] == 100 and result.points["smart_city"] == 0
    assert result.foundation == 100 and result.activity == 100 and result.total == 200
    assert result.pillars["government"] == round(200 / 700, 4)
    assert result.pillars["economy"] == round(100 / 650, 4)


def test_change_from_previous_year():
    assert rules.change(0.55, 0.5) == 0.05
    assert rules.change(0.5, None) is None


# --- Online services -------------------------------------------------------------------------------------


def test_online_shares():
    shares = rules.online_shares(
        {"received": 8, "online": 6, "full_online": 2, "resolved_on_time": 3, "resolved_late": 1}
    )
    assert shares == {"online": 75.0, "full_online": 25.0, "on_time": 75.0}
    assert rules.online_shares({}) == {"online": None, "full_online": None, "on_time": None}


# --- Data sharing -----------------------------------------------------------------------------------------


def test_sharing_due_counts_working_days_from_the_day_after_receipt():
    days = fact("digital.sharing_answer_working_days").value
    received = dt.date(2026, 3, 2)  # a Monday
    due = rules.sharing_due(received, CAL)
    assert CAL.working_days_between(received, due) == days


def test_answered_in_time_boundaries():
    due = dt.date(2026, 3, 16)
    assert rules.answered_in_time(due, due, due) is True
    assert rules.answered_in_time(due, due + dt.timedelta(days=1), due) is False
    assert rules.answered_in_time(due, None, due) is None
    assert rules.answered_in_time(due, None, due + dt.timedelta(days=1)) is False


# --- IT investment appraisal -----------------------------------------------------------------------------

A = Decimal(fact("digital.group_a_threshold").value)
C = Decimal(fact("digital.group_c_threshold").value)
ET = Decimal(fact("digital.economic_technical_threshold").value)


@pytest.mark.parametrize(
    ("total", "group"),
    [(C - 1, "C"), (C, "B"), (A - 1, "B"), (A, "A")],
)
def test_project_group_at_the_law_on_public_investment_thresholds(total, group):
    assert rules.project_group(total) == group


def test_national_projects_are_their_own_group():
    assert rules.project_group(1, national=True) == "national"


def test_economic_technical_report_below_the_decree_73_threshold():
    assert not rules.needs_feasibility_study(ET - 1)
    assert rules.needs_feasibility_study(ET)
    assert rules.stage_fits("economic_technical", "investment", ET - 1) is None
    assert rules.stage_fits("economic_technical", "investment", ET) is not None
    assert rules.stage_fits("feasibility", "investment", ET - 1) is not None
    assert rules.stage_fits("feasibility", "investment", ET) is None


def test_recurrent_spending_is_appraised_on_its_outline_and_estimate():
    assert rules.stage_fits("outline_estimate", "recurrent", 10) is None
    assert rules.stage_fits("feasibility", "recurrent", ET) is not None
    assert rules.stage_fits("outline_estimate", "investment", ET) is not None


@pytest.mark.parametrize(
    ("stage", "group", "key"),
    [
        ("feasibility", "A", "digital.appraisal_days_group_a"),
        ("feasibility", "national", "digital.appraisal_days_group_a"),
        ("feasibility", "B", "digital.appraisal_days_group_b"),
        ("feasibility", "C", "digital.appraisal_days_group_c"),
        ("pre_feasibility", "B", "digital.appraisal_days_group_b"),
        ("economic_technical", "C", "digital.appraisal_days_group_c"),
        ("detailed_design", "B", "digital.appraisal_days_design"),
        ("outline_estimate", "", "digital.appraisal_days_outline"),
    ],
)
def test_appraisal_time_limit_by_dossier_and_group(stage, group, key):
    days, unit, found = rules.appraisal_period(stage, group)
    assert found == key and days == fact(key).value and unit == fact(key).unit


def test_appraisal_due_in_plain_days_moves_off_a_day_off():
    received = dt.date(2026, 3, 2)
    due = rules.appraisal_due(received, "feasibility", "B", CAL)
    days = fact("digital.appraisal_days_group_b").value
    assert due >= received + dt.timedelta(days=days) and CAL.is_working_day(due)
    assert (due - received).days - days < 3


def test_outline_due_in_working_days():
    received = dt.date(2026, 3, 2)
    due = rules.appraisal_due(received, "outline_estimate", "", CAL)
    assert CAL.working_days_between(received, due) == fact("digital.appraisal_days_outline").value


# --- Signatures -------------------------------------------------------------------------------------------


def test_certificate_expiry_warning_boundary():
    days = fact("digital.signature_expiry_warning_days").value
    today = dt.date(2026, 3, 1)
    assert rules.certificate_expiring(today + dt.timedelta(days=days), today)
    assert not rules.certificate_expiring(today + dt.timedelta(days=days + 1), today)
    assert not rules.certificate_expiring(None, today)
