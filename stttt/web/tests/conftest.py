"""A small Department with one record of each kind the roles meet: tasks of two divisions, a dossier filed
by a citizen, a request for figures to the districts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from stttt.accounts.models import User
from stttt.org import services as org_services
from stttt.procedures import services as procedure_services
from stttt.procedures.choices import Channel
from stttt.procedures.models import Procedure
from stttt.testing.departments import PASSWORD, SmallDepartment
from stttt.work import services as work_services
from stttt.work.choices import Periodicity, Recipient, ReportStatus
from stttt.work.models import DistrictReport, Report, ReportType

PDF = b"%PDF-1.4 test document"


class World(SmallDepartment):
    def __init__(self) -> None:
        super().__init__()
        self.other_citizen = self.user("congdan2", "Trần Thị Khác")
        procedure_services.catalog_load(agency=self.agency)
        procedure = Procedure.objects.filter(agency=self.agency, code="1.003868").get()
        uploads = [
            procedure_services.Upload(c, f"giay-to-{c.pk}.pdf", PDF) for c in procedure.components.all() if c.required
        ]
        self.dossier, _created = procedure_services.dossier_file(
            procedure,
            actor=self.citizen,
            channel=Channel.ONLINE,
            data={"applicant_name": "Nguyễn Văn Dân"},
            uploads=uploads,
        )
        today = timezone.localdate()
        self.task = work_services.task_create(
            actor=self.director,
            lead_unit=self.division,
            title="Rà soát danh mục báo chí",
            deadline=today + dt.timedelta(days=3),
            person_in_charge=self.officer,
        )
        self.other_task = work_services.task_create(
            actor=self.director,
            lead_unit=self.other,
            title="Kiểm tra trạm phát sóng",
            deadline=today - dt.timedelta(days=3),
        )
        self.request = work_services.district_request_create(
            actor=self.desk,
            title="Số liệu quý",
            period_start=today.replace(day=1) - dt.timedelta(days=90),
            period_end=today.replace(day=1) - dt.timedelta(days=1),
            deadline=today + dt.timedelta(days=10),
            indicators=[
                {
                    "code": "so-diem",
                    "label": "Số điểm truy cập",
                    "unit": "điểm",
                    "value_type": "integer",
                    "min_value": 0,
                    "max_value": None,
                    "required": True,
                    "aggregate": "sum",
                }
            ],
        )
        self.report_a = DistrictReport.objects.get(request=self.request, district=self.district_a)
        self.observer = self.user("quansat", "Chuyên viên Văn phòng UBND tỉnh")
        org_services.observer_link(self.observer, self.agency, body="Văn phòng UBND tỉnh Thử Nghiệm")
        ppc = ReportType.objects.create(
            agency=self.agency,
            code="bc-thang",
            name="Báo cáo tình hình hoạt động tháng",
            recipient=Recipient.PPC,
            periodicity=Periodicity.MONTHLY,
            sections=["Kết quả thực hiện"],
        )
        last = today.replace(day=1) - dt.timedelta(days=1)
        self.ppc_report, self.ppc_draft = (
            Report.objects.create(
                agency=self.agency,
                report_type=ppc,
                period_start=start,
                period_end=start.replace(day=28),
                due_on=start.replace(day=28),
                status=status,
                narrative={"Kết quả thực hiện": text},
                number=number,
            )
            for start, status, text, number in (
                (last.replace(day=1), ReportStatus.SENT, "Đã giải quyết đúng hạn các hồ sơ.", "12/BC-STTTT"),
                (today.replace(day=1), ReportStatus.DRAFT, "Bản nháp chưa duyệt", ""),
            )
        )
        self.report_b = DistrictReport.objects.get(request=self.request, district=self.district_b)

    def roles(self) -> dict[str, User]:
        return {
            "director": self.director,
            "head": self.head,
            "officer": self.officer,
            "desk": self.desk,
            "district": self.district_officer_a,
            "citizen": self.citizen,
            "observer": self.observer,
        }


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture
def world(db):
    return World()
