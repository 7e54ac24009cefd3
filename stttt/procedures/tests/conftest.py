"""A small Department built through the `org` services, and the catalogue loaded from the data file."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from stttt.accounts.models import User
from stttt.org import services as org_services
from stttt.org.choices import Position, StaffCategory, UnitKind
from stttt.procedures.models import Procedure
from stttt.procedures.services import catalog_load

START = dt.date(2020, 1, 1)
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def at(year, month, day, hour=9, minute=0):
    return dt.datetime(year, month, day, hour, minute, tzinfo=TZ)


class Department:
    def __init__(self) -> None:
        a = self.agency = org_services.agency_save(code="STTTT-T", name="Sở Thông tin và Truyền thông (thử)",
                                                   deputy_director_cap=3)
        self.board = org_services.unit_establish(a, code="BGD", name="Ban Giám đốc", kind=UnitKind.LEADERSHIP,
                                                 on=START)
        self.office = org_services.unit_establish(a, code="VP", name="Văn phòng Sở", kind=UnitKind.OFFICE, on=START)
        self.division = org_services.unit_establish(a, code="TTBCXB", name="Phòng Thông tin - Báo chí - Xuất bản",
                                                    kind=UnitKind.DIVISION, on=START)
        self.other = org_services.unit_establish(a, code="BCVTCNTT", name="Phòng Bưu chính - Viễn thông - CNTT",
                                                 kind=UnitKind.DIVISION, on=START)
        self.director = self.person("GD", self.board, Position.DIRECTOR, "gd")
        self.deputy = self.person("PGD", self.board, Position.DEPUTY_DIRECTOR, "pgd")
        self.desk = self.person("MC", self.office, Position.STAFF, "motcua")
        self.head = self.person("TP", self.division, Position.HEAD, "tp")
        self.officer = self.person("CV1", self.division, Position.STAFF, "cv1")
        self.officer2 = self.person("CV2", self.division, Position.STAFF, "cv2")
        self.outsider = self.person("CV3", self.other, Position.STAFF, "cv3")
        org_services.area_assign(self.deputy_staff, unit=self.division, start_on=START)
        self.applicant = User.objects.create_user("doanhnghiep", password="x-Secret-123", full_name="Công ty A")

    def person(self, code, unit, position, username):
        staff = org_services.staff_save(self.agency, code=code, full_name=f"Cán bộ {code}",
                                        category=StaffCategory.CIVIL_SERVANT)
        org_services.assignment_create(staff, unit, position=position, start_on=START)
        user = User.objects.create_user(username, password="x-Secret-123", full_name=f"Cán bộ {code}")
        org_services.staff_link_user(staff, user)
        if code == "PGD":
            self.deputy_staff = staff
        return user


@pytest.fixture
def dept(db):
    return Department()


@pytest.fixture
def catalog(db):
    catalog_load()
    return {p.code: p for p in Procedure.objects.all()}
