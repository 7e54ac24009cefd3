"""A small Department built through the `org` services (with an ICT Centre), two districts with their
officers; and a second small agency beside it for the cross-agency tests."""

from __future__ import annotations

import datetime as dt

import pytest

from stttt.accounts.models import User
from stttt.org import services as org_services
from stttt.org.choices import DistrictKind, Position, StaffCategory, UnitKind
from stttt.work import services

START = dt.date(2020, 1, 1)
PASSWORD = "x-Secret-123"


class Department:
    def __init__(self) -> None:
        a = self.agency = org_services.agency_save(
            code="STTTT-W", name="Sở Thông tin và Truyền thông (thử)", deputy_director_cap=3
        )
        self.board = org_services.unit_establish(a, code="BGD", name="Ban Giám đốc", kind=UnitKind.LEADERSHIP, on=START)
        self.office = org_services.unit_establish(a, code="VP", name="Văn phòng Sở", kind=UnitKind.OFFICE, on=START)
        self.division = org_services.unit_establish(
            a, code="TTBCXB", name="Phòng Thông tin - Báo chí - Xuất bản", kind=UnitKind.DIVISION, on=START
        )
        self.other = org_services.unit_establish(
            a, code="BCVTCNTT", name="Phòng Bưu chính - Viễn thông - CNTT", kind=UnitKind.DIVISION, on=START
        )
        self.centre = org_services.unit_establish(
            a, code="TTCNTT", name="Trung tâm CNTT và Truyền thông", kind=UnitKind.PUBLIC_SERVICE_UNIT, on=START
        )
        self.director = self.person("GD", self.board, Position.DIRECTOR, "gd")
        self.deputy = self.person("PGD", self.board, Position.DEPUTY_DIRECTOR, "pgd")
        self.deputy2 = self.person("PGD2", self.board, Position.DEPUTY_DIRECTOR, "pgd2")
        self.clerk = self.person("VP1", self.office, Position.STAFF, "cvvp")
        self.head = self.person("TP", self.division, Position.HEAD, "tp")
        self.officer = self.person("CV1", self.division, Position.STAFF, "cv1")
        self.other_head = self.person("TP2", self.other, Position.HEAD, "tp2")
        self.outsider = self.person("CV3", self.other, Position.STAFF, "cv3")
        self.centre_head = self.person("GDTT", self.centre, Position.HEAD, "gdtt")
        self.centre_staff = self.person("VC1", self.centre, Position.STAFF, "vc1")
        org_services.area_assign(self.staff["PGD"], unit=self.division, start_on=START)
        org_services.area_assign(self.staff["PGD2"], unit=self.office, start_on=START)
        self.district_a = services.district_save(
            code="dong-xoai", name="Thành phố Đồng Xoài", kind=DistrictKind.CITY, order=1, agency=a
        )
        self.district_b = services.district_save(
            code="bu-dang", name="Huyện Bù Đăng", kind=DistrictKind.DISTRICT, order=2, agency=a
        )
        self.officer_a = User.objects.create_user("vhtt_a", password=PASSWORD, full_name="Cán bộ Đồng Xoài")
        self.officer_b = User.objects.create_user("vhtt_b", password=PASSWORD, full_name="Cán bộ Bù Đăng")
        services.district_officer_link(self.officer_a, self.district_a)
        services.district_officer_link(self.officer_b, self.district_b)

    def person(self, code, unit, position, username):
        if not hasattr(self, "staff"):
            self.staff = {}
        staff = org_services.staff_save(
            self.agency, code=code, full_name=f"Cán bộ {code}", category=StaffCategory.CIVIL_SERVANT
        )
        org_services.assignment_create(staff, unit, position=position, start_on=START)
        user = User.objects.create_user(username, password=PASSWORD, full_name=f"Cán bộ {code}")
        org_services.staff_link_user(staff, user)
        self.staff[code] = staff
        return user


@pytest.fixture
def dept(db):
    return Department()


class OtherAgency:
    """A second, smaller agency: a unit, a head, a staff member, a district with its officer."""

    def __init__(self) -> None:
        a = self.agency = org_services.agency_save(
            code="STTTT-X", name="Sở Thông tin và Truyền thông (khác)", deputy_director_cap=3
        )
        self.board = org_services.unit_establish(
            a, code="X-BGD", name="Ban Giám đốc", kind=UnitKind.LEADERSHIP, on=START
        )
        self.unit = org_services.unit_establish(a, code="X-VP", name="Văn phòng", kind=UnitKind.OFFICE, on=START)
        self.director = self._person("XGD", self.board, Position.DIRECTOR, "x_gd")
        self.head = self._person("XTP", self.unit, Position.HEAD, "x_tp")
        self.staff_user = self._person("XCV", self.unit, Position.STAFF, "x_cv")
        self.district = services.district_save(
            code="dong-xoai", name="Huyện Khác", kind=DistrictKind.DISTRICT, order=1, agency=a
        )
        self.officer = User.objects.create_user("x_vhtt", password=PASSWORD, full_name="Cán bộ huyện khác")
        services.district_officer_link(self.officer, self.district)

    def _person(self, code, unit, position, username):
        staff = org_services.staff_save(
            self.agency, code=code, full_name=f"Cán bộ {code}", category=StaffCategory.CIVIL_SERVANT
        )
        org_services.assignment_create(staff, unit, position=position, start_on=START)
        user = User.objects.create_user(username, password=PASSWORD, full_name=f"Cán bộ {code}")
        org_services.staff_link_user(staff, user)
        return user


@pytest.fixture
def other_agency(dept):
    return OtherAgency()


INDICATORS = [
    {
        "code": "dai",
        "label": "Số đài truyền thanh",
        "value_type": "integer",
        "min_value": 0,
        "max_value": 200,
        "required": True,
    },
    {"code": "loa", "label": "Số cụm loa", "value_type": "integer", "min_value": 0, "required": True},
    {
        "code": "ty-le",
        "label": "Tỷ lệ phủ sóng",
        "unit": "%",
        "value_type": "decimal",
        "min_value": 0,
        "max_value": 100,
        "required": False,
        "aggregate": "average",
    },
]


@pytest.fixture
def district_request(dept):
    return services.district_request_create(
        actor=dept.clerk,
        title="Số liệu quý III",
        period_start=dt.date(2026, 7, 1),
        period_end=dt.date(2026, 9, 30),
        deadline=dt.date(2026, 10, 15),
        indicators=INDICATORS,
    )
