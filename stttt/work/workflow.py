"""The work app's five state machines as tables: tasks, reports upward, district reports, Council questions
and coordination requests.

Each row says from which states an action may be taken, to which state it leads, who may take it (roles
from `permissions.py`: relations of the user to the record), the provision of the regulation it applies
and the effects that follow it. `services.py` applies every step through `transition()` below, inside a
transaction with the row locked; pages and API offer only the actions `actions_for()` returns.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from stttt.core import workflow as core_workflow
from stttt.core.workflow import Transition, Workflow, step
from stttt.work import permissions
from stttt.work.choices import (
    CoordinationStatus,
    DistrictReportStatus,
    QuestionStatus,
    ReportStatus,
    TaskStatus,
)

ROLES = {
    "leadership": _("Director or Deputy Director"),
    "head": _("Head of a unit"),
    "assigner": _("Whoever may give the unit work"),
    "unit": _("Member of the record's unit"),
    "unit_head": _("Head of the record's unit"),
    "lead_unit": _("Member of the lead unit"),
    "in_charge": _("Person in charge"),
    "assignee": _("Assignee"),
    "staff": _("Department staff"),
    "approver": _("Leader in charge of the report"),
    "officer": _("Officer of the district"),
    "department": _("Department staff"),
}

T = TaskStatus
TASK_OPEN_STATES = (T.NEW, T.IN_PROGRESS)

TASKS = Workflow(
    "work.task",
    [
        step(
            "progress",
            _("Report progress"),
            TASK_OPEN_STATES,
            T.IN_PROGRESS,
            ("leadership", "lead_unit", "in_charge"),
            _(
                "Art. 5.3 of the regulation: the head answers for the unit's work; the lead unit and the person in "
                "charge report progress and the reasons for any delay, followed at the briefing (5.4)."
            ),
            needs=("note",),
        ),
        step(
            "complete",
            _("Complete"),
            TASK_OPEN_STATES,
            T.COMPLETED,
            ("leadership", "lead_unit", "in_charge"),
            _(
                "Art. 5.3 and 6.1 of the regulation: the lead unit reports the result of the task given by the "
                "PPC, the Ministry or the Director."
            ),
            needs=("report",),
        ),
        step(
            "cancel",
            _("Cancel"),
            TASK_OPEN_STATES,
            T.CANCELLED,
            ("assigner",),
            _("Art. 5.1-5.3 of the regulation: whoever may give the unit a task may withdraw it."),
            needs=("reason",),
        ),
    ],
    ROLES,
    dict(TaskStatus.choices),
)

R = ReportStatus

REPORTS = Workflow(
    "work.report",
    [
        step(
            "edit",
            _("Save"),
            (R.DRAFT,),
            None,
            ("staff",),
            _(
                "Art. 3.29 of the regulation: the Department reports periodically and ad hoc to the PPC and the "
                "Ministry."
            ),
            needs=("narrative",),
        ),
        step(
            "refresh",
            _("Refresh the figures"),
            (R.DRAFT,),
            None,
            ("staff",),
            _("Art. 3.29 of the regulation: the figures are taken from the records as they are now."),
        ),
        step(
            "submit",
            _("Submit for approval"),
            (R.DRAFT,),
            R.PENDING,
            ("staff",),
            _(
                "Art. 6.1 and 6.3 of the regulation: reports to the PPC and the Ministry go out under the "
                "Director's authority."
            ),
        ),
        step(
            "approve",
            _("Approve"),
            (R.PENDING,),
            R.APPROVED,
            ("approver",),
            _(
                "Art. 5.1 and 5.2 of the regulation: the Director, or the Deputy Director in charge of the field, "
                "signs on the Director's behalf."
            ),
        ),
        step(
            "reject",
            _("Send back"),
            (R.PENDING,),
            R.DRAFT,
            ("approver",),
            _("Art. 5.1 and 5.2 of the regulation: the leader in charge sends the draft back for changes."),
        ),
        step(
            "send",
            _("Mark as sent"),
            (R.APPROVED,),
            R.SENT,
            ("staff",),
            _("Art. 3.29, 6.1 and 6.3 of the regulation: the date sent decides whether the report was late."),
            needs=("number",),
        ),
    ],
    ROLES,
    dict(ReportStatus.choices),
)

D = DistrictReportStatus
DISTRICT_EDITABLE = (D.NOT_STARTED, D.DRAFT, D.RETURNED)

DISTRICT_REPORTS = Workflow(
    "work.district_report",
    [
        step(
            "save",
            _("Save draft"),
            DISTRICT_EDITABLE,
            D.DRAFT,
            ("officer",),
            _(
                "Art. 6.6 of the regulation: the district office prepares the statistical report the Department "
                "requires."
            ),
        ),
        step(
            "submit",
            _("Submit"),
            DISTRICT_EDITABLE,
            D.SUBMITTED,
            ("officer",),
            _(
                "Art. 6.6 of the regulation: the district office sends its report to the Department; it is locked "
                "once sent."
            ),
        ),
        step(
            "return",
            _("Return for correction"),
            (D.SUBMITTED,),
            D.RETURNED,
            ("department",),
            _("Art. 6.6 of the regulation: the Department returns a report whose figures must be corrected."),
            needs=("reason",),
            effects=("work.mail_return_reason",),
        ),
    ],
    ROLES,
    dict(DistrictReportStatus.choices),
)

Q = QuestionStatus

QUESTIONS = Workflow(
    "work.question",
    [
        step(
            "assign",
            _("Assign"),
            (Q.RECEIVED, Q.ASSIGNED),
            Q.ASSIGNED,
            ("leadership", "head"),
            _(
                "Art. 6.2 and 5.1-5.3 of the regulation: the leadership gives the question to any unit, a head to "
                "their own unit."
            ),
            needs=("unit",),
        ),
        step(
            "answer",
            _("Record the answer"),
            (Q.RECEIVED, Q.ASSIGNED),
            Q.ANSWERED,
            ("leadership", "unit", "assignee"),
            _(
                "Art. 6.2 of the regulation: the Department answers the questions of Council delegates and voters' "
                "petitions within its field."
            ),
            needs=("answer",),
        ),
    ],
    ROLES,
    dict(QuestionStatus.choices),
)

C = CoordinationStatus

COORDINATIONS = Workflow(
    "work.coordination",
    [
        step(
            "agree",
            _("Record an agreeing reply"),
            (C.OPEN, C.DISAGREED),
            C.ANSWERED,
            ("leadership", "unit"),
            _("Art. 6.4 of the regulation: departments and district People's Committees coordinate on request."),
        ),
        step(
            "disagree",
            _("Record a disagreement"),
            (C.OPEN, C.DISAGREED),
            C.DISAGREED,
            ("leadership", "unit"),
            _("Art. 6.5 of the regulation: where the parties do not agree, the points of disagreement are recorded."),
        ),
        step(
            "escalate",
            _("Escalate to the PPC"),
            (C.OPEN, C.ANSWERED, C.DISAGREED),
            C.ESCALATED,
            ("leadership", "unit"),
            _("Art. 6.5 of the regulation: matters the parties cannot agree on go to the PPC for direction."),
            needs=("note",),
        ),
        step(
            "close",
            pgettext_lazy("coordination", "Close"),
            (C.OPEN, C.ANSWERED, C.DISAGREED, C.ESCALATED),
            C.CLOSED,
            ("leadership", "unit"),
            _(
                "Art. 6.4 and 6.5 of the regulation: the request is settled, with the PPC's direction where it gave "
                "one."
            ),
        ),
    ],
    ROLES,
    dict(CoordinationStatus.choices),
)

WORKFLOWS: dict[str, Workflow] = {
    "task": TASKS,
    "report": REPORTS,
    "district_report": DISTRICT_REPORTS,
    "question": QUESTIONS,
    "coordination": COORDINATIONS,
}

ROLES_OF: dict[str, Callable[[Any, Any], set[str]]] = {
    "task": permissions.roles_of_task,
    "report": permissions.roles_of_report,
    "district_report": permissions.roles_of_district_report,
    "question": permissions.roles_of_question,
    "coordination": permissions.roles_of_coordination,
}


def actions_for(kind: str, user: Any, record: Any) -> list[Transition]:
    """The steps `user` may take on `record` now (pages and API offer only these)."""
    return WORKFLOWS[kind].available(record.status, ROLES_OF[kind](user, record))


def allowed(kind: str, user: Any, record: Any, action: str) -> bool:
    return any(t.action == action for t in actions_for(kind, user, record))


def transition(
    kind: str,
    record: Any,
    action: str,
    *,
    actor: Any,
    write: Callable[[Any, Transition], None] | None = None,
    **context: Any,
) -> Any:
    """Apply `action` to `record` under its table: row lock, state and role checks, `write`, save with the
    actor in the audit row, declared effects. The caller holds the transaction."""
    model = type(record)
    if getattr(actor, "is_authenticated", False):

        def write_with_actor(obj: Any, step_: Transition) -> None:
            obj._history_user = actor
            if write is not None:
                write(obj, step_)
    else:
        write_with_actor = write  # type: ignore[assignment]
    return core_workflow.apply(
        WORKFLOWS[kind],
        model._default_manager.all(),
        record.pk,
        action,
        actor=actor,
        roles_of=ROLES_OF[kind],
        write=write_with_actor,
        **context,
    )


def describe_all() -> dict[str, list[dict[str, Any]]]:
    """Every table as rows (for docs and pages)."""
    return {kind: wf.describe() for kind, wf in WORKFLOWS.items()}
