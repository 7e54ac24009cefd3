"""The outgoing document in the administrative format of Decree 30/2020 Appendix I, as a
`core.documents.Document` (header with the agency's letterhead from `org`, national motto, number and
symbol, place and date, type and summary, body, signature block with KT./TL./TUQ./Q., recipients); and the
incoming and outgoing registers (Appendix IV) as tables."""

from __future__ import annotations

from typing import Any

from stttt.core import documents
from stttt.correspondence import selectors
from stttt.correspondence.choices import DocType
from stttt.org.selectors import letterhead

# Title printed for each type (a letter has none: its summary goes under the number, "V/v ...").
TITLES = {
    "QĐ": "QUYẾT ĐỊNH",
    "CT": "CHỈ THỊ",
    "QC": "QUY CHẾ",
    "QYĐ": "QUY ĐỊNH",
    "TB": "THÔNG BÁO",
    "HD": "HƯỚNG DẪN",
    "CTr": "CHƯƠNG TRÌNH",
    "KH": "KẾ HOẠCH",
    "PA": "PHƯƠNG ÁN",
    "ĐA": "ĐỀ ÁN",
    "BC": "BÁO CÁO",
    "BB": "BIÊN BẢN",
    "TTr": "TỜ TRÌNH",
    "CĐ": "CÔNG ĐIỆN",
    "GM": "GIẤY MỜI",
    "GUQ": "GIẤY ỦY QUYỀN",
    "GGT": "GIẤY GIỚI THIỆU",
    "NQ": "NGHỊ QUYẾT",
}
URGENCY = {"khan": "KHẨN", "thuong_khan": "THƯỢNG KHẨN", "hoa_toc": "HỎA TỐC"}
SECRECY = {"mat": "MẬT", "toi_mat": "TỐI MẬT", "tuyet_mat": "TUYỆT MẬT"}


def document_of(doc: Any) -> documents.Document:
    """The rendered document: before issue the number is left blank ("Số:      /..."), as on a draft."""
    head = letterhead(doc.agency)
    number = doc.number_symbol or "     /" + doc_symbol_draft(doc)
    blocks: list[documents.Block] = []
    marks = [m for m in (SECRECY.get(doc.secrecy), URGENCY.get(doc.urgency)) if m]
    if marks:
        blocks.append(documents.Paragraph(" - ".join(marks), bold=True, align="left"))
    title = TITLES.get(doc.doc_type, "")
    summary = doc.summary
    if doc.doc_type == DocType.CONG_VAN:
        title = ""
        summary = summary if summary.lower().startswith("v/v") else f"V/v {summary[:1].lower()}{summary[1:]}"
    for line in doc.body.splitlines():
        if line.strip():
            blocks.append(documents.Paragraph(line.strip()))
    signatures = []
    if doc.title_line:
        signatures.append(documents.Signature(title=doc.title_line, name=doc.signer_name, authority=doc.authority_line))
    day = doc.issued_on or doc.signed_on or selectors.today()
    return documents.Document(
        issuer=head["issuer"],
        issuer_parent=head["issuer_parent"],
        place=head["place"],
        title=title,
        date=day,
        number=f"Số: {number}",
        summary=summary,
        blocks=blocks,
        signatures=signatures,
        recipients=doc.recipients,
    )


def doc_symbol_draft(doc: Any) -> str:
    from stttt.correspondence import rules

    return rules.symbol(
        doc.doc_type, rules.agency_symbol(doc.agency.code), rules.unit_symbol(doc.drafting_unit.code, doc.agency.code)
    )


INCOMING_COLUMNS = [
    "Ngày đến",
    "Số đến",
    "Tác giả",
    "Số, ký hiệu",
    "Ngày tháng",
    "Tên loại và trích yếu nội dung",
    "Đơn vị hoặc người nhận",
    "Ký nhận",
    "Ghi chú",
]
OUTGOING_COLUMNS = [
    "Số, ký hiệu văn bản",
    "Ngày tháng văn bản",
    "Tên loại và trích yếu nội dung",
    "Người ký",
    "Nơi nhận văn bản",
    "Đơn vị, người nhận bản lưu",
    "Số lượng bản",
    "Ghi chú",
]


def incoming_rows(docs: Any) -> list[list[str]]:
    """The incoming register's rows (Appendix IV columns; see fact `incoming_register_columns`, unsure)."""
    rows = []
    for d in docs:
        receiver = d.lead_unit.name if d.lead_unit_id else ""
        if d.officer_id:
            receiver += f" ({d.officer.get_full_name() or d.officer.get_username()})"
        rows.append(
            [
                d.received_at.astimezone().strftime("%d/%m/%Y %H:%M"),
                f"{d.arrival_number:02d}",
                d.issuer,
                d.number_symbol,
                d.doc_date.strftime("%d/%m/%Y"),
                f"{d.get_doc_type_display()}: {d.summary}",
                receiver,
                "",
                " ".join(
                    x
                    for x in (
                        d.get_urgency_display() if d.urgency else "",
                        d.get_secrecy_display() if d.secrecy else "",
                    )
                    if x
                ),
            ]
        )
    return rows


def outgoing_rows(docs: Any) -> list[list[str]]:
    return [
        [
            d.number_symbol,
            d.issued_on.strftime("%d/%m/%Y") if d.issued_on else "",
            f"{d.get_doc_type_display()}: {d.summary}",
            d.signer_name,
            "; ".join(d.recipients),
            d.drafting_unit.name,
            str(len(d.recipients) or 1),
            d.get_secrecy_display() if d.secrecy else "",
        ]
        for d in docs
    ]


def book(agency: Any, year: int, direction: str) -> documents.Document:
    """The register printed (Art. 16(2), 22(3)): the year's entries in order, landscape A4."""
    head = letterhead(agency)
    if direction == "incoming":
        title, table = (
            "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN",
            documents.Table(
                INCOMING_COLUMNS,
                incoming_rows(selectors.incoming_book(agency, year)),
                [1.3, 0.7, 2, 1.4, 1, 3, 1.6, 0.8, 1],
            ),
        )
    else:
        title, table = (
            "SỔ ĐĂNG KÝ VĂN BẢN ĐI",
            documents.Table(
                OUTGOING_COLUMNS,
                outgoing_rows(selectors.outgoing_book(agency, year)),
                [1.4, 1, 3, 1.4, 2.4, 1.4, 0.7, 1],
            ),
        )
    return documents.Document(
        issuer=head["issuer"],
        issuer_parent=head["issuer_parent"],
        place=head["place"],
        title=title,
        summary=f"Năm {year}",
        date=selectors.today(),
        blocks=[table],
        landscape=True,
    )
