"""Effects the correspondence tables declare, registered under their names when the app loads."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stttt.core.workflow import register_effect
from stttt.correspondence import rules


@register_effect(
    "correspondence.create_task",
    gettext_lazy("Where the document asks for work, a task is created in the work app, linked to the document"),
)
def create_task(doc: Any, *, actor: Any, create_task: bool = False, coordinating: Any = (), **context: Any) -> None:
    """Through the work app's own service (`work.services.task_create`): the routing leader gives the lead
    unit the task with the document's particulars, the instruction and the deadline."""
    if not create_task or doc.task_id:
        return
    from stttt.work.services import task_create

    task = task_create(
        actor=actor,
        lead_unit=doc.lead_unit,
        title=doc.summary[:300],
        source_kind=rules.task_source(doc.issuer),
        source_body=doc.issuer,
        source_number=doc.number_symbol,
        source_date=doc.doc_date,
        content=doc.instruction,
        deadline=doc.deadline,
        coordinating_units=list(coordinating),
    )
    doc.task = task
    doc._history_user = actor  # the task link is audited with the routing leader
    doc.save(update_fields=["task"])


@register_effect(
    "correspondence.link_reply",
    gettext_lazy("A reply marks the incoming document it answers handled and completes its task"),
)
def link_reply(doc: Any, *, actor: Any, **context: Any) -> None:
    """The issued reply is the result of the incoming document it answers; the linked task is completed by
    the reply's drafter through the work app's service when the drafter may report on it (else it stays
    open for the lead unit to close: the reply is shown on the task's document)."""
    incoming = doc.reply_to
    if incoming is None:
        return
    result = _("Answered by document %(number)s of %(date)s.") % {
        "number": doc.number_symbol,
        "date": doc.issued_on.strftime("%d/%m/%Y"),
    }
    if incoming.status != "done":
        incoming.status, incoming.result, incoming.done_on = "done", result, doc.issued_on
        incoming._history_user = actor
        incoming._change_reason = "reply issued"
        incoming.save(update_fields=["status", "result", "done_on"])
    if incoming.task_id and incoming.task.status in ("new", "in_progress"):
        from stttt.work.services import task_complete

        try:
            with transaction.atomic():
                task_complete(incoming.task, actor=doc.drafter, report=result, on=doc.issued_on)
        except (PermissionDenied, ValidationError):
            pass  # the drafter may not close this task: the lead unit closes it, the reply is linked
