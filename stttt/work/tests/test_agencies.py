"""Two agencies side by side: each sees only its own records (404 on the other's), lists and boards hold
only its own rows, province figures sum only its districts, documents carry its own letterhead."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from stttt.core import documents as docs
from stttt.work import exports, indicators, selectors, services
from stttt.work.choices import MeetingKind
from stttt.work.models import DistrictReport, Report, ReportType, Task
from stttt.work.tests.conftest import PASSWORD

D = dt.date
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def both(dept, other_agency):
    """Records of the first agency, and one task of the second."""
    task = services.task_create(
        actor=dept.director,
        lead_unit=dept.division,
        title="Việc của sở A",
        source_date=D(2026, 10, 1),
        deadline=D(2026, 10, 20),
    )
    services.task_complete(
        task,
        actor=dept.head,
        report="Xong",
        on=D(2026, 10, 10),
        files=[SimpleUploadedFile("bao-cao.pdf", PDF, content_type="application/pdf")],
    )
    other_task = services.task_create(
        actor=other_agency.director,
        lead_unit=other_agency.unit,
        title="Việc của sở B",
        source_date=D(2026, 10, 1),
        deadline=D(2026, 10, 20),
    )
    services.task_complete(other_task, actor=other_agency.head, report="Xong", on=D(2026, 10, 12))
    meeting = services.meeting_create(
        actor=dept.clerk,
        kind=MeetingKind.MONTHLY,
        month=D(2026, 10, 1),
        held_on=D(2026, 11, 3),
        chaired_by=dept.director,
    )
    conclusion = services.conclusion_add(meeting, actor=dept.director, text="Kết luận", unit=dept.division)
    rt = services.report_type_save(
        agency=dept.agency,
        code="thang",
        name="Báo cáo tháng A1",
        recipient="ppc",
        periodicity="monthly",
        indicator_codes=["work.tasks_completed"],
    )
    report = services.report_create(rt, actor=dept.clerk, on=D(2026, 11, 3))
    request = services.district_request_create(
        actor=dept.clerk,
        title="Số liệu quý A1",
        period_start=D(2026, 7, 1),
        period_end=D(2026, 9, 30),
        deadline=D(2026, 10, 15),
        indicators=[{"code": "dai", "label": "Số đài", "value_type": "integer"}],
    )
    question = services.question_create(
        actor=dept.clerk,
        kind="question",
        asked_by="Đại biểu Nguyễn Văn Hỏi",
        content="Hỏi",
        received_on=D(2026, 11, 1),
        deadline=D(2026, 11, 20),
        unit=dept.division,
    )
    coordination = services.coordination_create(
        actor=dept.clerk,
        direction="incoming",
        counterpart_kind="department",
        counterpart="Sở Xây dựng",
        subject="Đề nghị số 77",
        unit=dept.division,
    )
    return {
        "task": task,
        "other_task": other_task,
        "meeting": meeting,
        "conclusion": conclusion,
        "report": report,
        "request": request,
        "question": question,
        "coordination": coordination,
        "district_report": request.reports.get(district=dept.district_a),
    }


def test_records_belong_to_their_agency(dept, other_agency, both):
    assert {both[k].agency_id for k in ("task", "meeting", "report", "request", "question", "coordination")} == {
        dept.agency.pk
    }
    assert both["other_task"].agency_id == other_agency.agency.pk
    assert both["request"].reports.count() == 2  # the first agency's two districts, not the other's
    with pytest.raises(services.PermissionDenied):  # a leader of one agency gives no task to another's unit
        services.task_create(actor=other_agency.director, lead_unit=dept.division, title="Không được")
    with pytest.raises(services.ValidationError):  # nor puts another agency's person in charge
        services.task_create(
            actor=dept.director, lead_unit=dept.division, title="Không được", person_in_charge=other_agency.staff_user
        )


def test_another_agency_gets_404_on_every_page_and_api_record(dept, other_agency, both, client):
    w = both
    pages = [
        reverse("work:task", args=[w["task"].pk]),
        reverse("work:attachment", args=[w["task"].pk, w["task"].attachments.get().pk]),
        reverse("work:meeting", args=[w["meeting"].pk]),
        reverse("work:report", args=[w["report"].pk]),
        reverse("work:report_file", args=[w["report"].pk, "docx"]),
        reverse("work:district_request", args=[w["request"].pk]),
        reverse("work:district_request_xlsx", args=[w["request"].pk]),
        reverse("work:district_report", args=[w["district_report"].pk]),
        reverse("work:question", args=[w["question"].pk]),
        reverse("work:coordination", args=[w["coordination"].pk]),
        reverse("work:unit", args=[dept.division.code]),
    ]
    posts = [
        reverse("work:task_progress", args=[w["task"].pk]),
        reverse("work:conclusion_to_task", args=[w["conclusion"].pk]),
        reverse("work:report_action", args=[w["report"].pk, "submit"]),
        reverse("work:district_remind", args=[w["request"].pk]),
        reverse("work:district_report_return", args=[w["district_report"].pk]),
    ]
    assert client.login(username="x_gd", password=PASSWORD)
    for url in pages:
        assert client.get(url).status_code == 404, url
    for url in posts:
        assert client.post(url, {"note": "x", "reason": "x"}).status_code == 404, url
    # lists hold only the agency's own rows
    assert "Việc của sở A" not in client.get(reverse("work:tasks")).content.decode()
    assert "Việc của sở B" in client.get(reverse("work:tasks")).content.decode()
    for name in ("work:reports", "work:questions", "work:coordinations", "work:district_requests"):
        page = client.get(reverse(name)).content.decode()
        for text in ("Báo cáo tháng A1", "Nguyễn Văn Hỏi", "Đề nghị số 77", "Số liệu quý A1"):
            assert text not in page, (name, text)
    api = APIClient()
    api.force_authenticate(other_agency.director)
    for path, pk in [
        ("tasks", w["task"].pk),
        ("meetings", w["meeting"].pk),
        ("reports", w["report"].pk),
        ("district-requests", w["request"].pk),
        ("district-reports", w["district_report"].pk),
        ("questions", w["question"].pk),
        ("coordination", w["coordination"].pk),
    ]:
        assert api.get(f"/api/v1/work/{path}/{pk}/").status_code == 404, path
        ids = [r["id"] for r in api.get(f"/api/v1/work/{path}/").json()["results"]]
        assert pk not in ids, path
    assert api.get("/api/v1/work/report-types/").json()["results"] == []
    # a unit of the other agency cannot be named in the API
    response = api.post(
        "/api/v1/work/tasks/", {"source_kind": "director", "title": "x", "lead_unit": dept.division.code}, format="json"
    )
    assert response.status_code == 400 and "lead_unit" in response.json()["errors"]


def test_district_officer_sees_only_their_district_of_their_agency(dept, other_agency, both, client):
    # the other agency's district has the same code as the first agency's district A
    assert other_agency.district.code == dept.district_a.code
    assert list(selectors.district_requests_visible_to(other_agency.officer)) == []
    assert list(selectors.district_reports_visible_to(other_agency.officer)) == []
    assert client.login(username="x_vhtt", password=PASSWORD)
    assert client.get(reverse("work:district_report", args=[both["district_report"].pk])).status_code == 404
    assert client.get(reverse("work:district_request", args=[both["request"].pk])).status_code == 404
    assert list(selectors.district_reports_visible_to(dept.officer_a)) == [both["district_report"]]


def test_province_figures_sum_only_the_agencys_districts(dept, other_agency, both):
    request = both["request"]
    services.district_report_save(both["district_report"], actor=dept.officer_a, raw={"dai": "12"}, submit=True)
    # a stray report of another agency's district attached to this request is not a figure of this province
    DistrictReport.objects.create(
        request=request, district=other_agency.district, status="submitted", values={"dai": 1000}
    )
    board = selectors.district_board(request)
    assert board["totals_by_code"] == {"dai": 12} and board["count"] == 2
    assert [r["district"] for r in board["rows"]] == [dept.district_a, dept.district_b]


def test_briefing_indicators_and_report_types_per_agency(dept, other_agency, both):
    first, last = D(2026, 10, 1), D(2026, 10, 31)
    a, b = dept.agency, other_agency.agency
    assert indicators.value("work.tasks_completed", first, last, agency=a) == 1
    assert indicators.value("work.tasks_completed", first, last, agency=b) == 1
    pack = selectors.briefing_pack("2026-10", agency=b, on=D(2026, 11, 30))
    assert {r["code"] for r in pack["units"]} == {"X-BGD", "X-VP"} and pack["totals"]["completed"] == 1
    assert pack["meetings"] == []
    # the same report type code lives in both agencies; each sees its own
    services.report_type_save(
        agency=b, code="thang", name="Báo cáo tháng của sở B", recipient="ppc", periodicity="monthly"
    )
    assert ReportType.objects.filter(code="thang").count() == 2
    assert [t.name for t in selectors.report_types(other_agency.staff_user)] == ["Báo cáo tháng của sở B"]
    assert both["report"].values == {"work.tasks_completed": 1}
    assert Task.objects.count() == 2


def test_documents_take_letterhead_and_recipients_from_the_agency(dept, both):
    dept.agency.parent_body = "Ủy ban nhân dân tỉnh Thử Nghiệm"
    dept.agency.letterhead_parent = "UBND TỈNH THỬ NGHIỆM"
    dept.agency.letterhead_issuer = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
    dept.agency.place = "Thử Nghiệm"
    dept.agency.council_name = "Hội đồng nhân dân tỉnh Thử Nghiệm"
    dept.agency.ministry_name = "Bộ Thông tin và Truyền thông"
    dept.agency.save()
    report = Report.objects.select_related("agency", "report_type").get(pk=both["report"].pk)
    doc = exports.report_document(report)
    assert (doc.issuer_parent, doc.place) == ("UBND TỈNH THỬ NGHIỆM", "Thử Nghiệm")
    assert doc.recipients[0] == "Ủy ban nhân dân tỉnh Thử Nghiệm"
    assert doc.recipients[-1] == "Lưu: VT, VP"  # the Office's code, from the data
    pack = selectors.briefing_pack("2026-10", agency=report.agency, on=D(2026, 11, 30))
    assert exports.briefing_document(pack).issuer_parent == "UBND TỈNH THỬ NGHIỆM"
    assert docs.to_docx(doc)[:2] == b"PK"
    assert isinstance(io.BytesIO(exports.district_xlsx(both["request"])).getvalue(), bytes)


def test_cli_works_on_one_agency(dept, other_agency, both, tmp_path):
    import json

    from django.core.management import call_command
    from django.core.management.base import CommandError

    out = tmp_path / "b.json"
    call_command("work", "--agency", other_agency.agency.code, "briefing", "--month", "2026-10", "--output", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {u["code"] for u in data["units"]} == {"X-BGD", "X-VP"}
    with pytest.raises(CommandError) as err:
        call_command("work", "--agency", other_agency.agency.code, "districts", "--request", str(both["request"].pk))
    assert err.value.returncode == 2  # the other agency's request does not exist for this agency
    with pytest.raises(CommandError) as err:
        call_command("work", "--agency", "KHONG-CO", "report", "--list")
    assert err.value.returncode == 2
