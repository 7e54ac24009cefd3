"""The digital app's writes and reads through its services and selectors."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from stttt.core.models import OutboundMessage
from stttt.digital import exports, reminders, selectors, services
from stttt.digital.models import ITEnterprise, Submission

pytestmark = pytest.mark.django_db


def test_it_enterprises_contract_for_sector_supervision(digital, other):
    services.enterprise_save(
        actor=digital.d.head,
        agency=digital.agency,
        name="Công ty A",
        tax_code="0101",
        address="Số 1",
        field_of_activity="software",
    )
    services.enterprise_save(
        actor=other.d.head, agency=other.agency, name="Công ty B", tax_code="0101", field_of_activity="hardware"
    )
    rows = list(selectors.it_enterprises(digital.agency))
    assert [r.name for r in rows] == ["Công ty A"]
    row = rows[0]
    assert (row.tax_code, row.address, row.field_of_activity, row.status) == ("0101", "Số 1", "software", "active")
    assert row.get_absolute_url().startswith("/")
    with pytest.raises(ValidationError):
        services.enterprise_save(
            actor=digital.d.head, agency=digital.agency, name="Trùng", tax_code="0101", field_of_activity="software"
        )
    with pytest.raises(PermissionDenied):
        services.enterprise_save(
            actor=other.d.head, agency=digital.agency, name="X", tax_code="9", field_of_activity="software"
        )


def test_collection_gives_each_entity_a_submission_for_its_indicators(digital):
    names = {s.entity.name for s in digital.collection.submissions.all()}
    assert names == {"UBND Thành phố Một", "UBND Huyện Hai", "Sở Nội vụ"}
    defs = selectors.indicator_defs(digital.collection, "provincial_agency")
    assert [i.code for i in defs] == ["dvc"]


def test_a_district_officer_drafts_then_submits_and_is_locked(digital):
    sub = digital.submission(digital.district_entity)
    officer = digital.d.district_officer_a
    with pytest.raises(ValidationError) as bad:
        services.submission_save(sub, actor=officer, raw={"dvc__num": "9", "dvc__den": "5"})
    assert "dvc__num" in bad.value.message_dict
    sub.refresh_from_db()
    assert sub.status == "not_started"
    services.submission_save(sub, actor=officer, raw={"dvc__num": "3"})
    sub.refresh_from_db()
    assert sub.status == "draft"
    with pytest.raises(ValidationError):
        services.submission_save(sub, actor=officer, raw={"dvc__num": "3"}, submit=True)
    services.submission_save(sub, actor=officer, raw={"dvc__num": "3", "dvc__den": "4", "to-cns": "25"}, submit=True)
    sub.refresh_from_db()
    assert sub.status == "submitted" and sub.values == {"dvc__num": 3, "dvc__den": 4, "to-cns": 25.0}
    with pytest.raises(ValidationError):
        services.submission_save(sub, actor=officer, raw={"dvc__num": "1", "dvc__den": "4", "to-cns": "1"})


def test_only_the_districts_own_officer_or_staff_for_an_agency_may_fill(digital):
    with pytest.raises(PermissionDenied):
        services.submission_save(
            digital.submission(digital.district_entity), actor=digital.d.district_officer_b, raw={}
        )
    with pytest.raises(PermissionDenied):  # staff do not fill a district's figures for it
        services.submission_save(digital.submission(digital.district_entity), actor=digital.d.officer, raw={})
    services.submission_save(
        digital.submission(digital.department_entity),
        actor=digital.d.officer,
        raw={"dvc__num": "10", "dvc__den": "20"},
        submit=True,
    )


def test_return_reopens_and_mails_the_reason(digital):
    sub = digital.submission(digital.department_entity)
    services.submission_save(sub, actor=digital.d.officer, raw={"dvc__num": "1", "dvc__den": "2"}, submit=True)
    with pytest.raises(ValidationError):
        services.submission_return(sub, actor=digital.d.head, reason=" ")
    services.submission_return(sub, actor=digital.d.head, reason="Mẫu số sai.")
    sub.refresh_from_db()
    assert sub.status == "returned"
    assert OutboundMessage.objects.filter(recipient="snv@example.vn", topic="digital.submission_returned").exists()
    services.submission_save(sub, actor=digital.d.officer, raw={"dvc__num": "1", "dvc__den": "3"}, submit=True)
    with pytest.raises(PermissionDenied):
        services.submission_return(sub, actor=digital.d.district_officer_a, reason="x")


def test_board_province_values_late_list_and_reminders(digital):
    a = digital.submission(digital.district_entity)
    b = digital.submission(digital.other_district_entity)
    services.submission_save(
        a, actor=digital.d.district_officer_a, raw={"dvc__num": "1", "dvc__den": "1", "to-cns": "10"}, submit=True
    )
    services.submission_save(
        b, actor=digital.d.district_officer_b, raw={"dvc__num": "0", "dvc__den": "3", "to-cns": "5"}, submit=True
    )
    board = selectors.collection_board(digital.collection)
    values = {v["indicator"].code: v["value"] for v in board["values"]}
    assert values == {"dvc": 25.0, "to-cns": 15.0}
    assert board["submitted"] == 2 and board["late_count"] == 0
    later = selectors.collection_board(digital.collection, on=digital.collection.deadline + dt.timedelta(days=1))
    assert [r["entity"].name for r in later["late"]] == ["Sở Nội vụ"]
    assert services.collection_remind(digital.collection, actor=digital.d.head) == 1
    assert Submission.objects.get(entity=digital.department_entity).reminders == 1
    day = digital.collection.deadline
    assert reminders.submission_reminders_send(day) == 1
    assert reminders.submission_reminders_send(day) == 0  # once a day


def test_dti_for_the_year_compared_with_the_previous_and_published(digital):
    sub = digital.submission(digital.district_entity)
    services.submission_save(
        sub, actor=digital.d.district_officer_a, raw={"dvc__num": "2", "dvc__den": "5", "to-cns": "50"}, submit=True
    )
    services.published_score_set(
        actor=digital.d.head,
        agency=digital.agency,
        year=2026,
        index="total",
        value=Decimal("0.4"),
        rank=20,
        of_provinces=63,
    )
    with pytest.raises(ValidationError):
        services.published_score_set(
            actor=digital.d.head,
            agency=digital.agency,
            year=2026,
            index="total",
            value=Decimal("0.4"),
            rank=64,
            of_provinces=63,
        )
    comparison = selectors.dti_comparison(digital.agency, 2026)
    result = comparison["current"]["result"]
    assert result.points["government"] == 20.0  # 40% of an 80% benchmark: half of 40 points
    assert result.points["society"] == 20.0
    total = next(r for r in comparison["rows"] if r["key"] == "total")
    assert total["computed"] == 0.04 and total["previous"] == 0.0 and total["published"] == 0.4
    assert total["rank"] == 20


def test_sharing_request_due_and_decisions(digital, other):
    dataset = services.dataset_save(
        actor=digital.d.head,
        agency=digital.agency,
        code="gp",
        name="Giấy phép",
        owner="Sở",
        frequency="daily",
        access_level="shared",
    )
    with pytest.raises(ValidationError):
        services.dataset_save(
            actor=digital.d.head,
            agency=digital.agency,
            code="hk",
            name="Hộ khẩu",
            owner="CA",
            frequency="daily",
            access_level="open",
            personal_data=True,
        )
    req = services.sharing_request_create(
        actor=digital.d.officer,
        dataset=dataset,
        requester="Sở Công Thương",
        purpose="Quản lý",
        received_on=dt.date(2026, 3, 2),
    )
    assert req.due_on > req.received_on
    with pytest.raises(ValidationError):
        services.sharing_decide(req, actor=digital.d.officer, action="agree")
    with pytest.raises(PermissionDenied):  # only the leadership refuses
        services.sharing_decide(req, actor=digital.d.officer, action="refuse", reasons="Dữ liệu mật")
    services.sharing_decide(req, actor=digital.d.officer, action="agree", terms="Qua LGSP", on=req.due_on)
    req.refresh_from_db()
    assert req.status == "agreed"
    assert selectors.sharing_report(digital.agency, 2026)["in_time"] == 1
    assert not selectors.sharing_visible_to(other.d.director).filter(pk=req.pk).exists()


def test_appraisal_group_due_consult_and_opinion(digital):
    with pytest.raises(ValidationError):
        services.appraisal_create(
            actor=digital.d.officer,
            title="Dự án",
            owner="Sở",
            funding="investment",
            stage="feasibility",
            total=Decimal("1000000000"),
            received_on=dt.date(2026, 3, 2),
        )
    item = services.appraisal_create(
        actor=digital.d.officer,
        title="Trung tâm dữ liệu",
        owner="Sở",
        funding="investment",
        stage="feasibility",
        total=Decimal("100000000000"),
        received_on=dt.date(2026, 3, 2),
    )
    assert item.group == "B" and item.due_on >= dt.date(2026, 4, 1)
    services.appraisal_consult(item, actor=digital.d.officer, body="Sở Tài chính")
    item.refresh_from_db()
    assert item.status == "consulting"
    with pytest.raises(PermissionDenied):
        services.appraisal_appraise(item, actor=digital.d.officer, opinion="Đạt", outcome="eligible")
    services.appraisal_appraise(
        item, actor=digital.d.head, opinion="Đạt yêu cầu.", outcome="eligible", approved_total=Decimal("24000000000")
    )
    item.refresh_from_db()
    assert item.status == "appraised" and item.outcome == "eligible"
    assert exports.appraisal_docx(item)[:2] == b"PK"


def test_signature_request_steps_and_expiry_reminder(digital):
    req = services.signature_request_create(
        actor=digital.d.officer,
        agency=digital.agency,
        kind="individual",
        body="Sở Nội vụ",
        holder="Trần Văn B",
        email="b@example.vn",
        received_on=dt.date(2026, 1, 5),
    )
    with pytest.raises(ValidationError):
        services.signature_step(req, actor=digital.d.officer, action="forward")
    services.signature_step(req, actor=digital.d.officer, action="forward", number="88/STTTT")
    req.refresh_from_db()
    expires = timezone.localdate() + dt.timedelta(days=28)
    services.signature_step(req, actor=digital.d.officer, action="issue", serial="AB12", expires_on=expires)
    req.refresh_from_db()
    assert req.status == "issued"
    assert [s.pk for s in selectors.expiring_certificates(digital.agency)] == [req.pk]
    assert reminders.certificate_reminders_send(expires - dt.timedelta(days=28)) == 1


def test_plan_task_for_a_unit_is_also_a_work_task(digital):
    d = digital.d
    programme = services.programme_create(actor=d.head, agency=d.agency, year=2026, title="Kế hoạch CĐS 2026")
    task = services.programme_task_add(
        programme, actor=d.director, title="Tổng hợp DTI", lead_unit=d.other, deadline=dt.date(2026, 12, 31)
    )
    assert task.work_task is not None and task.work_task.lead_unit == d.other
    plain = services.programme_task_add(programme, actor=d.head, title="Ký số", assignee="Sở Y tế")
    services.programme_task_close(plain, actor=d.officer, result="Xong")
    plain.refresh_from_db()
    assert plain.status == "done"
    with pytest.raises(ValidationError):
        services.programme_create(actor=d.head, agency=d.agency, year=2026, title="Trùng năm")


def test_enterprise_import_creates_updates_and_reports_bad_rows(digital):
    services.enterprise_save(
        actor=digital.d.head, agency=digital.agency, name="Cũ", tax_code="111", field_of_activity="software"
    )
    from stttt.core.spreadsheets import xlsx_file

    content = xlsx_file(
        [
            (
                "DN",
                [
                    ["Tên", "MST", "Địa chỉ", "Lĩnh vực", "SP", "NĐD", "ĐT", "Email", "Trạng thái"],
                    ["Mới", "111", "", "software", "", "", "", "", ""],
                    ["Khác", "222", "", "hardware", "", "", "", "", "active"],
                    ["Lỗi", "333", "", "không rõ", "", "", "", "", ""],
                ],
            )
        ]
    ).read()
    result = exports.enterprises_import(content, actor=digital.d.head, agency=digital.agency)
    assert (result["created"], result["updated"], len(result["errors"])) == (1, 1, 1)
    assert ITEnterprise.objects.get(agency=digital.agency, tax_code="111").name == "Mới"
