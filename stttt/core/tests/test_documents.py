"""Administrative-format documents: one description, DOCX and PDF."""

import datetime as dt
import io

import docx
import docx.oxml.ns
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
    for expected in (
        MOTTO_COUNTRY,
        MOTTO,
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        "Số: 12/GP-STTTT",
        "Bình Phước, ngày 07 tháng 03 năm 2025",
        "GIẤY PHÉP XUẤT BẢN BẢN TIN",
        "Đặc san",
        "Nguyễn Văn Ánh",
        "Nơi nhận:",
    ):
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


# --- typography (Decree 30/2020/NĐ-CP, Appendix I) ------------------------------------------------------

LIBERATION_BOLD = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"  # fonts-liberation2


def _width_cm(text: str, points: float) -> float:
    """Width of `text` in Liberation Serif Bold (metrics of Times New Roman Bold) at `points`."""
    from PIL import ImageFont

    font = ImageFont.truetype(LIBERATION_BOLD, 1000)
    return font.getlength(text) / 1000 * points / 72 * 2.54


@pytest.mark.parametrize(("paper", "body", "text_cm"), [("A4", 13, 16), ("A5", 11, 11.3)])
def test_docx_is_times_new_roman_and_the_national_name_fits_its_column(paper, body, text_cm):
    opened = docx.Document(io.BytesIO(to_docx(sample(paper))))
    normal = opened.styles["Normal"].font
    assert normal.name == "Times New Roman"
    assert normal.size.pt == body
    header = opened.tables[0]
    country = next(r for p in header.cell(0, 1).paragraphs for r in p.runs if r.text == MOTTO_COUNTRY)
    assert (12 <= country.font.size.pt <= 13 or paper == "A5") and country.bold
    column_cm = header.cell(0, 1).width / 360000
    assert _width_cm(MOTTO_COUNTRY, country.font.size.pt) < column_cm - 0.4  # less the cell's inner margins
    grid = [int(c.get(docx.oxml.ns.qn("w:w"))) / 567 for c in header._tbl.tblGrid.gridCol_lst]  # twips -> cm
    assert abs(grid[1] - column_cm) < 0.05 and abs(sum(grid) - text_cm) < 0.1
    title = next(r for p in opened.paragraphs for r in p.runs if r.text == "GIẤY PHÉP XUẤT BẢN BẢN TIN")
    assert 13 <= title.font.size.pt <= 14 or paper == "A5"


@pytest.mark.parametrize("paper", ["A4", "A5"])
def test_pdf_is_liberation_serif_and_the_national_name_stays_on_one_line(paper):
    reader = pypdf.PdfReader(io.BytesIO(to_pdf(sample(paper))))
    page = reader.pages[0]
    fonts = {str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()}
    assert fonts and all("Liberation-Serif" in f for f in fonts), fonts
    assert not any("DejaVu" in f for f in fonts)
    lines = page.extract_text().splitlines()
    assert any(MOTTO_COUNTRY in line for line in lines), lines[:6]
    assert not any(line.strip().endswith("VIỆT") for line in lines)


def test_pdf_body_is_13_pt_on_a4():
    from stttt.core.documents import TYPE_SIZES, to_html

    html = to_html(sample())
    assert "Liberation Serif" in html and "DejaVu" not in html
    assert "font-size: 13pt" in html
    assert 13 <= TYPE_SIZES["A4"].body <= 14
