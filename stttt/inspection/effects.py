"""Effects the inspection workflow tables declare, registered under their names when the app loads."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext_lazy

from stttt.core.workflow import register_effect
from stttt.inspection import rules


@register_effect(
    "inspection.suspend_licence",
    gettext_lazy("the licence suspension decided as a sanction is entered in the licence register"),
)
def suspend_licence(record: Any, *, actor: Any, at: dt.date, **context: Any) -> Any:
    """LHAV Art. 25 (suspension of the right to use a licence as an additional sanction): the licence event
    in `licensing`, through its service (which checks that the actor decides on licences), from the
    decision's date for the months decided. Runs in the step's transaction: a refusal rolls the step back."""
    from stttt.licensing.services import licence_event_add

    decision = record.decision
    start = max(decision.decided_on, at)
    end = rules.add_months(start, decision.suspension_months) - dt.timedelta(days=1)
    event = licence_event_add(
        record.licence_id,
        "suspend",
        actor=actor,
        effective_on=start,
        end_on=end,
        legal_basis=f"{record.citation}; {rules.basis('competence_chief_inspector').split(';')[0]}",
        decision_number=decision.number,
        decision_date=decision.decided_on,
        reason=f"{record.number}: {record.act}",
    )
    decision.licence_event_id = event.pk
    decision.save(update_fields=["licence_event_id", "updated_at"])
    return event
