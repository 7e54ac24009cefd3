"""The one-stop slips of Circular 01/2018/TT-VPCP (forms 01–06), built on `stttt.core.documents`.

The slips are official forms and are always in Vietnamese, whatever the interface language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from django.utils import timezone

from stttt.core.documents import Document, Paragraph, Signature, Table
from stttt.org import selectors as org_selectors
from stttt.org.models import Agency
from stttt.procedures import filing, versions
from stttt.procedures.choices import Status
from stttt.procedures.models import Dossier, ProcedureVersion

STEP_NAMES = {
    "submit": "Nộp hồ sơ",
    "receive": "Tiếp nhận hồ sơ",
    "return_for_completion": "Hướng dẫn hoàn thiện hồ sơ",
    "resubmit": "Nộp lại hồ sơ",
    "reject": "Từ chối tiếp nhận",
    "transfer": "Chuyển phòng chuyên môn",
    "assign": "Phân công xử lý",
    "request_supplement": "Yêu cầu bổ sung hồ sơ",
    "supplement_received": "Nhận hồ sơ bổ sung",
    "propose": "Trình lãnh đạo phê duyệt",
    "send_back": "Lãnh đạo trả lại để xử lý",
    "approve": "Phê duyệt, ban hành kết quả",
    "forward": "Chuyển cơ quan có thẩm quyền",
    "refuse": "Từ chối giải quyết",
    "apologise": "Xin lỗi và hẹn lại ngày trả kết quả",
    "return_result": "Trả kết quả",
    "withdraw": "Rút hồ sơ",
}
COPY_NAMES = {
    "original": "Bản chính",
    "copy": "Bản sao",
    "certified_copy": "Bản sao có chứng thực",
    "original_or_certified": "Bản chính hoặc bản sao có chứng thực",
}
UNIT_NAMES = {"working": "ngày làm việc", "calendar": "ngày"}


def _letterhead(agency: Agency | None) -> dict[str, str]:
    """Issuer, parent body and place from the agency's own data (`org.selectors.letterhead`)."""
    if agency is None:
        return {"issuer": "", "issuer_parent": "", "place": ""}
    return org_selectors.letterhead(agency)


def _issuer_name(agency: Agency | None) -> str:
    """The agency as named in a sentence of a slip."""
    return agency.name if agency is not None else ""


def _when(value: dt.datetime | None) -> str:
    if value is None:
        return "…"
    local = timezone.localtime(value)
    return f"{local:%H} giờ {local:%M} phút, ngày {local:%d/%m/%Y}"


def _day(value: dt.date | None) -> str:
    return f"ngày {value:%d/%m/%Y}" if value else "…"


def _base(
    dossier: Dossier | None,
    title: str,
    blocks: list,
    signatures: list[Signature],
    *,
    paper: str = "A5",
    landscape: bool = False,
    number: str = "",
    agency: Agency | None = None,
) -> Document:
    agency = agency or (dossier.agency if dossier is not None else None)
    head = _letterhead(agency)
    return Document(
        issuer=head["issuer"],
        issuer_parent=head["issuer_parent"],
        place=head["place"],
        date=timezone.localdate(),
        title=title,
        number=number or (dossier.code or "" if dossier else ""),
        blocks=blocks,
        signatures=signatures,
        paper=paper,  # type: ignore[arg-type]
        landscape=landscape,
    )


def _applicant(dossier: Dossier) -> list[Paragraph]:
    lines = [f"Tên tổ chức, cá nhân: {dossier.applicant_name}"]
    if dossier.applicant_address:
        lines.append(f"Địa chỉ: {dossier.applicant_address}")
    contact = ", ".join(x for x in (dossier.applicant_phone, dossier.applicant_email) if x)
    if contact:
        lines.append(f"Số điện thoại, thư điện tử: {contact}")
    return [Paragraph(line, align="left") for line in lines]


def received_components(dossier: Dossier) -> list:
    """The components actually received (Circular 01/2018/TT-VPCP form 01 lists what was handed in): a
    document attached for it, or its paper original seen by the desk. A component never given is not listed;
    the components, their order and copies are those of the version the dossier was filed under."""
    attached = set(dossier.files.exclude(component=None).values_list("component_id", flat=True))
    seen = {int(c) for c in (dossier.paper_components or [])}
    return [c for c in versions.components_of(dossier.terms) if c.pk in attached | seen]


def _tracking(dossier: Dossier) -> str:
    """How the applicant follows the dossier: on the portal with the reference and the secret given at an
    online filing; a paper dossier (no secret given) at the desk, by its code."""
    references = filing.references(dossier)
    if references:
        return (
            f"Tra cứu tình trạng hồ sơ trên Cổng dịch vụ công bằng mã tra cứu {references[0]} (hoặc mã hồ sơ "
            f"{dossier.code}) cùng mã bí mật được cấp khi nộp hồ sơ trực tuyến."
        )
    return f"Tra cứu tình trạng hồ sơ tại Bộ phận tiếp nhận và trả kết quả bằng mã hồ sơ {dossier.code}."


def _limit_basis(terms: Any) -> str:
    """The provision of the applicable limit, and the version it comes from when there are versions."""
    if isinstance(terms, ProcedureVersion):
        return f"{terms.limit_basis}; phiên bản {terms.number} của thủ tục"
    return str(terms.time_limit_basis)


def receipt(dossier: Dossier) -> Document:
    """Form 01: receipt and appointment slip."""
    procedure, terms = dossier.procedure, dossier.terms  # the version it was filed under
    days, unit = terms.applicable_limit
    received = received_components(dossier)
    rows = [
        [str(i), c.name, COPY_NAMES.get(c.copy_kind, c.copy_kind), str(c.copies)]
        for i, c in enumerate(received, start=1)
    ]
    blocks: list = [
        Paragraph(f"Mã hồ sơ: {dossier.code}", bold=True, align="center"),
        Paragraph(
            f"Bộ phận tiếp nhận và trả kết quả {_issuer_name(dossier.agency)} đã tiếp nhận hồ sơ của:", align="left"
        ),
        *_applicant(dossier),
        Paragraph(
            f"Nội dung yêu cầu giải quyết: {procedure.name}" + (f" ({dossier.subject})" if dossier.subject else ""),
            align="left",
        ),
        Paragraph("Thành phần hồ sơ và số lượng mỗi loại giấy tờ gồm:", align="left"),
        Table(["STT", "Tên giấy tờ", "Hình thức", "Số lượng"], rows),
        Paragraph(
            f"Thời gian giải quyết hồ sơ theo quy định: {days} {UNIT_NAMES[unit]} ({_limit_basis(terms)}).",
            align="left",
        ),
        Paragraph(f"Thời gian nhận hồ sơ: {_when(dossier.received_at)}.", align="left"),
        Paragraph(f"Thời gian trả kết quả giải quyết hồ sơ: {_day(dossier.due_date)}.", bold=True, align="left"),
        Paragraph(_tracking(dossier), italic=True, align="left"),
    ]
    signatures = [
        Signature("Người nộp hồ sơ", dossier.applicant_name, note="(Ký và ghi rõ họ tên)"),
        Signature("Người tiếp nhận hồ sơ", str(dossier.received_by or ""), note="(Ký và ghi rõ họ tên)"),
    ]
    return _base(dossier, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", blocks, signatures)


def filing_acknowledgement(dossier: Dossier) -> Document:
    """What an online applicant prints right after filing, before the desk receives the dossier: the
    reference, when it was filed, the documents attached, and that the receipt and appointment slip (form 01,
    `receipt`) follows the desk's receipt (Decree 61/2018/NĐ-CP Art. 17: the desk checks the dossier first)."""
    procedure = dossier.procedure
    received = received_components(dossier)
    rows = [[str(i), c.name, str(c.copies)] for i, c in enumerate(received, start=1)]
    references = filing.references(dossier)
    blocks: list = [
        Paragraph(f"Mã tra cứu: {references[0] if references else '…'}", bold=True, align="center"),
        Paragraph(f"{_issuer_name(dossier.agency)} đã nhận hồ sơ nộp trực tuyến của:", align="left"),
        *_applicant(dossier),
        Paragraph(
            f"Nội dung yêu cầu giải quyết: {procedure.name}" + (f" ({dossier.subject})" if dossier.subject else ""),
            align="left",
        ),
        Paragraph(f"Thời gian nộp hồ sơ: {_when(dossier.submitted_at)}.", align="left"),
        Paragraph("Tài liệu đã gửi kèm:", align="left"),
        Table(["STT", "Tên giấy tờ", "Số lượng"], rows),
        Paragraph(
            "Bộ phận tiếp nhận và trả kết quả sẽ kiểm tra hồ sơ; khi hồ sơ được tiếp nhận, ông/bà nhận được mã hồ sơ "
            "và Giấy tiếp nhận hồ sơ và hẹn trả kết quả. Tra cứu tình trạng hồ sơ trên Cổng dịch vụ công bằng mã "
            "tra cứu cùng mã bí mật được cấp khi nộp hồ sơ.",
            italic=True,
            align="left",
        ),
    ]
    return _base(dossier, "Phiếu xác nhận nộp hồ sơ trực tuyến", blocks, [])


def applicant_receipt(dossier: Dossier) -> tuple[str, Document]:
    """The slip an applicant prints from the portal: the receipt and appointment slip (form 01) once the desk
    has received the dossier, the filing acknowledgement before that. (file name, document)"""
    if dossier.code:
        return f"giay-tiep-nhan-{dossier.code}", receipt(dossier)
    return "xac-nhan-nop-ho-so", filing_acknowledgement(dossier)


def supplement(dossier: Dossier) -> Document:
    """Form 02: request to supplement and complete the dossier."""
    blocks: list = [
        Paragraph(f"Hồ sơ của: {dossier.applicant_name}", align="left"),
        Paragraph(f"Nội dung yêu cầu giải quyết: {dossier.procedure.name}", align="left"),
        Paragraph("Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:", align="left"),
        Paragraph(dossier.supplement_reasons or "…", align="left"),
        Paragraph(
            "Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, ông/bà liên hệ Bộ phận tiếp nhận và trả "
            "kết quả để được hướng dẫn. Thời hạn giải quyết được tính lại từ ngày nhận đủ hồ sơ.",
            italic=True,
        ),
    ]
    when = dossier.supplement_requested_at or dossier.updated_at
    blocks.insert(0, Paragraph(f"Thời điểm yêu cầu: {_when(when)}", align="left"))
    return _base(
        dossier,
        "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
        blocks,
        [
            Signature(
                "Người hướng dẫn", str(dossier.assignee or dossier.received_by or ""), note="(Ký và ghi rõ họ tên)"
            )
        ],
    )


def refusal(dossier: Dossier) -> Document:
    """Form 03: refusal to receive / to resolve the dossier, with reasons."""
    stage = "tiếp nhận" if dossier.status == Status.REJECTED else "giải quyết"
    blocks: list = [
        *_applicant(dossier),
        Paragraph(f"Nội dung yêu cầu giải quyết: {dossier.procedure.name}", align="left"),
        Paragraph(f"Cơ quan không thể {stage} hồ sơ này với lý do cụ thể như sau:", align="left"),
        Paragraph(dossier.refusal_reasons or "…", align="left"),
        Paragraph("Xin thông báo để ông/bà được biết và thực hiện.", italic=True),
    ]
    return _base(
        dossier, f"Phiếu từ chối {stage} hồ sơ", blocks, [Signature("Người từ chối", note="(Ký và ghi rõ họ tên)")]
    )


def apology(dossier: Dossier) -> Document:
    """Form 04: apology and new appointment."""
    blocks: list = [
        Paragraph(
            f"Ngày {timezone.localtime(dossier.received_at):%d/%m/%Y}" if dossier.received_at else "", align="left"
        ),
        Paragraph(
            f"{_issuer_name(dossier.agency)} tiếp nhận hồ sơ của {dossier.applicant_name}, "
            f"mã hồ sơ {dossier.code}, nội dung: {dossier.procedure.name}; "
            f"hẹn trả kết quả {_day(dossier.statutory_due_date)}.",
            align="left",
        ),
        Paragraph(
            f"Tuy nhiên, đến nay cơ quan chưa trả kết quả được cho ông/bà vì lý do: {dossier.apology_reason}",
            align="left",
        ),
        Paragraph(
            f"Sự chậm trễ này đã gây phiền hà cho ông/bà. Cơ quan xin lỗi và hẹn trả kết quả vào "
            f"{_day(dossier.due_date)}.",
            bold=True,
        ),
        Paragraph("Mong nhận được sự cảm thông của ông/bà.", italic=True),
    ]
    return _base(
        dossier,
        "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
        blocks,
        [Signature("Thủ trưởng cơ quan", note="(Ký, ghi rõ họ tên và đóng dấu)")],
    )


def _step_result(on_time: bool | None) -> str:
    return {True: "Đúng hạn", False: "Quá hạn"}.get(on_time, "")  # type: ignore[arg-type]


def control_sheet(dossier: Dossier) -> Document:
    """Form 05: processing control sheet, every step with its deadline and whether it was on time."""
    rows = []
    for step in dossier.steps.select_related("actor").all():
        rows.append(
            [
                STEP_NAMES.get(step.action, step.action),
                _when(step.at),
                str(step.actor or ""),
                _day(step.due_date) if step.due_date else "",
                _step_result(step.on_time),
                step.note,
            ]
        )
    blocks: list = [
        Paragraph(f"Kèm theo hồ sơ của: {dossier.applicant_name}", align="left"),
        Paragraph(f"Nội dung yêu cầu giải quyết: {dossier.procedure.name}", align="left"),
        Paragraph(f"Ngày hẹn trả kết quả: {_day(dossier.due_date)}", align="left"),
        Table(["Bước", "Thời gian giao, nhận", "Người thực hiện", "Hạn của bước", "Kết quả", "Ghi chú"], rows),
    ]
    return _base(dossier, "Phiếu kiểm soát quá trình giải quyết hồ sơ", blocks, [], paper="A4")


def logbook(dossiers: Iterable[Dossier], first: dt.date, last: dt.date, *, agency: Agency | None = None) -> Document:
    """Form 06: dossier logbook for a period (A4 landscape)."""
    rows = []
    for index, d in enumerate(dossiers, start=1):
        rows.append(
            [
                str(index),
                d.code or "",
                d.procedure.name,
                d.applicant_name,
                ", ".join(x for x in (d.applicant_address, d.applicant_phone) if x),
                d.procedure.division_code,
                f"{timezone.localtime(d.received_at):%d/%m/%Y %H:%M}" if d.received_at else "",
                f"{d.due_date:%d/%m/%Y}" if d.due_date else "",
                f"{timezone.localtime(d.resolved_at):%d/%m/%Y}" if d.resolved_at else "",
                f"{timezone.localtime(d.returned_at):%d/%m/%Y}" if d.returned_at else "",
                d.get_status_display(),
            ]
        )
    blocks: list = [
        Paragraph(f"Từ ngày {first:%d/%m/%Y} đến ngày {last:%d/%m/%Y}", align="center", italic=True),
        Table(
            [
                "STT",
                "Mã hồ sơ",
                "Tên thủ tục hành chính",
                "Tên tổ chức, cá nhân",
                "Địa chỉ, số điện thoại",
                "Cơ quan chủ trì giải quyết",
                "Ngày nhận hồ sơ",
                "Ngày hẹn trả",
                "Ngày có kết quả",
                "Ngày trả kết quả",
                "Ghi chú",
            ],
            rows,
        ),
    ]
    return _base(None, "Sổ theo dõi hồ sơ", blocks, [], paper="A4", landscape=True, agency=agency)


# slug -> (form number, form name, builder); the names are those of the official forms.
SLIPS: dict[str, tuple[str, Callable[[Dossier], Document], str]] = {
    "receipt": ("Mẫu 01", receipt, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
    "supplement": ("Mẫu 02", supplement, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
    "refusal": ("Mẫu 03", refusal, "Phiếu từ chối tiếp nhận, giải quyết hồ sơ"),
    "apology": ("Mẫu 04", apology, "Phiếu xin lỗi và hẹn lại ngày trả kết quả"),
    "control-sheet": ("Mẫu 05", control_sheet, "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
}


def slips_for(dossier: Dossier) -> list[str]:
    """The slips that exist for a dossier in its current state."""
    found = []
    if dossier.code:
        found += ["receipt", "control-sheet"]
    if dossier.supplement_reasons:
        found.append("supplement")
    if dossier.refusal_reasons and dossier.status in (Status.REJECTED, Status.REFUSED, Status.RETURNED):
        found.append("refusal")
    if dossier.apology_at:
        found.append("apology")
    return found


def guidance(procedure, applicant_name: str, missing: str) -> Document:
    """Form 02 handed over at the desk when a paper dossier is incomplete: the dossier is guided, not
    received, so nothing is recorded (Decree 61/2018 Art. 17(1)(a)). The components are those of the version
    in force today, under which the completed dossier will be filed."""
    components = versions.components_of(versions.version_in_force(procedure) or procedure)
    blocks: list = [
        Paragraph(f"Hồ sơ của: {applicant_name}", align="left"),
        Paragraph(f"Nội dung yêu cầu giải quyết: {procedure.name}", align="left"),
        Paragraph("Hồ sơ chưa đầy đủ; đề nghị bổ sung, hoàn thiện những nội dung sau:", align="left"),
        Paragraph(missing, align="left"),
        Paragraph("Thành phần hồ sơ theo quy định:", align="left"),
        Table(
            ["STT", "Tên giấy tờ", "Hình thức", "Số lượng"],
            [
                [str(i), c.name, COPY_NAMES.get(c.copy_kind, c.copy_kind), str(c.copies)]
                for i, c in enumerate(components, start=1)
            ],
        ),
    ]
    return _base(
        None,
        "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
        blocks,
        [Signature("Người hướng dẫn", note="(Ký và ghi rõ họ tên)")],
        agency=procedure.agency,
    )
