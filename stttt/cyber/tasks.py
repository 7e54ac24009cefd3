"""Jobs of the information-security app (run with `stttt jobs run cyber.warning_reminders`, or scheduled)."""

from __future__ import annotations

from stttt.core.jobs import job


@job("cyber.warning_reminders")
def warning_reminders() -> int:
    """Every working morning: each owner body late with a relayed warning is reminded once (3.15.đ)."""
    from stttt.cyber import services
    from stttt.org.models import Agency

    return sum(services.remind_overdue(agency, actor=None) for agency in Agency.objects.all())
