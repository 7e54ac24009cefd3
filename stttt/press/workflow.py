"""The press app's state machines as tables: the reading of a deposited item, a press conference notice and a
representative office. `services.py` applies every step through `transition()` (row lock, state and role checks,
audit, declared effects, one transaction); pages and API offer only what `actions_for()` returns."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext_lazy as _

from stttt.core import workflow as core_workflow
from stttt.core.workflow import Transition, Workflow, step
from stttt.press import permissions, rules
from stttt.press.choices import ConferenceStatus, ItemStatus, OfficeStatus

ROLES = {
    "head": _("Head of the press and publishing division"),
    "officer": _("Officer of the press and publishing division"),
    "reader": _("Reader of the item"),
    "leadership": _("Director or Deputy Director"),
}

S = ItemStatus

READING = Workflow(
    "press.reading",
    [
        step(
            "assign",
            _("Assign for reading"),
            (S.RECEIVED, S.ASSIGNED),
            S.ASSIGNED,
            ("head",),
            _(
                "Art. 3.4.a and 3.5.d of the regulation: the Department organises the reading of deposited press and "
                "publications (Press Law 2016 Art. 53.1; Publishing Law 2012 Art. 29); the head assigns by field."
            ),
            needs=("reader",),
        ),
        step(
            "submit",
            _("Submit the reading"),
            (S.ASSIGNED, S.RETURNED),
            S.SUBMITTED,
            ("reader",),
            _(
                "Press Law 2016 Art. 53; Publishing Law 2012 Art. 29: the reader records content, conformity "
                "and findings."
            ),
            needs=("reading",),
        ),
        step(
            "return",
            _("Return to the reader"),
            (S.SUBMITTED,),
            S.RETURNED,
            ("head",),
            _("Art. 5.3 of the regulation: the head answers for the division's work and reviews it."),
            needs=("note",),
        ),
        step(
            "approve",
            _("Approve: no violation"),
            (S.SUBMITTED,),
            S.REVIEWED,
            ("head",),
            _("Art. 5.3 of the regulation: the head reviews the reading."),
            when="no_violation",
        ),
        step(
            "refer",
            _("Approve the violation and refer it to the Inspectorate"),
            (S.SUBMITTED,),
            S.REFERRED,
            ("head",),
            _(
                "Press Law 2016 Art. 53; Publishing Law 2012 Art. 29; Art. 3.4.a and 3.5.d of the regulation: a "
                "violation found in a deposit goes to the Department's Inspectorate for handling."
            ),
            effects=("press.refer_to_inspection",),
            when="violation",
        ),
    ],
    ROLES,
    dict(ItemStatus.choices),
)

C = ConferenceStatus

CONFERENCES = Workflow(
    "press.conference",
    [
        step(
            "accept",
            _("Answer: may be held"),
            (C.NOTIFIED,),
            C.ACCEPTED,
            ("head", "leadership"),
            _("Press Law 2016 Art. 41.5: the press authority answers before the time notified."),
            needs=("answer",),
        ),
        step(
            "object",
            _("Answer: not accepted"),
            (C.NOTIFIED,),
            C.OBJECTED,
            ("head", "leadership"),
            _("Press Law 2016 Art. 41.5-6: the answer in writing, with its reasons."),
            needs=("answer",),
        ),
        step(
            "record",
            _("Record that it was held"),
            (C.NOTIFIED, C.ACCEPTED),
            C.HELD,
            ("officer", "head"),
            _(
                "Press Law 2016 Art. 41.5: held as accepted or, without an answer, as notified; Art. 3.4.c of the "
                "regulation. What was said is recorded where a report is required."
            ),
            needs=("report",),
        ),
        step(
            "suspend",
            _("Suspend the press conference"),
            (C.NOTIFIED, C.ACCEPTED),
            C.SUSPENDED,
            ("leadership",),
            _("Press Law 2016 Art. 41.6: suspended on signs of a breach of the law."),
            needs=("answer",),
        ),
    ],
    ROLES,
    dict(ConferenceStatus.choices),
)

OS = OfficeStatus

OFFICES = Workflow(
    "press.office",
    [
        step(
            "activate",
            _("Conditions met: active"),
            (OS.NOTIFIED,),
            OS.ACTIVE,
            ("head",),
            _("Press Law 2016 Art. 22.4; Art. 3.4.d of the regulation: the Department checks the office's conditions."),
            needs=("opinion",),
        ),
        step(
            "ask_stop",
            _("Conditions not met: ask the agency to end it"),
            (OS.NOTIFIED, OS.ACTIVE),
            OS.STOP_REQUESTED,
            ("leadership",),
            _("Press Law 2016 Art. 22.4: the provincial People's Committee asks the press agency in writing."),
            needs=("opinion",),
        ),
        step(
            "end",
            _("Record the end of activity"),
            (OS.NOTIFIED, OS.ACTIVE, OS.STOP_REQUESTED),
            OS.ENDED,
            ("officer", "head"),
            _("Press Law 2016 Art. 22.6, 22.8: the end is notified, or follows a revoked licence or press card."),
            needs=("date",),
        ),
    ],
    ROLES,
    dict(OfficeStatus.choices),
)

WORKFLOWS = {"item": READING, "conference": CONFERENCES, "office": OFFICES}

ROLES_OF: dict[str, Callable[[Any, Any], set[str]]] = {
    "item": permissions.roles_of_item,
    "conference": permissions.roles_of_conference,
    "office": permissions.roles_of_office,
}


def _applies(transition: Transition, record: Any) -> bool:
    """A step that depends on the record: approve or refer by the reading's conclusion."""
    when = transition.options.get("when")
    if when is None:
        return True
    reading = getattr(record, "reading", None) if hasattr(record, "reading_due_on") else None
    violation = reading is not None and rules.may_refer(reading.conclusion)
    return violation if when == "violation" else not violation


def actions_for(kind: str, user: Any, record: Any) -> list[Transition]:
    """The steps `user` may take on `record` now (pages and API offer only these)."""
    return WORKFLOWS[kind].available(record.status, ROLES_OF[kind](user, record), applies=lambda t: _applies(t, record))


def transition(
    kind: str,
    record: Any,
    action: str,
    *,
    actor: Any,
    write: Callable[[Any, Transition], None] | None = None,
    **context: Any,
) -> Any:
    """Apply `action` to `record` under its table; the caller holds the transaction."""

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
        applies=_applies,
        write=write_with_actor,
        **context,
    )


def describe_all() -> dict[str, list[dict[str, Any]]]:
    return {kind: wf.describe() for kind, wf in WORKFLOWS.items()}
