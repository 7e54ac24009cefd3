"""Writes of the reorganisation since 2025 (issue 15), part of the org services: dated events over the whole
agency and its province (duties transferred to another agency, the agency merged into a successor, the
province merged, the end of district-level government), loaded from a cited data file. Nothing about the
agency is overwritten: its pages and queries as of a date before an event show it as it was.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from stttt.org.choices import AGENCY_EVENT_KINDS, ReorgKind
from stttt.org.models import Agency, District, ReorgEvent, Unit
from stttt.org.services import _save


def load_yaml(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


@transaction.atomic
def agency_events_load(agency: Agency, entries: list[dict[str, Any]], *, actor: Any = None) -> int:
    """Record the agency-level events of `entries` (kind, from, successor, basis, source, certainty, note,
    the codes of the `units` concerned; `districts_end` also dates every district of the agency).
    Idempotent: an event is matched by kind, date and successor and saved only when something differs.
    Returns how many rows were written."""
    written = 0
    for entry in entries:
        kind = ReorgKind(entry["kind"])
        if kind not in AGENCY_EVENT_KINDS:
            raise ValueError(f"{kind} is not an agency-level event")
        on: datetime.date = entry["from"]
        values = {
            "old_name": entry.get("before", ""),
            "basis": entry["basis"],
            "note": entry.get("note", ""),
            "source_url": entry.get("source", ""),
            "certainty": entry.get("certainty", "verify"),
        }
        successor = entry.get("successor", "")
        event = ReorgEvent.objects.filter(agency=agency, kind=kind, effective_on=on, new_name=successor).first()
        if event is None:
            event = ReorgEvent(agency=agency, kind=kind, effective_on=on, new_name=successor)
        if event.pk is None or any(getattr(event, k) != v for k, v in values.items()):
            for name, value in values.items():
                setattr(event, name, value)
            _save(event, actor)
            written += 1
        units = list(Unit.objects.filter(agency=agency, code__in=entry.get("units", [])))
        if {u.pk for u in event.units.all()} != {u.pk for u in units}:
            event.units.set(units)
            written += 1
        if kind == ReorgKind.DISTRICTS_END:
            written += districts_abolish(agency, on=on, basis=entry["basis"], actor=actor)
    return written


def districts_abolish(agency: Agency, *, on: datetime.date, basis: str, actor: Any = None) -> int:
    """Date the end of every district of the agency not already ended. They stay `active` (offered in
    forms) until an editor says otherwise: records filed under them keep their district."""
    written = 0
    for district in District.objects.filter(agency=agency):
        if (district.abolished_on, district.abolished_basis) != (on, basis):
            district.abolished_on, district.abolished_basis = on, basis
            _save(district, actor)
            written += 1
    return written
