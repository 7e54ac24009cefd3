"""Documents of the work app in administrative format (briefing pack, programme, reports) and XLSX tables.

Descriptions are built here from selectors' data and rendered by `stttt.core.documents`; texts printed in
the documents are Vietnamese, as the Department issues them. The letterhead, the place and the recipients
come from the agency's data (`org.Agency`, `org.selectors.letterhead`), never from code."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any, TypedDict

from stttt.core import documents as docs
from stttt.core import spreadsheets
from stttt.org.models import Agency
from stttt.org.selectors import letterhead
from stttt.work import indicators, selectors
from stttt.work.models import DistrictRequest, Report


class _Head(TypedDict):
    issuer: str
    issuer_parent: str
    place: str


def _head(agency: Agency) -> _Head:
    """The agency's letterhead fields (`org.selectors.letterhead`), typed for `Document`."""
    found = letterhead(agency)
    return {"issuer": found["issuer"], "issuer_parent": found["issuer_parent"], "place": found["place"]}


def recipient_name(agency: Agency, recipient: str) -> str:
    """The body a report goes to, as the agency's data names it (PPC, People's Council, Ministry)."""
    return {"ppc": agency.parent_body, "council": agency.council_name, "ministry": agency.ministry_name}.get(
        recipient, ""
    )


def _leadership_unit_name(agency: Agency) -> str:
    from stttt.org.choices import UnitKind
    from stttt.org.models import Unit

    unit = Unit.objects.filter(agency=agency, kind=UnitKind.LEADERSHIP, dissolved_on__isnull=True).first()
    return unit.name if unit else "Ban Giám đốc"


def _office(agency: Agency) -> Any:
    from stttt.org.choices import UnitKind
    from stttt.org.models import Unit

    return Unit.objects.filter(agency=agency, kind=UnitKind.OFFICE, dissolved_on__isnull=True).first()


def _filing_line(agency: Agency) -> str:
    """The filing line (Decree 30/2020, Appendix I): the archive (VT) and the Office's short name."""
    office = _office(agency)
    short = (office.short_name or office.code) if office else ""
    return f"Lưu: VT{', ' + short if short else ''}"


def _num(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    return f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def _d(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _director_signature() -> docs.Signature:
    return docs.Signature(title="Giám đốc", name="")


def briefing_document(pack: dict[str, Any]) -> docs.Document:
    """The briefing pack of a month (5.4): per unit counts, overdue tasks with reasons, indicators."""
    first: dt.date = pack["first"]
    blocks: list[docs.Block] = [
        docs.Paragraph(
            f"Căn cứ khoản 4 Điều 5 Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của "
            f"Sở, Sở tổ chức họp giao ban chuyên môn tháng {first.month:02d}/{first.year}. "
            f"Số liệu tổng hợp đến ngày {_d(min(pack['last'], pack['on']))}."
        ),
        docs.Paragraph("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THEO ĐƠN VỊ", bold=True, align="left"),
        docs.Table(
            headers=["STT", "Đơn vị", "Hoàn thành", "Đang thực hiện", "Quá hạn"],
            rows=[
                [str(i), r["name"], str(r["completed"]), str(r["in_progress"]), str(r["overdue"])]
                for i, r in enumerate(pack["units"], start=1)
            ]
            + [
                [
                    "",
                    "Tổng cộng",
                    str(pack["totals"]["completed"]),
                    str(pack["totals"]["in_progress"]),
                    str(pack["totals"]["overdue"]),
                ]
            ],
            widths=[0.6, 4, 1.3, 1.5, 1.1],
        ),
    ]
    overdue = [(r["name"], t) for r in pack["units"] for t in r["overdue_tasks"]]
    blocks.append(docs.Paragraph("II. NHIỆM VỤ QUÁ HẠN VÀ NGUYÊN NHÂN", bold=True, align="left"))
    if overdue:
        blocks.append(
            docs.Table(
                headers=["STT", "Đơn vị", "Nhiệm vụ", "Hạn", "Nguyên nhân"],
                rows=[
                    [str(i), unit, t["title"], _d(t["deadline"]), t["reason"] or "Chưa báo cáo"]
                    for i, (unit, t) in enumerate(overdue, start=1)
                ],
                widths=[0.6, 2, 4, 1.3, 3],
            )
        )
    else:
        blocks.append(docs.Paragraph("Không có nhiệm vụ quá hạn."))
    if pack["indicator_codes"]:
        codes = pack["indicator_codes"]
        blocks.append(docs.Paragraph("III. CHỈ TIÊU CỦA CÁC LĨNH VỰC", bold=True, align="left"))
        rows = [
            [r["name"], *[_num(r["indicators"].get(c)) for c in codes]]
            for r in pack["units"]
            if any(r["indicators"].get(c) for c in codes)
        ]
        rows.append(["Toàn Sở", *[_num(pack["indicator_totals"].get(c)) for c in codes]])
        blocks.append(docs.Table(headers=["Đơn vị", *[indicators.label_of(c) for c in codes]], rows=rows))
    blocks.append(docs.Paragraph("IV. DỰ KIẾN CHƯƠNG TRÌNH CÔNG TÁC THÁNG SAU", bold=True, align="left"))
    blocks.extend(_programme_blocks(pack["programme"]))
    agency: Agency = pack["agency"]
    return docs.Document(
        **_head(agency),
        date=selectors.today(),
        title="Báo cáo giao ban chuyên môn",
        summary=f"Tháng {first.month:02d}/{first.year}",
        blocks=blocks,
        signatures=[_director_signature()],
        recipients=[_leadership_unit_name(agency), "Các phòng, đơn vị thuộc Sở", _filing_line(agency)],
        landscape=False,
    )


def _programme_blocks(programme: dict[str, Any]) -> list[docs.Block]:
    blocks: list[docs.Block] = []
    first: dt.date = programme["first"]
    agency: Agency = programme["agency"]
    office = _office(agency)
    office_name = office.name if office else ""
    rows = [
        [str(i), t.title, t.lead_unit.name, _d(t.deadline), str(t.person_in_charge or "")]
        for i, t in enumerate(programme["tasks"], start=1)
    ]
    n = len(rows)
    for r in programme["reports"]:
        n += 1
        rows.append(
            [
                str(n),
                f"{r['type'].name} (kỳ {_d(r['period_start'])} - {_d(r['period_end'])})",
                office_name,
                _d(r["due"]),
                "",
            ]
        )
    for request in programme["district_requests"]:
        n += 1
        rows.append(
            [
                str(n),
                f"Tổng hợp báo cáo của các huyện, thị xã, thành phố: {request.title}",
                office_name,
                _d(request.deadline),
                "",
            ]
        )
    n += 1
    rows.append(
        [str(n), f"Họp giao ban chuyên môn tháng {first.month:02d}/{first.year}", _leadership_unit_name(agency), "", ""]
    )
    blocks.append(
        docs.Table(
            headers=["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Người phụ trách"],
            rows=rows,
            widths=[0.6, 5, 2.5, 1.3, 2],
        )
    )
    return blocks


def programme_document(programme: dict[str, Any]) -> docs.Document:
    first: dt.date = programme["first"]
    agency: Agency = programme["agency"]
    return docs.Document(
        **_head(agency),
        date=selectors.today(),
        title="Chương trình công tác",
        summary=f"Tháng {first.month:02d}/{first.year}",
        blocks=[
            docs.Paragraph(
                "Dự thảo chương trình công tác tháng gồm các nhiệm vụ đến hạn, các báo cáo định "
                "kỳ và các công việc thường xuyên (khoản 4 Điều 5)."
            ),
            *_programme_blocks(programme),
        ],
        signatures=[_director_signature()],
        recipients=["Các phòng, đơn vị thuộc Sở", _filing_line(agency)],
    )


def report_document(report: Report) -> docs.Document:
    """A report upward: its sections (narrative) and a table of its indicators."""
    rt = report.report_type
    agency = report.agency
    to = recipient_name(agency, rt.recipient)
    blocks: list[docs.Block] = [docs.Paragraph(f"Kính gửi: {to}.", align="center")]
    if rt.basis:
        blocks.append(docs.Paragraph(f"Thực hiện {rt.basis}, {agency.name} báo cáo như sau:"))
    for index, section in enumerate(rt.sections or list(report.narrative), start=1):
        blocks.append(docs.Paragraph(f"{index}. {section}", bold=True, align="left"))
        blocks.append(docs.Paragraph(report.narrative.get(section, "") or "…"))
    if report.values:
        blocks.append(docs.Paragraph("Số liệu", bold=True, align="left"))
        blocks.append(
            docs.Table(
                headers=["STT", "Chỉ tiêu", "Số liệu"],
                rows=[
                    [str(i), indicators.label_of(code), _num(value)]
                    for i, (code, value) in enumerate(report.values.items(), start=1)
                ],
                widths=[0.6, 6, 2],
            )
        )
    approver = report.approved_by
    return docs.Document(
        **_head(agency),
        number=report.number,
        date=report.sent_on or (report.approved_at.date() if report.approved_at else selectors.today()),
        title="Báo cáo",
        summary=f"{rt.name} (từ {_d(report.period_start)} đến {_d(report.period_end)})",
        blocks=blocks,
        signatures=[docs.Signature(title="Giám đốc", name=str(approver) if approver else "")],
        recipients=[to, "Lãnh đạo Sở", _filing_line(agency)],
    )


def report_xlsx(report: Report) -> bytes:
    """The report's figures as a workbook the receiving office can total with others: what the report is,
    then one row per indicator with its code, label and value."""
    rt = report.report_type
    head = [
        ["Cơ quan báo cáo", report.agency.name],
        ["Báo cáo", rt.name],
        ["Kỳ báo cáo", f"Từ {_d(report.period_start)} đến {_d(report.period_end)}"],
        ["Số văn bản", report.number or ""],
        [],
        ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Số liệu"],
    ]
    rows = [[i, code, indicators.label_of(code), value] for i, (code, value) in enumerate(report.values.items(), 1)]
    return spreadsheets.xlsx_file([("Số liệu", head + rows)]).read()


def render(doc: docs.Document, fmt: str) -> tuple[bytes, str]:
    if fmt == "docx":
        return docs.to_docx(doc), docs.DOCX_MIME
    if fmt == "pdf":
        return docs.to_pdf(doc), docs.PDF_MIME
    raise ValueError(fmt)


def _default(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "pk"):
        return str(value)
    return str(value)


def briefing_json(pack: dict[str, Any]) -> str:
    programme = pack["programme"]
    data = {
        "month": pack["month"],
        "as_of": min(pack["last"], pack["on"]),
        "units": pack["units"],
        "totals": pack["totals"],
        "indicators": {
            c: {"label": pack["indicator_labels"][c], "total": pack["indicator_totals"][c]}
            for c in pack["indicator_codes"]
        },
        "programme": {
            "month": programme["month"],
            "tasks": [
                {"id": t.pk, "title": t.title, "unit": t.lead_unit.code, "deadline": t.deadline}
                for t in programme["tasks"]
            ],
            "reports": [
                {
                    "type": r["type"].code,
                    "period_start": r["period_start"],
                    "period_end": r["period_end"],
                    "due": r["due"],
                }
                for r in programme["reports"]
            ],
            "district_requests": [
                {"id": r.pk, "title": r.title, "deadline": r.deadline} for r in programme["district_requests"]
            ],
        },
    }
    return json.dumps(data, default=_default, ensure_ascii=False, indent=2)


def district_xlsx(request: DistrictRequest) -> bytes:
    """The per-district table and province totals of a request, as an XLSX workbook (6.6)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    board = selectors.district_board(request)
    book = Workbook()
    sheet = book.active
    sheet.title = "Tong hop"
    spreadsheets.append(sheet, [request.title])
    sheet["A1"].font = Font(bold=True)
    spreadsheets.append(
        sheet, [f"Kỳ báo cáo: {_d(request.period_start)} - {_d(request.period_end)}; hạn nộp {_d(request.deadline)}"]
    )
    headers = [
        "STT",
        "Đơn vị",
        "Trạng thái",
        "Ngày nộp",
        "Trễ hạn",
        *[
            (f"{i.label} ({i.unit})" if i.unit else i.label) + (" - bình quân" if i.aggregate == "average" else "")
            for i in board["indicators"]
        ],
    ]
    spreadsheets.append(sheet, [])
    spreadsheets.append(sheet, headers)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for index, row in enumerate(board["rows"], start=1):
        spreadsheets.append(
            sheet,
            [
                index,
                row["district"].name,
                str(row["status_label"]),
                _d(row["submitted_on"]),
                "x" if row["late"] else "",
                *row["values"],
            ],
        )
    spreadsheets.append(sheet, ["", "Toàn tỉnh", "", "", "", *board["totals"]])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["B"].width = 28
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
