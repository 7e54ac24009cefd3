"""Background jobs of the digital app (`stttt.core.jobs`)."""

from __future__ import annotations

from stttt.core import jobs


@jobs.job("digital.reminders")
def reminders_send() -> int:
    """The day's reminders: indicator figures not yet submitted, certificates expiring."""
    from stttt.digital import reminders

    return reminders.send_all()
