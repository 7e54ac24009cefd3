"""Jobs of the procedures app, run by the scheduler (stttt/config/celery.py)."""

from __future__ import annotations

from stttt.core.jobs import job
from stttt.procedures import reminders


@job("procedures.deadline_reminders")
def deadline_reminders() -> int:
    """Every working morning: each member of staff is told of their dossiers due soon and overdue (once a day)."""
    return reminders.deadline_reminders_send()
