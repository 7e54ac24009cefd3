"""The inspection app's state machines as tables: referrals, plans, inspections, violation records and
letters (complaints, denunciations, petitions).

Each row: action, label, from states, to state, who (roles from `permissions.roles_of`), the provision it
applies, what the actor must give, and the effects. `services.transition()` applies every step (row lock,
version, state, roles, audit reason, effects) through `stttt.core.workflow.apply`; pages and API offer only
the actions `actions_for()` returns.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from stttt.core.workflow import Transition, Workflow, step
from stttt.inspection import permissions
from stttt.inspection.choices import CaseStatus, LetterStatus, PlanStatus, ReferralStatus, ViolationStatus

ROLES = {
    "staff": _("Department staff"),
    "inspector": _("Inspector (member of the Inspectorate)"),
    "chief": _("Chief Inspector (or the deputy acting)"),
    "director": _("Director (or the Deputy Director acting)"),
    "team_head": _("Head of the inspection team"),
    "assignee": _("Assigned inspector"),
    "licence_decider": _("Leader who decides on the licence"),
}

R = ReferralStatus
REFERRALS = Workflow(
    "inspection.referral",
    [
        step(
            "open_case",
            _("Open an ad hoc inspection"),
            (R.OPEN,),
            R.CASE_OPENED,
            ("chief",),
            _("Law on Inspection 2022 Art. 46: an ad hoc inspection when violations are detected."),
        ),
        step(
            "open_record",
            _("Record the violation"),
            (R.OPEN,),
            R.RECORD_OPENED,
            ("inspector",),
            _("LHAV Art. 58: a violation found is recorded by the competent person on duty."),
        ),
        step(
            "dismiss",
            _("Dismiss with reasons"),
            (R.OPEN,),
            R.DISMISSED,
            ("chief",),
            _("Art. 3.31 of the regulation: the Inspectorate handles violations within its competence."),
            needs=("reason",),
        ),
    ],
    ROLES,
    dict(ReferralStatus.choices),
)

P = PlanStatus
PLANS = Workflow(
    "inspection.plan",
    [
        step(
            "submit",
            _("Submit to the Director"),
            (P.DRAFT,),
            P.SUBMITTED,
            ("chief",),
            _("Law on Inspection 2022 Art. 45(5): the Chief Inspector drafts the plan, checked for overlaps."),
            needs=("overlap_check",),
        ),
        step(
            "return",
            _("Send back"),
            (P.SUBMITTED,),
            P.DRAFT,
            ("director",),
            _("Law on Inspection 2022 Art. 45: the Director approves the plan or sends it back."),
        ),
        step(
            "approve",
            _("Approve"),
            (P.SUBMITTED,),
            P.APPROVED,
            ("director",),
            _("Law on Inspection 2022 Art. 45(5)-(6): approved before the province's plan of 20 December."),
            needs=("number",),
        ),
        step(
            "publish",
            _("Send to the inspected"),
            (P.APPROVED,),
            P.PUBLISHED,
            ("chief",),
            _("Law on Inspection 2022 Art. 45(7): sent at once to the inspected and the bodies concerned."),
        ),
    ],
    ROLES,
    dict(PlanStatus.choices),
)

C = CaseStatus
CASES = Workflow(
    "inspection.case",
    [
        step(
            "announce",
            _("Announce the decision"),
            (C.DECIDED,),
            C.ONSITE,
            ("team_head", "chief"),
            _("Law on Inspection 2022 Art. 53: the decision is announced at the inspected; minutes are made."),
            needs=("date",),
        ),
        step(
            "extend",
            _("Extend the inspection"),
            (C.ONSITE,),
            None,
            ("chief",),
            _("Law on Inspection 2022 Art. 48: extended by the person who decided, within the maximum."),
            needs=("days", "reason"),
        ),
        step(
            "end_onsite",
            _("End on-site work"),
            (C.ONSITE,),
            C.ONSITE_ENDED,
            ("team_head", "chief"),
            _("Law on Inspection 2022 Art. 48, 74: on-site work ends within the period allowed."),
            needs=("date",),
        ),
        step(
            "report",
            _("Submit the report and draft conclusion"),
            (C.ONSITE_ENDED,),
            C.REPORTED,
            ("team_head",),
            _("Law on Inspection 2022 Art. 75: the team head reports within 15 days."),
            needs=("date", "findings"),
        ),
        step(
            "conclude",
            _("Sign the conclusion"),
            (C.REPORTED,),
            C.CONCLUDED,
            ("chief",),
            _("Law on Inspection 2022 Art. 78: the conclusion within 15 days of the report; published (Art. 79)."),
            needs=("date", "number", "conclusion"),
        ),
        step(
            "close",
            _("Close (follow-up done)"),
            (C.CONCLUDED,),
            C.CLOSED,
            ("chief",),
            _("Law on Inspection 2022 Art. 80-81: closed once the conclusion's requests are carried out."),
        ),
        step(
            "cancel",
            _("Cancel"),
            (C.DECIDED,),
            C.CANCELLED,
            ("chief",),
            _(
                "Law on Inspection 2022 Art. 52: the person who decided may withdraw the decision before it is "
                "announced."
            ),
            needs=("reason",),
        ),
    ],
    ROLES,
    dict(CaseStatus.choices),
)

V = ViolationStatus
VIOLATIONS = Workflow(
    "inspection.violation",
    [
        step(
            "decide",
            _("Decide the sanction"),
            (V.RECORDED,),
            V.DECIDED,
            ("inspector", "chief"),
            _(
                "LHAV Art. 66-68: within the time to decide, within the provision's range and the decider's "
                "competence (Art. 46)."
            ),
            needs=("number", "date", "fine"),
        ),
        step(
            "drop",
            _("Decide no sanction"),
            (V.RECORDED,),
            V.DROPPED,
            ("chief",),
            _("LHAV Art. 65: cases where no sanction decision is issued (limitation ended, no violation...)."),
            needs=("reason",),
        ),
        step(
            "register_suspension",
            _("Enter the suspension in the licence register"),
            (V.DECIDED, V.PAID),
            None,
            ("licence_decider",),
            _("Decree 119/2020 Art. 3; LHAV Art. 25: the licence is suspended for the months decided."),
            effects=("inspection.suspend_licence",),
        ),
        step(
            "pay",
            _("Record compliance and payment"),
            (V.DECIDED,),
            V.PAID,
            ("inspector",),
            _("LHAV Art. 73, 78: paid within 10 days of receiving the decision (late: 0.05% a day)."),
            needs=("date", "amount"),
        ),
        step(
            "close",
            _("Close"),
            (V.PAID, V.DECIDED),
            V.CLOSED,
            ("chief",),
            _("LHAV Art. 57, 74: the file is closed once executed, or when the time to execute has lapsed."),
        ),
    ],
    ROLES,
    dict(ViolationStatus.choices),
)

L = LetterStatus
LETTERS = Workflow(
    "inspection.letter",
    [
        step(
            "assign",
            _("Assign an inspector"),
            (L.RECEIVED, L.ACCEPTED),
            None,
            ("chief",),
            _("Law on Complaints 2011 Art. 29; Law on Denunciations 2018 Art. 31: verification is assigned."),
            needs=("assignee",),
        ),
        step(
            "accept",
            _("Accept"),
            (L.RECEIVED,),
            L.ACCEPTED,
            ("chief",),
            _(
                "Law on Complaints 2011 Art. 27; Law on Denunciations 2018 Art. 29: accepted within its period, "
                "the resolution deadline set."
            ),
            needs=("date",),
        ),
        step(
            "forward",
            _("Forward to the competent body"),
            (L.RECEIVED,),
            L.FORWARDED,
            ("chief", "assignee"),
            _("Law on Denunciations 2018 Art. 24(2); Circular 05/2021/TT-TTCP: outside the Department's competence."),
            needs=("forwarded_to",),
        ),
        step(
            "return",
            _("Return or refuse with reasons"),
            (L.RECEIVED,),
            L.RETURNED,
            ("chief", "assignee"),
            _("Law on Complaints 2011 Art. 11, 27: a complaint not accepted is answered with the reasons."),
            needs=("reason",),
        ),
        step(
            "extend",
            _("Extend the resolution"),
            (L.ACCEPTED,),
            None,
            ("chief",),
            _("Law on Denunciations 2018 Art. 30(2); Law on Complaints 2011 Art. 28 (complex cases)."),
            needs=("reason",),
        ),
        step(
            "resolve",
            _("Record the decision or conclusion"),
            (L.ACCEPTED,),
            L.RESOLVED,
            ("chief", "assignee"),
            _(
                "Law on Complaints 2011 Art. 31; Law on Denunciations 2018 Art. 35: the decision or conclusion, "
                "published where the law requires."
            ),
            needs=("date", "result"),
        ),
    ],
    ROLES,
    dict(LetterStatus.choices),
)

WORKFLOWS = {"referral": REFERRALS, "plan": PLANS, "case": CASES, "violation": VIOLATIONS, "letter": LETTERS}


def applies(step: Transition, record: Any) -> bool:
    """Whether a step applies to this record besides its state: a suspension is entered in the licence
    register once, when the decision suspends a licence named on the record."""
    if step.action == "register_suspension":
        decision = getattr(record, "decision", None)
        return bool(decision and decision.suspension_months and not decision.licence_event_id and record.licence_id)
    return True


def actions_for(workflow: Workflow, user: Any, record: Any) -> list[Transition]:
    """The steps `user` may take on `record` now (pages and API offer only these)."""
    return workflow.available(record.status, permissions.roles_of(user, record), lambda step: applies(step, record))
