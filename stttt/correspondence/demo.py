"""Demo correspondence of both demo agencies: a letter of the PPC registered by the Office, routed by the
Director to the Press division with a deadline, made a task, assigned to an officer and answered by a reply
drafted by the officer, checked by the head, signed by the Deputy Director in charge (KT.) and numbered; a
letter waiting to be routed; a confidential one routed to another division; an overdue one; a draft waiting
for review; a signature delegation (TL.) to the Office; a drafting dossier of a plan for the PPC.

Idempotent: each scenario is written once through the services (numbers, workflow, audit) and found again
by its document's issuer and number on the next run, which then writes nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from stttt.core.demo import DemoLogin, ensure
from stttt.correspondence import services
from stttt.correspondence.models import Delegation, Dossier, Incoming, Outgoing
from stttt.org.models import Agency, Unit

AGENCIES = (
    # agency code, user prefix, unit prefix, the second division's code and head
    ("STTTT-BP", "", "", "BCVTCNTT", "truongphong_bcvtcntt"),
    ("STTTT-BD", "bd.", "BD-", "BD-CDSBCVT", "bd.truongphong_cds"),
)


def _user(username: str) -> Any:
    from stttt.accounts.models import User

    return User.objects.filter(username=username).first()


def _incoming(
    agency: Agency, clerk: Any, issuer: str, number: str, date: dt.date, **fields: Any
) -> tuple[Incoming, bool]:
    # Found by issuer and number only: the demo's dates follow the day it is loaded.
    found = Incoming.objects.filter(agency=agency, issuer=issuer, number_symbol=number).first()
    if found is not None:
        return found, False
    return services.incoming_register(actor=clerk, issuer=issuer, number_symbol=number, doc_date=date, **fields), True


def _load_agency(agency: Agency, users: str, units: str, other_code: str, other_head: str) -> int:
    clerk = _user(f"{users}chuyenvien_vp")
    director = _user(f"{users}giamdoc")
    head = _user(f"{users}truongphong_ttbcxb")
    officer = _user(f"{users}chuyenvien_ttbcxb")
    press = Unit.objects.filter(agency=agency, code=f"{units}TTBCXB").first()
    office = Unit.objects.filter(agency=agency, code=f"{units}VP").first()
    other = Unit.objects.filter(agency=agency, code=other_code).first()
    if None in (clerk, director, head, officer, press, office, other):
        return 0
    today = timezone.localdate()
    ppc = agency.parent_body or "Ủy ban nhân dân tỉnh"
    province = agency.province or agency.short_name
    written = 0

    ensure(
        Delegation,
        {"agency": agency, "unit": office, "kind": "tl"},
        {"doc_types": ["GM", "TB"], "start_on": dt.date(2024, 1, 1), "basis": "Quy chế công tác văn thư của Sở (demo)"},
    )

    # 1. The PPC's letter: routed, a task, answered by a reply signed by the leader in charge.
    letter, new = _incoming(
        agency,
        clerk,
        ppc,
        "1520/UBND-KGVX",
        today - dt.timedelta(days=6),
        summary=f"Về việc tăng cường quản lý thông tin trên mạng xã hội dịp cuối năm trên địa bàn tỉnh {province}",
        doc_type="CV",
        channel="platform",
        urgency="khan",
        pages=2,
        received_at=timezone.now() - dt.timedelta(days=5),
    )
    if new:
        written += 1
        services.incoming_propose(letter, actor=clerk, unit=press, proposal="Đề nghị giao Phòng TTBCXB chủ trì.")
        services.incoming_route(
            letter,
            actor=director,
            lead_unit=press,
            coordinating_units=[other],
            instruction="Giao Phòng TTBCXB chủ trì, phối hợp tham mưu văn bản báo cáo UBND tỉnh.",
            deadline=today + dt.timedelta(days=7),
            create_task=True,
        )
        services.incoming_assign(letter, actor=head, officer=officer)
        reply = services.outgoing_create(
            actor=officer,
            drafting_unit=press,
            summary=f"V/v báo cáo tình hình quản lý thông tin trên mạng xã hội tỉnh {province}",
            body=(
                "Thực hiện Công văn số 1520/UBND-KGVX của Ủy ban nhân dân tỉnh, Sở Thông tin và Truyền thông báo "
                "cáo như sau:\nSở đã rà soát các trang thông tin điện tử tổng hợp và mạng xã hội trên địa bàn; "
                "phối hợp với Công an tỉnh xử lý các thông tin sai sự thật.\nSở kính báo cáo."
            ),
            recipients=[ppc, "Giám đốc, các PGĐ Sở", "Lưu: VT, TTBCXB"],
            reply_to=letter,
        )
        services.outgoing_comment(reply, actor=head, text="Bổ sung số liệu xử lý vi phạm trong năm.")
        reply = services.outgoing_save(
            reply,
            actor=officer,
            summary=reply.summary,
            body=reply.body + "\nTrong năm, Sở đã tham mưu xử phạt 12 trường hợp vi phạm.",
        )
        services.outgoing_submit(reply, actor=officer)
        services.outgoing_review(reply, actor=head)
        from stttt.correspondence.selectors import approval_path

        signer = next((step["user"] for step in approval_path(reply) if step["capacity"]), director)
        services.outgoing_sign(reply, actor=signer)
        services.outgoing_issue(reply, actor=clerk)

    # 2. A Ministry letter waiting to be routed (to try routing).
    _doc, new = _incoming(
        agency,
        clerk,
        "Bộ Thông tin và Truyền thông",
        "4012/BTTTT-CBĐTW",
        today - dt.timedelta(days=2),
        summary="Về việc hướng dẫn công tác thông tin đối ngoại năm tới",
        channel="platform",
    )
    written += new

    # 3. A confidential document routed to the other division: only those it passed through see it.
    secret, new = _incoming(
        agency,
        clerk,
        "Công an tỉnh",
        "88/CAT-PA05",
        today - dt.timedelta(days=3),
        summary=f"Về việc phối hợp bảo đảm an toàn thông tin hệ thống của tỉnh {province}",
        secrecy="mat",
        channel="hand",
    )
    if new:
        written += 1
        services.incoming_route(
            secret,
            actor=director,
            lead_unit=other,
            instruction="Giao phòng chủ trì phối hợp, báo cáo kết quả.",
            deadline=today + dt.timedelta(days=10),
        )

    # 4. An overdue one (routed earlier with a deadline now past).
    late, new = _incoming(
        agency,
        clerk,
        "Sở Nội vụ",
        "2210/SNV-CCHC",
        today - dt.timedelta(days=30),
        summary="Về việc báo cáo kết quả cải cách hành chính quý IV",
        received_at=timezone.now() - dt.timedelta(days=28),
    )
    if new:
        written += 1
        services.incoming_route(
            late, actor=director, lead_unit=press, instruction="Phòng TTBCXB báo cáo.", deadline=today
        )
        late.refresh_from_db()
        late.deadline = today - dt.timedelta(days=5)  # demo: routed earlier, now overdue
        late.save(update_fields=["deadline"])

    # 5. A draft waiting for the head's review.
    if not Outgoing.objects.filter(agency=agency, summary__startswith="Kế hoạch tuyên truyền").exists():
        written += 1
        draft = services.outgoing_create(
            actor=officer,
            drafting_unit=press,
            doc_type="KH",
            summary=f"Kế hoạch tuyên truyền kỷ niệm ngày thành lập tỉnh {province}",
            body="I. MỤC ĐÍCH, YÊU CẦU\n...\nII. NỘI DUNG TUYÊN TRUYỀN\n...",
            recipients=["Các cơ quan báo chí trên địa bàn tỉnh", "Lưu: VT, TTBCXB"],
        )
        services.outgoing_submit(draft, actor=officer)

    # 6. A drafting dossier of a plan for the PPC (3.1.b), in consultation, with comments answered.
    if not Dossier.objects.filter(agency=agency, title__startswith="Dự thảo Kế hoạch chuyển đổi số").exists():
        written += 1
        dossier = services.dossier_create(
            actor=director,
            kind="plan",
            title=f"Dự thảo Kế hoạch chuyển đổi số của tỉnh {province} năm tới",
            lead_unit=press,
            duty="3.1.b",
            source_note="Chương trình công tác năm của UBND tỉnh",
            deadline=today + dt.timedelta(days=40),
            officer=officer,
        )
        services.dossier_step(dossier, "start", actor=officer)
        services.dossier_step(dossier, "consult", actor=officer, stage_deadline=today + dt.timedelta(days=15))
        comment = services.dossier_comment(
            dossier, actor=officer, commenter="Sở Tài chính", text="Làm rõ nguồn kinh phí thực hiện."
        )
        services.dossier_answer(comment, actor=officer, accepted=True, response="Đã bổ sung mục IV. Kinh phí.")
        services.dossier_comment(
            dossier, actor=officer, commenter="UBND thành phố", text="Đề nghị lùi thời hạn báo cáo sang quý II."
        )
    return written


def load(stdout: Any) -> list[DemoLogin]:
    total = 0
    for code, users, units, other_code, other_head in AGENCIES:
        agency = Agency.objects.filter(code=code).first()
        if agency is None:
            continue
        total += _load_agency(agency, users, units, other_code, other_head)
    stdout.write(f"correspondence: {total} scenarios written\n")
    return []
