"""Information-security lists and boards cost as many queries at 10 as at 1,000 records (issue 13)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from stttt.cyber.models import Incident, InfoSystem, LevelDossier, Owner, SecurityWarning, WarningDelivery
from stttt.testing.querycounts import assert_constant_queries

pytestmark = pytest.mark.django_db


def rows(d, n: int) -> None:
    """n owner bodies, each with a system, a dossier, an incident and a warning delivery (bulk)."""
    agency = d.agency
    start = Owner.objects.count()
    owners = Owner.objects.bulk_create(
        Owner(agency=agency, code=f"o{start + i}", name=f"Cơ quan {start + i}") for i in range(n)
    )
    systems = InfoSystem.objects.bulk_create(
        InfoSystem(
            agency=agency,
            owner=o,
            code=f"s{o.code}",
            name=f"Hệ thống {o.code}",
            approval_status="approved" if i % 2 else "not_classified",
            approved_level=(i % 5) + 1 if i % 2 else None,
            approved_on=dt.date(2025, 1, 1) if i % 2 else None,
            private_or_personal=bool(i % 3),
        )
        for i, o in enumerate(owners)
    )
    LevelDossier.objects.bulk_create(
        LevelDossier(
            agency=agency, system=s, reference=f"R{s.code}", proposed_level=2, submitted_on=dt.date(2026, 1, 5)
        )
        for s in systems
    )
    Incident.objects.bulk_create(
        Incident(
            agency=agency,
            owner=o,
            reference=f"I{o.code}",
            title="Sự cố",
            description="Mô tả",
            detected_on=dt.date(2026, 1 + i % 12, 1),
            received_on=dt.date(2026, 1 + i % 12, 1),
            severity=("low", "medium", "high", "serious")[i % 4],
        )
        for i, o in enumerate(owners)
    )
    warning = SecurityWarning.objects.create(
        agency=agency, reference=f"W{start}", source="NCSC", title="Cảnh báo", received_on=dt.date(2026, 1, 1)
    )
    WarningDelivery.objects.bulk_create(
        WarningDelivery(warning=warning, owner=o, ack_due=dt.date(2026, 1, 5), remediation_due=dt.date(2026, 1, 20))
        for o in owners
    )


def test_list_pages_cost_the_same_at_10_and_1000_rows():
    assert_constant_queries(
        lambda d: [
            (d.director, reverse("cyber:index")),
            (d.director, reverse("cyber:systems")),
            (d.director, reverse("cyber:dossiers")),
            (d.director, reverse("cyber:compliance")),
            (d.director, reverse("cyber:incidents")),
            (d.director, reverse("cyber:warnings")),
            (d.director, reverse("cyber:contents")),
            (d.director, reverse("cyber:owners")),
        ],
        rows=rows,
    )
