"""Jobs of the work app, run by the scheduler (stttt/config/celery.py)."""

from __future__ import annotations

from stttt.core.jobs import job
from stttt.work import reminders


@job("work.deadline_reminders")
def deadline_reminders() -> int:
    """Every working morning: tasks due soon to those who answer for them; overdue ones also to the Director."""
    return reminders.task_reminders_send()


@job("work.district_reminders")
def district_reminders() -> int:
    """Every working morning: districts that have not submitted, on the reminder days (reminders.py)."""
    return reminders.district_reminders_send()
