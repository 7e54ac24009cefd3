"""Jobs of sector supervision (the schedule line belongs in stttt/config/celery.py: every working morning)."""

from __future__ import annotations

from stttt.core.jobs import job


@job("supervision.report_reminders")
def report_reminders() -> int:
    """Every working morning: remind the organisations whose reports are due soon or overdue, in every agency
    (regulation Art. 3.17; the days are in facts.py)."""
    from stttt.org.models import Agency
    from stttt.supervision import services

    return sum(services.reminders_send(agency) for agency in Agency.objects.order_by("code"))
