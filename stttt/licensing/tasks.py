"""Jobs of the licensing app, run by the scheduler (stttt/config/celery.py)."""

from __future__ import annotations

import datetime as dt

from stttt.core.jobs import job
from stttt.licensing import services


@job("licensing.expiry_warnings")
def expiry_warnings(today: str = "") -> int:
    """Warn holders and staff of licences reaching a warning threshold (daily; a second run the same day
    sends nothing: one warning per licence, threshold and expiry date). `today`: an ISO date, for a rerun
    of a missed day. `stttt licensing warn-expiring` runs the same now."""
    day = dt.date.fromisoformat(today) if today else None
    return len(services.expiry_warnings_send(today=day))
