"""Scheduled work of the press app: the daily reminders for deposits due the day before and not received."""

from __future__ import annotations

from django.utils import timezone

from stttt.core.jobs import job


@job("press.remind_missing_deposits")
def remind_missing_deposits() -> int:
    """Each working morning: remind the publishers of every agency of the deposits due since the previous working
    day and not received (`rules.days_to_remind`; `services.reminders_send`)."""
    from stttt.core.calendar import calendar
    from stttt.org.models import Agency
    from stttt.press import rules, services

    days = rules.days_to_remind(timezone.localdate(), calendar().is_working_day)
    return sum(services.reminders_send(agency, day) for agency in Agency.objects.all() for day in days)
