"""A small Department with the duties that make its divisions the supervision units, and a few records."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from django.utils import timezone

from stttt.org import services as org_services
from stttt.testing.departments import SmallDepartment

FIELDS = [
    {"name": "mobile_subscribers", "label": "Thuê bao di động"},
    {"name": "subscribers_4g_5g", "label": "Trong đó 4G/5G", "part_of": "mobile_subscribers"},
]


def build(dept: SmallDepartment) -> SimpleNamespace:
    """Duties (3.11.c led by the other division, 3.7.a by the first one) and one record of each kind."""
    from stttt.supervision.models import (
        BroadcastRequest,
        Case,
        ExternalPlan,
        Incident,
        Operator,
        OperatorReport,
        RadioStation,
        ReportKind,
        Site,
    )

    a = dept.agency
    org_services.duty_save(a, citation="3.11.c", title="Hạ tầng viễn thông thụ động", lead_unit=dept.other)
    org_services.duty_save(a, citation="3.7.a", title="Thông tin cơ sở", lead_unit=dept.division)
    vnpt = Operator.objects.create(
        agency=a,
        name="Viễn thông Thử Nghiệm",
        short_name="VNPT",
        sector="telecom",
        email="vnpt@example.vn",
        owns_infrastructure=True,
    )
    viettel = Operator.objects.create(
        agency=a, name="Viettel Thử Nghiệm", short_name="Viettel", sector="telecom", owns_infrastructure=True
    )
    kind = ReportKind.objects.create(
        agency=a,
        code="tq",
        name="Báo cáo quý",
        sector="telecom",
        frequency="quarterly",
        fact_key="supervision.report_due_days_quarterly",
        fields=FIELDS,
    )
    report = OperatorReport.objects.create(
        operator=vnpt,
        kind=kind,
        period_start=dt.date(2026, 7, 1),
        period_end=dt.date(2026, 9, 30),
        due_on=dt.date(2026, 10, 15),
    )
    site = Site.objects.create(
        agency=a,
        code="T-001",
        name="Trạm Một",
        owner=vnpt,
        commune="Phường Một",
        latitude=Decimal("11.5"),
        longitude=Decimal("106.9"),
        district=dept.district_a,
    )
    site.sharers.set([viettel])
    case = Case.objects.create(
        agency=a,
        kind="dispute",
        reference="TC-2026-001",
        title="Tranh chấp giá thuê cột",
        claimant="Viettel",
        respondent=vnpt,
        site=site,
        received_on=dt.date(2026, 11, 1),
        due_on=dt.date(2026, 12, 1),
        description="Giá thuê tăng.",
    )
    incident = Incident.objects.create(
        agency=a, title="Mất sóng do lũ", cause="Lũ", started_at=timezone.now() - dt.timedelta(hours=5), sites_down=3
    )
    station = RadioStation.objects.create(
        agency=a,
        name="Đài xã Một",
        kind="ip",
        commune="Xã Một",
        district=dept.district_a,
        contact_email="dai1@example.vn",
    )
    station2 = RadioStation.objects.create(agency=a, name="Đài xã Hai", kind="fm", commune="Xã Hai")
    broadcast = BroadcastRequest.objects.create(
        agency=a,
        title="Phòng chống sốt xuất huyết",
        content="Nội dung",
        priority="priority",
        broadcast_from=dt.date(2026, 12, 1),
        broadcast_until=dt.date(2026, 12, 5),
    )
    broadcast.stations.set([station, station2])
    plan = ExternalPlan.objects.create(
        agency=a,
        submitted_by="Sở Văn hóa",
        title="Kế hoạch TTĐN 2027",
        year=2027,
        received_on=dt.date(2026, 11, 15),
        due_on=dt.date(2026, 11, 30),
    )
    return SimpleNamespace(
        dept=dept,
        agency=a,
        vnpt=vnpt,
        viettel=viettel,
        kind=kind,
        report=report,
        site=site,
        case=case,
        incident=incident,
        station=station,
        station2=station2,
        broadcast=broadcast,
        plan=plan,
    )


@pytest.fixture
def sup(db) -> Any:
    return build(SmallDepartment())
