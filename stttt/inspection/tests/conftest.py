"""A small Department with an Inspectorate (Chief Inspector, deputy, two inspectors) for the app's tests."""

from __future__ import annotations

from typing import Any

import pytest

from stttt.org.choices import Position, UnitKind
from stttt.testing.departments import SmallDepartment


class InspectedDepartment(SmallDepartment):
    def __init__(self, prefix: str = "", **kwargs: Any) -> None:
        super().__init__(prefix, **kwargs)
        self.inspectorate = self.unit("TTRA", "Thanh tra Sở", UnitKind.INSPECTORATE)
        self.chief = self.person("CTT", self.inspectorate, Position.HEAD, "ctt")
        self.deputy_chief = self.person("PCTT", self.inspectorate, Position.DEPUTY_HEAD, "pctt")
        self.inspector = self.person("TTV1", self.inspectorate, Position.STAFF, "ttv1")
        self.inspector2 = self.person("TTV2", self.inspectorate, Position.STAFF, "ttv2")


@pytest.fixture
def dept(db) -> InspectedDepartment:
    return InspectedDepartment()


@pytest.fixture
def other_dept(db) -> InspectedDepartment:
    return InspectedDepartment("B", code="STTTT-U", province="Thứ Hai")


def bulletin(dept: InspectedDepartment, holder: str = "Hội Nhà báo tỉnh") -> Any:
    """A bulletin licence in the agency's register (a target for plans and sanctions)."""
    import datetime as dt

    from django.utils import timezone

    from stttt.licensing import services as licensing

    return licensing.licence_record(
        "bulletin",
        actor=dept.officer,
        data={
            "holder_name": holder,
            "holder_id_number": "3800999888",
            "issued_on": timezone.localdate() - dt.timedelta(days=200),
        },
        subject={"name": "Bản tin Hội", "periodicity": "Hằng quý", "responsible_person": "Nguyễn Văn A"},
    )
