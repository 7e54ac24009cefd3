"""The digital app's state machines as tables: indicator submissions, data-sharing requests, IT investment
appraisals, digital-signature requests and the plan's tasks.

Each row says from which states an action may be taken, to which state, who may take it (roles from
`permissions.py`), the provision it applies and the effects that follow. `services.py` applies every step
through `transition()`, inside a transaction with the row locked."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext_lazy as _

from stttt.core import workflow as core_workflow
from stttt.core.workflow import Transition, Workflow, step
from stttt.digital import permissions
from stttt.digital.choices import (
    AppraisalStatus,
    ProgrammeTaskStatus,
    SharingStatus,
    SignatureStatus,
    SubmissionStatus,
)

ROLES = {
    "reporter": _("Officer of the reporting district"),
    "clerk": _("Department staff entering an agency's figures"),
    "department": _("Department staff"),
    "staff": _("Department staff"),
    "leadership": _("Director, Deputy Director or head of a unit"),
}

S = SubmissionStatus
EDITABLE = (S.NOT_STARTED, S.DRAFT, S.RETURNED)

SUBMISSIONS = Workflow(
    "digital.submission",
    [
        step(
            "save",
            _("Save draft"),
            EDITABLE,
            S.DRAFT,
            ("reporter", "clerk"),
            _("3.14.a of the regulation: agencies and districts report their digital-transformation figures."),
        ),
        step(
            "submit",
            _("Submit"),
            EDITABLE,
            S.SUBMITTED,
            ("reporter", "clerk"),
            _("3.14.a and 6.6 of the regulation: the figures are sent to the Department and locked."),
        ),
        step(
            "return",
            _("Return for correction"),
            (S.SUBMITTED,),
            S.RETURNED,
            ("department",),
            _("3.14.a and 6.6 of the regulation: the Department returns figures that must be corrected."),
            needs=("reason",),
            effects=("digital.mail_submission_returned",),
        ),
    ],
    ROLES,
    dict(SubmissionStatus.choices),
)

D = SharingStatus

SHARING = Workflow(
    "digital.sharing",
    [
        step(
            "agree",
            _("Agree to share"),
            (D.RECEIVED,),
            D.AGREED,
            ("staff",),
            _("Decree 47/2020/NĐ-CP, Chapter III; 3.14.đ of the regulation: data is shared on the agreed terms."),
            needs=("terms",),
        ),
        step(
            "refuse",
            _("Refuse"),
            (D.RECEIVED,),
            D.REFUSED,
            ("leadership",),
            _("Decree 47/2020/NĐ-CP, Chapter III: a refusal is answered in writing with its reasons [verify]."),
            needs=("reasons",),
        ),
        step(
            "withdraw",
            _("Record the withdrawal"),
            (D.RECEIVED,),
            D.WITHDRAWN,
            ("staff",),
            _("The requesting agency withdrew its request."),
        ),
    ],
    ROLES,
    dict(SharingStatus.choices),
)

A = AppraisalStatus

APPRAISALS = Workflow(
    "digital.appraisal",
    [
        step(
            "consult",
            _("Consult an agency"),
            (A.RECEIVED, A.CONSULTING),
            A.CONSULTING,
            ("staff",),
            _("Decree 73/2019/NĐ-CP: the appraising body may consult the agencies concerned [verify]."),
            needs=("body",),
        ),
        step(
            "appraise",
            _("Issue the appraisal opinion"),
            (A.RECEIVED, A.CONSULTING),
            A.APPRAISED,
            ("leadership",),
            _(
                "Decree 73/2019/NĐ-CP as amended by Decree 82/2024/NĐ-CP; 3.14.c and 3.22 of the regulation: the "
                "Department appraises within its competence; the opinion goes out under the Director's authority."
            ),
            needs=("opinion", "outcome"),
        ),
        step(
            "return",
            _("Return as incomplete"),
            (A.RECEIVED,),
            A.RETURNED,
            ("staff",),
            _("Decree 73/2019/NĐ-CP: the time limit runs from a complete dossier; an incomplete one is returned."),
            needs=("reason",),
        ),
    ],
    ROLES,
    dict(AppraisalStatus.choices),
)

G = SignatureStatus

SIGNATURES = Workflow(
    "digital.signature",
    [
        step(
            "forward",
            _("Forward to the issuing authority"),
            (G.RECEIVED,),
            G.FORWARDED,
            ("staff",),
            _(
                "3.14.h of the regulation: the Department checks requests and works with the Government Cipher "
                "Committee's contact point."
            ),
            needs=("number",),
        ),
        step(
            "refuse",
            _("Refuse"),
            (G.RECEIVED,),
            G.REFUSED,
            ("staff",),
            _("3.14.h of the regulation: an incomplete or ineligible request is sent back with reasons."),
            needs=("reasons",),
        ),
        step(
            "issue",
            _("Record the certificate issued"),
            (G.FORWARDED,),
            G.ISSUED,
            ("staff",),
            _("Decree 68/2024/NĐ-CP [verify]: the Government Cipher Committee issues the certificate."),
            needs=("serial", "expires_on"),
        ),
        step(
            "revoke",
            _("Record a revocation"),
            (G.ISSUED,),
            G.REVOKED,
            ("staff",),
            _("Decree 68/2024/NĐ-CP [verify]: a certificate is revoked when its holder leaves or on request."),
            needs=("reasons",),
        ),
    ],
    ROLES,
    dict(SignatureStatus.choices),
)

P = ProgrammeTaskStatus

PROGRAMME_TASKS = Workflow(
    "digital.programme_task",
    [
        step(
            "complete",
            _("Record as done"),
            (P.OPEN,),
            P.DONE,
            ("staff",),
            _("3.14.a of the regulation: the Department follows the plan's tasks as secretariat."),
            needs=("result",),
        ),
        step(
            "cancel",
            _("Cancel"),
            (P.OPEN,),
            P.CANCELLED,
            ("leadership",),
            _("3.14.a of the regulation: the plan is adjusted by whoever issued it."),
            needs=("result",),
        ),
    ],
    ROLES,
    dict(ProgrammeTaskStatus.choices),
)

WORKFLOWS: dict[str, Workflow] = {
    "submission": SUBMISSIONS,
    "sharing": SHARING,
    "appraisal": APPRAISALS,
    "signature": SIGNATURES,
    "programme_task": PROGRAMME_TASKS,
}

ROLES_OF: dict[str, Callable[[Any, Any], set[str]]] = {
    "submission": permissions.roles_of_submission,
    "sharing": permissions.roles_of_agency_record,
    "appraisal": permissions.roles_of_agency_record,
    "signature": permissions.roles_of_agency_record,
    "programme_task": permissions.roles_of_programme_task,
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
    """Apply `action` under its table: row lock, version, state and role checks, `write`, save with the actor
    in the audit row, declared effects. The caller holds the transaction."""

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
