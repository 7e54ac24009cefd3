"""Pages and API: each area answers, each user sees what their assignment lets them see."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from stttt.work import indicators, services
from stttt.work.choices import MeetingKind
from stttt.work.models import DistrictReport, Task
from stttt.work.tests.conftest import PASSWORD


@pytest.fixture
def world(dept, district_request):
    task = services.task_create(
        actor=dept.director,
        lead_unit=dept.division,
        title="Nhiệm vụ của phòng",
        source_number="2315/UBND-KGVX",
        source_date=dt.date(2026, 9, 22),
        deadline=dt.date(2026, 10, 15),
    )
    meeting = services.meeting_create(
        actor=dept.clerk, kind=MeetingKind.MONTHLY, month=dt.date(2026, 10, 1), held_on=dt.date(2026, 11, 3)
    )
    services.conclusion_add(meeting, actor=dept.director, text="Kết luận", unit=dept.division)
    report_type = services.report_type_save(
        agency=dept.agency,
        code="thang",
        name="Báo cáo tháng",
        recipient="ppc",
        periodicity="monthly",
        sections=["Kết quả"],
        indicator_codes=["work.tasks_completed"],
    )
    report = services.report_create(report_type, actor=dept.clerk, on=dt.date(2026, 11, 3))
    question = services.question_create(
        actor=dept.clerk,
        kind="question",
        asked_by="Đại biểu A",
        content="Hỏi",
        received_on=dt.date(2026, 11, 1),
        deadline=dt.date(2026, 11, 20),
        unit=dept.division,
    )
    coordination = services.coordination_create(
        actor=dept.clerk,
        direction="incoming",
        counterpart_kind="district_pc",
        counterpart="UBND huyện Bù Đăng",
        subject="Đề nghị phối hợp",
        unit=dept.division,
    )
    return {
        "task": task,
        "meeting": meeting,
        "report": report,
        "question": question,
        "coordination": coordination,
        "request": district_request,
    }


def login(client, username):
    assert client.login(username=username, password=PASSWORD)
    return client


def test_every_page_answers_for_the_director(world, client):
    login(client, "gd")
    w = world
    urls = [
        reverse("work:leadership"),
        reverse("work:unit", args=["TTBCXB"]),
        reverse("work:tasks"),
        reverse("work:task_create"),
        reverse("work:task", args=[w["task"].pk]),
        reverse("work:briefing") + "?month=2026-10",
        reverse("work:meeting", args=[w["meeting"].pk]),
        reverse("work:reports"),
        reverse("work:report", args=[w["report"].pk]),
        reverse("work:district_requests"),
        reverse("work:district_request_create"),
        reverse("work:district_request", args=[w["request"].pk]),
        reverse("work:district_report", args=[w["request"].reports.first().pk]),
        reverse("work:questions"),
        reverse("work:question", args=[w["question"].pk]),
        reverse("work:coordinations"),
        reverse("work:coordination", args=[w["coordination"].pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert client.get(reverse("work:index")).url == reverse("work:leadership")
    for url, mime in [
        (reverse("work:briefing_file", args=["2026-10", "docx"]), "wordprocessingml"),
        (reverse("work:programme_file", args=["2026-11", "pdf"]), "pdf"),
        (reverse("work:report_file", args=[w["report"].pk, "docx"]), "wordprocessingml"),
        (reverse("work:district_request_xlsx", args=[w["request"].pk]), "spreadsheetml"),
    ]:
        response = client.get(url)
        assert response.status_code == 200 and mime in response["Content-Type"], url
    assert client.get(reverse("work:briefing_file", args=["2026-13", "docx"])).status_code == 404


def test_a_report_upward_downloads_as_a_workbook_of_its_figures(world, client):
    """The receiving office totals the figures of several reports: the XLSX holds one row per indicator."""
    import io

    from openpyxl import load_workbook

    report = world["report"]
    report.values = {"tasks.done": 7, "tasks.overdue": 2}
    report.save()
    login(client, "gd")
    response = client.get(reverse("work:report_file", args=[report.pk, "xlsx"]))
    assert response.status_code == 200 and "spreadsheetml" in response["Content-Type"]
    rows = list(
        load_workbook(
            io.BytesIO(b"".join(response.streaming_content if response.streaming else [response.content]))
        ).active.values
    )
    assert rows[1][:2] == ("Báo cáo", report.report_type.name)
    assert [r[1:] for r in rows[6:]] == [
        ("tasks.done", indicators.label_of("tasks.done"), 7),
        ("tasks.overdue", indicators.label_of("tasks.overdue"), 2),
    ]
    assert client.get(reverse("work:report_file", args=[report.pk, "odt"])).status_code == 404


def test_task_pages_respect_the_division(world, client):
    task = world["task"]
    login(client, "cv1")
    assert client.get(reverse("work:index")).url == reverse("work:unit", args=["TTBCXB"])
    assert "Nhiệm vụ của phòng" in client.get(reverse("work:tasks")).content.decode()
    assert client.get(reverse("work:task", args=[task.pk])).status_code == 200
    client.logout()
    login(client, "cv3")
    assert "Nhiệm vụ của phòng" not in client.get(reverse("work:tasks")).content.decode()
    assert client.get(reverse("work:task", args=[task.pk])).status_code == 404
    assert client.post(reverse("work:task_progress", args=[task.pk]), {"note": "x", "progress": 1}).status_code == 404
    assert client.get(reverse("work:leadership")).status_code == 403


def test_progress_complete_and_conclusion_through_pages(world, client):
    task = world["task"]
    login(client, "cv1")
    client.post(
        reverse("work:task_progress", args=[task.pk]), {"note": "Đang làm", "progress": 40, "reason": "Chờ số liệu"}
    )
    client.post(reverse("work:task_complete", args=[task.pk]), {"report": "Đã xong"})
    task.refresh_from_db()
    assert task.status == "completed" and task.updates.count() == 1
    client.logout()
    login(client, "gd")
    conclusion = world["meeting"].conclusions.first()
    response = client.post(reverse("work:conclusion_to_task", args=[conclusion.pk]))
    conclusion.refresh_from_db()
    assert conclusion.task is not None and response.url == reverse("work:task", args=[conclusion.task.pk])


def test_district_officer_pages(world, client):
    login(client, "vhtt_a")
    assert client.get(reverse("work:index")).url == reverse("work:district_requests")
    page = client.get(reverse("work:district_requests")).content.decode()
    assert world["request"].title in page
    own = DistrictReport.objects.get(request=world["request"], district__code="dong-xoai")
    assert client.get(reverse("work:district_request", args=[world["request"].pk])).url == reverse(
        "work:district_report", args=[own.pk]
    )
    for name in ("work:tasks", "work:reports", "work:questions", "work:coordinations", "work:briefing"):
        assert client.get(reverse(name))["Location"] == "/", name  # sent to their own home
    assert client.get(reverse("work:district_request_xlsx", args=[world["request"].pk]))["Location"] == "/"


def test_create_pages(dept, client):
    login(client, "tp")
    response = client.post(
        reverse("work:task_create"), {"source_kind": "director", "title": "Việc mới", "lead_unit": dept.other.pk}
    )
    assert response.status_code == 200 and not Task.objects.exists()  # not their unit: refused, form kept
    assert "Việc mới" in response.content.decode()
    response = client.post(
        reverse("work:task_create"), {"source_kind": "director", "title": "Việc mới", "lead_unit": dept.division.pk}
    )
    assert response.status_code == 302 and Task.objects.get().created_by == dept.head
    client.logout()
    login(client, "cvvp")
    response = client.post(
        reverse("work:district_request_create"),
        {
            "title": "Số liệu",
            "period_start": "2026-10-01",
            "period_end": "2026-12-31",
            "deadline": "2027-01-10",
            "indicators": "dai | Số đài | integer | 0 | 200 | yes | đài\n"
            "ty-le | Tỷ lệ | decimal | 0 | 100 | no | % | average",
        },
    )
    assert response.status_code == 302
    from stttt.work.models import DistrictRequest

    request = DistrictRequest.objects.get(title="Số liệu")
    assert [(i.code, i.unit, i.aggregate) for i in request.indicators.all()] == [
        ("dai", "đài", "sum"),
        ("ty-le", "%", "average"),
    ]
    assert request.reports.count() == 2
    response = client.post(
        reverse("work:district_request_create"),
        {
            "title": "Sai",
            "period_start": "2026-10-01",
            "period_end": "2026-12-31",
            "deadline": "2027-01-10",
            "indicators": "không đọc được",
        },
    )
    assert response.status_code == 200 and not DistrictRequest.objects.filter(title="Sai").exists()


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_api_tasks_scoped_and_created(world, dept):
    task = world["task"]
    ids = [t["id"] for t in api(dept.officer).get("/api/v1/work/tasks/").json()["results"]]
    assert ids == [task.pk]
    assert api(dept.outsider).get("/api/v1/work/tasks/").json()["results"] == []
    assert api(dept.outsider).get(f"/api/v1/work/tasks/{task.pk}/").status_code == 404
    response = api(dept.head).post(
        "/api/v1/work/tasks/", {"source_kind": "head", "title": "API", "lead_unit": "BCVTCNTT"}, format="json"
    )
    assert response.status_code == 403 and set(response.json()) == {"code", "message", "errors"}
    response = api(dept.head).post(
        "/api/v1/work/tasks/",
        {"source_kind": "head", "title": "API", "lead_unit": "TTBCXB", "deadline": "2026-12-01"},
        format="json",
    )
    assert response.status_code == 201 and response.json()["state"] in ("on_track", "due_soon", "overdue")
    new = response.json()["id"]
    response = api(dept.officer).post(
        f"/api/v1/work/tasks/{new}/progress/", {"note": "ok", "progress": 20}, format="json"
    )
    assert response.status_code == 200 and response.json()["status"] == "in_progress"
    assert (
        api(dept.officer)
        .post(f"/api/v1/work/tasks/{new}/complete/", {"report": "xong"}, format="json")
        .json()["status"]
        == "completed"
    )
    response = api(dept.director).get("/api/v1/work/briefing/?month=2026-10")
    assert response.status_code == 200 and response.json()["month"] == "2026-10"
    assert api(dept.director).get("/api/v1/work/briefing/?month=10-2026").status_code == 400


def test_api_district_report_own_only_and_validation(world, dept):
    request = world["request"]
    own = DistrictReport.objects.get(request=request, district=dept.district_a)
    other = DistrictReport.objects.get(request=request, district=dept.district_b)
    client = api(dept.officer_a)
    assert [r["id"] for r in client.get("/api/v1/work/district-reports/").json()["results"]] == [own.pk]
    assert (
        client.post(
            f"/api/v1/work/district-reports/{other.pk}/save/",
            {"values": {"dai": "1", "loa": "1"}, "submit": True},
            format="json",
        ).status_code
        == 404
    )
    response = client.post(
        f"/api/v1/work/district-reports/{own.pk}/save/",
        {"values": {"dai": "abc", "loa": "1"}, "submit": True},
        format="json",
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    assert response.status_code == 400
    assert response.json()["errors"]["dai"] == ["“abc” không phải là số nguyên."]
    response = client.post(
        f"/api/v1/work/district-reports/{own.pk}/save/",
        {"values": {"dai": "10", "loa": "2"}, "submit": True},
        format="json",
    )
    assert response.status_code == 200 and response.json()["status"] == "submitted"
    board = api(dept.clerk).get(f"/api/v1/work/district-requests/{request.pk}/board/").json()
    assert board["totals"][:2] == [10, 2] and board["submitted"] == 1
    assert api(dept.officer_a).get(f"/api/v1/work/district-requests/{request.pk}/board/").status_code == 403
    assert api(dept.clerk).post(f"/api/v1/work/district-requests/{request.pk}/remind/").json() == {"reminded": 1}


def test_api_reports_questions_coordination(world, dept):
    report = world["report"]
    clerk = api(dept.clerk)
    assert clerk.post(f"/api/v1/work/reports/{report.pk}/act/", {"action": "submit"}, format="json").status_code == 200
    assert (
        api(dept.head).post(f"/api/v1/work/reports/{report.pk}/act/", {"action": "approve"}, format="json").status_code
        == 403
    )
    assert (
        api(dept.director)
        .post(f"/api/v1/work/reports/{report.pk}/act/", {"action": "approve"}, format="json")
        .json()["status"]
        == "approved"
    )
    q = world["question"]
    assert (
        clerk.post(f"/api/v1/work/questions/{q.pk}/assign/", {"unit": "BCVTCNTT"}, format="json").status_code == 403
    )  # not a leader of that unit
    response = api(dept.other_head).post(
        f"/api/v1/work/questions/{q.pk}/assign/", {"unit": "BCVTCNTT", "assignee": "cv3"}, format="json"
    )
    assert response.status_code == 200 and response.json()["unit"] == "BCVTCNTT"
    # the Office does not answer for another unit; the assignee in that unit does
    assert clerk.post(f"/api/v1/work/questions/{q.pk}/answer/", {"answer": "Trả lời"}, format="json").status_code == 403
    assert api(dept.outsider).get(f"/api/v1/work/questions/{q.pk}/").json()["actions"] == ["answer"]
    assert (
        api(dept.outsider)
        .post(f"/api/v1/work/questions/{q.pk}/answer/", {"answer": "Trả lời"}, format="json")
        .json()["status"]
        == "answered"
    )
    c = world["coordination"]
    assert (
        clerk.post(
            f"/api/v1/work/coordination/{c.pk}/act/", {"action": "escalate", "text": "Chưa thống nhất"}, format="json"
        ).status_code
        == 403
    )  # a coordination of another unit
    response = api(dept.head).post(
        f"/api/v1/work/coordination/{c.pk}/act/", {"action": "escalate", "text": "Chưa thống nhất"}, format="json"
    )
    assert response.json()["status"] == "escalated" and response.json()["escalation_note"] == "Chưa thống nhất"
    assert api(dept.officer_a).get("/api/v1/work/questions/").json()["results"] == []


def test_question_assigned_and_answered_through_the_page(world, dept, client):
    question = world["question"]
    login(client, "tp2")
    url = reverse("work:question", args=[question.pk])
    client.post(url, {"form": "assign", "unit": dept.other.pk, "assignee": dept.outsider.pk})
    question.refresh_from_db()
    assert question.unit == dept.other and question.assignee == dept.outsider
    response = client.post(url, {"answer": "  "})
    assert response.status_code == 200 and question.__class__.objects.get(pk=question.pk).status == "assigned"
    client.post(url, {"answer": "Đã trả lời bằng văn bản", "number": "12/STTTT"})
    question.refresh_from_db()
    assert question.status == "answered" and question.answer_number == "12/STTTT"


def test_cancel_offered_only_to_whoever_may_assign(world, dept, client):
    task = world["task"]
    url = reverse("work:task", args=[task.pk])
    login(client, "cv1")
    assert reverse("work:task_cancel", args=[task.pk]) not in client.get(url).content.decode()
    client.post(reverse("work:task_cancel", args=[task.pk]), {"reason": "Không còn cần"})
    task.refresh_from_db()
    assert task.status == "new"
    client.logout()
    login(client, "tp")
    assert reverse("work:task_cancel", args=[task.pk]) in client.get(url).content.decode()
    client.post(reverse("work:task_cancel", args=[task.pk]), {"reason": "UBND tỉnh đã thu hồi văn bản"})
    task.refresh_from_db()
    assert task.status == "cancelled" and task.completion_report == "UBND tỉnh đã thu hồi văn bản"
    assert api(dept.head).get(f"/api/v1/work/tasks/{task.pk}/").json()["actions"] == []
    other = services.task_create(actor=dept.director, lead_unit=dept.division, title="Việc khác")
    assert (
        api(dept.officer).post(f"/api/v1/work/tasks/{other.pk}/cancel/", {"reason": "x"}, format="json").status_code
        == 403
    )
    assert api(dept.officer).get(f"/api/v1/work/tasks/{other.pk}/").json()["actions"] == ["progress", "complete"]
    response = api(dept.head).post(f"/api/v1/work/tasks/{other.pk}/cancel/", {"reason": "Thu hồi"}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "cancelled"
