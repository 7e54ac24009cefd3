"""The dossier lifecycle as one table (`stttt.core.workflow`): action -> from which states, to which state,
who may, on what legal basis, what the actor must give, and the effects that follow the step.

`services.dossier_file` applies the filing row; `services.dossier_transition` applies every other row. Both
write the step, then run the row's declared effects in the same transaction. Roles are relations between
the actor and the dossier, found from the organisation (`permissions.roles_of`): the one-stop desk, the
head of the processing division (acting heads included), the assigned officer, the approving leader (the
leader in charge or the acting leader), and the applicant.

Options of a row: `handling` (only for procedures the agency handles that way), `slip` (the one-stop
slip the step produces, see `slips.py`) and `tells_applicant` (the step's note is shown to the applicant).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from stttt.core.workflow import Transition, Workflow, step
from stttt.procedures.choices import Handling, Status

S = Status
DESK, HEAD, OFFICER, APPROVER, APPLICANT = "desk", "division_head", "officer", "approver", "applicant"
ROLE_LABELS = {
    DESK: _("one-stop desk"),
    HEAD: _("head of the processing division"),
    OFFICER: _("assigned officer"),
    APPROVER: _("approving leader"),
    APPLICANT: _("applicant"),
}

NEW = ""  # the pseudo state of a dossier not filed yet (the `from` of the filing step on the control sheet)
FILE = "submit"  # the filing step; its name is the one kept on existing control-sheet rows

NOTIFY = ("procedures.notify_applicant",)  # the applicant is told (notifications.py)

WORKING = {S.RECEIVED, S.TRANSFERRED, S.IN_APPRAISAL, S.AWAITING_SUPPLEMENT, S.AWAITING_APPROVAL}

# Legal bases, as shown to users and written on the control sheet (Decree 61/2018/NĐ-CP on the one-stop
# mechanism).
ART_17 = _("Art. 17 of Decree 61/2018/NĐ-CP")
ART_17_1_A = _("Art. 17(1)(a) of Decree 61/2018/NĐ-CP")
ART_17_1_B = _("Art. 17(1)(b) of Decree 61/2018/NĐ-CP")
ART_17_1_C = _("Art. 17(1)(c) of Decree 61/2018/NĐ-CP")
ART_18 = _("Art. 18 of Decree 61/2018/NĐ-CP")
ART_19 = _("Art. 19 of Decree 61/2018/NĐ-CP")
ART_19_RESTART = _("Art. 19 of Decree 61/2018/NĐ-CP (the period restarts)")
ART_20 = _("Art. 20 of Decree 61/2018/NĐ-CP")
# Withdrawal at the applicant's request, before a decision: a status of the national portal's dossier codes
# (7, "citizen asks to withdraw the dossier"), a step the one-stop system must offer online. The article
# that grants it was not found in the texts available (Decree 61/2018/NĐ-CP as amended by Decree
# 107/2021/NĐ-CP; Decree 118/2025/NĐ-CP, reported in force from 01/07/2025, not retrieved): [verify].
WITHDRAWAL = _(
    "Decree 61/2018/NĐ-CP as amended by Decree 107/2021/NĐ-CP: withdrawal at the applicant's request [verify]"
)

WORKFLOW = Workflow(
    "procedures.dossier",
    [
        # action, label, from states, to state, who may, legal basis; what it needs, its effects, its options
        step(
            FILE,
            _("File the dossier"),
            {NEW},
            S.SUBMITTED,
            {APPLICANT, DESK},
            ART_17,
            effects=("licensing.record_application",),
        ),
        step("receive", _("Receive"), {S.SUBMITTED}, S.RECEIVED, {DESK}, ART_17_1_C, effects=NOTIFY, slip="receipt"),
        step(
            "return_for_completion",
            _("Ask to complete the dossier"),
            {S.SUBMITTED},
            S.INCOMPLETE,
            {DESK},
            ART_17_1_A,
            effects=NOTIFY,
            needs=("reasons",),
            slip="supplement",
            tells_applicant=True,
        ),
        step("resubmit", _("Resubmit"), {S.INCOMPLETE}, S.SUBMITTED, {APPLICANT, DESK}, ART_17),
        step(
            "reject",
            _("Refuse to receive"),
            {S.SUBMITTED, S.INCOMPLETE},
            S.REJECTED,
            {DESK},
            ART_17_1_B,
            effects=NOTIFY,
            needs=("reasons",),
            slip="refusal",
            tells_applicant=True,
        ),
        step("transfer", _("Transfer to the division"), {S.RECEIVED}, S.TRANSFERRED, {DESK}, ART_18),
        step(
            "assign",
            _("Assign an officer"),
            {S.TRANSFERRED, S.IN_APPRAISAL},
            S.IN_APPRAISAL,
            {HEAD},
            ART_19,
            needs=("assignee",),
        ),
        step(
            "request_supplement",
            _("Request a supplement"),
            {S.IN_APPRAISAL},
            S.AWAITING_SUPPLEMENT,
            {OFFICER, HEAD},
            ART_19,
            effects=NOTIFY,
            needs=("reasons",),
            slip="supplement",
            tells_applicant=True,
        ),
        step(
            "supplement_received",
            _("Record the complete supplement"),
            {S.AWAITING_SUPPLEMENT},
            S.IN_APPRAISAL,
            {DESK, APPLICANT},
            ART_19_RESTART,
            effects=NOTIFY,
        ),
        step("propose", _("Propose for approval"), {S.IN_APPRAISAL}, S.AWAITING_APPROVAL, {OFFICER, HEAD}, ART_19),
        step(
            "send_back",
            _("Send back to the officer"),
            {S.AWAITING_APPROVAL},
            S.IN_APPRAISAL,
            {APPROVER},
            ART_19,
            needs=("reasons",),
        ),
        step(
            "approve",
            _("Approve and issue the result"),
            {S.AWAITING_APPROVAL},
            S.APPROVED,
            {APPROVER},
            ART_19,
            effects=("licensing.issue_licence", *NOTIFY),
            handling=frozenset({Handling.DECIDE}),
        ),
        step(
            "forward",
            _("Forward to the competent authority"),
            {S.AWAITING_APPROVAL},
            S.FORWARDED,
            {APPROVER},
            ART_19,
            handling=frozenset({Handling.PROPOSE, Handling.FORWARD}),
            effects=NOTIFY,
        ),
        step(
            "refuse",
            _("Refuse with reasons"),
            {S.IN_APPRAISAL, S.AWAITING_APPROVAL},
            S.REFUSED,
            {APPROVER},
            ART_19,
            effects=NOTIFY,
            needs=("reasons",),
            slip="refusal",
            tells_applicant=True,
        ),
        step(
            "apologise",
            _("Apologise and set a new appointment"),
            {S.TRANSFERRED, S.IN_APPRAISAL, S.AWAITING_APPROVAL},
            None,
            {OFFICER, HEAD},
            ART_19,
            effects=NOTIFY,
            needs=("reasons", "new_due"),
            slip="apology",
            tells_applicant=True,
        ),
        step(
            "return_result",
            _("Return the result"),
            {S.APPROVED, S.REFUSED},
            S.RETURNED,
            {DESK},
            ART_20,
            effects=NOTIFY,
        ),
        step(
            "withdraw",
            _("Withdraw at the applicant's request"),
            {S.SUBMITTED, S.INCOMPLETE, *WORKING},
            S.WITHDRAWN,
            {APPLICANT, DESK},
            WITHDRAWAL,
            effects=NOTIFY,
            tells_applicant=True,
        ),
    ],
    roles=ROLE_LABELS,
    states={NEW: _("not filed"), **dict(Status.choices)},
)

TRANSITIONS: dict[str, Transition] = WORKFLOW.transitions
# The steps taken on a filed dossier (pages and API offer these; filing has its own service).
ACTIONS: tuple[str, ...] = tuple(action for action in TRANSITIONS if action != FILE)

# Each stage gets its own deadline from the procedure's split (desk, division, leadership), starting when
# the dossier enters it; the control sheet compares the step's completion with that deadline.
STAGE_OF_STATUS: dict[str, str] = {
    S.RECEIVED: "desk",
    S.TRANSFERRED: "division",
    S.AWAITING_APPROVAL: "leader",
    S.APPROVED: "return",
    S.REFUSED: "return",
}


def applies_to(transition: Transition, handling: str) -> bool:
    """A row limited to some ways of handling (`handling` option) applies only to those procedures."""
    only = transition.options.get("handling")
    return only is None or handling in only


def available(status: str, roles: set[str], handling: str) -> list[Transition]:
    """The actions a person with `roles` may take on a dossier in `status`."""
    return WORKFLOW.available(status, roles, applies=lambda t: applies_to(t, handling))


def applicant_may(action: str, status: str, handling: str) -> bool:
    """Whether the table lets the applicant take `action` on a dossier in `status` (the portal offers it)."""
    return any(t.action == action for t in available(status, {APPLICANT}, handling))


def supplement_action(status: str) -> str | None:
    """The step an applicant's answer to a request takes: a complete supplement during appraisal
    (Art. 19: the period restarts), a resubmission of a dossier returned for completion (Art. 17);
    None when no request is open."""
    answers: dict[str, str] = {S.AWAITING_SUPPLEMENT: "supplement_received", S.INCOMPLETE: "resubmit"}
    return answers.get(status)


def public_steps(steps: list[Any]) -> list[dict[str, Any]]:
    """The control sheet as the applicant sees it: each step's label and new status, with the note only of
    steps that address the applicant (reasons, requests, a new appointment)."""
    rows = []
    for row in steps:
        transition = TRANSITIONS.get(row.action)
        tells = transition is not None and transition.options.get("tells_applicant")
        rows.append(
            {
                "label": transition.label if transition else row.action,
                "status": row.get_to_status_display(),
                "at": row.at,
                "note": row.note if tells else "",
            }
        )
    return rows
