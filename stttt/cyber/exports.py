"""Documents of a level dossier in the administrative format (Decree 30/2020/NĐ-CP), as DOCX or PDF through
`stttt.core.documents`: the appraisal opinion (Decree 85/2016 Mẫu số 04) and the approval decision
(Mẫu số 06). Vietnamese, as sent."""

from __future__ import annotations

from stttt.core import documents as docs
from stttt.cyber import rules
from stttt.cyber.models import LevelDossier
from stttt.cyber.selectors import today
from stttt.org.selectors import letterhead

SHOWN = {"met": "Đáp ứng", "partly": "Đáp ứng một phần", "missing": "Chưa đáp ứng", "unchecked": "Chưa xem xét"}
GROUP = {"management": "Quản lý", "technical": "Kỹ thuật"}


def _d(day) -> str:
    return day.strftime("%d/%m/%Y") if day else "…"


def opinion(dossier: LevelDossier) -> docs.Document:
    """The appraisal opinion on the level dossier (Decree 85/2016 Art. 12, Mẫu số 04)."""
    system = dossier.system
    flag = dossier.under_classified
    criteria = "; ".join(f"{c.text} ({c.basis})" for c in system.criteria)
    blocks: list[docs.Block] = [
        docs.Paragraph(
            "Căn cứ Luật An toàn thông tin mạng ngày 19 tháng 11 năm 2015; Nghị định số 85/2016/NĐ-CP ngày "
            "01/7/2016 của Chính phủ về bảo đảm an toàn hệ thống thông tin theo cấp độ; Thông tư số "
            "12/2022/TT-BTTTT; TCVN 11930:2017."
        ),
        docs.Paragraph(
            f"Xét hồ sơ đề xuất cấp độ số {dossier.reference} của {system.owner.name} nộp ngày "
            f"{_d(dossier.submitted_on)} (nhận đủ hồ sơ ngày {_d(dossier.received_on)}) đối với hệ thống thông tin "
            f"“{system.name}”, đơn vị vận hành: {system.operator or '…'}, đề xuất cấp độ {dossier.proposed_level}."
        ),
        docs.Paragraph("1. Xác định cấp độ theo tiêu chí", bold=True),
        docs.Paragraph(f"Các tiêu chí hệ thống đáp ứng: {criteria}. Cấp độ theo tiêu chí: {system.implied_level}."),
    ]
    if flag is not None:
        blocks.append(
            docs.Paragraph(
                f"Cấp độ đề xuất thấp hơn cấp độ theo tiêu chí “{flag.text}” ({flag.basis}): cấp độ {flag.level}.",
                bold=True,
            )
        )
    blocks.append(docs.Paragraph("2. Phương án bảo đảm an toàn theo yêu cầu cơ bản của cấp độ", bold=True))
    blocks.append(
        docs.Table(
            headers=["Mã", "Nhóm", "Yêu cầu", "Hồ sơ thể hiện", "Ghi chú"],
            rows=[
                [i.code, GROUP.get(i.group, i.group), i.title, SHOWN.get(i.shown, i.shown), i.note]
                for i in dossier.checklist.all()
            ],
            widths=[1, 1.4, 5, 1.8, 2.5],
        )
    )
    blocks.append(docs.Paragraph("3. Ý kiến thẩm định", bold=True))
    blocks.append(docs.Paragraph(dossier.opinion or "…"))
    approver = rules.approver(dossier.proposed_level)
    next_step = {
        "department": "Sở Thông tin và Truyền thông phê duyệt cấp độ (khoản 1 Điều 12 Nghị định 85/2016/NĐ-CP).",
        "owner": "Đề nghị chủ quản hệ thống thông tin phê duyệt hồ sơ đề xuất cấp độ (điểm b khoản 2 Điều 12).",
        "ministry": "Ý kiến chuyên môn gửi cơ quan thẩm định cấp độ 4, 5 (khoản 3 Điều 12, khoản 5 Điều 15).",
    }[approver]
    blocks.append(docs.Paragraph(next_step))
    head = letterhead(dossier.agency)
    return docs.Document(
        issuer=head["issuer"],
        issuer_parent=head["issuer_parent"],
        place=head["place"],
        number=dossier.opinion_number,
        date=dossier.appraised_on or today(),
        title="Văn bản ý kiến thẩm định",
        summary=f"Hồ sơ đề xuất cấp độ an toàn hệ thống thông tin “{system.name}”",
        blocks=blocks,
        signatures=[docs.Signature(authority="KT. GIÁM ĐỐC", title="PHÓ GIÁM ĐỐC")],
        recipients=[system.owner.name, "Lưu: VT"],
    )


def decision(dossier: LevelDossier) -> docs.Document:
    """The decision approving the level (Decree 85/2016 Art. 12(1), Mẫu số 06)."""
    system = dossier.system
    level = dossier.approved_level or dossier.proposed_level
    blocks: list[docs.Block] = [
        docs.Paragraph(
            "Căn cứ Luật An toàn thông tin mạng ngày 19 tháng 11 năm 2015; Nghị định số 85/2016/NĐ-CP ngày "
            "01/7/2016 của Chính phủ về bảo đảm an toàn hệ thống thông tin theo cấp độ; Thông tư số "
            "12/2022/TT-BTTTT;"
        ),
        docs.Paragraph(
            f"Xét hồ sơ đề xuất cấp độ số {dossier.reference} và văn bản ý kiến thẩm định "
            f"{dossier.opinion_number or ''} ngày {_d(dossier.appraised_on)};"
        ),
        docs.Paragraph("QUYẾT ĐỊNH:", bold=True, align="center"),
        docs.Paragraph(
            f"Điều 1. Phê duyệt cấp độ {level} đối với hệ thống thông tin “{system.name}” của {system.owner.name}; "
            f"đơn vị vận hành: {system.operator or '…'}; nơi đặt hệ thống: {system.get_hosting_display()}."
        ),
        docs.Paragraph(
            "Điều 2. Đơn vị vận hành triển khai phương án bảo đảm an toàn hệ thống thông tin theo cấp độ đã phê "
            f"duyệt; kiểm tra, đánh giá định kỳ {rules.assessment_months(level)} tháng một lần."
        ),
        docs.Paragraph("Điều 3. Quyết định này có hiệu lực kể từ ngày ký."),
    ]
    head = letterhead(dossier.agency)
    return docs.Document(
        issuer=head["issuer"],
        issuer_parent=head["issuer_parent"],
        place=head["place"],
        number=dossier.decision_number,
        date=dossier.approved_on or today(),
        title="Quyết định",
        summary=f"Về việc phê duyệt cấp độ an toàn hệ thống thông tin “{system.name}”",
        blocks=blocks,
        signatures=[docs.Signature(authority="KT. GIÁM ĐỐC", title="PHÓ GIÁM ĐỐC")],
        recipients=["Như Điều 2", system.owner.name, "Lưu: VT"],
    )


DOCUMENTS = {"y-kien-tham-dinh": opinion, "quyet-dinh": decision}
