"""Forms of the web app's own pages (input only)."""

from __future__ import annotations

from stttt.procedures.forms import MonthForm


class ObserverMonthForm(MonthForm):
    """The month of the observer's figures (always by division: no grouping choice)."""

    by = None  # type: ignore[assignment]
