"""List, board and map pages cost the same number of queries at 10 and at 1,000 rows of each kind."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.urls import reverse

from stttt.testing.querycounts import assert_constant_queries


def rows(dept, n: int) -> None:
    """n organisations' worth of records for the Department, written in bulk."""
    from stttt.supervision.models import (
        BroadcastRequest,
        Case,
        ExternalPlan,
        Incident,
        Operator,
        OperatorReport,
        PostalPoint,
        RadioStation,
        ReportKind,
        Site,
    )

    a = dept.agency
    start = Operator.objects.filter(agency=a).count()
    ops = Operator.objects.bulk_create(
        [
            Operator(agency=a, name=f"Doanh nghiệp {start + i}", sector="telecom", owns_infrastructure=True)
            for i in range(n)
        ]
    )
    kind, _ = ReportKind.objects.get_or_create(
        agency=a,
        code="tq",
        defaults={
            "name": "Báo cáo quý",
            "sector": "telecom",
            "frequency": "quarterly",
            "fact_key": "supervision.report_due_days_quarterly",
            "fields": [{"name": "x", "label": "X"}],
        },
    )
    OperatorReport.objects.bulk_create(
        [
            OperatorReport(
                operator=o,
                kind=kind,
                period_start=dt.date(2026, 7, 1),
                period_end=dt.date(2026, 9, 30),
                due_on=dt.date(2026, 10, 15),
                submitted_on=dt.date(2026, 10, 10) if i % 2 else None,
            )
            for i, o in enumerate(ops)
        ]
    )
    sites = Site.objects.bulk_create(
        [
            Site(
                agency=a,
                code=f"Q-{start + i}",
                name="Trạm",
                owner=o,
                commune=f"Xã {i % 7}",
                latitude=Decimal("11.5") + Decimal(i % 50) / 100,
                longitude=Decimal("106.8") + Decimal(i % 40) / 100,
            )
            for i, o in enumerate(ops)
        ]
    )
    Site.sharers.through.objects.bulk_create(
        [Site.sharers.through(site=s, operator=ops[(i + 1) % len(ops)]) for i, s in enumerate(sites) if len(ops) > 1]
    )
    PostalPoint.objects.bulk_create(
        [
            PostalPoint(
                agency=a,
                operator=o,
                name=f"Bưu cục {start + i}",
                kind="post_office",
                commune=f"Xã {i % 7}",
                latitude=Decimal("11.6"),
                longitude=Decimal("106.9"),
            )
            for i, o in enumerate(ops)
        ]
    )
    Case.objects.bulk_create(
        [
            Case(
                agency=a,
                kind="complaint",
                reference=f"KN-{start + i}",
                title="Khiếu nại",
                claimant="Dân",
                respondent=o,
                received_on=dt.date(2026, 1 + i % 11, 1),
                due_on=dt.date(2026, 12, 1),
                description="...",
            )
            for i, o in enumerate(ops)
        ]
    )
    Incident.objects.bulk_create(
        [
            Incident(agency=a, title=f"Sự cố {i}", cause="Lũ", started_at=dt.datetime(2026, 9, 1, tzinfo=dt.UTC))
            for i in range(n)
        ]
    )
    stations = RadioStation.objects.bulk_create(
        [
            RadioStation(
                agency=a,
                name=f"Đài {start + i}",
                kind="ip" if i % 2 else "fm",
                commune=f"Xã {i}",
                district=dept.district_a,
            )
            for i in range(n)
        ]
    )
    requests = BroadcastRequest.objects.bulk_create(
        [
            BroadcastRequest(
                agency=a,
                title=f"Yêu cầu {i}",
                content="...",
                broadcast_from=dt.date(2026, 12, 1),
                broadcast_until=dt.date(2026, 12, 2),
            )
            for i in range(n)
        ]
    )
    BroadcastRequest.stations.through.objects.bulk_create(
        [
            BroadcastRequest.stations.through(broadcastrequest=r, radiostation=stations[i])
            for i, r in enumerate(requests)
        ]
    )
    ExternalPlan.objects.bulk_create(
        [
            ExternalPlan(
                agency=a,
                submitted_by="Sở",
                title=f"Kế hoạch {i}",
                year=2026,
                received_on=dt.date(2026, 1, 5),
                due_on=dt.date(2026, 1, 20),
            )
            for i in range(n)
        ]
    )


def test_list_pages_cost_the_same_at_10_and_1000_rows(db):
    names = [
        "index",
        "operators",
        "reports",
        "sites",
        "map",
        "network",
        "postal",
        "cases",
        "emergency",
        "grassroots",
        "external",
        "totals",
    ]
    assert_constant_queries(lambda d: [(d.director, reverse(f"supervision:{name}")) for name in names], rows=rows)
