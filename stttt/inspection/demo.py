"""Demo data of the inspection app in both demo agencies, written through the services (so it obeys every
rule), dated relative to today. Idempotent: an agency that already has this year's plan is left as it is.

First agency: this year's plan with three inspections (one concluded, with a sanction that suspends a bulletin
licence, entered in the licence register by the Director), two violation records from deposit-reading
referrals (one decided and paid, one awaiting its decision) and one referral left in the inbox, a complaint
resolved on time, a complaint overdue, a denunciation of a staff member whose denouncer only the assigned
inspector and the Chief Inspector may see, reception days and the reception book. Second agency: a smaller
set, so that every page has a record of "another agency".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from stttt.accounts.models import User
from stttt.core.demo import DemoLogin
from stttt.inspection import services
from stttt.inspection.models import InspectionPlan, PlanTarget
from stttt.org import powers
from stttt.org.selectors import today

FIRST = {
    "chief": "chanhthanhtra",
    "inspector": "thanhtravien",
    "deputy_chief": "phochanhthanhtra",
    "director": "giamdoc",
    "press_officer": "chuyenvien_ttbcxb",
    "denounced": "chuyenvien_bcvtcntt",
}
SECOND = {
    "chief": "bd.chanhthanhtra",
    "inspector": "bd.thanhtravien",
    "director": "bd.giamdoc",
    "press_officer": "bd.chuyenvien_ttbcxb",
}


def _users(names: dict[str, str]) -> dict[str, Any] | None:
    found = {role: User.objects.filter(username=name).first() for role, name in names.items()}
    return None if any(u is None for u in found.values()) else found


def _licences(user: Any, agency: Any, count: int) -> list[Any]:
    """Licences of the agency's register to inspect (the licensing demo's; one recorded when there are none)."""
    from stttt.licensing import services as licensing
    from stttt.licensing.selectors import licences_visible_to, with_status

    valid = with_status(licences_visible_to(user).filter(agency=agency), "valid")
    found = [*valid.filter(kind="bulletin").order_by("id")[:count]]
    found += list(valid.exclude(kind="bulletin").order_by("id")[: count - len(found)])
    while len(found) < count:
        found.append(
            licensing.licence_record(
                "bulletin",
                actor=user,
                data={
                    "holder_name": f"Hội Văn học Nghệ thuật tỉnh ({len(found) + 1})",
                    "holder_id_number": f"37009{len(found):05d}",
                    "issued_on": today() - dt.timedelta(days=100),
                },
                subject={"name": "Bản tin Văn nghệ", "periodicity": "Hằng quý", "responsible_person": "Lê Văn Tâm"},
            )
        )
    return found


def _plan(agency: Any, u: dict[str, Any], licences: list[Any], year: int, n_targets: int) -> list[PlanTarget]:
    plan = services.plan_create(
        agency=agency, year=year, title=f"Kế hoạch thanh tra năm {year} của Thanh tra Sở", actor=u["chief"]
    )
    subjects = [
        ("press", "Việc chấp hành quy định về xuất bản bản tin và nộp lưu chiểu"),
        ("publishing", "Việc chấp hành quy định về hoạt động in, xuất bản phẩm"),
        ("post", "Việc chấp hành quy định về cung ứng dịch vụ bưu chính"),
    ]
    targets = []
    for i in range(n_targets):
        sector, content = subjects[i]
        targets.append(
            services.plan_target_add(
                plan, actor=u["chief"], content=content, sector=sector, quarter=i + 1, licence=licences[i]
            )
        )
    services.plan_transition(
        plan.pk,
        "submit",
        actor=u["chief"],
        overlap_check="Đã đối chiếu kế hoạch thanh tra của Thanh tra tỉnh, Bộ và Kiểm toán Nhà nước: không trùng lặp.",
    )
    services.plan_transition(
        plan.pk, "approve", actor=u["director"], number=f"01/QĐ-STTTT-{year}", on=dt.date(year - 1, 12, 10)
    )
    services.plan_transition(plan.pk, "publish", actor=u["chief"], on=dt.date(year - 1, 12, 12))
    return targets


def _first(agency: Any, u: dict[str, Any], day: dt.date) -> None:
    ago = lambda n: day - dt.timedelta(days=n)  # noqa: E731
    licences = _licences(u["press_officer"], agency, 3)
    targets = _plan(agency, u, licences, day.year, 3)
    basis = "Luật Thanh tra năm 2022; Kế hoạch thanh tra năm đã được Giám đốc Sở phê duyệt"
    team = [u["deputy_chief"]]
    # 1. concluded, with a sanction that suspends the bulletin licence
    case = services.case_decide(
        agency=agency,
        actor=u["chief"],
        subject_name="",
        sector="press",
        content=targets[0].content,
        legal_basis=basis,
        head=u["inspector"],
        members=team,
        decided_on=ago(60),
        plan_target=targets[0],
    )
    services.case_transition(case.pk, "announce", actor=u["inspector"], on=ago(58))
    services.case_transition(case.pk, "end_onsite", actor=u["inspector"], on=ago(40))
    record = services.violation_record(
        agency=agency,
        actor=u["inspector"],
        provision_code="119-2020-10-2",
        offender_type="organisation",
        offender_name=licences[0].holder_name,
        offender_id_number=licences[0].holder_id_number,
        act="Xuất bản bản tin có nội dung không đúng tôn chỉ, mục đích ghi trong giấy phép (số 3 và số 4)",
        place="Trụ sở cơ quan được thanh tra",
        discovered_on=ago(45),
        ended_on=ago(45),
        recorded_on=ago(41),
        case=case,
        licence=licences[0],
    )
    services.violation_transition(
        record.pk,
        "decide",
        actor=u["chief"],
        on=ago(37),
        fine=25_000_000,
        suspension_months=1,
        remedial="Buộc thu hồi các số bản tin vi phạm",
        received_on=ago(36),
    )
    services.violation_transition(record.pk, "register_suspension", actor=u["director"])
    services.violation_transition(record.pk, "pay", actor=u["inspector"], on=ago(30), amount=25_000_000)
    services.case_transition(
        case.pk,
        "report",
        actor=u["inspector"],
        on=ago(30),
        findings="Đơn vị xuất bản hai số bản tin không đúng tôn chỉ, mục đích; đã lập biên bản vi phạm hành chính.",
    )
    case = services.case_transition(
        case.pk,
        "conclude",
        actor=u["chief"],
        on=ago(20),
        conclusion="Đơn vị vi phạm quy định về nội dung bản tin; đã xử phạt và tước quyền sử dụng giấy phép 01 tháng. "
        "Yêu cầu chấn chỉnh quy trình duyệt nội dung.",
    )
    services.follow_up_add(
        case,
        actor=u["inspector"],
        request="Báo cáo việc chấn chỉnh quy trình duyệt nội dung",
        due_on=day + dt.timedelta(days=15),
    )
    # 2. on site
    case2 = services.case_decide(
        agency=agency,
        actor=u["chief"],
        subject_name="",
        sector="publishing",
        content=targets[1].content,
        legal_basis=basis,
        head=u["deputy_chief"],
        members=[u["inspector"]],
        decided_on=ago(12),
        plan_target=targets[1],
    )
    services.case_transition(case2.pk, "announce", actor=u["deputy_chief"], on=ago(8))
    # 3. decided, to be announced
    services.case_decide(
        agency=agency,
        actor=u["chief"],
        subject_name="",
        sector="post",
        content=targets[2].content,
        legal_basis=basis,
        head=u["inspector"],
        decided_on=ago(2),
        plan_target=targets[2],
    )
    # referrals from deposit reading, two turned into violation records, one left in the inbox
    findings = [
        ("Bản tin số 2 nộp lưu chiểu chậm 12 ngày so với quy định.", "Nghị định 119/2020/NĐ-CP Điều 18"),
        ("Bản tin số 3 không nộp lưu chiểu.", "Nghị định 119/2020/NĐ-CP Điều 18"),
        ("Bản tin quý III ghi sai tên cơ quan chủ quản.", "Nghị định 119/2020/NĐ-CP Điều 10"),
    ]
    referrals = [
        services.open_referral(
            agency=agency,
            source=licences[1 + i % 2],
            summary=f"Đọc lưu chiểu: {text}",
            provision=prov,
            actor=u["press_officer"],
        )
        for i, (text, prov) in enumerate(findings)
    ]
    for i, referral in enumerate(referrals[:2]):
        licence = licences[1 + i % 2]
        rec = services.violation_record(
            agency=agency,
            actor=u["inspector"],
            provision_code="119-2020-18-2",
            offender_type="organisation",
            offender_name=licence.holder_name,
            act=referral.summary.removeprefix("Đọc lưu chiểu: "),
            place="Trụ sở Sở Thông tin và Truyền thông",
            discovered_on=ago(25 - 10 * i),
            ended_on=ago(25 - 10 * i),
            recorded_on=ago(20 - 10 * i),
            referral=referral,
            licence=licence,
        )
        if i == 0:
            services.violation_transition(
                rec.pk,
                "decide",
                actor=u["chief"],
                on=ago(16),
                fine=6_000_000,
                remedial="Buộc nộp lưu chiểu",
                received_on=ago(15),
            )
            services.violation_transition(rec.pk, "pay", actor=u["inspector"], on=ago(9), amount=6_000_000)
    # letters
    c1 = services.letter_receive(
        agency=agency,
        actor=u["inspector"],
        kind="complaint",
        channel="letter",
        received_on=ago(50),
        summary="Khiếu nại Quyết định thu hồi giấy phép hoạt động in của Sở.",
        subject="Quyết định thu hồi giấy phép in",
        sender_name="Công ty TNHH In Đồng Xoài",
        sender_address="Phường Tân Phú, thành phố Đồng Xoài",
    )
    services.letter_transition(c1.pk, "assign", actor=u["chief"], assignee=u["inspector"])
    services.letter_transition(c1.pk, "accept", actor=u["chief"], on=ago(45))
    services.letter_transition(
        c1.pk,
        "resolve",
        actor=u["chief"],
        on=ago(20),
        published=True,
        result="Giữ nguyên Quyết định thu hồi giấy phép; khiếu nại không có cơ sở.",
    )
    c2 = services.letter_receive(
        agency=agency,
        actor=u["inspector"],
        kind="complaint",
        channel="ppc",
        received_on=ago(75),
        summary="Khiếu nại việc không cấp giấy xác nhận đăng ký hoạt động điểm cung cấp dịch vụ trò chơi.",
        subject="Văn bản từ chối cấp giấy xác nhận",
        sender_name="Trần Văn Hùng",
        sender_address="Huyện Chơn Thành",
    )
    services.letter_transition(c2.pk, "assign", actor=u["chief"], assignee=u["deputy_chief"])
    services.letter_transition(c2.pk, "accept", actor=u["chief"], on=ago(70))
    d = services.letter_receive(
        agency=agency,
        actor=u["inspector"],
        kind="denunciation",
        channel="letter",
        received_on=ago(10),
        summary="Tố cáo cán bộ gây khó khăn, nhũng nhiễu khi hướng dẫn hồ sơ cấp phép thiết lập mạng viễn thông.",
        subject="Cán bộ Phòng Bưu chính - Viễn thông - CNTT",
        denounced=u["denounced"],
        identity={
            "full_name": "Phạm Thị Hoa",
            "id_number": "070185001234",
            "address": "Xã Tiến Hưng, Đồng Xoài",
            "phone": "0912345678",
        },
    )
    services.letter_transition(d.pk, "assign", actor=u["chief"], assignee=u["inspector"])
    services.letter_transition(d.pk, "accept", actor=u["chief"], on=ago(5))
    services.letter_receive(
        agency=agency,
        actor=u["inspector"],
        kind="petition",
        channel="portal",
        received_on=ago(3),
        summary="Phản ánh trạm phát sóng di động gây nhiễu sóng truyền hình.",
        subject="Trạm BTS thôn 3",
        sender_name="Nguyễn Văn Tư",
    )
    # reception
    last_month = (day.replace(day=1) - dt.timedelta(days=1)).replace(day=15)
    for on in (last_month, day.replace(day=1) + dt.timedelta(days=9)):
        if on.weekday() >= 5:
            on -= dt.timedelta(days=on.weekday() - 4)
        reception = services.reception_day_schedule(
            agency=agency, actor=u["chief"], date=on, leader=u["director"], place="Phòng tiếp công dân của Sở"
        )
        if on <= day:
            services.reception_entry_add(
                agency=agency,
                actor=u["inspector"],
                day=reception,
                citizen_name="Đỗ Văn Long",
                content="Hỏi thủ tục cấp giấy phép xuất bản bản tin",
                outcome="Đã hướng dẫn thủ tục",
            )


def _second(agency: Any, u: dict[str, Any], day: dt.date) -> None:
    ago = lambda n: day - dt.timedelta(days=n)  # noqa: E731
    licences = _licences(u["press_officer"], agency, 1)
    targets = _plan(agency, u, licences, day.year, 1)
    case = services.case_decide(
        agency=agency,
        actor=u["chief"],
        subject_name="",
        sector="press",
        content=targets[0].content,
        legal_basis="Luật Thanh tra năm 2022",
        head=u["inspector"],
        decided_on=ago(5),
        plan_target=targets[0],
    )
    services.violation_record(
        agency=agency,
        actor=u["inspector"],
        provision_code="119-2020-18-2",
        offender_type="organisation",
        offender_name=licences[0].holder_name,
        act="Nộp lưu chiểu bản tin chậm",
        place="Trụ sở Sở",
        discovered_on=ago(3),
        ended_on=ago(3),
        recorded_on=ago(2),
        case=case,
        licence=licences[0],
    )
    services.open_referral(
        agency=agency,
        source=licences[0],
        summary="Đọc lưu chiểu: bản tin thiếu thông tin người chịu trách nhiệm.",
        actor=u["press_officer"],
    )
    services.letter_receive(
        agency=agency,
        actor=u["inspector"],
        kind="complaint",
        channel="letter",
        received_on=ago(4),
        summary="Khiếu nại việc trả lại hồ sơ.",
        subject="Phiếu trả hồ sơ",
        sender_name="Lý Thị Mai",
    )
    services.reception_day_schedule(
        agency=agency, actor=u["chief"], date=ago(6), leader=u["director"], place="Phòng tiếp công dân"
    )


def load(stdout) -> list[DemoLogin]:
    from stttt.org.models import Agency

    day = today()
    for names, build in ((FIRST, _first), (SECOND, _second)):
        users = _users(names)
        if users is None:
            stdout.write("inspection: demo users missing, skipped\n")
            continue
        agency = powers.agency_of(users["chief"])
        if agency is None or not Agency.objects.filter(pk=agency.pk).exists():
            continue
        if InspectionPlan.objects.filter(agency=agency, year=day.year).exists():
            continue  # written by an earlier run: nothing to do
        build(agency, users, day)
        stdout.write(f"inspection: demo plan, inspections, sanctions and letters of {agency.code}\n")
    return []
