"""The information-security records' state machines as tables: level dossiers, incidents, warnings, warning
deliveries and content reports.

Each row: action, label, from, to, who (roles of `permissions.py`), the provision it applies, what the actor
must give and its effects. `services.py` applies every step through `transition()` below, inside a
transaction with the row locked; pages and API offer only the actions `actions_for()` returns.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext_lazy as _

from stttt.core import workflow as core_workflow
from stttt.core.workflow import Transition, Workflow, step
from stttt.cyber import permissions
from stttt.cyber.choices import ContentStatus, DeliveryStatus, DossierStatus, IncidentStatus, WarningStatus

ROLES = {
    "staff": _("Department staff"),
    "security": _("Specialised information-security unit"),
    "leadership": _("Director or Deputy Director"),
    "owner": _("Account of the owner body"),
}

D = DossierStatus

DOSSIERS = Workflow(
    "cyber.dossier",
    [
        step(
            "receive",
            _("Receive as complete"),
            (D.SUBMITTED,),
            D.IN_APPRAISAL,
            ("security",),
            _("Decree 85/2016 Art. 14-15: the appraisal time runs from a complete, valid dossier."),
        ),
        step(
            "return",
            _("Return for completion"),
            (D.SUBMITTED, D.IN_APPRAISAL),
            D.RETURNED,
            ("security",),
            _("Decree 85/2016 Art. 15: the dossier lacks part of its content."),
            needs=("reason",),
        ),
        step(
            "resubmit",
            _("Submit again"),
            (D.RETURNED,),
            D.SUBMITTED,
            ("owner", "staff"),
            _("Decree 85/2016 Art. 14: the operating unit completes the dossier."),
        ),
        step(
            "appraise",
            _("Record the appraisal opinion"),
            (D.IN_APPRAISAL,),
            D.APPRAISED,
            ("security",),
            _(
                "Decree 85/2016 Art. 12(1), 12(2)(a): the specialised information-security unit appraises levels 1 "
                "to 3 (Mẫu số 04); for levels 4-5 it gives its professional opinion (Art. 15(5))."
            ),
            needs=("opinion",),
        ),
        step(
            "approve",
            _("Approve the level"),
            (D.APPRAISED,),
            D.APPROVED,
            ("leadership",),
            _(
                "Decree 85/2016 Art. 12: the Department approves levels 1-2 (Art. 12(1)); for level 3 and above the "
                "owner's or the competent body's decision is recorded (Art. 12(2)(b), 12(3); Mẫu số 06)."
            ),
            needs=("decision_number", "level"),
            effects=("cyber.set_system_level",),
        ),
        step(
            "refuse",
            _("Refuse"),
            (D.APPRAISED,),
            D.REFUSED,
            ("leadership",),
            _("Decree 85/2016 Art. 12, 14: the level proposed is not approved; the reason is given."),
            needs=("reason",),
            effects=("cyber.reopen_system",),
        ),
    ],
    ROLES,
    dict(DossierStatus.choices),
)

I = IncidentStatus  # noqa: E741

INCIDENTS = Workflow(
    "cyber.incident",
    [
        step(
            "verify",
            _("Verify and classify"),
            (I.REPORTED,),
            I.VERIFIED,
            ("security",),
            _("Decision 05/2017/QĐ-TTg Art. 11; Circular 20/2017 Art. 11: verify, analyse and classify the incident."),
            needs=("severity",),
        ),
        step(
            "notify",
            _("Record the notification"),
            (I.REPORTED, I.VERIFIED, I.RESPONDING),
            None,
            ("security",),
            _(
                "Circular 20/2017 Art. 11(1): notify the national coordinating body (VNCERT/CC) and the response team "
                "within 05 days of detection."
            ),
            needs=("whom",),
        ),
        step(
            "respond",
            _("Start the response"),
            (I.VERIFIED,),
            I.RESPONDING,
            ("security",),
            _("Decision 05/2017/QĐ-TTg Art. 11: contain the incident, remove its cause, protect evidence."),
            needs=("note",),
        ),
        step(
            "recover",
            _("Record recovery"),
            (I.RESPONDING,),
            I.RECOVERED,
            ("security",),
            _("Decision 05/2017/QĐ-TTg Art. 11: restore the systems and verify they work normally."),
            needs=("note",),
        ),
        step(
            "close",
            _("Close with the closing report"),
            (I.RECOVERED,),
            I.CLOSED,
            ("security",),
            _("Circular 20/2017 Art. 11: the closing report on the incident and the lessons drawn."),
            needs=("report",),
        ),
        step(
            "update",
            _("Add an update"),
            (I.REPORTED, I.VERIFIED, I.RESPONDING, I.RECOVERED),
            None,
            ("security", "owner"),
            _("Circular 20/2017 Art. 11: the reporting body keeps the Department informed."),
            needs=("note",),
        ),
    ],
    ROLES,
    dict(IncidentStatus.choices),
)

W = WarningStatus

WARNINGS = Workflow(
    "cyber.warning",
    [
        step(
            "relay",
            _("Relay to the agencies affected"),
            (W.RECEIVED,),
            W.RELAYED,
            ("security",),
            _(
                "Regulation 3.15.đ: the Department warns the agencies; systems matched by product and version in the "
                "inventory."
            ),
            effects=("cyber.relay_warning",),
        ),
        step(
            "close",
            _("Close"),
            (W.RECEIVED, W.RELAYED),
            W.CLOSED,
            ("security",),
            _("Regulation 3.15.đ: every agency has remedied, or the warning no longer applies."),
        ),
    ],
    ROLES,
    dict(WarningStatus.choices),
)

S = DeliveryStatus

DELIVERIES = Workflow(
    "cyber.delivery",
    [
        step(
            "acknowledge",
            _("Acknowledge"),
            (S.SENT,),
            S.ACKNOWLEDGED,
            ("owner", "security"),
            _("Regulation 3.15.đ: the agency confirms it received the warning."),
        ),
        step(
            "remediate",
            _("Report remediation"),
            (S.SENT, S.ACKNOWLEDGED),
            S.REMEDIATED,
            ("owner", "security"),
            _("Regulation 3.15.đ: the agency reports the measures taken."),
            needs=("note",),
        ),
        step(
            "remind",
            _("Remind"),
            (S.SENT, S.ACKNOWLEDGED),
            None,
            ("security",),
            _("Regulation 3.15.đ: the Department reminds an agency that is late."),
            effects=("cyber.mail_reminder",),
        ),
    ],
    ROLES,
    dict(DeliveryStatus.choices),
)

C = ContentStatus

CONTENT = Workflow(
    "cyber.content",
    [
        step(
            "assess",
            _("Record the assessment"),
            (C.RECEIVED,),
            C.ASSESSED,
            ("security",),
            _("Regulation 3.15.đ: the Department is the technical focal point for illegal information online."),
            needs=("assessment",),
        ),
        step(
            "refer",
            _("Refer"),
            (C.ASSESSED,),
            C.REFERRED,
            ("security",),
            _("Regulation 3.15.đ: referred to the platform, the police or the Inspectorate for handling."),
            needs=("referred_to",),
        ),
        step(
            "close",
            _("Close with the outcome"),
            (C.RECEIVED, C.ASSESSED, C.REFERRED),
            C.CLOSED,
            ("security",),
            _("Regulation 3.15.đ: the outcome (removed, corrected, sanctioned, or no violation)."),
            needs=("outcome",),
        ),
    ],
    ROLES,
    dict(ContentStatus.choices),
)

WORKFLOWS: dict[str, Workflow] = {
    "dossier": DOSSIERS,
    "incident": INCIDENTS,
    "warning": WARNINGS,
    "delivery": DELIVERIES,
    "content": CONTENT,
}

ROLES_OF: dict[str, Callable[[Any, Any], set[str]]] = {
    "dossier": permissions.roles_of_dossier,
    "incident": permissions.roles_of_incident,
    "warning": permissions.roles_of_warning,
    "delivery": permissions.roles_of_delivery,
    "content": permissions.roles_of_content,
}


def actions_for(kind: str, user: Any, record: Any) -> list[Transition]:
    """The steps `user` may take on `record` now (pages and API offer only these)."""
    return WORKFLOWS[kind].available(record.status, ROLES_OF[kind](user, record))


def transition(
    kind: str,
    record: Any,
    action: str,
    *,
    actor: Any,
    write: Callable[[Any, Transition], None] | None = None,
    **context: Any,
) -> Any:
    """Apply `action` to `record` under its table: row lock, version, state and role checks, `write`, save
    with the actor in the audit row, declared effects. The caller holds the transaction."""

    def write_with_actor(obj: Any, step_: Transition) -> None:
        if getattr(actor, "is_authenticated", False):
            obj._history_user = actor
        if write is not None:
            write(obj, step_)

    return core_workflow.apply(
        WORKFLOWS[kind],
        type(record)._default_manager.all(),
        record.pk,
        action,
        actor=actor,
        roles_of=ROLES_OF[kind],
        write=write_with_actor,
        **context,
    )


def describe_all() -> dict[str, list[dict[str, Any]]]:
    return {kind: wf.describe() for kind, wf in WORKFLOWS.items()}
