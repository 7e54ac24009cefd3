"""Inspection pages cost as many queries at 10 as at 1,000 records of each kind (issue 13)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from stttt.inspection.models import (
    InspectionCase,
    Letter,
    ReceptionDay,
    ReceptionEntry,
    Referral,
    SanctionDecision,
    ViolationRecord,
)

pytestmark = pytest.mark.django_db


def _rows(d, n: int) -> None:
    """n records of each kind for the Department `d`, bulk-written with realistic statuses and dates."""
    today = timezone.localdate()
    tag = f"{n}-{ViolationRecord.objects.count()}"
    ct = ContentType.objects.get_for_model(d.staff["CV1"])
    Referral.objects.bulk_create(
        Referral(
            agency=d.agency,
            source_type=ct,
            source_id=str(i),
            source_app="org",
            source_label=f"Nguồn {i}",
            summary="Phát hiện",
            opened_by=d.officer,
            status=("open", "dismissed")[i % 2],
            dismissal_reason="Trùng" if i % 2 else "",
        )
        for i in range(n)
    )
    InspectionCase.objects.bulk_create(
        InspectionCase(
            agency=d.agency,
            subject_name=f"Đơn vị {i}",
            sector="press",
            content="Nội dung",
            legal_basis="Luật Thanh tra",
            decision_number=f"{tag}-{i}/QĐ-TTr",
            decided_on=today - dt.timedelta(days=i % 300),
            decided_by=d.director,
            head=d.director,
            status=("decided", "onsite", "concluded")[i % 3],
            due_on=today + dt.timedelta(days=i % 20 - 10),
        )
        for i in range(n)
    )
    records = ViolationRecord.objects.bulk_create(
        ViolationRecord(
            agency=d.agency,
            number=f"{tag}-{i}/BB",
            recorded_on=today - dt.timedelta(days=i % 300),
            recorded_by=d.director,
            place="Trụ sở",
            offender_type="organisation",
            offender_name=f"Công ty {i}",
            provision_code="119-2020-18-2",
            sector="press",
            citation="NĐ 119/2020 Điều 18",
            act="Nộp lưu chiểu chậm",
            min_fine=4_000_000,
            max_fine=10_000_000,
            discovered_on=today - dt.timedelta(days=i % 300 + 1),
            decide_by=today,
            status=("recorded", "decided")[i % 2],
        )
        for i in range(n)
    )
    SanctionDecision.objects.bulk_create(
        SanctionDecision(
            record=r,
            number=f"{r.number}-QĐ",
            decided_on=r.recorded_on,
            decided_by=d.director,
            decider_title="chief_inspector",
            fine=5_000_000,
            paid_amount=5_000_000 * (i % 3 == 0),
        )
        for i, r in enumerate(records)
        if r.status == "decided"
    )
    Letter.objects.bulk_create(
        Letter(
            agency=d.agency,
            code=f"{tag}-{i}/ĐT",
            kind=("complaint", "denunciation", "petition")[i % 3],
            channel="letter",
            received_on=today - dt.timedelta(days=i % 200),
            summary="Nội dung",
            subject="Về việc",
            due_on=today + dt.timedelta(days=i % 30 - 15),
            status=("received", "accepted", "resolved")[i % 3],
        )
        for i in range(n)
    )
    start = today - dt.timedelta(days=4000 + ReceptionDay.objects.count())
    ReceptionDay.objects.bulk_create(
        ReceptionDay(agency=d.agency, date=start + dt.timedelta(days=i), leader=d.director, place="Phòng tiếp")
        for i in range(n)
    )
    ReceptionEntry.objects.bulk_create(
        ReceptionEntry(
            agency=d.agency, received_on=today, citizen_name=f"Công dân {i}", content="Hỏi", received_by=d.director
        )
        for i in range(n)
    )


def test_list_pages_cost_the_same_at_10_and_1000_rows():
    from stttt.testing.querycounts import assert_constant_queries

    assert_constant_queries(
        lambda d: [
            (d.director, reverse("inspection:index")),
            (d.director, reverse("inspection:referrals")),
            (d.director, reverse("inspection:plans")),
            (d.director, reverse("inspection:cases")),
            (d.director, reverse("inspection:violations")),
            (d.director, reverse("inspection:letters")),
            (d.director, reverse("inspection:reception")),
            (d.officer, reverse("inspection:cases")),
        ],
        rows=_rows,
    )
