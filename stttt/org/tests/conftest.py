"""A small organisation built through the services, shared by the org tests."""

from __future__ import annotations

import datetime
import io

import pytest

from stttt.accounts.models import User
from stttt.org import demo, services
from stttt.org.choices import Position, StaffCategory, UnitKind
from stttt.testing.moduledata import written_once

START = datetime.date(2024, 1, 1)


class Org:
    """Handles on the units and people of the test organisation."""

    def __init__(self) -> None:
        self.agency = services.agency_save(code="TEST", name="Sở Thử nghiệm", deputy_director_cap=2)
        a = self.agency
        self.board = services.unit_establish(a, code="BGD", name="Ban Giám đốc", kind=UnitKind.LEADERSHIP, on=START)
        self.office = services.unit_establish(a, code="VP", name="Văn phòng Sở", kind=UnitKind.OFFICE, on=START)
        self.division = services.unit_establish(a, code="P1", name="Phòng Một", kind=UnitKind.DIVISION, on=START)
        self.centre = services.unit_establish(
            a, code="TT", name="Trung tâm", kind=UnitKind.PUBLIC_SERVICE_UNIT, on=START
        )
        self.cdiv = services.unit_establish(
            a, code="TT-KT", name="Phòng Kỹ thuật", kind=UnitKind.CENTRE_DIVISION, parent=self.centre, on=START
        )
        self.people: dict[str, object] = {}
        self.director = self.person("GD", StaffCategory.CIVIL_SERVANT, self.board, Position.DIRECTOR, user="gd")
        self.deputy1 = self.person(
            "PGD1", StaffCategory.CIVIL_SERVANT, self.board, Position.DEPUTY_DIRECTOR, user="pgd1"
        )
        self.deputy2 = self.person(
            "PGD2", StaffCategory.CIVIL_SERVANT, self.board, Position.DEPUTY_DIRECTOR, user="pgd2"
        )
        self.office_head = self.person("VP1", StaffCategory.CIVIL_SERVANT, self.office, Position.HEAD, user="cvp")
        self.office_deputy = self.person(
            "VP2", StaffCategory.CIVIL_SERVANT, self.office, Position.DEPUTY_HEAD, user="pcvp"
        )
        for i in range(3, 6):
            self.person(f"VP{i}", StaffCategory.CIVIL_SERVANT, self.office, Position.STAFF)
        self.div_head = self.person("P11", StaffCategory.CIVIL_SERVANT, self.division, Position.HEAD, user="tp")
        self.div_deputy = self.person(
            "P12", StaffCategory.CIVIL_SERVANT, self.division, Position.DEPUTY_HEAD, user="ptp"
        )
        for i in range(3, 6):
            self.person(f"P1{i}", StaffCategory.CIVIL_SERVANT, self.division, Position.STAFF)
        self.centre_head = self.person("TT1", StaffCategory.PUBLIC_EMPLOYEE, self.centre, Position.HEAD)
        self.cdiv_head = self.person("KT1", StaffCategory.PUBLIC_EMPLOYEE, self.cdiv, Position.HEAD)
        self.person("KT2", StaffCategory.PUBLIC_EMPLOYEE, self.cdiv, Position.DEPUTY_HEAD)
        for i in range(3, 8):
            self.person(f"KT{i}", StaffCategory.PUBLIC_EMPLOYEE, self.cdiv, Position.STAFF)

    def person(self, code, category, unit, position, *, user: str | None = None, start=START):
        staff = services.staff_save(self.agency, code=code, full_name=f"Người {code}", category=category)
        services.assignment_create(staff, unit, position=position, start_on=start)
        if user:
            services.staff_link_user(staff, User.objects.create_user(user, password="x-Secret-123"))
        self.people[code] = staff
        return staff


@pytest.fixture
def org(db):
    return Org()


@pytest.fixture(scope="module")
def _demo_org_of_module(django_db_setup, django_db_blocker):
    yield from written_once(django_db_blocker, lambda: demo.load(io.StringIO()))


@pytest.fixture
def demo_org(_demo_org_of_module, db):
    """The organisation's demo, written once for the module's tests (9,000 queries), each test's own writes
    undone after it (`stttt.testing.moduledata`)."""
