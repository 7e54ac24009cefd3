"""Figures of the periodic security report, registered in the work app's indicator registry so that report
types upward (Regulation 3.29) can name them: `cyber.incidents`, `cyber.systems_approved`, ..."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext_lazy as _

NAMES = {
    "systems": _("Information systems in the inventory"),
    "approved": _("Information systems with an approved level"),
    "dossiers_approved": _("Level dossiers approved in the period"),
    "incidents": _("Information-security incidents in the period"),
    "serious_incidents": _("Serious incidents in the period"),
    "warnings": _("Warnings received from the national centre in the period"),
    "assessments": _("Checks and assessments in the period"),
    "content_reports": _("Reports of illegal content in the period"),
}


def _figure(name: str) -> Any:
    def compute(start: dt.date, end: dt.date, unit_code: str | None = None, agency: Any = None) -> int | None:
        if agency is None or unit_code:
            return None  # agency-wide figures only
        from stttt.cyber.selectors import period_counts

        return period_counts(agency, start, end)[name]

    return compute


def register_all() -> None:
    from stttt.work import indicators

    for name, label in NAMES.items():
        indicators.register(f"cyber.{name}", label, _figure(name), source="cyber", per_unit=False, agency_aware=True)
