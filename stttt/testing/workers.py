"""The worker processes of `scale.populate(workers=N)`: new interpreters (spawned, not forked, so nothing of the
parent's database connections is shared), set up on the parent's database, the suite's test database included.

This module imports nothing of Django at its top: a spawned process unpickles its initializer before Django is
set up, and importing models then would fail."""

from __future__ import annotations

from typing import Any

_ticks: Any = None  # the queue through which this worker reports its progress


def start(ticks: Any, database: dict[str, Any]) -> None:
    global _ticks
    _ticks = ticks
    import django
    from django.conf import settings

    settings.DATABASES["default"] = database
    django.setup()


def fill(*job: Any) -> Any:
    """One agency's records (`scale.fill_agency`), reporting progress to the parent."""
    from stttt.testing import scale

    return scale.fill_agency(*job, tick=_ticks.put)
