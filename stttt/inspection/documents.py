"""The inspection app's documents in the administrative format (Decree 30/2020/NĐ-CP Appendix I) through
`stttt.core.documents`: the inspection decision, the minutes announcing it, the team's report, the
conclusion, the violation record and the sanction decision. Documents are written in Vietnamese whatever
the page's language (they are the Department's official texts)."""

from __future__ import annotations

from typing import Any

from stttt.core.documents import Document, Paragraph, Signature, Table
from stttt.inspection import catalogue
from stttt.inspection.models import InspectionCase, ViolationRecord
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


CASE_DOCUMENTS = {
    "quyet-dinh": case_decision,
    "cong-bo": case_announcement,
    "bao-cao": case_report,
    "ket-luan": case_conclusion,
}
RECORD_DOCUMENTS = {"bien-ban": violation_record, "quyet-dinh-xu-phat": sanction_decision}
