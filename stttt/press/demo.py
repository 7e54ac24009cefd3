"""Demo data of the press app, in both demo agencies: the province's local press outlets with a week of deposits
(one late, one missing, a bulletin published past its licence's term, a publication whose title differs from its
licence), readings (one reviewed, one finding a violation referred to the Inspectorate), articles flagged for the
press picture, representative offices and resident reporters, and press conference notices.

Idempotent: each row is looked up before it is written (`core.demo.ensure`, or an existence check before a
service call), and workflow steps are taken only from the state before them. Dates are relative to the day the
demo is loaded (the week before it). The outlets' release schedules and contacts are illustrative; the people and
the offices' staff are invented.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.utils import timezone

from stttt.core.demo import DemoLogin, ensure
from stttt.org.models import Agency
from stttt.press import services
from stttt.press.choices import ConferenceStatus, ItemKind, ItemStatus, OfficeStatus, OutletKind, Tone
from stttt.press.models import (
    DepositItem,
    FlaggedArticle,
    OfficeChange,
    Outlet,
    PressConference,
    PressDivision,
    RepresentativeOffice,
)

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
AGENCIES = {
    "STTTT-BP": {"unit": "TTBCXB", "head": "truongphong_ttbcxb", "officer": "chuyenvien_ttbcxb"},
    "STTTT-BD": {"unit": "BD-TTBCXB", "head": "bd.truongphong_ttbcxb", "officer": "bd.chuyenvien_ttbcxb"},
}
EVERY_WEEKDAY = [0, 1, 2, 3, 4, 5]


def _user(username: str) -> Any:
    return get_user_model().objects.filter(username=username).first()


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=LOCAL)


def _licence(agency: Agency, kind: str, holder: str) -> Any:
    from stttt.licensing.models import Licence

    return Licence.objects.filter(agency=agency, kind=kind, holder_name=holder).order_by("-issued_on").first()


def _outlet(agency: Agency, name: str, kind: str, **values: Any) -> Outlet:
    return cast(Outlet, ensure(Outlet, {"agency": agency, "name": name}, {"kind": kind, **values}))


def _receive(
    officer: Any, outlet: Outlet, kind: str, title: str, number: str, day: dt.date, at: dt.datetime, **extra: Any
) -> DepositItem:
    found = DepositItem.objects.filter(outlet=outlet, kind=kind, issue_number=number, release_date=day).first()
    if found is not None:
        return found
    return services.item_receive(
        actor=officer,
        outlet=outlet,
        kind=kind,
        title=title,
        issue_number=number,
        release_date=day,
        received_at=at,
        **extra,
    )


def _read(item: DepositItem, head: Any, reader: Any, form: dict[str, Any], review: str) -> None:
    """Take the reading of `item` as far as `review` ("", "submit", "approve" or "refer"), from where it is."""
    if item.status == ItemStatus.RECEIVED:
        item = services.item_assign(item, actor=head, reader=reader, on=item.release_date)
    if review and item.status == ItemStatus.ASSIGNED:
        item = services.reading_submit(item, actor=reader, data=form)
    if review in ("approve", "refer") and item.status == ItemStatus.SUBMITTED:
        services.reading_review(item, review, actor=head, note="Đồng ý với kết quả đọc.")


def _load_binh_phuoc(agency: Agency, head: Any, officer: Any, week: list[dt.date]) -> int:
    daily = _outlet(
        agency,
        "Báo Bình Phước",
        OutletKind.PRINT,
        governing_body="Tỉnh ủy Bình Phước",
        address="Số 10 đường Trần Hưng Đạo, phường Tân Phú, TP. Đồng Xoài",
        email="toasoan@baobinhphuoc.example.vn",
        field="Thời sự - chính trị",
        licence_number="465/GP-BTTTT",
        licence_issued_on=dt.date(2021, 8, 12),
        release_weekdays=EVERY_WEEKDAY,
        skips_days_off=True,
    )
    weekend = _outlet(
        agency,
        "Báo Bình Phước Cuối tuần",
        OutletKind.PRINT,
        governing_body="Tỉnh ủy Bình Phước",
        email="cuoituan@baobinhphuoc.example.vn",
        field="Văn hóa - xã hội",
        licence_number="465/GP-BTTTT",
        licence_issued_on=dt.date(2021, 8, 12),
        release_weekdays=[6],
    )
    _outlet(
        agency,
        "Báo Bình Phước điện tử",
        OutletKind.ELECTRONIC,
        governing_body="Tỉnh ủy Bình Phước",
        field="Thời sự - chính trị",
        licence_number="465/GP-BTTTT",
        licence_issued_on=dt.date(2021, 8, 12),
    )
    college = _outlet(
        agency,
        "Trường Cao đẳng Bình Phước",
        OutletKind.BULLETIN,
        field="Giáo dục",
        email="vanthu@cdbp.example.vn",
        licence=_licence(agency, "bulletin", "Trường Cao đẳng Bình Phước"),
    )
    business = _outlet(
        agency,
        "Hội Doanh nghiệp tỉnh Bình Phước",
        OutletKind.BULLETIN,
        field="Kinh tế",
        email="hoidoanhnghiep@example.vn",
        release_monthdays=[1],
        licence=_licence(agency, "bulletin", "Hội Doanh nghiệp tỉnh Bình Phước"),
    )
    farmers = _outlet(
        agency,
        "Hội Nông dân tỉnh Bình Phước",
        OutletKind.PUBLISHER,
        field="Nông nghiệp",
        email="hoinongdan@example.vn",
        licence=_licence(agency, "non_business_publication", "Hội Nông dân tỉnh Bình Phước"),
    )
    late_day = next((d for d in week if d.weekday() == 2), week[2])  # a Wednesday: late
    missing_day = next((d for d in week if d.weekday() == 3), week[3])  # a Thursday: never deposited
    items = []
    for day in week:
        if day.weekday() not in EVERY_WEEKDAY or day == missing_day:
            continue
        at = _at(day, 10, 15) if day == late_day else _at(day, 7, 20 + day.weekday() * 3)
        items.append(
            _receive(
                officer, daily, ItemKind.PRESS_PRINT, "Báo Bình Phước", f"{day:%j}", day, at, copies=2, print_run=6500
            )
        )
    sunday = next((d for d in week if d.weekday() == 6), None)
    if sunday is not None:
        _receive(
            officer,
            weekend,
            ItemKind.PRESS_PRINT,
            "Báo Bình Phước Cuối tuần",
            f"CT{sunday:%W}",
            sunday,
            _at(sunday, 6, 45),
            copies=2,
            print_run=4000,
        )
    if college.licence_id:  # its licence was issued two years ago for 12 months: published past its term
        _receive(
            officer,
            college,
            ItemKind.BULLETIN,
            "Bản tin Cao đẳng Bình Phước",
            "Số 4",
            week[1],
            _at(week[1], 7, 30),
            copies=2,
            print_run=300,
            licence=college.licence,
        )
    if business.licence_id:
        _receive(
            officer,
            business,
            ItemKind.BULLETIN,
            "Bản tin Doanh nghiệp Bình Phước",
            f"Số {week[0].month}",
            week[0],
            _at(week[0], 7, 5),
            copies=2,
            print_run=500,
            licence=business.licence,
        )
    if farmers.licence_id:  # the title printed differs from the licence's
        _receive(
            officer,
            farmers,
            ItemKind.PUBLICATION,
            "Sổ tay trồng tiêu hữu cơ",
            "",
            week[4],
            _at(week[0], 9, 0),
            distribution_date=week[4] + dt.timedelta(days=12),
            copies=2,
            print_run=2000,
            licence=farmers.licence,
        )
    reader = officer
    if len(items) >= 3:
        _read(
            items[0],
            head,
            reader,
            {
                "content_summary": "Số báo đưa tin kỳ họp HĐND tỉnh, chương trình nông thôn mới, an toàn giao thông.",
                "legal_conformity": "Phù hợp quy định của Luật Báo chí.",
                "licence_conformity": "Đúng tôn chỉ, mục đích ghi trong giấy phép.",
                "conclusion": "no_issue",
            },
            "approve",
        )
        _read(
            items[1],
            head,
            reader,
            {
                "content_summary": "Trang 6 đăng bài quảng cáo thực phẩm chức năng.",
                "legal_conformity": "Quảng cáo thực phẩm bảo vệ sức khỏe không ghi khuyến cáo bắt buộc.",
                "licence_conformity": "Phù hợp giấy phép.",
                "conclusion": "violation",
                "provision_violated": "Luật Quảng cáo 2012 Điều 8 khoản 5; Nghị định 38/2021/NĐ-CP Điều 34",
                "findings": 'Quảng cáo thực phẩm bảo vệ sức khỏe thiếu dòng khuyến cáo "Thực phẩm này không phải là '
                'thuốc, không có tác dụng thay thế thuốc chữa bệnh".',
            },
            "refer",
        )
        _read(items[2], head, reader, {}, "")
        for n, (title, topic, tone) in enumerate(
            [
                ("Bình Phước đẩy nhanh giải ngân vốn đầu tư công", "Kinh tế", Tone.POSITIVE),
                ("Người dân phản ánh tình trạng xe quá tải trên ĐT741", "Giao thông", Tone.NEGATIVE),
                ("Hạt điều Bình Phước vào mùa thu hoạch", "Nông nghiệp", Tone.NEUTRAL),
            ]
        ):
            item = items[n]
            if not FlaggedArticle.objects.filter(agency=agency, title=title).exists():
                services.article_flag(
                    actor=reader,
                    outlet=daily,
                    item=item,
                    title=title,
                    published_on=item.release_date,
                    topic=topic,
                    tone=tone,
                    url=f"https://baobinhphuoc.com.vn/news/demo-{n + 1}",
                )
    return len(items)


def _offices(agency: Agency, head: Any, officer: Any, today: dt.date, offices: list[tuple[str, str, str]]) -> None:
    for n, (press_agency, head_name, kind) in enumerate(offices):
        office = cast(
            RepresentativeOffice,
            ensure(
                RepresentativeOffice,
                {"agency": agency, "press_agency": press_agency},
                {
                    "kind": kind,
                    "head_name": head_name,
                    "press_card": f"0{n + 1}234/BTTTT",
                    "governing_body": "Bộ Thông tin và Truyền thông" if n % 2 else "",
                    "approval": "Văn bản chấp thuận của cơ quan chủ quản báo chí",
                    "notified_on": today - dt.timedelta(days=400 + 30 * n),
                    "starts_on": today - dt.timedelta(days=380 + 30 * n - (10 if n == 1 else 0)),
                },
            ),
        )
        if office.status == OfficeStatus.NOTIFIED and n == 0:
            services.office_act(
                office,
                "activate",
                actor=head,
                opinion="Đủ điều kiện hoạt động theo Điều 22 khoản 1 Luật Báo chí.",
                on=office.starts_on,
            )
        if n == 0 and not OfficeChange.objects.filter(office=office, kind="address").exists():
            services.office_change_record(
                office,
                actor=officer,
                kind="address",
                effective_on=today - dt.timedelta(days=60),
                notified_on=today - dt.timedelta(days=63),
                description="Chuyển trụ sở văn phòng đại diện.",
            )


def _conferences(
    agency: Agency, head: Any, officer: Any, now: dt.datetime, rows: list[tuple[str, int, int, str]]
) -> None:
    for organiser, days, notice_hours, plan in rows:
        starts = (now + dt.timedelta(days=days)).replace(hour=9, minute=0, second=0, microsecond=0)
        conference = PressConference.objects.filter(agency=agency, organiser=organiser).first()
        if conference is None:
            conference = services.conference_notify(
                actor=officer,
                organiser=organiser,
                organiser_email="",
                notified_at=starts - dt.timedelta(hours=notice_hours),
                starts_at=starts,
                venue="Hội trường " + organiser,
                content=f"Thông tin về hoạt động của {organiser}.",
                chair="Giám đốc " + organiser,
                report_required=plan == "held",
            )
        if plan in ("accepted", "held") and conference.status == ConferenceStatus.NOTIFIED:
            conference = services.conference_act(
                conference, "accept", actor=head, answer="Đồng ý tổ chức họp báo theo nội dung đã thông báo."
            )
        if plan == "held" and conference.status == ConferenceStatus.ACCEPTED:
            services.conference_act(
                conference,
                "record",
                actor=officer,
                report="Công bố kết quả 6 tháng; trả lời 5 câu hỏi của phóng viên, không phát sinh vấn đề.",
            )


def load(stdout) -> list[DemoLogin]:
    today = timezone.localdate()
    now = timezone.now()
    week = [today - dt.timedelta(days=n) for n in range(7, 0, -1)]
    for code, people in AGENCIES.items():
        agency = Agency.objects.filter(code=code).first()
        head, officer = _user(people["head"]), _user(people["officer"])
        if agency is None or head is None or officer is None:
            stdout.write(f"press: no demo agency or staff {code}, skipped\n")
            continue
        ensure(PressDivision, {"agency": agency}, {"unit_code": people["unit"]})
        if code == "STTTT-BP":
            count = _load_binh_phuoc(agency, head, officer, week)
            _offices(
                agency,
                head,
                officer,
                today,
                [
                    ("Báo Người Lao Động", "Trần Minh Khoa", "office"),
                    ("Báo Nhân Dân", "Lê Thị Thu Hà", "reporter"),
                ],
            )
            _conferences(
                agency,
                head,
                officer,
                now,
                [
                    ("Công ty Cổ phần Cao su Đồng Phú", -5, 48, "held"),
                    ("Hội Doanh nghiệp tỉnh Bình Phước", 2, 72, "notified"),
                    ("Công ty TNHH Điều Phước An", 0, 10, "notified"),
                ],
            )
        else:
            daily = _outlet(
                agency,
                "Báo Bình Dương",
                OutletKind.PRINT,
                governing_body="Tỉnh ủy Bình Dương",
                email="toasoan@baobinhduong.example.vn",
                field="Thời sự - chính trị",
                licence_number="321/GP-BTTTT",
                licence_issued_on=dt.date(2020, 5, 4),
                release_weekdays=[0, 1, 2, 3, 4, 5, 6],
            )
            science = _outlet(
                agency,
                "Sở Khoa học và Công nghệ tỉnh Bình Dương",
                OutletKind.BULLETIN,
                field="Khoa học - công nghệ",
                email="vanthu.skhcn@example.vn",
            )
            count = 0
            for day in week[-3:]:
                _receive(
                    officer,
                    daily,
                    ItemKind.PRESS_PRINT,
                    "Báo Bình Dương",
                    f"{day:%j}",
                    day,
                    _at(day, 7, 10),
                    copies=2,
                    print_run=12000,
                )
                count += 1
            _receive(
                officer,
                science,
                ItemKind.BULLETIN,
                "Bản tin Khoa học và Công nghệ Bình Dương",
                "Số 11",
                week[-2],
                _at(week[-2], 7, 40),
                copies=2,
            )
            _offices(agency, head, officer, today, [("Báo Thanh Niên", "Phạm Quốc Bảo", "office")])
            _conferences(agency, head, officer, now, [("Tổng Công ty Becamex IDC", 3, 30, "accepted")])
        stdout.write(f"press {code}: {count} press issues of the last week deposited\n")
    return []
