"""A small Department built through the `org` services: the one shape of test organisation every app uses.

`SmallDepartment(prefix="")` makes an agency with a leadership board, the Office (one-stop desk), two
divisions, a Director, two Deputy Directors (one in charge of the first division), a desk clerk, a head
and two officers, an officer of the other division, and two districts each with an officer. A `prefix`
keeps unit codes and user names apart, so two agencies live side by side in one test (multi-agency
tests). People are reachable as users (`dept.director`) and as staff (`dept.staff["GD"]`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from stttt.accounts.models import User
from stttt.org import services as org_services
from stttt.org.choices import DistrictKind, Position, StaffCategory, UnitKind
from stttt.org.models import District, DistrictOfficer

START = dt.date(2020, 1, 1)
PASSWORD = "x-Secret-123"


class SmallDepartment:
    def __init__(self, prefix: str = "", *, code: str = "STTTT-T", province: str = "Thử Nghiệm") -> None:
        self.prefix = prefix
        p = prefix
        name = f"Sở Thông tin và Truyền thông tỉnh {province}"
        a = self.agency = org_services.agency_save(code=f"{p}{code}", name=name, deputy_director_cap=3)
        slug = f"{p}{code}".lower().replace("_", "-")
        a.province = province
        a.parent_body = f"Ủy ban nhân dân tỉnh {province}"
        a.letterhead_parent = f"UBND TỈNH {province.upper()}"
        a.letterhead_issuer = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
        a.council_name = f"Hội đồng nhân dân tỉnh {province}"
        a.ministry_name = "Bộ Thông tin và Truyền thông"
        a.place = province
        a.national_code = f"{p}000.00.00.H99"
        a.one_stop_unit_code = f"{p}VP"
        a.slug = slug
        a.host_names = f"{slug}.example.gov.vn"
        a.save()
        self.board = self.unit("BGD", "Ban Giám đốc", UnitKind.LEADERSHIP)
        self.office = self.unit("VP", "Văn phòng Sở", UnitKind.OFFICE)
        self.division = self.unit("TTBCXB", "Phòng Thông tin - Báo chí - Xuất bản", UnitKind.DIVISION)
        self.other = self.unit("BCVTCNTT", "Phòng Bưu chính - Viễn thông - CNTT", UnitKind.DIVISION)
        self.staff: dict[str, Any] = {}
        self.director = self.person("GD", self.board, Position.DIRECTOR, "gd")
        self.deputy = self.person("PGD", self.board, Position.DEPUTY_DIRECTOR, "pgd")
        self.deputy2 = self.person("PGD2", self.board, Position.DEPUTY_DIRECTOR, "pgd2")
        self.desk = self.person("MC", self.office, Position.STAFF, "motcua")
        self.head = self.person("TP", self.division, Position.HEAD, "tp")
        self.officer = self.person("CV1", self.division, Position.STAFF, "cv1")
        self.officer2 = self.person("CV2", self.division, Position.STAFF, "cv2")
        self.other_head = self.person("TP2", self.other, Position.HEAD, "tp2")
        self.outsider = self.person("CV3", self.other, Position.STAFF, "cv3")
        org_services.area_assign(self.staff["PGD"], unit=self.division, start_on=START)
        org_services.area_assign(self.staff["PGD2"], unit=self.office, start_on=START)
        self.district_a = District.objects.create(
            agency=a, code=f"{slug}-a", name="Thành phố Một", kind=DistrictKind.CITY, order=1
        )
        self.district_b = District.objects.create(
            agency=a, code=f"{slug}-b", name="Huyện Hai", kind=DistrictKind.DISTRICT, order=2
        )
        self.district_officer_a = self.user("vhtt_a", "Cán bộ huyện Một")
        self.district_officer_b = self.user("vhtt_b", "Cán bộ huyện Hai")
        DistrictOfficer.objects.create(user=self.district_officer_a, district=self.district_a)
        DistrictOfficer.objects.create(user=self.district_officer_b, district=self.district_b)
        self.citizen = self.user("congdan", "Nguyễn Văn Dân")

    def unit(self, code: str, name: str, kind: str) -> Any:
        return org_services.unit_establish(self.agency, code=f"{self.prefix}{code}", name=name, kind=kind, on=START)

    def user(self, username: str, full_name: str) -> Any:
        return User.objects.create_user(f"{self.prefix.lower()}{username}", password=PASSWORD, full_name=full_name)

    def person(self, code: str, unit: Any, position: str, username: str) -> Any:
        staff = org_services.staff_save(
            self.agency, code=f"{self.prefix}{code}", full_name=f"Cán bộ {code}", category=StaffCategory.CIVIL_SERVANT
        )
        org_services.assignment_create(staff, unit, position=position, start_on=START)
        user = self.user(username, f"Cán bộ {code}")
        org_services.staff_link_user(staff, user)
        self.staff[code] = staff
        return user
