"""Jobs of the licensing app, run by the scheduler (stttt/config/celery.py)."""

from __future__ import annotations

from stttt.core.jobs import job
from stttt.licensing import services


@job("licensing.expiry_warnings")
def expiry_warnings() -> int:
    """Warn holders and staff of licences reaching a warning threshold (daily; a second run the same day
    sends nothing: one warning per licence, threshold and expiry date). `stttt licensing warn-expiring`
    runs the same now."""
    return len(services.expiry_warnings_send())
