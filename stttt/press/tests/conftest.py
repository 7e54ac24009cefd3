"""A small Department with its press division, a daily newspaper and a licensed bulletin."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from stttt.licensing.models import Licence
from stttt.press.choices import ItemKind, ItemStatus, OutletKind, Timeliness
from stttt.press.models import DepositItem, Outlet, PressDivision
from stttt.testing.departments import SmallDepartment


class PressDepartment(SmallDepartment):
    def __init__(self, prefix: str = "", **kwargs: Any) -> None:
        super().__init__(prefix, **kwargs)
        PressDivision.objects.create(agency=self.agency, unit_code=self.division.code)
        self.newspaper = Outlet.objects.create(
            agency=self.agency,
            name=f"{prefix}Báo Thử Nghiệm",
            kind=OutletKind.PRINT,
            email="toasoan@example.vn",
            licence_number="1/GP-BTTTT",
            licence_issued_on=dt.date(2020, 1, 1),
            release_weekdays=[0, 1, 2, 3, 4, 5],
            skips_days_off=True,
        )
        self.licence = Licence.objects.create(
            agency=self.agency,
            kind="bulletin",
            number=f"{prefix}3/GP-STTTT",
            year=2025,
            issuer_name="Sở",
            holder_name="Hội Nông dân",
            issued_on=dt.date(2025, 6, 1),
            valid_from=dt.date(2025, 6, 1),
            valid_until=dt.date(2026, 5, 31),
            subject={"name": "Bản tin Nông nghiệp", "periodicity": "tháng"},
            citation="3.4.b",
        )
        self.bulletin = Outlet.objects.create(
            agency=self.agency,
            name=f"{prefix}Hội Nông dân",
            kind=OutletKind.BULLETIN,
            licence=self.licence,
            email="hoinongdan@example.vn",
        )


@pytest.fixture
def dept(db) -> PressDepartment:
    return PressDepartment()


@pytest.fixture
def other(db) -> PressDepartment:
    return PressDepartment("B", code="STTTT-O", province="Khác")


def bulk_items(department: SmallDepartment, n: int) -> None:
    """n deposited items (and a few outlets) for a Department, written in bulk: the query-count rows."""
    agency = department.agency
    PressDivision.objects.get_or_create(agency=agency, defaults={"unit_code": department.division.code})
    outlets = Outlet.objects.bulk_create(
        [
            Outlet(
                agency=agency,
                name=f"Báo số {k}",
                kind=OutletKind.PRINT,
                release_weekdays=[0, 1, 2, 3, 4, 5, 6],
                licence_number="1/GP",
            )
            for k in range(max(1, n // 100))
        ]
    )
    start = dt.date(2026, 1, 1)
    statuses = list(ItemStatus.values)
    DepositItem.objects.bulk_create(
        [
            DepositItem(
                agency=agency,
                outlet=outlets[k % len(outlets)],
                outlet_name=outlets[k % len(outlets)].name,
                kind=ItemKind.PRESS_PRINT,
                title=f"Báo số {k}",
                issue_number=str(k),
                release_date=start + dt.timedelta(days=k % 300),
                received_at=dt.datetime(2026, 1, 1, 7, tzinfo=dt.UTC) + dt.timedelta(days=k % 300),
                timeliness=Timeliness.ON_TIME if k % 5 else Timeliness.LATE,
                flags=["no_licence"] if k % 7 == 0 else [],
                status=statuses[k % len(statuses)],
                reader=department.officer if k % 2 else None,
                search_text=f"bao so {k}",
            )
            for k in range(n)
        ]
    )
