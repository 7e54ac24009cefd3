"""Intake, reading, referral to the Inspectorate, reminders, offices and press conferences, through the services."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from stttt.core.models import OutboundMessage
from stttt.press import selectors, services
from stttt.press.choices import ConferenceStatus, Flag, ItemKind, ItemStatus, OfficeStatus, Timeliness
from stttt.press.models import DepositItem, Reminder
from stttt.press.rules import LOCAL

pytestmark = pytest.mark.django_db
TUESDAY = dt.date(2026, 3, 10)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=LOCAL)


def receive(dept, day=TUESDAY, hour=7, **kwargs) -> DepositItem:
    values = {
        "outlet": dept.newspaper,
        "kind": ItemKind.PRESS_PRINT,
        "title": "Báo Thử Nghiệm",
        "issue_number": str(day.toordinal()),
        "release_date": day,
        "received_at": at(day, hour),
        "copies": 2,
    }
    values.update(kwargs)
    return services.item_receive(actor=dept.officer, **values)


def test_intake_records_timeliness_and_flags(dept):
    on_time = receive(dept)
    assert on_time.timeliness == Timeliness.ON_TIME and on_time.flags == [] and on_time.deadline == at(TUESDAY, 8)
    late = receive(dept, TUESDAY + dt.timedelta(days=1), hour=9)
    assert late.timeliness == Timeliness.LATE
    by_post = receive(
        dept, TUESDAY + dt.timedelta(days=2), hour=15, postmarked_at=at(TUESDAY + dt.timedelta(days=2), 6)
    )
    assert by_post.timeliness == Timeliness.ON_TIME


def test_a_bulletin_past_its_licence_or_with_another_title_is_flagged(dept):
    past = receive(dept, dt.date(2026, 6, 1), outlet=dept.bulletin, kind=ItemKind.BULLETIN, title="Bản tin Nông nghiệp")
    assert past.licence == dept.licence and past.flags == [Flag.PAST_TERM]
    renamed = receive(
        dept, dt.date(2026, 3, 2), outlet=dept.bulletin, kind=ItemKind.BULLETIN, title="Bản tin Công nghiệp", copies=1
    )
    assert renamed.flags == [Flag.TITLE_DIFFERS, Flag.FEW_COPIES]


def test_intake_refuses_a_wrong_kind_a_future_time_and_outsiders(dept, other):
    with pytest.raises(ValidationError):
        receive(dept, kind=ItemKind.BULLETIN)
    with pytest.raises(ValidationError):
        receive(dept, received_at=timezone.now() + dt.timedelta(hours=2))
    with pytest.raises(PermissionDenied):
        services.item_receive(
            actor=dept.outsider, outlet=dept.newspaper, kind=ItemKind.PRESS_PRINT, title="x", release_date=TUESDAY
        )
    with pytest.raises(PermissionDenied):
        services.item_receive(
            actor=other.officer, outlet=dept.newspaper, kind=ItemKind.PRESS_PRINT, title="x", release_date=TUESDAY
        )
    assert not DepositItem.objects.exists()


VIOLATION = {
    "content_summary": "Trang 6 quảng cáo thực phẩm chức năng.",
    "conclusion": "violation",
    "provision_violated": "Nghị định 38/2021/NĐ-CP Điều 34",
    "findings": "Thiếu dòng khuyến cáo bắt buộc.",
}


def test_reading_a_violation_opens_a_referral_for_the_inspectorate(dept):
    from stttt.inspection.selectors import referrals_for

    item = receive(dept)
    with pytest.raises(PermissionDenied):
        services.item_assign(item, actor=dept.officer, reader=dept.officer2)
    with pytest.raises(ValidationError):
        services.item_assign(item, actor=dept.head, reader=dept.outsider)
    item = services.item_assign(item, actor=dept.head, reader=dept.officer2, on=TUESDAY)
    assert item.status == ItemStatus.ASSIGNED and item.reading_due_on == dt.date(2026, 3, 13)
    with pytest.raises(PermissionDenied):
        services.reading_submit(item, actor=dept.officer, data=VIOLATION)
    with pytest.raises(ValidationError):
        services.reading_submit(item, actor=dept.officer2, data={**VIOLATION, "provision_violated": ""})
    item = services.reading_submit(item, actor=dept.officer2, data=VIOLATION)
    with pytest.raises(ValidationError):  # a violation is referred, not approved
        services.reading_review(item, "approve", actor=dept.head)
    item = services.reading_review(item, "refer", actor=dept.head)
    assert item.status == ItemStatus.REFERRED
    [referral] = referrals_for(item)
    assert referral.agency_id == dept.agency.pk and "Nghị định 38/2021" in referral.provision
    assert referral.source_url == item.get_absolute_url()


def test_a_failed_referral_rolls_the_review_back(dept, monkeypatch):
    import stttt.inspection.services as inspection

    item = services.item_assign(receive(dept), actor=dept.head, reader=dept.officer2)
    item = services.reading_submit(item, actor=dept.officer2, data=VIOLATION)

    def fail(**kwargs):
        raise ValidationError("the Inspectorate refuses")

    monkeypatch.setattr(inspection, "open_referral", fail)
    with pytest.raises(ValidationError):
        services.reading_review(item, "refer", actor=dept.head)
    item.refresh_from_db()
    assert item.status == ItemStatus.SUBMITTED and item.reading.reviewed_by is None


def test_return_and_approve(dept):
    item = services.item_assign(receive(dept), actor=dept.head, reader=dept.officer)
    item = services.reading_submit(
        item, actor=dept.officer, data={"content_summary": "Tin thời sự.", "conclusion": "no_issue"}
    )
    with pytest.raises(ValidationError):
        services.reading_review(item, "return", actor=dept.head, note="")
    item = services.reading_review(item, "return", actor=dept.head, note="Ghi rõ các trang đã đọc.")
    assert item.status == ItemStatus.RETURNED
    item = services.reading_submit(
        item, actor=dept.officer, data={"content_summary": "Trang 1-8.", "conclusion": "no_issue"}
    )
    assert services.reading_review(item, "approve", actor=dept.head).status == ItemStatus.REVIEWED


def test_the_daily_list_and_reminders(dept):
    receive(dept, TUESDAY, hour=9)
    wednesday = TUESDAY + dt.timedelta(days=1)
    rows = selectors.due_list(dept.agency, wednesday, now=at(wednesday, 7))
    assert [(r["outlet"], r["state"]) for r in rows] == [(dept.newspaper, "awaited")]
    rows = selectors.due_list(dept.agency, wednesday, now=at(wednesday, 8, 1))
    assert rows[0]["state"] == "missing"
    assert selectors.due_list(dept.agency, TUESDAY)[0]["state"] == Timeliness.LATE
    assert services.reminders_send(dept.agency, wednesday, now=at(wednesday, 9)) == 1
    assert services.reminders_send(dept.agency, wednesday, now=at(wednesday, 10)) == 0  # once
    assert Reminder.objects.count() == 1
    assert OutboundMessage.objects.filter(recipient="toasoan@example.vn", topic="press.deposit_reminder").count() == 1
    assert selectors.due_list(dept.agency, wednesday)[0]["reminded"]


def test_no_issue_is_expected_on_a_public_holiday_of_an_outlet_that_skips_them(dept):
    reunification = dt.date(2026, 4, 30)  # a Thursday, public holiday
    assert selectors.due_list(dept.agency, reunification) == []
    dept.newspaper.skips_days_off = False
    dept.newspaper.save()
    assert len(selectors.due_list(dept.agency, reunification)) == 1


def test_statistics_and_picture(dept):
    receive(dept, TUESDAY)
    receive(dept, TUESDAY + dt.timedelta(days=1), hour=9)
    picture = selectors.picture(dept.agency, dt.date(2026, 3, 9), dt.date(2026, 3, 15))
    assert (picture["deposited"], picture["on_time"], picture["late"]) == (2, 1, 1)
    assert picture["missing"] == 4  # Monday, Thursday, Friday, Saturday
    march = [r for r in selectors.statistics(dept.agency, 2026) if r["month"] == "03/2026"]
    assert march[0]["deposited"] == 2 and march[0]["late"] == 1


def test_offices_and_their_changes(dept):
    office = services.office_save(
        actor=dept.officer,
        data={
            "kind": "office",
            "press_agency": "Báo Trung Ương",
            "head_name": "Nguyễn Văn A",
            "notified_on": dt.date(2026, 1, 1),
            "starts_on": dt.date(2026, 1, 10),
        },
    )
    with pytest.raises(PermissionDenied):
        services.office_act(office, "activate", actor=dept.officer, opinion="Đủ điều kiện.")
    office = services.office_act(office, "activate", actor=dept.head, opinion="Đủ điều kiện.")
    assert office.status == OfficeStatus.ACTIVE
    services.office_change_record(
        office,
        actor=dept.officer,
        kind="address",
        effective_on=dt.date(2026, 3, 1),
        notified_on=dt.date(2026, 2, 27),
        description="Chuyển trụ sở.",
    )
    office = services.office_act(office, "ask_stop", actor=dept.deputy, opinion="Trưởng văn phòng không có thẻ.")
    assert office.status == OfficeStatus.STOP_REQUESTED and office.changes.count() == 3


def test_press_conferences(dept):
    starts = at(dt.date(2026, 3, 12), 9)
    late = services.conference_notify(
        actor=dept.officer,
        organiser="Công ty A",
        notified_at=starts - dt.timedelta(hours=20),
        starts_at=starts,
        venue="Hội trường",
        content="Ra mắt sản phẩm",
        chair="Giám đốc",
        organiser_email="a@example.vn",
        report_required=True,
    )
    assert not late.notice_in_time
    with pytest.raises(ValidationError):
        services.conference_notify(
            actor=dept.officer,
            organiser="Công ty B",
            notified_at=starts,
            starts_at=starts,
            venue="",
            content="x",
            chair="y",
        )
    late = services.conference_act(late, "accept", actor=dept.head, answer="Đồng ý.")
    assert OutboundMessage.objects.filter(recipient="a@example.vn").count() == 1
    with pytest.raises(ValidationError):
        services.conference_act(late, "record", actor=dept.officer, report="")
    late = services.conference_act(late, "record", actor=dept.officer, report="Giới thiệu sản phẩm mới.")
    assert late.status == ConferenceStatus.HELD
