"""Slips of Circular 01/2018/TT-VPCP as DOCX and PDF, with the dossier's data."""

import datetime as dt
import io

import docx
import pypdf
import pytest

from stttt.core.documents import to_docx, to_pdf
from stttt.procedures import slips
from stttt.procedures.models import Dossier
from stttt.procedures.services import dossier_transition

from .conftest import at, file_dossier


def docx_text(data):
    opened = docx.Document(io.BytesIO(data))
    parts = [p.text for p in opened.paragraphs]
    parts += [c.text for t in opened.tables for row in t.rows for c in row.cells]
    return " ".join("\n".join(parts).split())


def pdf_text(data):
    assert data.startswith(b"%PDF")
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())


@pytest.fixture
def busy_dossier(dept, catalog):
    d = file_dossier(
        catalog["STTTT.PTTH.01"],
        dept.applicant,
        when=at(2024, 10, 3, 9),
        data={"applicant_name": "Khách sạn Sao Mai", "applicant_address": "Đồng Xoài"},
    )
    when = at(2024, 10, 3, 9)
    d = dossier_transition(d.pk, "receive", actor=dept.desk, now=when)
    d = dossier_transition(d.pk, "transfer", actor=dept.desk, now=when)
    d = dossier_transition(d.pk, "assign", actor=dept.head, now=when, assignee=dept.officer)
    d = dossier_transition(
        d.pk,
        "request_supplement",
        actor=dept.officer,
        now=at(2024, 10, 4, 9),
        reasons="Bổ sung hợp đồng thuê địa điểm lắp đặt",
    )
    d = dossier_transition(d.pk, "supplement_received", actor=dept.desk, now=at(2024, 10, 7, 9))
    d = dossier_transition(
        d.pk,
        "apologise",
        actor=dept.officer,
        now=at(2024, 10, 8, 9),
        reasons="Chờ kiểm tra thực tế",
        new_due=dt.date(2024, 11, 8),
    )
    return dossier_transition(
        d.pk, "refuse", actor=dept.director, now=at(2024, 10, 9, 9), reasons="Thiết bị không đúng chủng loại"
    )


@pytest.mark.parametrize("slip", ["receipt", "supplement", "refusal", "apology", "control-sheet"])
def test_each_slip_renders_to_docx_and_pdf(busy_dossier, slip):
    assert slip in slips.slips_for(busy_dossier)
    document = slips.SLIPS[slip][1](Dossier.objects.get(pk=busy_dossier.pk))
    for text in (docx_text(to_docx(document)), pdf_text(to_pdf(document))):
        assert busy_dossier.code in text
        assert "Sở Thông tin và Truyền thông".upper() in text.upper()
        assert "Độc lập" in text
    if slip == "receipt":
        assert "Khách sạn Sao Mai" in docx_text(to_docx(document))
    if slip == "apology":
        assert "08/11/2024" in docx_text(to_docx(document))


def test_control_sheet_lists_every_step_with_its_deadline(busy_dossier):
    text = docx_text(to_docx(slips.control_sheet(busy_dossier)))
    for name in (
        "Tiếp nhận hồ sơ",
        "Chuyển phòng chuyên môn",
        "Phân công xử lý",
        "Yêu cầu bổ sung hồ sơ",
        "Nhận hồ sơ bổ sung",
        "Xin lỗi và hẹn lại ngày trả kết quả",
        "Từ chối giải quyết",
    ):
        assert name in text, name
    assert "Đúng hạn" in text


def test_logbook(busy_dossier):
    document = slips.logbook([busy_dossier], dt.date(2024, 10, 1), dt.date(2024, 10, 31))
    assert busy_dossier.code in pdf_text(to_pdf(document))
