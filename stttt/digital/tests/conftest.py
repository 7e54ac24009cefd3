"""A small Department and a second agency beside it, with the digital records a test needs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from stttt.digital import services
from stttt.testing.departments import SmallDepartment


class Digital:
    """The small Department with two indicators, reporting entities and a collection due in ten days."""

    def __init__(self, prefix: str = "", code: str = "STTTT-T") -> None:
        d = self.d = SmallDepartment(prefix, code=code)
        self.agency = d.agency
        actor = d.head
        self.rate = services.indicator_save(
            actor=actor,
            agency=d.agency,
            code="dvc",
            name="Tỷ lệ DVC toàn trình",
            formula="rate",
            numerator_label="Số TTHC toàn trình",
            denominator_label="Tổng số TTHC",
            pillar="government",
            max_points=Decimal(40),
            benchmark=Decimal(80),
            reporters="provincial_agency,district",
        )
        self.count = services.indicator_save(
            actor=actor,
            agency=d.agency,
            code="to-cns",
            name="Thành viên tổ công nghệ số",
            formula="sum",
            pillar="society",
            max_points=Decimal(40),
            benchmark=Decimal(100),
            reporters="district",
        )
        self.district_entity = services.entity_save(
            actor=actor, agency=d.agency, kind="district", name="UBND Thành phố Một", district=d.district_a
        )
        self.other_district_entity = services.entity_save(
            actor=actor, agency=d.agency, kind="district", name="UBND Huyện Hai", district=d.district_b
        )
        self.department_entity = services.entity_save(
            actor=actor, agency=d.agency, kind="provincial_agency", name="Sở Nội vụ", email="snv@example.vn"
        )
        self.collection = services.collection_create(
            actor=actor,
            agency=d.agency,
            year=2026,
            title="Số liệu DTI 2026",
            deadline=timezone.localdate() + dt.timedelta(days=10),
            indicators=[self.rate, self.count],
        )

    def submission(self, entity: Any) -> Any:
        return self.collection.submissions.get(entity=entity)


@pytest.fixture
def digital(db) -> Digital:
    return Digital()


@pytest.fixture
def other(db) -> Digital:
    return Digital("O", "STTTT-O")
