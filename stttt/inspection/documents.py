"""The inspection app's documents in the administrative format (Decree 30/2020/NĐ-CP Appendix I) through
`stttt.core.documents`: the inspection decision, the minutes announcing it, the team's report, the
conclusion, the violation record and the sanction decision; and the documents of a complaint, denunciation or
petition (a "letter"): the notice of acceptance, the notice of refusal or return with its reasons, the
forwarding note and the resolution (decision on a complaint, conclusion on a denunciation, reply to a
petition). Documents are written in Vietnamese whatever the page's language (they are the Department's
official texts).

A denunciation's documents never carry the denouncer's identity (Law on Denunciations 2018 Art. 47): they
read only the letter, on which the denouncer never is (a database constraint), never `DenouncerIdentity`,
and they address the denouncer as "Người tố cáo"."""

from __future__ import annotations

from typing import Any

from stttt.core.calendar import calendar
from stttt.core.documents import Document, Paragraph, Signature, Table
from stttt.inspection import catalogue, rules, selectors
from stttt.inspection.models import InspectionCase, Letter, ViolationRecord
from stttt.org.selectors import letterhead


def _vnd(amount: int) -> str:
    return f"{amount:,}".replace(",", ".") + " đồng"


def _doc(agency: Any, **fields: Any) -> Document:
    """A document the Inspectorate issues under its Department (Decree 30/2020 Appendix I: the body under its
    parent body)."""
    head = letterhead(agency)
    return Document(issuer="THANH TRA SỞ", issuer_parent=head["issuer"], place=head["place"], **fields)


def _name(user: Any) -> str:
    return (getattr(user, "full_name", "") or getattr(user, "get_full_name", lambda: "")() or str(user)) if user else ""


def case_decision(case: InspectionCase) -> Document:
    members = [case.head, *case.members.all()]
    return _doc(
        case.agency,
        title="QUYẾT ĐỊNH",
        summary=f"Về việc thanh tra {case.content[:150]}",
        number=case.decision_number,
        date=case.decided_on,
        blocks=[
            Paragraph("CHÁNH THANH TRA SỞ", bold=True, align="center"),
            Paragraph(f"Căn cứ {case.legal_basis};"),
            Paragraph("Căn cứ Luật Thanh tra ngày 14 tháng 11 năm 2022;"),
            Paragraph("QUYẾT ĐỊNH:", bold=True, align="center"),
            Paragraph(
                f"Điều 1. Thanh tra {case.content} tại {case.subject_name}"
                + (f", địa chỉ {case.subject_address}" if case.subject_address else "")
                + "."
            ),
            Paragraph("Thời hạn thanh tra theo Điều 48 Luật Thanh tra 2022, tính từ ngày công bố quyết định."),
            Paragraph("Điều 2. Thành lập Đoàn thanh tra gồm:"),
            Table(
                ["STT", "Họ và tên", "Nhiệm vụ"],
                [[str(i + 1), _name(u), "Trưởng đoàn" if i == 0 else "Thành viên"] for i, u in enumerate(members)],
                [1, 6, 3],
            ),
            Paragraph(
                "Điều 3. Đoàn thanh tra, đối tượng thanh tra và cơ quan, tổ chức, cá nhân có liên quan chịu "
                "trách nhiệm thi hành Quyết định này."
            ),
        ],
        signatures=[Signature(title="CHÁNH THANH TRA", name=_name(case.decided_by))],
        recipients=["Như Điều 3", "Giám đốc Sở (để b/c)", "Lưu: VT, TTr"],
    )


def case_announcement(case: InspectionCase) -> Document:
    return _doc(
        case.agency,
        title="BIÊN BẢN",
        summary=f"Công bố Quyết định thanh tra số {case.decision_number}",
        date=case.announced_on or case.decided_on,
        blocks=[
            Paragraph(
                f"Hôm nay, tại {case.subject_name}, Đoàn thanh tra công bố Quyết định thanh tra số "
                f"{case.decision_number} ngày {case.decided_on:%d/%m/%Y}."
            ),
            Paragraph(f"Nội dung thanh tra: {case.content}."),
            Paragraph("Đối tượng thanh tra đã nghe công bố và nhận Quyết định."),
        ],
        signatures=[
            Signature(title="ĐẠI DIỆN ĐỐI TƯỢNG THANH TRA", note="(Ký, ghi rõ họ tên)"),
            Signature(title="TRƯỞNG ĐOÀN THANH TRA", name=_name(case.head)),
        ],
    )


def case_report(case: InspectionCase) -> Document:
    return _doc(
        case.agency,
        title="BÁO CÁO",
        summary=f"Kết quả thanh tra theo Quyết định số {case.decision_number}",
        date=case.reported_on or case.decided_on,
        blocks=[Paragraph(case.findings or "(chưa có nội dung)")],
        signatures=[Signature(title="TRƯỞNG ĐOÀN THANH TRA", name=_name(case.head))],
        recipients=["Chánh Thanh tra Sở", "Lưu: Đoàn thanh tra"],
    )


def case_conclusion(case: InspectionCase) -> Document:
    follow = [[str(i + 1), f.request, f"{f.due_on:%d/%m/%Y}"] for i, f in enumerate(case.follow_ups.all())]
    blocks: list[Any] = [
        Paragraph(
            f"Thực hiện Quyết định thanh tra số {case.decision_number} ngày {case.decided_on:%d/%m/%Y}, "
            f"Đoàn thanh tra đã tiến hành thanh tra tại {case.subject_name}."
        ),
        Paragraph("Xét báo cáo kết quả thanh tra, Chánh Thanh tra Sở kết luận như sau:", bold=True),
        Paragraph(case.conclusion or "(chưa có nội dung)"),
    ]
    if follow:
        blocks += [Paragraph("Kiến nghị, yêu cầu:", bold=True), Table(["STT", "Nội dung", "Thời hạn"], follow)]
    return _doc(
        case.agency,
        title="KẾT LUẬN THANH TRA",
        summary=f"Về việc thanh tra tại {case.subject_name}",
        number=case.conclusion_number,
        date=case.concluded_on or case.decided_on,
        blocks=blocks,
        signatures=[Signature(title="CHÁNH THANH TRA", name=_name(case.decided_by))],
        recipients=[case.subject_name, "Giám đốc Sở (để b/c)", "Lưu: VT, TTr, hồ sơ"],
    )


def violation_record(record: ViolationRecord) -> Document:
    kind = "Tổ chức" if record.offender_type == "organisation" else "Cá nhân"
    return _doc(
        record.agency,
        title="BIÊN BẢN VI PHẠM HÀNH CHÍNH",
        summary=f"Trong lĩnh vực {catalogue.SECTORS[record.sector]}".lower().capitalize(),
        number=record.number,
        date=record.recorded_on,
        blocks=[
            Paragraph(f"Hôm nay, ngày {record.recorded_on:%d/%m/%Y}, tại {record.place}."),
            Paragraph(f"Người lập biên bản: {_name(record.recorded_by)}."),
            Paragraph(
                f"Tiến hành lập biên bản vi phạm hành chính đối với {kind.lower()}: {record.offender_name}"
                + (f", mã số/giấy tờ: {record.offender_id_number}" if record.offender_id_number else "")
                + (f", địa chỉ: {record.offender_address}" if record.offender_address else "")
                + "."
            ),
            Paragraph(f"Đã có hành vi vi phạm hành chính: {record.act}."),
            Paragraph(f"Quy định tại: {record.citation}."),
            Paragraph(f"Khung tiền phạt: từ {_vnd(record.min_fine)} đến {_vnd(record.max_fine)}."),
            Paragraph("Cá nhân, tổ chức vi phạm có quyền giải trình theo Điều 61 Luật Xử lý vi phạm hành chính."),
            Paragraph(
                f"Người có thẩm quyền xử phạt ra quyết định chậm nhất ngày {record.decide_by:%d/%m/%Y} "
                "(Điều 66 Luật Xử lý vi phạm hành chính)."
            ),
        ],
        signatures=[
            Signature(title="NGƯỜI VI PHẠM", note="(Ký, ghi rõ họ tên)"),
            Signature(title="NGƯỜI LẬP BIÊN BẢN", name=_name(record.recorded_by)),
        ],
    )


def sanction_decision(record: ViolationRecord) -> Document:
    decision = record.decision
    blocks: list[Any] = [
        Paragraph("Căn cứ Luật Xử lý vi phạm hành chính ngày 20 tháng 6 năm 2012, được sửa đổi, bổ sung năm 2020;"),
        Paragraph(f"Căn cứ {record.citation};"),
        Paragraph(f"Căn cứ Biên bản vi phạm hành chính số {record.number} lập ngày {record.recorded_on:%d/%m/%Y};"),
        Paragraph("QUYẾT ĐỊNH:", bold=True, align="center"),
        Paragraph(
            f"Điều 1. Xử phạt vi phạm hành chính đối với {record.offender_name}. Hành vi: {record.act}. "
            f"Hình thức xử phạt chính: phạt tiền {_vnd(decision.fine)}."
        ),
    ]
    if decision.suspension_months:
        blocks.append(
            Paragraph(
                f"Hình thức xử phạt bổ sung: tước quyền sử dụng giấy phép "
                f"{record.licence.number if record.licence else ''} trong thời hạn "
                f"{decision.suspension_months:02d} tháng."
            )
        )
    if decision.remedial:
        blocks.append(Paragraph(f"Biện pháp khắc phục hậu quả: {decision.remedial}."))
    blocks.append(
        Paragraph(
            "Điều 2. Cá nhân, tổ chức bị xử phạt phải chấp hành Quyết định trong thời hạn 10 ngày kể từ ngày nhận "
            "(Điều 73 Luật Xử lý vi phạm hành chính); quá thời hạn mà không chấp hành thì bị cưỡng chế thi hành."
        )
    )
    title = "CHÁNH THANH TRA" if decision.decider_title == "chief_inspector" else "THANH TRA VIÊN"
    return _doc(
        record.agency,
        title="QUYẾT ĐỊNH",
        summary="Xử phạt vi phạm hành chính",
        number=decision.number,
        date=decision.decided_on,
        blocks=blocks,
        signatures=[Signature(title=title, name=_name(decision.decided_by))],
        recipients=[record.offender_name, "Kho bạc Nhà nước", "Lưu: VT, hồ sơ"],
    )


# --- Complaints, denunciations, petitions ---------------------------------------------------------------
#
# Provisions. Read in published texts of the laws while writing this: Law on Complaints 2011 Art. 11 (the
# complaints not accepted) and Art. 31 (what a first-time decision states, the right to complain a second time
# or to sue included; Art. 40, recalled as the second-time decision, is not cited); Law on Denunciations 2018
# Art. 29 (acceptance: its conditions, the decision, the denouncer notified within 5 working days) and Art. 35
# (what the conclusion states; a provincial inspectorate's procedure cites Decree 31/2019 Art. 17 with it).
# Cited as `facts.py` cites them, not reread here: Law on Complaints Art. 27 (acceptance notified in writing,
# with the reasons when refused: the rule was read, its article number was not) and 28 (periods); Law on
# Denunciations Art. 24(2) (forwarding), 30 (periods), 47 (secrecy); Circular 05/2021/TT-TTCP for forwarding
# and petitions ("verify" in `facts.py`). Who is competent to accept and resolve depends on what is
# complained of or who is denounced (the Director for the Department's own decisions and its staff; no
# article is cited for it here): notices and resolutions of complaints and denunciations are drafted in the
# Department's name for the Director's signature, forwarding notes and petition answers in the Inspectorate's
# for the Chief Inspector's. The number is left blank for the office to fill in when it registers the
# document (Decree 30/2020).

LC = "Luật Khiếu nại ngày 11 tháng 11 năm 2011"
LD = "Luật Tố cáo ngày 12 tháng 6 năm 2018"
DECREE_LC = (
    "Nghị định số 124/2020/NĐ-CP của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Khiếu nại"
)
DECREE_LD = (
    "Nghị định số 31/2019/NĐ-CP của Chính phủ quy định chi tiết một số điều và biện pháp tổ chức thi hành Luật Tố cáo"
)
CIRCULAR_LETTERS = "Thông tư số 05/2021/TT-TTCP của Thanh tra Chính phủ"
SECRECY = (
    "Họ tên, địa chỉ, bút tích và các thông tin cá nhân khác của người tố cáo được giữ bí mật theo Điều 47 "
    "Luật Tố cáo năm 2018."
)
DENOUNCER = "Người tố cáo"
_NOUN = {"complaint": "khiếu nại", "denunciation": "tố cáo", "petition": "kiến nghị, phản ánh"}
_BLANK_NUMBER = " " * 6  # the office writes the number in when it registers the document


def _department_doc(agency: Any, **fields: Any) -> Document:
    """A document the Department issues in its own name (for the Director's signature)."""
    head = letterhead(agency)
    return Document(issuer=head["issuer"], issuer_parent=head["issuer_parent"], place=head["place"], **fields)


def _director() -> Signature:
    return Signature(title="GIÁM ĐỐC")


def _chief() -> Signature:
    return Signature(title="CHÁNH THANH TRA")


def _sender(letter: Letter) -> str:
    """Who sent the letter, as the documents name them: never a denouncer (Art. 47)."""
    if letter.kind == "denunciation":
        return "người tố cáo"
    return letter.sender_name or "người gửi đơn"


def _recipient(letter: Letter) -> str:
    """The sender as a recipient ("Nơi nhận"): their name, "Người tố cáo" for a denunciation."""
    if letter.kind == "denunciation":
        return DENOUNCER
    return letter.sender_name or "Người gửi đơn"


def _addressee(letter: Letter) -> str:
    """The "Kính gửi" line: the sender of a complaint or petition with their address, "Người tố cáo" for a
    denunciation."""
    address = letter.sender_address if letter.kind != "denunciation" else ""
    return _recipient(letter) + (f", địa chỉ: {address}" if address else "")


def _to(letter: Letter) -> Paragraph:
    return Paragraph(f"Kính gửi: {_addressee(letter)}.", align="center")


def _received(letter: Letter, receiver: str) -> Paragraph:
    """The letter as received: date, number, from whom, about what."""
    by = "" if letter.kind == "denunciation" else f" của {_sender(letter)}"
    address = f", địa chỉ: {letter.sender_address}" if letter.sender_address and letter.kind != "denunciation" else ""
    return Paragraph(
        f"Ngày {letter.received_on:%d/%m/%Y}, {receiver} nhận được đơn {_NOUN[letter.kind]} "
        f"(số {letter.code}){by}{address}, về việc: {letter.subject}."
    )


def _content(letter: Letter) -> Paragraph:
    return Paragraph(f"Nội dung đơn: {letter.summary}")


def _step_date(letter: Letter, action: str) -> Any:
    """The day of a step that the letter records no date for (forward, return): from its history, else the
    day it was last changed."""
    return selectors.letter_step_on(letter, action) or letter.updated_at.date()


def _resolve_by(letter: Letter) -> Any:
    """The resolution deadline set at acceptance (extensions since then are notified separately)."""
    assert letter.accepted_on is not None
    if letter.kind == "complaint":
        return rules.complaint_resolve_deadline(
            calendar(), letter.accepted_on, complex_case=letter.complex_case, remote=letter.remote
        )
    return rules.denunciation_resolve_deadline(calendar(), letter.accepted_on, 0)


def letter_acceptance(letter: Letter) -> Document:
    """Notice that a complaint is accepted (Law on Complaints Art. 27; Decree 124/2020 form 03), or that a
    denunciation is (Law on Denunciations Art. 29: the denouncer is notified of the decision)."""
    assert letter.accepted_on is not None
    agency = letter.agency
    if letter.kind == "complaint":
        blocks = [
            _to(letter),
            _received(letter, agency.name),
            _content(letter),
            Paragraph(
                f"Căn cứ Điều 27 {LC}, xét thấy khiếu nại thuộc thẩm quyền giải quyết và không thuộc các trường "
                f"hợp không được thụ lý quy định tại Điều 11 của Luật, {agency.name} thông báo: khiếu nại được "
                f"thụ lý giải quyết kể từ ngày {letter.accepted_on:%d/%m/%Y}."
            ),
            Paragraph(
                f"Thời hạn giải quyết khiếu nại lần đầu đến hết ngày {_resolve_by(letter):%d/%m/%Y} "
                "(Điều 28 Luật Khiếu nại)."
            ),
        ]
        summary = "Về việc thụ lý giải quyết khiếu nại"
    else:
        blocks = [
            _to(letter),
            _received(letter, agency.name),
            Paragraph(f"Nội dung tố cáo được thụ lý: {letter.summary}"),
            Paragraph(
                f"Căn cứ Điều 29 {LD}, ngày {letter.accepted_on:%d/%m/%Y}, Giám đốc {agency.name} đã quyết định "
                "thụ lý tố cáo."
            ),
            Paragraph(
                f"Thời hạn giải quyết tố cáo đến hết ngày {_resolve_by(letter):%d/%m/%Y}; vụ việc phức tạp có thể "
                "được gia hạn theo Điều 30 Luật Tố cáo."
            ),
            Paragraph(SECRECY),
        ]
        summary = "Về việc thụ lý tố cáo"
    return _department_doc(
        agency,
        title="THÔNG BÁO",
        summary=summary,
        number=f"{_BLANK_NUMBER}/TB",
        date=letter.accepted_on,
        blocks=blocks,
        signatures=[_director()],
        recipients=[_recipient(letter), "Thanh tra Sở", "Lưu: VT, hồ sơ"],
    )


def letter_return(letter: Letter) -> Document:
    """Notice that a complaint or denunciation is not accepted, or that a petition is returned, with the
    reasons recorded (Law on Complaints Art. 11, 27; Law on Denunciations Art. 29; Circular 05/2021)."""
    agency = letter.agency
    day = _step_date(letter, "return")
    reason = letter.reason or "(chưa ghi lý do)"
    if letter.kind == "petition":
        return _doc(
            agency,
            title="THÔNG BÁO",
            summary="Về việc trả lại đơn kiến nghị, phản ánh",
            number=f"{_BLANK_NUMBER}/TB-TTr",
            date=day,
            blocks=[
                _to(letter),
                _received(letter, "Thanh tra Sở"),
                _content(letter),
                Paragraph(f"Căn cứ {CIRCULAR_LETTERS}, Thanh tra Sở trả lại đơn với lý do: {reason}"),
            ],
            signatures=[_chief()],
            recipients=[_recipient(letter), "Lưu: VT, TTr"],
        )
    if letter.kind == "complaint":
        decided = (
            f"Căn cứ Điều 11 và Điều 27 {LC}, {agency.name} thông báo không thụ lý giải quyết khiếu nại với lý do: "
            f"{reason}"
        )
        summary = "Về việc không thụ lý giải quyết khiếu nại"
    else:
        decided = (
            f"Căn cứ Điều 29 {LD}, tố cáo không đủ điều kiện thụ lý; {agency.name} thông báo không thụ lý tố cáo "
            f"với lý do: {reason}"
        )
        summary = "Về việc không thụ lý tố cáo"
    blocks = [_to(letter), _received(letter, agency.name), _content(letter), Paragraph(decided)]
    if letter.kind == "denunciation":
        blocks.append(Paragraph(SECRECY))
    return _department_doc(
        agency,
        title="THÔNG BÁO",
        summary=summary,
        number=f"{_BLANK_NUMBER}/TB",
        date=day,
        blocks=blocks,
        signatures=[_director()],
        recipients=[_recipient(letter), "Thanh tra Sở", "Lưu: VT, hồ sơ"],
    )


def letter_forward(letter: Letter) -> Document:
    """The note sending a letter outside the Department's competence to the competent body (Law on
    Denunciations Art. 24(2); Circular 05/2021), the sender told of it."""
    agency = letter.agency
    basis = f"khoản 2 Điều 24 {LD}" if letter.kind == "denunciation" else CIRCULAR_LETTERS
    why = f" (lý do: {letter.reason})" if letter.reason else ""
    blocks = [
        Paragraph(f"Kính gửi: {letter.forwarded_to}.", align="center"),
        _received(letter, "Thanh tra Sở"),
        _content(letter),
        Paragraph(
            f"Xét thấy nội dung đơn không thuộc thẩm quyền giải quyết của {agency.name}{why}, căn cứ {basis}, "
            f"Thanh tra Sở chuyển đơn đến {letter.forwarded_to} để xem xét, giải quyết theo thẩm quyền và thông "
            f"báo kết quả cho {_sender(letter)} theo quy định."
        ),
    ]
    if letter.kind == "denunciation":
        blocks.append(
            Paragraph(
                "Phiếu này không ghi thông tin về người tố cáo. " + SECRECY + " Cơ quan nhận đơn có trách nhiệm "
                "giữ bí mật thông tin về người tố cáo."
            )
        )
    return _doc(
        agency,
        title="PHIẾU CHUYỂN ĐƠN",
        summary=f"Về việc chuyển đơn {_NOUN[letter.kind]}",
        number=f"{_BLANK_NUMBER}/PC-TTr",
        date=_step_date(letter, "forward"),
        blocks=blocks,
        signatures=[_chief()],
        recipients=[letter.forwarded_to, f"{_recipient(letter)} (để biết)", "Lưu: VT, TTr"],
    )


def letter_resolution(letter: Letter) -> Document:
    """The decision on a first-time complaint (Law on Complaints Art. 31; Decree 124/2020), the conclusion on
    a denunciation (Law on Denunciations Art. 35; Decree 31/2019 Art. 17), or the reply to a petition."""
    assert letter.resolved_on is not None
    agency = letter.agency
    result = letter.result or "(chưa có nội dung)"
    published = [Paragraph("Văn bản này được công khai theo quy định.", italic=True)] if letter.published else []
    if letter.kind == "complaint":
        issuer = letterhead(agency)["issuer"]
        accepted = f", thụ lý ngày {letter.accepted_on:%d/%m/%Y}" if letter.accepted_on else ""
        address = f", địa chỉ: {letter.sender_address}" if letter.sender_address else ""
        return _department_doc(
            agency,
            title="QUYẾT ĐỊNH",
            summary=f"Về việc giải quyết khiếu nại (lần đầu) của {_sender(letter)}",
            number=f"{_BLANK_NUMBER}/QĐ",
            date=letter.resolved_on,
            blocks=[
                Paragraph(f"GIÁM ĐỐC {issuer}".upper(), bold=True, align="center"),
                Paragraph(f"Căn cứ {LC};"),
                Paragraph(f"Căn cứ {DECREE_LC};"),
                Paragraph(
                    f"Xét đơn khiếu nại ngày {letter.received_on:%d/%m/%Y} của {_sender(letter)}{address} "
                    f"(đơn số {letter.code}{accepted})."
                ),
                Paragraph(f"Đối tượng bị khiếu nại: {letter.subject}."),
                Paragraph(f"Nội dung khiếu nại: {letter.summary}"),
                Paragraph(
                    "Căn cứ kết quả xác minh nội dung khiếu nại, kết quả đối thoại (nếu có) và các quy định của "
                    "pháp luật có liên quan,"
                ),
                Paragraph("QUYẾT ĐỊNH:", bold=True, align="center"),
                Paragraph(f"Điều 1. {result}"),
                Paragraph(
                    "Điều 2. Trường hợp không đồng ý với Quyết định này, người khiếu nại có quyền khiếu nại lần hai "
                    "đến người có thẩm quyền giải quyết khiếu nại lần hai hoặc khởi kiện vụ án hành chính tại Tòa "
                    "án theo quy định của pháp luật về tố tụng hành chính (Điều 31 Luật Khiếu nại)."
                ),
                Paragraph(
                    "Điều 3. Người khiếu nại, người bị khiếu nại và các cơ quan, tổ chức, cá nhân có liên quan "
                    "chịu trách nhiệm thi hành Quyết định này."
                ),
                *published,
            ],
            signatures=[_director()],
            recipients=[_sender(letter), "Người bị khiếu nại", "Thanh tra Sở", "Lưu: VT, hồ sơ"],
        )
    if letter.kind == "denunciation":
        accepted = f"Ngày {letter.accepted_on:%d/%m/%Y}, " if letter.accepted_on else ""
        return _department_doc(
            agency,
            title="KẾT LUẬN NỘI DUNG TỐ CÁO",
            summary=f"Về việc tố cáo đối với {letter.subject}",
            number=f"{_BLANK_NUMBER}/KL",
            date=letter.resolved_on,
            blocks=[
                Paragraph(
                    f"{accepted}Giám đốc {agency.name} thụ lý tố cáo (đơn số {letter.code} nhận ngày "
                    f"{letter.received_on:%d/%m/%Y}) đối với {letter.subject}."
                ),
                Paragraph(f"Nội dung tố cáo: {letter.summary}"),
                Paragraph(
                    f"Căn cứ Điều 35 {LD} và {DECREE_LD}; căn cứ nội dung tố cáo, giải trình của người bị tố cáo, "
                    "kết quả xác minh nội dung tố cáo và các tài liệu, chứng cứ có liên quan, Giám đốc Sở kết luận "
                    "như sau:",
                    bold=True,
                ),
                Paragraph(result),
                Paragraph(
                    "Kết luận này được gửi đến người bị tố cáo và thông báo cho người tố cáo theo quy định. " + SECRECY
                ),
                *published,
            ],
            signatures=[_director()],
            recipients=["Người bị tố cáo", f"{DENOUNCER} (thông báo kết luận)", "Thanh tra Sở", "Lưu: VT, hồ sơ"],
        )
    return _doc(
        agency,
        title="THÔNG BÁO",
        summary="Về kết quả xử lý kiến nghị, phản ánh",
        number=f"{_BLANK_NUMBER}/TB-TTr",
        date=letter.resolved_on,
        blocks=[
            _to(letter),
            _received(letter, "Thanh tra Sở"),
            _content(letter),
            Paragraph(f"Căn cứ {CIRCULAR_LETTERS}, Thanh tra Sở thông báo kết quả xem xét, xử lý như sau:"),
            Paragraph(result),
            *published,
        ],
        signatures=[_chief()],
        recipients=[_recipient(letter), "Lưu: VT, TTr"],
    )


def letter_documents(letter: Letter) -> list[str]:
    """The documents the letter's state allows (`rules.letter_documents`), keys of `LETTER_DOCUMENTS`."""
    return rules.letter_documents(letter.kind, letter.status, letter.accepted_on is not None)


CASE_DOCUMENTS = {
    "quyet-dinh": case_decision,
    "cong-bo": case_announcement,
    "bao-cao": case_report,
    "ket-luan": case_conclusion,
}
RECORD_DOCUMENTS = {"bien-ban": violation_record, "quyet-dinh-xu-phat": sanction_decision}
LETTER_DOCUMENTS = {
    rules.LETTER_ACCEPTANCE: letter_acceptance,
    rules.LETTER_RETURN: letter_return,
    rules.LETTER_FORWARD: letter_forward,
    rules.LETTER_RESOLUTION: letter_resolution,
}
