"""The agency as a file `import_data` accepts; importing it back changes nothing."""

from __future__ import annotations

import datetime
from typing import Any

import yaml

from stttt.org import selectors
from stttt.org.choices import AssignmentKind, ReorgKind
from stttt.org.importing.identity import IDENTITY_TEXT
from stttt.org.models import Agency, District, Duty, Staff, StaffingQuota, Unit


def export_data(agency: Agency) -> dict[str, Any]:
    """The agency as a file `import_data` accepts; importing it back changes nothing."""

    def day(value: datetime.date | None) -> str | None:
        return value.isoformat() if value else None

    def clean(mapping: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in mapping.items() if v not in (None, "", [])}

    units = []
    for unit in Unit.objects.filter(agency=agency).select_related("parent").order_by("order", "code"):
        units.append(
            clean(
                {
                    "code": unit.code,
                    "name": unit.name,
                    "kind": unit.kind,
                    "parent": unit.parent.code if unit.parent else None,
                    "short_name": unit.short_name,
                    "order": unit.order,
                    "established_on": day(unit.established_on),
                    "dissolved_on": day(unit.dissolved_on),
                    "functions": [
                        clean({"title": f.title, "valid_from": day(f.valid_from)})
                        for f in unit.functions.order_by("valid_from", "pk")
                    ],
                }
            )
        )
    staff = []
    for person in Staff.objects.filter(agency=agency).select_related("user").order_by("code"):
        primary = (
            person.assignments.filter(kind=AssignmentKind.PRIMARY).select_related("unit").order_by("-start_on").first()
        )
        concurrent = person.assignments.filter(kind=AssignmentKind.CONCURRENT).select_related("unit")
        staff.append(
            clean(
                {
                    "id": person.code,
                    "name": person.full_name,
                    "category": person.category,
                    "unit": primary.unit.code if primary else None,
                    "position": primary.position if primary else None,
                    "start_on": day(primary.start_on) if primary else None,
                    "end_on": day(primary.end_on) if primary else None,
                    "email": person.email,
                    "phone": person.phone,
                    "user": person.user.get_username() if person.user else None,
                    "concurrent": [
                        clean(
                            {
                                "unit": a.unit.code,
                                "position": a.position,
                                "start_on": day(a.start_on),
                                "end_on": day(a.end_on),
                            }
                        )
                        for a in concurrent
                    ],
                }
            )
        )
    acting = [
        clean(
            {
                "staff": a.staff.code,
                "unit": a.unit.code,
                "start_on": day(a.start_on),
                "end_on": day(a.end_on),
                "basis": a.basis,
            }
        )
        for a in selectors.acting_appointments(agency).order_by("start_on")
    ]
    quotas = [
        clean(
            {
                "unit": q.unit.code,
                "year": q.year,
                "civil_servants": q.civil_servants,
                "public_employees": q.public_employees,
                "proposed_civil_servants": q.proposed_civil_servants,
                "proposed_public_employees": q.proposed_public_employees,
                "basis": q.basis,
            }
        )
        for q in StaffingQuota.objects.filter(unit__agency=agency)
        .select_related("unit")
        .order_by("year", "unit__order")
    ]
    duties = [
        clean(
            {
                "citation": d.citation,
                "title": d.title,
                "lead": d.lead_unit.code if d.lead_unit else None,
                "coordinating": [u.code for u in d.coordinating_units.all()],
            }
        )
        for d in Duty.objects.filter(agency=agency).select_related("lead_unit").prefetch_related("coordinating_units")
    ]
    areas = []
    for person in (
        Staff.objects.filter(agency=agency, areas__isnull=False, areas__end_on__isnull=True).distinct().order_by("code")
    ):
        current = person.areas.filter(end_on__isnull=True).select_related("duty", "unit")
        areas.append(
            clean(
                {
                    "staff": person.code,
                    "start_on": day(min(a.start_on for a in current)),
                    "units": [a.unit.code for a in current if a.unit],
                    "duties": [a.duty.citation for a in current if a.duty],
                }
            )
        )
    events = []
    for event in selectors.events(agency).filter(
        kind__in=[ReorgKind.RENAME, ReorgKind.DISSOLVE, ReorgKind.TRANSFER_FUNCTION]
    ):
        source = event.units.first()
        if source is None:
            continue
        item: dict[str, Any] = {
            "kind": event.kind,
            "unit": source.code,
            "on": day(event.effective_on),
            "basis": event.basis,
        }
        if event.kind == ReorgKind.RENAME:
            item["name"] = event.new_name
        if event.kind == ReorgKind.TRANSFER_FUNCTION and event.function is not None:
            target = event.result_units.first()
            item.update(
                {
                    "function": event.function.title,
                    "to_unit": target.code if target else None,
                    "to_external": event.note,
                }
            )
        events.append(clean(item))
    return clean(
        {
            "agency": clean(
                {
                    "code": agency.code,
                    "name": agency.name,
                    "short_name": agency.short_name,
                    "deputy_director_cap": agency.deputy_director_cap,
                    "deputy_director_cap_basis": agency.deputy_director_cap_basis,
                    **{key: getattr(agency, key) for key in IDENTITY_TEXT},
                    "regulation": agency.regulation.number if agency.regulation else None,
                }
            ),
            "districts": [
                {
                    "code": d.code,
                    "name": d.name,
                    "kind": d.kind,
                    **({"office_name": d.office_name} if d.office_name else {}),
                    "order": d.order,
                    "active": d.active,
                }
                for d in District.objects.filter(agency=agency).order_by("order", "code")
            ],
            "units": units,
            "staff": staff,
            "acting": acting,
            "quotas": quotas,
            "duties": duties,
            "areas": areas,
            "events": events,
        }
    )


def export_yaml(agency: Agency) -> str:
    return yaml.safe_dump(export_data(agency), allow_unicode=True, sort_keys=False, width=110)
