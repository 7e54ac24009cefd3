"""Reports from the districts (6.6): own district only, validation that keeps what was typed, locking,
return for correction, province totals equal to the sum of districts, XLSX export."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from stttt.work import exports, selectors, services
from stttt.work.models import DistrictReport
from stttt.work.tests.conftest import PASSWORD


def report_of(request, district):
    return DistrictReport.objects.get(request=request, district=district)


def test_every_district_gets_a_report(dept, district_request):
    assert district_request.reports.count() == 2


def test_officer_submits_only_their_district(dept, district_request):
    own, other = report_of(district_request, dept.district_a), report_of(district_request, dept.district_b)
    with pytest.raises(PermissionDenied):
        services.district_report_save(other, actor=dept.officer_a, raw={"dai": "1", "loa": "2"}, submit=True)
    with pytest.raises(PermissionDenied):  # a Department member does not file for a district either
        services.district_report_save(own, actor=dept.clerk, raw={"dai": "1", "loa": "2"}, submit=True)
    services.district_report_save(own, actor=dept.officer_a, raw={"dai": "12", "loa": "1.250"}, submit=True)
    own.refresh_from_db()
    assert own.status == "submitted" and own.values == {"dai": 12, "loa": 1250, "ty-le": None}
    other.refresh_from_db()
    assert other.status == "not_started"
    # visibility: each officer sees only their own district's report
    assert list(selectors.district_reports_visible_to(dept.officer_a)) == [own]
    assert set(selectors.district_reports_visible_to(dept.clerk)) == {own, other}
    assert not selectors.district_reports_visible_to(AnonymousUser()).exists()


def test_submitted_report_is_locked_until_returned(dept, district_request):
    own = report_of(district_request, dept.district_a)
    services.district_report_save(own, actor=dept.officer_a, raw={"dai": "12", "loa": "3"}, submit=True)
    with pytest.raises(ValidationError):
        services.district_report_save(own, actor=dept.officer_a, raw={"dai": "13", "loa": "3"})
    with pytest.raises(PermissionDenied):
        services.district_report_return(own, actor=dept.officer_a, reason="x")
    with pytest.raises(ValidationError):
        services.district_report_return(own, actor=dept.clerk, reason=" ")
    services.district_report_return(own, actor=dept.clerk, reason="Kiểm tra lại số cụm loa")
    services.district_report_save(own, actor=dept.officer_a, raw={"dai": "13", "loa": "3"}, submit=True)
    own.refresh_from_db()
    assert own.values["dai"] == 13 and own.status == "submitted"


def test_draft_keeps_blanks_submission_requires_them(dept, district_request):
    own = report_of(district_request, dept.district_a)
    services.district_report_save(own, actor=dept.officer_a, raw={"dai": "5", "loa": ""})
    own.refresh_from_db()
    assert own.status == "draft" and own.raw["dai"] == "5"
    with pytest.raises(ValidationError) as err:
        services.district_report_save(own, actor=dept.officer_a, raw={"dai": "5", "loa": ""}, submit=True)
    assert set(err.value.message_dict) == {"loa"}
    own.refresh_from_db()
    assert own.status == "draft"


def test_invalid_number_refused_in_vietnamese_and_typed_values_kept(dept, district_request, client):
    own = report_of(district_request, dept.district_a)
    client.login(username="vhtt_a", password=PASSWORD)
    url = reverse("work:district_report", args=[own.pk])
    response = client.post(
        url,
        {
            "value-dai": "12",
            "value-loa": "mười hai",
            "value-ty-le": "101",
            "note": "Ghi chú của huyện",
            "action": "submit",
        },
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "“mười hai” không phải là số nguyên." in html
    assert "Tỷ lệ phủ sóng không được lớn hơn 100." in html
    for typed in ('value="12"', 'value="mười hai"', 'value="101"', "Ghi chú của huyện"):
        assert typed in html
    own.refresh_from_db()
    assert own.status == "not_started" and own.raw == {}
    # another district's report does not exist for this user
    other = report_of(district_request, dept.district_b)
    assert client.get(reverse("work:district_report", args=[other.pk])).status_code == 404
    assert (
        client.post(
            reverse("work:district_report", args=[other.pk]), {"value-dai": "1", "value-loa": "1", "action": "submit"}
        ).status_code
        == 404
    )
    # a valid submission goes through
    response = client.post(url, {"value-dai": "12", "value-loa": "40", "value-ty-le": "95,5", "action": "submit"})
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.values == {"dai": 12, "loa": 40, "ty-le": 95.5}


def test_province_totals_equal_the_sum_of_districts(dept, district_request):
    a, b = report_of(district_request, dept.district_a), report_of(district_request, dept.district_b)
    services.district_report_save(a, actor=dept.officer_a, raw={"dai": "12", "loa": "40", "ty-le": "90,5"}, submit=True)
    board = selectors.district_board(district_request, on=dt.date(2026, 10, 20))
    assert board["totals_by_code"] == {"dai": 12, "loa": 40, "ty-le": 90.5}
    services.district_report_save(b, actor=dept.officer_b, raw={"dai": "7", "loa": "1 005"}, submit=True)
    board = selectors.district_board(district_request, on=dt.date(2026, 10, 20))
    rows = board["rows"]
    for index in range(3):
        assert board["totals"][index] == sum(r["values"][index] or 0 for r in rows)
    assert board["totals_by_code"] == {"dai": 19, "loa": 1045, "ty-le": 90.5}
    # B submitted after the deadline (15/10) counts as late; A too since both were submitted today
    assert board["submitted"] == 2
    # the XLSX carries the same table and totals
    sheet = load_workbook(io.BytesIO(exports.district_xlsx(district_request))).active
    rows_x = list(sheet.iter_rows(values_only=True))
    total_row = rows_x[-1]
    assert total_row[1] == "Toàn tỉnh" and list(total_row[5:8]) == [19, 1045, 90.5]
    assert [r[1] for r in rows_x[4:-1]] == ["Thành phố Đồng Xoài", "Huyện Bù Đăng"]


def test_late_and_reminders(dept, district_request, mailoutbox, django_capture_on_commit_callbacks):
    dept.officer_b.email = "vhtt.budang@example.gov.vn"
    dept.officer_b.save()
    a = report_of(district_request, dept.district_a)
    services.district_report_save(a, actor=dept.officer_a, raw={"dai": "1", "loa": "1"}, submit=True)
    board = selectors.district_board(district_request, on=dt.date(2026, 10, 16))
    late = {r["district"].code: r["late"] for r in board["rows"]}
    assert late["bu-dang"] is True  # not submitted, deadline passed
    # The list's and the dashboard's progress counts what the board counts, before and after the deadline.
    for on in (district_request.deadline, district_request.deadline + dt.timedelta(days=1), dt.date(2026, 10, 16)):
        full = selectors.district_board(district_request, on=on)
        progress = selectors.district_progress([district_request], on=on)[district_request.pk]
        assert [progress[k] for k in ("count", "submitted", "late")] == [
            full[k] for k in ("count", "submitted", "late")
        ]
    with django_capture_on_commit_callbacks(execute=True):
        assert services.district_remind(district_request, actor=dept.clerk) == 1
    # only the office that has not submitted is e-mailed, in Vietnamese
    assert [m.to for m in mailoutbox] == [["vhtt.budang@example.gov.vn"]]
    assert mailoutbox[0].subject.startswith("Nhắc nộp báo cáo")
    with pytest.raises(PermissionDenied):
        services.district_remind(district_request, actor=dept.officer_a)
    assert report_of(district_request, dept.district_b).reminders == 1


def test_request_needs_indicators(dept):
    with pytest.raises(ValidationError):
        services.district_request_create(
            actor=dept.clerk,
            title="x",
            period_start=dt.date(2026, 1, 1),
            period_end=dt.date(2026, 3, 31),
            deadline=dt.date(2026, 4, 10),
            indicators=[],
        )
    with pytest.raises(PermissionDenied):
        services.district_request_create(
            actor=dept.officer_a,
            title="x",
            period_start=dt.date(2026, 1, 1),
            period_end=dt.date(2026, 3, 31),
            deadline=dt.date(2026, 4, 10),
            indicators=[{"code": "a", "label": "A"}],
        )


def test_return_mails_the_reason_as_its_declared_effect(
    dept, district_request, mailoutbox, django_capture_on_commit_callbacks
):
    dept.officer_a.email = "vhtt.dongxoai@example.gov.vn"
    dept.officer_a.save()
    own = report_of(district_request, dept.district_a)
    services.district_report_save(own, actor=dept.officer_a, raw={"dai": "12", "loa": "3"}, submit=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.district_report_return(own, actor=dept.clerk, reason="Kiểm tra lại số cụm loa")
    assert [m.to for m in mailoutbox] == [["vhtt.dongxoai@example.gov.vn"]]
    assert "Kiểm tra lại số cụm loa" in mailoutbox[0].body
