"""Administrative-format documents: one description, DOCX and PDF."""

import datetime as dt
import io

import docx
import pypdf
import pytest

from stttt.core.documents import MOTTO, MOTTO_COUNTRY, Document, Paragraph, Signature, Table, to_docx, to_pdf


def sample(paper="A4"):
    return Document(
        issuer_parent="UBND tỉnh Bình Phước",
        issuer="Sở Thông tin và Truyền thông",
        number="12/GP-STTTT",
        place="Bình Phước",
        date=dt.date(2025, 3, 7),
        title="Giấy phép xuất bản bản tin",
        summary="Bản tin Nông nghiệp",
        blocks=[Paragraph("Căn cứ Luật Báo chí năm 2016;"), Table(["STT", "Nội dung"], [["1", "Đặc san"]])],
        signatures=[Signature(authority="KT. Giám đốc", title="Phó Giám đốc", name="Nguyễn Văn Ánh")],
        recipients=["Như trên", "Lưu: VT"],
        paper=paper,
    )


def test_docx_opens_and_holds_the_header_and_data():
    data = to_docx(sample())
    opened = docx.Document(io.BytesIO(data))
    texts = [p.text for p in opened.paragraphs]
    cells = [c.text for t in opened.tables for row in t.rows for c in row.cells]
    everything = "\n".join(texts + cells)
    for expected in (MOTTO_COUNTRY, MOTTO, "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Số: 12/GP-STTTT",
                     "Bình Phước, ngày 07 tháng 03 năm 2025", "GIẤY PHÉP XUẤT BẢN BẢN TIN", "Đặc san",
                     "Nguyễn Văn Ánh", "Nơi nhận:"):
        assert expected in everything, expected


@pytest.mark.parametrize("paper", ["A4", "A5"])
def test_pdf_is_a_pdf_with_the_text(paper):
    data = to_pdf(sample(paper))
    assert data.startswith(b"%PDF")
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Độc lập" in text
    assert "Nguyễn Văn Ánh" in text
    width = float(reader.pages[0].mediabox.width)
    assert abs(width - (419.5 if paper == "A5" else 595.3)) < 2
