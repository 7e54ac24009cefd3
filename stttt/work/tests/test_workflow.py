"""The five workflow tables, row by row: every allowed step succeeds for each role that may take it and
reaches its target state; the same step is refused to people without those roles; a step from a state
not in its row is refused; pages and API offer exactly the allowed steps."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from stttt.core.workflow import TransitionRefused
from stttt.work import workflow
from stttt.work.models import (
    Coordination,
    CouncilQuestion,
    DistrictReport,
    DistrictRequest,
    Report,
    ReportType,
    Task,
)

D = dt.date
_counter = itertools.count(1)


def make(kind, dept, state):
    """A record of `kind` in `state`: the division's, with the ICT-free cast of `conftest.Department`."""
    n = next(_counter)
    if kind == "task":
        return Task.objects.create(
            agency=dept.agency,
            lead_unit=dept.division,
            title=f"Việc {n}",
            source_kind="ppc",
            person_in_charge=dept.outsider,
            status=state,
        )
    if kind == "report":
        rt = ReportType.objects.create(
            agency=dept.agency, code=f"rt-{n}", name="Báo cáo", recipient="ppc", periodicity="monthly"
        )
        return Report.objects.create(
            agency=dept.agency,
            report_type=rt,
            period_start=D(2026, 10, 1),
            period_end=D(2026, 10, 31),
            due_on=D(2026, 11, 5),
            status=state,
        )
    if kind == "district_report":
        request = DistrictRequest.objects.create(
            agency=dept.agency,
            title=f"Yêu cầu {n}",
            period_start=D(2026, 7, 1),
            period_end=D(2026, 9, 30),
            deadline=D(2026, 10, 15),
        )
        return DistrictReport.objects.create(request=request, district=dept.district_a, status=state)
    if kind == "question":
        return CouncilQuestion.objects.create(
            agency=dept.agency,
            kind="question",
            asked_by="Đại biểu",
            received_on=D(2026, 11, 1),
            content="Hỏi",
            deadline=D(2026, 11, 20),
            unit=dept.division,
            assignee=dept.outsider,
            status=state,
        )
    return Coordination.objects.create(
        agency=dept.agency,
        direction="incoming",
        counterpart_kind="department",
        counterpart="Sở Xây dựng",
        subject=f"Phối hợp {n}",
        unit=dept.division,
        status=state,
    )


# Who holds each role on the records `make` builds (attribute names of `conftest.Department`).
HOLDERS = {
    "task": {
        "leadership": ["director", "deputy"],
        "lead_unit": ["officer", "head"],
        "in_charge": ["outsider"],
        "assigner": ["head", "director"],
    },
    "report": {"staff": ["clerk", "officer"], "approver": ["director"]},
    "district_report": {"officer": ["officer_a"], "department": ["clerk"]},
    "question": {
        "leadership": ["director"],
        "head": ["other_head", "head"],
        "unit": ["officer"],
        "assignee": ["outsider"],
    },
    "coordination": {"leadership": ["director"], "unit": ["officer", "head"]},
}

# People who must be refused each step (no role it needs), including another agency's staff.
REFUSED = {
    ("task", "progress"): ["clerk", "centre_staff", "officer_a", "other:staff_user"],
    ("task", "complete"): ["clerk", "centre_staff", "officer_a", "other:director"],
    ("task", "cancel"): ["officer", "outsider", "clerk", "other_head", "other:director"],
    ("report", "edit"): ["officer_a", "other:staff_user"],
    ("report", "refresh"): ["officer_a", "other:staff_user"],
    ("report", "submit"): ["officer_a", "other:staff_user"],
    ("report", "approve"): ["clerk", "head", "officer_a", "other:director"],
    ("report", "reject"): ["clerk", "head", "other:director"],
    ("report", "send"): ["officer_a", "other:staff_user"],
    ("district_report", "save"): ["clerk", "director", "officer_b", "other:officer"],
    ("district_report", "submit"): ["clerk", "officer_b", "other:officer"],
    ("district_report", "return"): ["officer_a", "officer_b", "other:staff_user"],
    ("question", "assign"): ["officer", "clerk", "centre_staff", "other:director"],
    ("question", "answer"): ["clerk", "centre_staff", "other_head", "other:director"],
    ("coordination", "agree"): ["clerk", "centre_staff", "outsider", "other:director"],
    ("coordination", "disagree"): ["clerk", "centre_staff", "other:director"],
    ("coordination", "escalate"): ["clerk", "centre_staff", "other:director"],
    ("coordination", "close"): ["centre_staff", "centre_head", "clerk", "other:director"],
}

ROWS = [(kind, t.action, state) for kind, wf in workflow.WORKFLOWS.items() for t in wf for state in sorted(t.sources)]


def person(dept, other, name):
    return getattr(other, name.split(":", 1)[1]) if name.startswith("other:") else getattr(dept, name)


def write_for(kind, action, dept):
    if kind == "question" and action == "assign":

        def write(record, _step):
            record.unit = dept.division

        return write
    return None


def test_every_row_has_holders_and_refusals():
    for kind, wf in workflow.WORKFLOWS.items():
        for t in wf:
            assert (kind, t.action) in REFUSED, (kind, t.action)
            assert all(role in HOLDERS[kind] for role in t.who), (kind, t.action)


@pytest.mark.parametrize(("kind", "action", "state"), ROWS)
def test_allowed_step_succeeds_for_each_role_and_is_refused_to_others(dept, other_agency, kind, action, state):
    step = workflow.WORKFLOWS[kind].get(action)
    for role in sorted(step.who):
        for name in HOLDERS[kind][role]:
            user = getattr(dept, name)
            record = make(kind, dept, state)
            assert workflow.allowed(kind, user, record, action), (role, name)
            done = workflow.transition(kind, record, action, actor=user, write=write_for(kind, action, dept))
            done.refresh_from_db()
            assert done.status == (step.target or state), (role, name)
            assert done.history.first().history_user == user
    for name in REFUSED[(kind, action)]:
        user = person(dept, other_agency, name)
        record = make(kind, dept, state)
        assert not workflow.allowed(kind, user, record, action), name
        with pytest.raises(PermissionDenied):
            workflow.transition(kind, record, action, actor=user, write=write_for(kind, action, dept))
        record.refresh_from_db()
        assert record.status == state, name


@pytest.mark.parametrize("kind", sorted(workflow.WORKFLOWS))
def test_steps_from_other_states_are_refused(dept, kind):
    wf = workflow.WORKFLOWS[kind]
    holder = {role: getattr(dept, names[0]) for role, names in HOLDERS[kind].items()}
    for t in wf:
        user = holder[sorted(t.who)[0]]
        for state in set(wf.states) - set(t.sources):
            record = make(kind, dept, state)
            assert not workflow.allowed(kind, user, record, t.action)
            with pytest.raises(TransitionRefused):
                workflow.transition(kind, record, t.action, actor=user)
            record.refresh_from_db()
            assert record.status == state


def test_tables_cite_the_regulation_and_list_their_effects():
    with translation.override("en"):
        rows = workflow.describe_all()
    assert set(rows) == {"task", "report", "district_report", "question", "coordination"}
    for kind, table in rows.items():
        for row in table:
            assert "Art. " in row["basis"] and row["who"], (kind, row["action"])
    returned = next(r for r in rows["district_report"] if r["action"] == "return")
    assert returned["effects"] == ["The district's officers are e-mailed the reason for the return"]
    assert not workflow.WORKFLOWS["district_report"].missing_effects()
