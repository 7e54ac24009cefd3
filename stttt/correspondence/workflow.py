"""The correspondence app's state machines as tables: incoming documents (Decree 30/2020 Art. 20-24),
outgoing documents (Art. 13-19) and drafting dossiers for the Province (regulation 3.1-3.3).

Each row: action, label, from, to, who (roles from `permissions.py`), the provision, what the actor gives
and the effects. `services.py` applies every step through `transition()`: row lock, version, roles, audit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext_lazy as _

from stttt.core import workflow as core_workflow
from stttt.core.workflow import Transition, Workflow, step
from stttt.correspondence import permissions
from stttt.correspondence.choices import DossierStage as D
from stttt.correspondence.choices import IncomingStatus as I
from stttt.correspondence.choices import OutgoingStatus as O

ROLES = {
    "clerk": _("Clerical desk (the Office)"),
    "leader": _("Director, or the Deputy Director in charge"),
    "unit_head": _("Head of the lead unit"),
    "lead_unit": _("Member of the lead unit"),
    "officer": _("Officer assigned"),
    "drafter": _("Drafter or member of the drafting unit"),
    "signer": _("Whoever may sign it (from org powers on the day)"),
    "drafting": _("Drafting unit or the leadership"),
}

INCOMING = Workflow(
    "correspondence.incoming",
    [
        step(
            "propose",
            _("Propose routing"),
            (I.REGISTERED,),
            I.PROPOSED,
            ("clerk",),
            _(
                "Decree 30/2020 Art. 23(1): the clerical office presents the document to the person who directs "
                "its handling, the same day or the next working day."
            ),
            needs=("unit",),
        ),
        step(
            "route",
            _("Route"),
            (I.REGISTERED, I.PROPOSED),
            I.ROUTED,
            ("leader",),
            _(
                "Decree 30/2020 Art. 23(2)-(3) and 24(1): the leader gives the instruction, the lead and coordinating "
                "units and the deadline; regulation 5.1-5.2."
            ),
            needs=("lead_unit", "instruction", "deadline"),
            effects=("correspondence.create_task",),
        ),
        step(
            "assign",
            _("Assign an officer"),
            (I.ROUTED, I.ASSIGNED),
            I.ASSIGNED,
            ("unit_head",),
            _("Regulation 5.3: the head of the lead unit gives the document to an officer."),
            needs=("officer",),
        ),
        step(
            "complete",
            _("Mark handled"),
            (I.ROUTED, I.ASSIGNED),
            I.DONE,
            ("unit_head", "officer", "lead_unit", "leader"),
            _("Decree 30/2020 Art. 24: the handling is followed until it is finished."),
            needs=("result",),
        ),
    ],
    roles=ROLES,
    states=dict(I.choices),
)

OUTGOING = Workflow(
    "correspondence.outgoing",
    [
        step(
            "submit",
            _("Submit for review"),
            (O.DRAFT,),
            O.SUBMITTED,
            ("drafter", "unit_head"),
            _("Decree 30/2020 Art. 10-12: the drafting unit prepares the draft and answers for its content."),
        ),
        step(
            "review",
            _("Approve the draft (unit head)"),
            (O.SUBMITTED,),
            O.REVIEWED,
            ("unit_head",),
            _("Decree 30/2020 Art. 12(1): the head of the drafting unit checks the content before it is signed."),
        ),
        step(
            "return",
            _("Return for correction"),
            (O.SUBMITTED, O.REVIEWED),
            O.DRAFT,
            ("unit_head", "signer"),
            _("Decree 30/2020 Art. 11-12: the reviewer or the signer returns the draft with comments."),
            needs=("comment",),
        ),
        step(
            "sign",
            _("Approve and sign"),
            (O.SUBMITTED, O.REVIEWED),
            O.SIGNED,
            ("signer",),
            _(
                "Decree 30/2020 Art. 13: the Director signs; a Deputy signs KT. in his field; TL./TUQ. where "
                "delegated in writing. Computed from org powers on the signing date."
            ),
        ),
        step(
            "issue",
            _("Number and issue"),
            (O.SIGNED,),
            O.ISSUED,
            ("clerk",),
            _(
                "Decree 30/2020 Art. 14-16, 18: the clerical office numbers the signed document in the year's "
                "series, registers and issues it the same day or the next working day."
            ),
            effects=("correspondence.link_reply",),
        ),
    ],
    roles=ROLES,
    states=dict(O.choices),
)

DOSSIER = Workflow(
    "correspondence.dossier",
    [
        step(
            "start",
            _("Start drafting"),
            (D.ASSIGNED,),
            D.DRAFTING,
            ("drafting",),
            _("Regulation 3.1-3.2: the Department drafts the documents the PPC and its Chairman assign."),
        ),
        step(
            "consult",
            _("Send for comments"),
            (D.DRAFTING, D.REVISION),
            D.CONSULTATION,
            ("drafting",),
            _("Law on Promulgation of Legal Documents: consultation of the agencies concerned and the public."),
            needs=("stage_deadline",),
        ),
        step(
            "appraise",
            _("Send for appraisal"),
            (D.DRAFTING, D.CONSULTATION, D.REVISION),
            D.APPRAISAL,
            ("drafting",),
            _(
                "Law on Promulgation of Legal Documents: the Justice Department appraises a draft legal document of "
                "the PPC before it is submitted."
            ),
            needs=("stage_deadline",),
            legal_only=True,
        ),
        step(
            "submit",
            _("Submit to the Province"),
            (D.DRAFTING, D.CONSULTATION, D.APPRAISAL, D.REVISION),
            D.SUBMITTED,
            ("leader",),
            _("Regulation 3.1-3.2: the Director submits the draft with the summary of comments (tờ trình)."),
        ),
        step(
            "revise",
            _("Revise after comments"),
            (D.SUBMITTED,),
            D.REVISION,
            ("drafting",),
            _("The Province's comments are taken in and the draft revised."),
            needs=("stage_deadline",),
        ),
        step(
            "issue",
            _("Record the Province's issuance"),
            (D.SUBMITTED,),
            D.ISSUED,
            ("drafting",),
            _("The PPC or its Chairman issues the document; it is imported into the legal documents."),
        ),
    ],
    roles=ROLES,
    states=dict(D.choices),
)

WORKFLOWS: dict[str, Workflow] = {"incoming": INCOMING, "outgoing": OUTGOING, "dossier": DOSSIER}


def _dossier_applies(t: Transition, record: Any) -> bool:
    return not t.options.get("legal_only") or record.is_legal


ROLES_OF: dict[str, Callable[[Any, Any], set[str]]] = {
    "incoming": permissions.incoming_roles,
    "outgoing": permissions.outgoing_roles,
    "dossier": permissions.dossier_roles,
}
APPLIES: dict[str, Callable[[Transition, Any], bool] | None] = {
    "incoming": None,
    "outgoing": None,
    "dossier": _dossier_applies,
}


def actions_for(kind: str, user: Any, record: Any) -> list[Transition]:
    """The steps `user` may take on `record` now."""
    state = record.stage if kind == "dossier" else record.status
    applies = APPLIES[kind]
    return WORKFLOWS[kind].available(
        state, ROLES_OF[kind](user, record), (lambda t: applies(t, record)) if applies else None
    )


def transition(
    kind: str,
    record: Any,
    action: str,
    *,
    actor: Any,
    write: Callable[[Any, Transition], None] | None = None,
    **context: Any,
) -> Any:
    """Apply `action` under its table: row lock, version, state and roles, `write`, audit, effects. The
    caller holds the transaction."""

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
        state_field="stage" if kind == "dossier" else "status",
        applies=APPLIES[kind],
        write=write_with_actor,
        **context,
    )


def describe_all() -> dict[str, list[dict[str, Any]]]:
    return {kind: wf.describe() for kind, wf in WORKFLOWS.items()}
