"""Migration 0004 carries every row: work's districts and officers land in `org` with the same keys and
codes, district reports point at them, and every record gets the existing agency."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from stttt.testing.childdb import database_environment, run_python

BEFORE = [("work", "0003_request_indicator_aggregate"), ("org", "0003_agency_council_name_agency_host_names_and_more")]
AFTER = [("work", "0005_org_districts_and_agency_required")]


def test_districts_officers_and_agencies_carried_over(tmp_path):
    # Unwinding the test database to these migrations and back took four minutes; a new database migrates
    # only the few that lead to them.
    with database_environment(tmp_path) as env:
        assert run_python(CHILD, env).splitlines()[-1] == "carried over"


CHILD = "import django; django.setup(); from stttt.work.tests import test_migration as t; t.carry_over()"


def carry_over() -> None:
    """In a child process whose database is new and empty: migrate to before 0004, write old rows, migrate
    past 0005, check every row."""
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Agency = old.get_model("org", "Agency")
    Unit = old.get_model("org", "Unit")
    User = old.get_model("accounts", "User")
    District = old.get_model("work", "District")
    Officer = old.get_model("work", "DistrictOfficer")
    HistoricalDistrict = old.get_model("work", "HistoricalDistrict")
    Request = old.get_model("work", "DistrictRequest")
    Report = old.get_model("work", "DistrictReport")
    Task = old.get_model("work", "Task")
    Question = old.get_model("work", "CouncilQuestion")

    agency = Agency.objects.create(code="STTTT-M", name="Sở thử")
    unit = Unit.objects.create(agency=agency, code="M-VP", name="Văn phòng", kind="office")
    city = District.objects.create(
        id=41,
        code="thanh-pho",
        name="Thành phố",
        kind="city",
        order=1,
        office_name="Phòng Văn hóa và Thông tin thành phố",
    )
    rural = District.objects.create(id=42, code="huyen", name="Huyện", kind="district", order=2, active=False)
    HistoricalDistrict.objects.create(
        id=41,
        code="thanh-pho",
        name="Thành phố cũ",
        kind="city",
        order=1,
        office_name="",
        active=True,
        history_type="+",
        history_date=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )
    user = User.objects.create(username="vhtt_m", password="!")
    Officer.objects.create(id=7, user=user, district=city, position="Chuyên viên")
    request = Request.objects.create(
        title="Số liệu",
        period_start=dt.date(2026, 7, 1),
        period_end=dt.date(2026, 9, 30),
        deadline=dt.date(2026, 10, 15),
    )
    report = Report.objects.create(request=request, district=city, status="submitted", values={"a": 1})
    Report.objects.create(request=request, district=rural)
    task = Task.objects.create(title="Việc", source_kind="ppc", lead_unit=unit)
    question = Question.objects.create(
        kind="question",
        asked_by="Đại biểu",
        received_on=dt.date(2026, 11, 1),
        content="Hỏi",
        deadline=dt.date(2026, 11, 20),
    )

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    OrgDistrict = new.get_model("org", "District")
    OrgOfficer = new.get_model("org", "DistrictOfficer")
    OrgHistoricalDistrict = new.get_model("org", "HistoricalDistrict")
    rows = {
        d.pk: (d.agency_id, d.code, d.name, d.kind, d.order, d.active, d.office_name) for d in OrgDistrict.objects.all()
    }
    assert rows == {
        41: (agency.pk, "thanh-pho", "Thành phố", "city", 1, True, "Phòng Văn hóa và Thông tin thành phố"),
        42: (agency.pk, "huyen", "Huyện", "district", 2, False, ""),
    }
    officer = OrgOfficer.objects.get()
    assert (officer.pk, officer.user_id, officer.district_id, officer.position) == (7, user.pk, 41, "Chuyên viên")
    assert OrgHistoricalDistrict.objects.filter(id=41, name="Thành phố cũ", agency_id=agency.pk).exists()
    NewReport = new.get_model("work", "DistrictReport")
    assert NewReport.objects.get(pk=report.pk).district_id == 41
    assert NewReport.objects.get(pk=report.pk).values == {"a": 1}
    assert sorted(NewReport.objects.values_list("district_id", flat=True)) == [41, 42]
    for name, pk in [("Task", task.pk), ("CouncilQuestion", question.pk), ("DistrictRequest", request.pk)]:
        assert new.get_model("work", name).objects.get(pk=pk).agency_id == agency.pk, name
    # a new district gets a fresh key (the sequence moved past the copied ones)
    assert OrgDistrict.objects.create(agency_id=agency.pk, code="moi", name="Mới").pk > 42
    print("carried over")
