"""Demo data of `work`: Bình Phước's district offices with their users, report types, tasks from PPC
letters across units, October 2026 with completed and overdue tasks, its briefing meeting, reports upward,
district report requests (some districts submitted, some late), Council questions and coordination.

Every record belongs to the demo organisation's agency (the agency of its Office); the districts are
`org.District` rows of that agency. Idempotent: every row has a natural key and is written only when
something differs, so a second run writes nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from stttt.accounts.models import User
from stttt.accounts.services import demo_user_ensure
from stttt.core.demo import DemoLogin
from stttt.org.choices import DistrictKind
from stttt.org.models import District
from stttt.work import selectors
from stttt.work.choices import (
    CoordinationStatus,
    CounterpartKind,
    Direction,
    DistrictReportStatus,
    MeetingKind,
    QuestionKind,
    QuestionStatus,
    ReportStatus,
    SourceKind,
    TaskStatus,
)
from stttt.work.models import (
    Attendance,
    Conclusion,
    Coordination,
    CouncilQuestion,
    DistrictReport,
    DistrictRequest,
    Meeting,
    Report,
    ReportType,
    RequestIndicator,
    Task,
    TaskUpdate,
)

D = dt.date

# Bình Phước's district-level units as of the regulation (2023): one city, three towns (Chơn Thành a
# town since 2022), seven districts.
DISTRICTS = [
    ("dong-xoai", "Thành phố Đồng Xoài", DistrictKind.CITY, "dongxoai"),
    ("binh-long", "Thị xã Bình Long", DistrictKind.TOWN, "binhlong"),
    ("phuoc-long", "Thị xã Phước Long", DistrictKind.TOWN, "phuoclong"),
    ("chon-thanh", "Thị xã Chơn Thành", DistrictKind.TOWN, "chonthanh"),
    ("bu-dang", "Huyện Bù Đăng", DistrictKind.DISTRICT, "budang"),
    ("bu-dop", "Huyện Bù Đốp", DistrictKind.DISTRICT, "budop"),
    ("bu-gia-map", "Huyện Bù Gia Mập", DistrictKind.DISTRICT, "bugiamap"),
    ("dong-phu", "Huyện Đồng Phú", DistrictKind.DISTRICT, "dongphu"),
    ("hon-quan", "Huyện Hớn Quản", DistrictKind.DISTRICT, "honquan"),
    ("loc-ninh", "Huyện Lộc Ninh", DistrictKind.DISTRICT, "locninh"),
    ("phu-rieng", "Huyện Phú Riềng", DistrictKind.DISTRICT, "phurieng"),
]

REPORT_TYPES = [
    (
        "ubnd-thang",
        "Báo cáo tình hình thực hiện nhiệm vụ tháng",
        "ppc",
        "monthly",
        5,
        "3.29",
        "chế độ báo cáo định kỳ của Ủy ban nhân dân tỉnh",
        [
            "Kết quả thực hiện nhiệm vụ trong tháng",
            "Tồn tại, hạn chế và nguyên nhân",
            "Nhiệm vụ trọng tâm tháng tới",
            "Kiến nghị, đề xuất",
        ],
        [
            "work.tasks_completed",
            "work.tasks_in_progress",
            "work.tasks_overdue",
            "procedures.received",
            "procedures.resolved_on_time",
            "procedures.resolved_late",
        ],
    ),
    (
        "bo-quy",
        "Báo cáo tình hình hoạt động ngành Thông tin và Truyền thông quý",
        "ministry",
        "quarterly",
        10,
        "6.1",
        "chế độ báo cáo thống kê của Bộ Thông tin và Truyền thông",
        ["Tình hình chung", "Kết quả theo lĩnh vực", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị"],
        ["work.tasks_completed", "work.tasks_overdue", "procedures.received", "procedures.resolved_on_time"],
    ),
    (
        "ubnd-6thang",
        "Báo cáo sơ kết 6 tháng",
        "ppc",
        "six_month",
        10,
        "6.3",
        "yêu cầu của Ủy ban nhân dân tỉnh",
        ["Kết quả đạt được", "Hạn chế", "Nhiệm vụ 6 tháng cuối năm"],
        ["work.tasks_completed", "work.tasks_overdue"],
    ),
    (
        "bo-nam",
        "Báo cáo tổng kết năm",
        "ministry",
        "annual",
        15,
        "6.1",
        "yêu cầu của Bộ Thông tin và Truyền thông",
        ["Kết quả năm", "Đánh giá", "Phương hướng năm sau"],
        ["work.tasks_completed", "procedures.received"],
    ),
    (
        "hdnd-giamsat",
        "Báo cáo phục vụ giám sát của Hội đồng nhân dân tỉnh",
        "council",
        "ad_hoc",
        0,
        "6.2",
        "yêu cầu của Hội đồng nhân dân tỉnh",
        ["Nội dung giám sát", "Kết quả thực hiện"],
        [],
    ),
]

# (key, lead unit, person, source kind, body, number, date, title, duty, deadline, status, completed on,
#  coordinating units)
TASKS = [
    (
        "t1",
        "TTBCXB",
        "chuyenvien_ttbcxb",
        SourceKind.PPC,
        "UBND tỉnh Bình Phước",
        "2315/UBND-KGVX",
        D(2026, 9, 22),
        "Tham mưu kế hoạch tuyên truyền kỷ niệm ngày thành lập tỉnh",
        "3.7",
        D(2026, 10, 15),
        TaskStatus.COMPLETED,
        D(2026, 10, 12),
        ["VP"],
    ),
    (
        "t2",
        "TTBCXB",
        "chuyenvien2_ttbcxb",
        SourceKind.PPC,
        "UBND tỉnh Bình Phước",
        "2401/UBND-KGVX",
        D(2026, 10, 1),
        "Rà soát, quy hoạch mạng lưới điểm thông tin cổ động trên địa bàn tỉnh",
        "3.7",
        D(2026, 10, 25),
        TaskStatus.IN_PROGRESS,
        None,
        [],
    ),
    (
        "t3",
        "BCVTCNTT",
        "chuyenvien_bcvtcntt",
        SourceKind.PPC_CHAIRMAN,
        "Chủ tịch UBND tỉnh",
        "156/TB-UBND",
        D(2026, 9, 28),
        "Báo cáo tiến độ chuyển đổi số cấp xã",
        "3.14",
        D(2026, 10, 20),
        TaskStatus.COMPLETED,
        D(2026, 10, 23),
        ["TTCNTT"],
    ),
    (
        "t4",
        "BCVTCNTT",
        "chuyenvien_bcvtcntt",
        SourceKind.MINISTRY,
        "Bộ Thông tin và Truyền thông",
        "3870/BTTTT-CVT",
        D(2026, 10, 5),
        "Tổng hợp hiện trạng hạ tầng trạm thu phát sóng di động dùng chung",
        "3.11",
        D(2026, 10, 30),
        TaskStatus.IN_PROGRESS,
        None,
        [],
    ),
    (
        "t5",
        "VP",
        "chuyenvien_vp",
        SourceKind.PPC,
        "UBND tỉnh Bình Phước",
        "2450/UBND-NC",
        D(2026, 10, 8),
        "Báo cáo công tác cải cách hành chính quý IV",
        "3.28",
        D(2026, 12, 10),
        TaskStatus.IN_PROGRESS,
        None,
        ["TTRA"],
    ),
    (
        "t6",
        "TTRA",
        "thanhtravien",
        SourceKind.PPC,
        "UBND tỉnh Bình Phước",
        "2502/UBND-NC",
        D(2026, 10, 12),
        "Thanh tra chuyên đề hoạt động quảng cáo trên báo điện tử",
        "3.31",
        D(2026, 11, 20),
        TaskStatus.COMPLETED,
        D(2026, 10, 28),
        [],
    ),
    (
        "t7",
        "TTBCXB",
        "chuyenvien_ttbcxb",
        SourceKind.DIRECTOR,
        "Giám đốc Sở",
        "",
        D(2026, 10, 14),
        "Xây dựng bộ câu hỏi thường gặp về cấp phép xuất bản bản tin",
        "3.4",
        D(2026, 12, 5),
        TaskStatus.NEW,
        None,
        [],
    ),
    (
        "t8",
        "TTCNTT",
        "vienchuc_kt",
        SourceKind.PPC,
        "UBND tỉnh Bình Phước",
        "2611/UBND-KT",
        D(2026, 10, 20),
        "Nâng cấp hệ thống hội nghị truyền hình trực tuyến đến cấp xã",
        "3.14",
        D(2026, 12, 20),
        TaskStatus.IN_PROGRESS,
        None,
        ["BCVTCNTT"],
    ),
    (
        "t9",
        "VP",
        "chuyenvien_vp",
        SourceKind.MINISTRY,
        "Bộ Thông tin và Truyền thông",
        "4012/BTTTT-VP",
        D(2026, 9, 30),
        "Báo cáo số liệu thống kê ngành 9 tháng",
        "3.29",
        D(2026, 10, 10),
        TaskStatus.COMPLETED,
        D(2026, 10, 9),
        [],
    ),
]

REASONS = {
    "t2": "Chờ số liệu của các huyện Bù Gia Mập và Phú Riềng; đã có văn bản đôn đốc.",
    "t4": "Doanh nghiệp viễn thông chưa gửi đủ số liệu trạm BTS.",
}


def _user(username: str) -> Any:
    return User.objects.filter(username=username).first()


def _unit(code: str) -> Any:
    from stttt.org.models import Unit

    return Unit.objects.filter(code=code).first()


def _provision(citation: str) -> Any:
    from stttt.legal.selectors import provision_get

    try:
        return provision_get(citation)
    except LookupError:
        return None


def _upsert(
    model: Any, defaults: dict[str, Any] | None = None, *, on_create: dict[str, Any] | None = None, **lookup: Any
) -> tuple[Any, bool]:
    """`update_or_create` that saves only when something differs, so a second run writes no audit rows.
    `on_create` holds values taken once, when the record is made (a report's figures as prefilled then)."""
    defaults = defaults or {}
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **defaults, **(on_create or {})), True
    changed = [name for name, value in defaults.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, defaults[name])
    if changed:
        obj.save()
    return obj, False


def _report_set(report: DistrictReport, **values: Any) -> None:
    """Back-date a demo district report through the ORM, so its history row and audit entry are written;
    a second demo run, finding the values already there, writes nothing."""
    changed = [name for name, value in values.items() if getattr(report, name) != value]
    for name in changed:
        setattr(report, name, values[name])
    if changed:
        report.save(update_fields=changed)


def _aware(day: dt.date, hour: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime(day.year, day.month, day.day, hour))


def office_name(district_name: str) -> str:
    """The district's Culture and Information Office, the district's name written as it is (capitals kept)."""
    return f"Phòng Văn hóa và Thông tin {district_name}"


def load(stdout) -> list[DemoLogin]:
    from stttt.org import services as org_services

    logins: list[DemoLogin] = []
    office = _unit("VP")
    if office is None:  # org demo not loaded: nothing here has an agency to belong to
        stdout.write("work: nothing (no org data)\n")
        return logins
    agency = office.agency
    for order, (code, name, dkind, slug) in enumerate(DISTRICTS, start=1):
        # the districts are organisation data (loaded by the org demo); written here only when absent
        district = District.objects.filter(agency=agency, code=code).first() or org_services.district_save(
            agency, code=code, name=name, kind=dkind, order=order, office_name=office_name(name)
        )
        user = demo_user_ensure(f"vhtt_{slug}", full_name=f"Chuyên viên Phòng VH-TT {name}")
        org_services.district_officer_link(user, district, position="Chuyên viên")
        logins.append(DemoLogin(user.username, f"Phòng Văn hóa và Thông tin · {name}"))

    for code, name, recipient, periodicity, offset, citation, basis, sections, codes in REPORT_TYPES:
        _upsert(
            ReportType,
            agency=agency,
            code=code,
            defaults={
                "name": name,
                "recipient": recipient,
                "periodicity": periodicity,
                "due_offset_days": offset,
                "provision": _provision(citation),
                "basis": basis,
                "sections": sections,
                "indicators": codes,
            },
        )

    director = _user("giamdoc")
    tasks: dict[str, Task] = {}
    for key, unit, person, tkind, body, number, date, title, duty, deadline, tstatus, done, coord in TASKS:
        task, _c = _upsert(
            Task,
            agency=agency,
            title=title,
            source_number=number,
            defaults={
                "lead_unit": _unit(unit),
                "person_in_charge": _user(person),
                "source_kind": tkind,
                "source_body": body,
                "source_date": date,
                "duty": _provision(duty),
                "deadline": deadline,
                "status": tstatus,
                "completed_on": done,
                "created_by": director,
                "completion_report": "Đã hoàn thành, có văn bản báo cáo kèm theo." if done else "",
                "content": f"Thực hiện văn bản số {number} ngày {date:%d/%m/%Y}." if number else "",
            },
        )
        task.coordinating_units.set([_unit(c) for c in coord if _unit(c)])
        tasks[key] = task
        if tstatus != TaskStatus.NEW and person and _user(person):
            _upsert(
                TaskUpdate,
                task=task,
                on=date + dt.timedelta(days=7),
                defaults={
                    "author": _user(person),
                    "progress": 100 if done else 60,
                    "note": "Đã triển khai, đang tổng hợp." if not done else "Hoàn thành.",
                    "reason": REASONS.get(key, ""),
                },
            )

    meeting, _c = _upsert(
        Meeting,
        agency=agency,
        kind=MeetingKind.MONTHLY,
        month=D(2026, 10, 1),
        defaults={
            "held_on": D(2026, 11, 3),
            "title": "Họp giao ban chuyên môn tháng 10/2026",
            "chaired_by": director,
            "place": "Phòng họp Sở",
            "notes": "Đánh giá kết quả tháng 10, thống nhất chương trình công tác tháng 11.",
        },
    )
    for username, present, note in [
        ("giamdoc", True, ""),
        ("phogiamdoc1", True, ""),
        ("phogiamdoc2", False, "Đi công tác tại Bộ"),
        ("chanhvanphong", True, ""),
        ("truongphong_ttbcxb", True, ""),
        ("truongphong_bcvtcntt", True, ""),
        ("chanhthanhtra", True, ""),
        ("giamdoc_ttcntt", True, ""),
    ]:
        if _user(username):
            _upsert(Attendance, meeting=meeting, user=_user(username), defaults={"present": present, "note": note})
    c1, _c = _upsert(
        Conclusion,
        meeting=meeting,
        order=1,
        defaults={
            "text": (
                "Phòng Bưu chính - Viễn thông - CNTT hoàn thành báo cáo hạ tầng trạm BTS dùng chung trước 15/11/2026."
            ),
            "unit": _unit("BCVTCNTT"),
            "deadline": D(2026, 11, 15),
        },
    )
    _upsert(
        Conclusion,
        meeting=meeting,
        order=2,
        defaults={
            "text": "Văn phòng Sở tổng hợp số liệu quý III của các huyện, đôn đốc các đơn vị chưa gửi.",
            "unit": _unit("VP"),
            "deadline": D(2026, 11, 20),
        },
    )
    if c1.task_id is None:
        t, _c = _upsert(
            Task,
            agency=agency,
            title=c1.text[:300],
            source_kind=SourceKind.MEETING,
            defaults={
                "lead_unit": _unit("BCVTCNTT"),
                "deadline": c1.deadline,
                "source_body": "Họp giao ban chuyên môn",
                "source_date": meeting.held_on,
                "content": c1.text,
                "created_by": director,
                "person_in_charge": _user("chuyenvien_bcvtcntt"),
            },
        )
        c1.task = t
        c1.save(update_fields=["task"])
    _upsert(
        Meeting,
        agency=agency,
        kind=MeetingKind.EXTRAORDINARY,
        month=D(2026, 11, 1),
        defaults={
            "held_on": D(2026, 11, 12),
            "title": "Họp bất thường triển khai ứng phó sự cố mất an toàn thông tin",
            "chaired_by": director,
            "place": "Phòng họp Sở",
            "notes": "Triển khai chỉ đạo khẩn của UBND tỉnh.",
        },
    )

    monthly = ReportType.objects.get(agency=agency, code="ubnd-thang")
    approver = _user("phogiamdoc1") or director
    for start, end, rstatus in [
        (D(2026, 9, 1), D(2026, 9, 30), ReportStatus.SENT),
        (D(2026, 10, 1), D(2026, 10, 31), ReportStatus.PENDING),
    ]:
        from stttt.core.calendar import calendar
        from stttt.work import rules

        due = rules.report_due(end, monthly.due_offset_days, calendar())
        _upsert(
            Report,
            agency=agency,
            report_type=monthly,
            period_start=start,
            period_end=end,
            defaults={
                "due_on": due,
                "status": rstatus,
                "prepared_by": _user("chuyenvien_vp"),
                "narrative": {s: f"Nội dung {s.lower()} tháng {start.month}/{start.year}." for s in monthly.sections},
                "approved_by": approver if rstatus == ReportStatus.SENT else None,
                "approved_at": _aware(due - dt.timedelta(days=1)) if rstatus == ReportStatus.SENT else None,
                "sent_on": due + dt.timedelta(days=2) if rstatus == ReportStatus.SENT else None,
                "number": f"{300 + start.month}/BC-STTTT" if rstatus == ReportStatus.SENT else "",
            },
            # The figures as prefilled when the report was prepared: a later run, with other apps' demo
            # records counted by then, does not rewrite them.
            on_create={"values": dict(selectors.report_prefill(monthly, start, end))},
        )

    vp = _user("chuyenvien_vp")
    specs = [
        ("dai-truyen-thanh", "Số đài truyền thanh cấp xã", "đài", "integer", 0, 200, True, "sum"),
        ("cum-loa", "Số cụm loa ứng dụng CNTT - viễn thông", "cụm", "integer", 0, 5000, True, "sum"),
        ("tin-bai", "Số tin, bài phát trên hệ thống truyền thanh", "tin, bài", "integer", 0, None, True, "sum"),
        ("ty-le-phu-song", "Tỷ lệ xã có hệ thống truyền thanh hoạt động", "%", "decimal", 0, 100, False, "average"),
    ]
    q3, _c = _upsert(
        DistrictRequest,
        agency=agency,
        title="Báo cáo số liệu thông tin cơ sở quý III/2026",
        defaults={
            "number": "812/STTTT-TTBCXB",
            "period_start": D(2026, 7, 1),
            "period_end": D(2026, 9, 30),
            "deadline": D(2026, 10, 15),
            "created_by": vp,
            "instructions": "Số liệu tính đến ngày 30/9/2026. Các đơn vị gửi đúng hạn.",
        },
    )
    q4, _c = _upsert(
        DistrictRequest,
        agency=agency,
        title="Báo cáo số liệu thông tin cơ sở năm 2026",
        defaults={
            "number": "905/STTTT-TTBCXB",
            "period_start": D(2026, 1, 1),
            "period_end": D(2026, 12, 31),
            "deadline": D(2026, 12, 15),
            "created_by": vp,
            "instructions": "Số liệu ước tính đến 31/12/2026.",
        },
    )
    for request in (q3, q4):
        for order, (code, label, unit, vtype, lo, hi, required, aggregate) in enumerate(specs, start=1):
            _upsert(
                RequestIndicator,
                request=request,
                code=code,
                defaults={
                    "label": label,
                    "unit": unit,
                    "value_type": vtype,
                    "min_value": lo,
                    "max_value": hi,
                    "required": required,
                    "aggregate": aggregate,
                    "order": order,
                },
            )
        for district in District.objects.filter(agency=agency):
            DistrictReport.objects.get_or_create(request=request, district=district)
    # Q3: seven submitted (two of them late), one draft, one returned, two never started.
    plan = {
        "dong-xoai": (D(2026, 10, 10), 0),
        "binh-long": (D(2026, 10, 14), 1),
        "phuoc-long": (D(2026, 10, 15), 2),
        "chon-thanh": (D(2026, 10, 12), 3),
        "bu-dang": (D(2026, 10, 20), 4),
        "dong-phu": (D(2026, 10, 13), 5),
        "loc-ninh": (D(2026, 10, 22), 6),
    }
    for district in District.objects.filter(agency=agency):
        report = DistrictReport.objects.get(request=q3, district=district)
        officer = User.objects.filter(district_post__district=district).first()
        if district.code in plan:
            day, n = plan[district.code]
            raw = {
                "dai-truyen-thanh": str(8 + n),
                "cum-loa": str(40 + 7 * n),
                "tin-bai": str(1200 + 150 * n),
                "ty-le-phu-song": f"{90 + n % 5},5",
            }
            values = {
                "dai-truyen-thanh": 8 + n,
                "cum-loa": 40 + 7 * n,
                "tin-bai": 1200 + 150 * n,
                "ty-le-phu-song": 90.5 + n % 5,
            }
            _report_set(
                report,
                status=DistrictReportStatus.SUBMITTED,
                raw=raw,
                values=values,
                submitted_at=_aware(day, 15),
                submitted_by=officer,
            )
        elif district.code == "hon-quan":
            _report_set(
                report,
                status=DistrictReportStatus.DRAFT,
                raw={"dai-truyen-thanh": "13", "cum-loa": "", "tin-bai": "900", "ty-le-phu-song": ""},
                values={"dai-truyen-thanh": 13, "cum-loa": None, "tin-bai": 900, "ty-le-phu-song": None},
            )
        elif district.code == "bu-dop":
            _report_set(
                report,
                status=DistrictReportStatus.RETURNED,
                raw={"dai-truyen-thanh": "7", "cum-loa": "35", "tin-bai": "12", "ty-le-phu-song": "88"},
                values={"dai-truyen-thanh": 7, "cum-loa": 35, "tin-bai": 12, "ty-le-phu-song": 88.0},
                submitted_at=_aware(D(2026, 10, 14)),
                submitted_by=officer,
                return_reason="Số tin, bài (12) thấp bất thường so với các quý trước; đề nghị kiểm tra lại.",
            )
    for report in DistrictReport.objects.filter(request=q3).exclude(status=DistrictReportStatus.SUBMITTED):
        _report_set(report, reminders=1, last_reminded_at=_aware(D(2026, 10, 16)))

    questions = [
        (
            QuestionKind.QUESTION,
            "Đại biểu HĐND tỉnh tổ Đồng Xoài",
            "Kỳ họp thứ 12, HĐND tỉnh khóa X",
            D(2026, 11, 5),
            "Tiến độ phủ sóng di động tại các thôn, ấp vùng lõm sóng huyện Bù Gia Mập?",
            D(2026, 11, 25),
            "BCVTCNTT",
            QuestionStatus.ASSIGNED,
        ),
        (
            QuestionKind.PETITION,
            "Cử tri huyện Lộc Ninh",
            "Tiếp xúc cử tri trước kỳ họp thứ 12",
            D(2026, 10, 20),
            "Đề nghị tăng thời lượng phát thanh bằng tiếng dân tộc trên hệ thống truyền thanh cơ sở.",
            D(2026, 11, 20),
            "TTBCXB",
            QuestionStatus.ANSWERED,
        ),
    ]
    for qkind, asked_by, session, received, content, deadline, unit, qstatus in questions:
        _upsert(
            CouncilQuestion,
            agency=agency,
            asked_by=asked_by,
            content=content,
            defaults={
                "kind": qkind,
                "session": session,
                "received_on": received,
                "deadline": deadline,
                "unit": _unit(unit),
                "status": qstatus,
                "provision": _provision("6.2"),
                "answer": "Sở đã hướng dẫn các huyện bố trí thời lượng phù hợp." if qstatus == "answered" else "",
                "answer_number": "889/STTTT-TTBCXB" if qstatus == "answered" else "",
                "answered_on": D(2026, 11, 16) if qstatus == "answered" else None,
            },
        )
    coordinations = [
        (
            Direction.OUTGOING,
            CounterpartKind.DEPARTMENT,
            "Sở Xây dựng",
            "Góp ý quy hoạch hạ tầng kỹ thuật viễn thông thụ động trong quy hoạch đô thị",
            "876/STTTT-BCVTCNTT",
            D(2026, 10, 18),
            D(2026, 11, 2),
            "BCVTCNTT",
            CoordinationStatus.ANSWERED,
            "",
            "",
        ),
        (
            Direction.INCOMING,
            CounterpartKind.DISTRICT_PC,
            "UBND huyện Bù Gia Mập",
            "Đề nghị hỗ trợ kinh phí nâng cấp đài truyền thanh xã",
            "512/UBND-VHTT",
            D(2026, 10, 2),
            D(2026, 10, 30),
            "TTBCXB",
            CoordinationStatus.ESCALATED,
            "Sở đề nghị huyện bố trí ngân sách huyện; huyện đề nghị ngân sách tỉnh "
            "hỗ trợ 100%. Hai bên chưa thống nhất, xin ý kiến UBND tỉnh.",
            "",
        ),
    ]
    for direction, ckind, counterpart, subject, number, sent, deadline, unit, cstatus, note, ppc in coordinations:
        _upsert(
            Coordination,
            agency=agency,
            subject=subject,
            counterpart=counterpart,
            defaults={
                "direction": direction,
                "counterpart_kind": ckind,
                "document_number": number,
                "sent_on": sent,
                "deadline": deadline,
                "unit": _unit(unit),
                "status": cstatus,
                "escalation_note": note,
                "escalated_on": D(2026, 11, 2) if note else None,
                "ppc_direction": ppc,
                "reply": "Thống nhất, đã gửi ý kiến bằng văn bản." if cstatus == "answered" else "",
                "replied_on": D(2026, 10, 30) if cstatus == "answered" else None,
            },
        )
    stdout.write(
        f"work: {District.objects.filter(agency=agency).count()} districts, "
        f"{Task.objects.filter(agency=agency).count()} tasks, "
        f"{ReportType.objects.filter(agency=agency).count()} report types, "
        f"{DistrictRequest.objects.filter(agency=agency).count()} district requests\n"
    )
    return logins
