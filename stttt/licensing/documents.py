"""The licence document in the administrative format (through `stttt.core.documents`), with a QR code that
leads to the licence's public verification page."""

from __future__ import annotations

import datetime as dt
import io

from django.utils import translation

from stttt.core.documents import Document, Paragraph, Signature, Table, to_docx, to_html
from stttt.legal import rules as legal_rules
from stttt.legal.selectors import full_citation
from stttt.licensing.choices import HolderType, Issuer
from stttt.licensing.models import Licence
from stttt.org.selectors import letterhead


def qr_png(payload: str) -> bytes:
    import qrcode

    image = qrcode.make(payload, box_size=4, border=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _value(value: object, kind: str = "text") -> str:
    """A subject value as printed: lists joined, dates as dd/mm/yyyy (stored as ISO dates)."""
    if isinstance(value, list):
        return ", ".join(_value(v, "date" if kind == "date" else "text") for v in value)
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if kind == "date" and isinstance(value, str):
        try:
            return f"{dt.date.fromisoformat(value[:10]):%d/%m/%Y}"
        except ValueError:
            return value
    return str(value)


def subject_lines(licence: Licence, on: dt.date) -> list[tuple[str, str]]:
    """What is licensed, as (label, value) in Vietnamese: the kind's subject fields that have a value on the
    day (amendments applied), in the kind's order; else what the dossier's application or subject says."""
    kind = licence.kind_spec
    subject = licence.subject_on(on)
    dossier = licence.dossier if licence.dossier_id else None
    if not any(spec.name in subject for spec in kind.subject) and dossier is not None:
        application = getattr(dossier, "application", None)  # the reverse one-to-one, absent for desk records
        subject = dict(application.subject) if application is not None else {}
        if not subject and dossier.subject and kind.subject:
            subject = {kind.subject[0].name: dossier.subject}
    with translation.override("vi"):
        return [
            (str(spec.label).capitalize(), _value(subject[spec.name], spec.type))
            for spec in kind.subject
            if subject.get(spec.name) not in (None, "", [])
        ]


def _signer(text: str) -> tuple[str, str]:
    for authority in ("KT. GIÁM ĐỐC", "Q. GIÁM ĐỐC"):
        if text.startswith(authority + " "):
            return authority, text[len(authority) + 1 :]
    return "", text


def regulation_basis(licence: Licence) -> str:
    """The "Căn cứ ..." sentence of the provision of the agency's regulation the licence is issued under,
    rendered by the legal app: from the provision when it is loaded, else from the agency's regulation
    (number, date, issuer) and the citation, else the citation alone."""
    if licence.provision is not None:
        return f"Căn cứ {full_citation(licence.provision)};"
    regulation = licence.agency.regulation
    parsed = legal_rules.parse_reference(licence.citation)
    if regulation is not None and parsed is not None:
        return (
            "Căn cứ "
            + legal_rules.full_citation(
                parsed.part,
                parsed.path,
                doc_type=regulation.doc_type,
                number=regulation.number,
                date=regulation.signing_date,
                issuer=regulation.issuer,
            )
            + ";"
        )
    if regulation is not None:
        return f"Căn cứ {regulation.doc_type} số {regulation.number} ({licence.citation});"
    return f"Căn cứ quy định về chức năng, nhiệm vụ, quyền hạn của {licence.agency.name} ({licence.citation});"


def licence_document(licence: Licence, verification_url: str, day: dt.date | None = None) -> Document:
    kind = licence.kind_spec
    on = day or licence.issued_on
    holder = "Tổ chức" if licence.holder_type == HolderType.ORGANISATION else "Cá nhân"
    blocks: list[Paragraph | Table] = [
        Paragraph(f"Căn cứ {kind.law};" if kind.law else "Căn cứ quy định của pháp luật hiện hành;", italic=True),
        Paragraph(regulation_basis(licence), italic=True),
    ]
    if licence.dossier_id:
        blocks.append(Paragraph(f"Xét hồ sơ số {licence.dossier}.", italic=True))
    blocks += [
        Paragraph(f"1. {holder} được cấp: {licence.holder_name_on(on)}", bold=True),
    ]
    if licence.holder_id_number:
        label = "Mã số doanh nghiệp/đơn vị" if licence.holder_type == HolderType.ORGANISATION else "Số định danh"
        blocks.append(Paragraph(f"{label}: {licence.holder_id_number}"))
    if licence.holder_address:
        blocks.append(Paragraph(f"Địa chỉ: {licence.holder_address}"))
    if licence.district:
        blocks.append(Paragraph(f"Địa bàn: {licence.district_name}"))
    lines = subject_lines(licence, on)
    blocks.append(Paragraph("2. Nội dung được cấp phép:", bold=True))
    if lines:
        blocks += [
            Paragraph(f"- {label}: {value}" + (";" if index < len(lines) - 1 else "."), align="left")
            for index, (label, value) in enumerate(lines)
        ]
    else:  # a record without its particulars: name the kind rather than point at a file the reader lacks
        with translation.override("vi"):
            blocks.append(Paragraph(f"{str(kind.label).capitalize()}.", align="left"))
    until = licence.valid_until_on(on)
    blocks.append(
        Paragraph(
            f"3. Thời hạn: có hiệu lực từ ngày {licence.valid_from:%d/%m/%Y}"
            + (f" đến hết ngày {until:%d/%m/%Y}." if until else ", không thời hạn."),
            bold=True,
        )
    )
    if licence.conditions:
        blocks.append(Paragraph(f"4. Điều kiện: {licence.conditions}"))
    blocks.append(Paragraph(f"Tra cứu tình trạng giấy phép: {verification_url}", italic=True, align="left"))
    authority, title = _signer(licence.signer_title)
    head = letterhead(licence.agency)
    if licence.issuer != Issuer.DEPARTMENT:  # recorded from another body: its name, no parent body
        head = {**head, "issuer": licence.issuer_name.upper(), "issuer_parent": ""}
    return Document(
        issuer=head["issuer"],
        issuer_parent=head["issuer_parent"],
        place=head["place"],
        title=kind.document_title,
        date=licence.issued_on,
        number=licence.number,
        blocks=blocks,
        signatures=[Signature(title=title or "GIÁM ĐỐC", name=licence.signer_name, authority=authority)],
        recipients=["Như mục 1", "Lưu: VT, hồ sơ"],
    )


def licence_docx(licence: Licence, verification_url: str) -> bytes:
    from docx import Document as Docx
    from docx.shared import Cm

    out = Docx(io.BytesIO(to_docx(licence_document(licence, verification_url))))
    out.add_paragraph("Mã QR tra cứu:")
    out.add_picture(io.BytesIO(qr_png(verification_url)), width=Cm(3))
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def qr_svg(payload: str) -> str:
    """The QR code as inline SVG: drawn by the PDF renderer itself, nothing to fetch."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(payload, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    text = image.to_string(encoding="unicode")
    return text[text.index("<svg") :]


def licence_html(licence: Licence, verification_url: str) -> str:
    from django.utils.html import escape

    svg = qr_svg(verification_url).replace("<svg", '<svg style="width:3cm;height:3cm"', 1)
    qr = (
        f'<div style="margin-top:1em;width:3cm" data-qr="{escape(verification_url)}">{svg}'
        f'<br><span style="font-size:0.8em">{escape(verification_url)}</span></div>'
    )
    return to_html(licence_document(licence, verification_url)).replace("</body>", qr + "</body>")


def licence_pdf(licence: Licence, verification_url: str) -> bytes:
    from weasyprint import HTML

    from stttt.core.documents import _no_network
    from stttt.core.signing import sign_pdf

    pdf = HTML(string=licence_html(licence, verification_url), url_fetcher=_no_network).write_pdf()
    # Signed as PAdES with the Department's certificate when one is configured (docs/signing.md).
    return sign_pdf(
        pdf,
        reason=f"{licence.kind_spec.document_title} số {licence.number}",
        location=licence.agency.place,
        signer_name=licence.signer_name or licence.issuer_name,
    )
