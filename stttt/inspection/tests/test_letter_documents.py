"""The documents of a complaint, denunciation or petition: each renders to DOCX with its key texts, only the
documents the letter's state allows are served (404 otherwise), a denunciation's documents never carry the
denouncer's identity, and a user who may not see the letter gets 404 (403 for staff outside the Inspectorate
and the Board, as for the letter's page)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from stttt.inspection import documents, rules, services
from stttt.inspection.models import Letter

pytestmark = pytest.mark.django_db

SECRET = "Trần Thị Kín Đáo"
IDENTITY = {"full_name": SECRET, "id_number": "079123456789", "address": "Số 7 hẻm Vắng Vẻ", "phone": "0909111222"}
ALL = (rules.LETTER_ACCEPTANCE, rules.LETTER_RETURN, rules.LETTER_FORWARD, rules.LETTER_RESOLUTION)


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _text(content: bytes) -> str:
    """Every text of a DOCX: its paragraphs and the cells of its tables (header, signatures)."""
    from docx import Document as Docx

    docx = Docx(io.BytesIO(content))
    parts = [p.text for p in docx.paragraphs]
    for table in docx.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _url(letter: Letter, doc: str, fmt: str = "docx") -> str:
    return reverse("inspection:letter_file", args=[letter.pk, doc, fmt])


def _receive(dept, kind: str, **extra) -> Letter:
    fields = {"summary": f"Nội dung {kind}", "subject": f"Đối tượng {kind}", "channel": "letter"}
    fields.update(extra)
    return services.letter_receive(agency=dept.agency, actor=dept.inspector, kind=kind, **fields)


def _step(letter: Letter, action: str, actor, **inputs) -> Letter:
    return services.letter_transition(letter.pk, action, actor=actor, **inputs)


@pytest.fixture
def letters(dept):
    complaint = _receive(
        dept,
        "complaint",
        summary="Khiếu nại Quyết định thu hồi giấy phép hoạt động in.",
        subject="Quyết định thu hồi giấy phép in",
        sender_name="Công ty TNHH In Sông Bé",
        sender_address="Phường Tân Phú",
    )
    _step(complaint, "accept", dept.chief)
    _step(complaint, "resolve", dept.chief, result="Giữ nguyên Quyết định thu hồi giấy phép.", published=True)
    refused = _receive(dept, "complaint", sender_name="Lê Văn Hậu", subject="Văn bản nội bộ")
    _step(refused, "return", dept.chief, reason="Quyết định nội bộ, không thuộc đối tượng khiếu nại.")
    petition = _receive(dept, "petition", sender_name="Nguyễn Văn Tư", subject="Trạm BTS thôn 3")
    _step(petition, "forward", dept.chief, forwarded_to="Ủy ban nhân dân huyện Chơn Thành", reason="Thẩm quyền")
    received = _receive(dept, "complaint", sender_name="Phạm Thị Chờ")
    return {"complaint": complaint, "refused": refused, "petition": petition, "received": received}


@pytest.fixture
def denunciations(dept):
    """Denunciations of a Department officer in every state with a document, the denouncer named only in the
    protected identity."""

    def one(summary: str) -> Letter:
        return _receive(
            dept,
            "denunciation",
            summary=summary,
            subject="Cán bộ Phòng Bưu chính",
            identity=IDENTITY,
            denounced=dept.officer,
        )

    resolved = one("Tố cáo nhũng nhiễu khi hướng dẫn hồ sơ.")
    _step(resolved, "assign", dept.chief, assignee=dept.inspector2)
    _step(resolved, "accept", dept.chief)
    _step(resolved, "resolve", dept.inspector2, result="Tố cáo đúng một phần; kiểm điểm cán bộ.")
    forwarded = one("Tố cáo cán bộ xã.")
    _step(forwarded, "forward", dept.chief, forwarded_to="Ủy ban nhân dân huyện Đồng Phú")
    returned = one("Tố cáo không rõ hành vi.")
    _step(returned, "return", dept.chief, reason="Không có cơ sở xác định hành vi vi phạm.")
    accepted = one("Tố cáo chậm giải quyết hồ sơ.")
    _step(accepted, "accept", dept.chief)
    return {"resolved": resolved, "forwarded": forwarded, "returned": returned, "accepted": accepted}


def test_which_documents_a_state_allows():
    assert rules.letter_documents("complaint", "received", False) == []
    assert rules.letter_documents("complaint", "accepted", True) == [rules.LETTER_ACCEPTANCE]
    assert rules.letter_documents("denunciation", "resolved", True) == [
        rules.LETTER_ACCEPTANCE,
        rules.LETTER_RESOLUTION,
    ]
    assert rules.letter_documents("petition", "resolved", True) == [rules.LETTER_RESOLUTION]  # no acceptance
    assert rules.letter_documents("complaint", "returned", False) == [rules.LETTER_RETURN]
    assert rules.letter_documents("petition", "forwarded", False) == [rules.LETTER_FORWARD]
    assert set(documents.LETTER_DOCUMENTS) == set(ALL)


def test_each_document_renders_with_its_key_texts(dept, letters):
    chief = _client(dept.chief)
    complaint, refused, petition = letters["complaint"], letters["refused"], letters["petition"]
    expected = [
        (
            complaint,
            rules.LETTER_ACCEPTANCE,
            [
                "THÔNG BÁO",
                "thụ lý giải quyết khiếu nại",
                complaint.code,
                "Công ty TNHH In Sông Bé",
                "Điều 27",
                "GIÁM ĐỐC",
            ],
        ),
        (
            complaint,
            rules.LETTER_RESOLUTION,
            [
                "QUYẾT ĐỊNH",
                "giải quyết khiếu nại (lần đầu)",
                "Giữ nguyên Quyết định thu hồi giấy phép.",
                "khiếu nại lần hai",
                "khởi kiện vụ án hành chính",
                "Luật Khiếu nại ngày 11 tháng 11 năm 2011",
                "Quyết định thu hồi giấy phép in",
                "công khai",
            ],
        ),
        (
            refused,
            rules.LETTER_RETURN,
            [
                "không thụ lý giải quyết khiếu nại",
                "Lê Văn Hậu",
                "Quyết định nội bộ, không thuộc đối tượng khiếu nại.",
                "Điều 11",
            ],
        ),
        (
            petition,
            rules.LETTER_FORWARD,
            [
                "PHIẾU CHUYỂN ĐƠN",
                "Kính gửi: Ủy ban nhân dân huyện Chơn Thành",
                "kiến nghị, phản ánh",
                "Nguyễn Văn Tư",
                "CHÁNH THANH TRA",
                "THANH TRA SỞ",
            ],
        ),
    ]
    for letter, doc, texts in expected:
        response = chief.get(_url(letter, doc))
        assert response.status_code == 200, (letter.code, doc)
        assert response.content[:2] == b"PK"
        text = _text(response.content)
        for wanted in texts:
            assert wanted in text, (doc, wanted)
    pdf = chief.get(_url(complaint, rules.LETTER_RESOLUTION, "pdf"))
    assert pdf.status_code == 200 and pdf.content[:4] == b"%PDF"


def test_the_letter_page_links_the_documents_its_state_allows(dept, letters):
    page = _client(dept.director).get(reverse("inspection:letter", args=[letters["complaint"].pk])).content.decode()
    assert _url(letters["complaint"], rules.LETTER_ACCEPTANCE) in page
    assert _url(letters["complaint"], rules.LETTER_RESOLUTION, "pdf") in page
    assert _url(letters["complaint"], rules.LETTER_RETURN) not in page
    page = _client(dept.director).get(reverse("inspection:letter", args=[letters["received"].pk])).content.decode()
    assert f"/thanh-tra/don-thu/{letters['received'].pk}/thong-bao" not in page


def test_a_state_that_does_not_allow_a_document_answers_404(dept, letters, denunciations):
    chief = _client(dept.chief)
    refused_by_state = [
        *((letters["received"], doc) for doc in ALL),  # nothing yet
        (letters["complaint"], rules.LETTER_RETURN),
        (letters["complaint"], rules.LETTER_FORWARD),
        (letters["refused"], rules.LETTER_ACCEPTANCE),
        (letters["refused"], rules.LETTER_RESOLUTION),
        (letters["petition"], rules.LETTER_ACCEPTANCE),
        (letters["petition"], rules.LETTER_RESOLUTION),
        (denunciations["accepted"], rules.LETTER_RESOLUTION),
    ]
    for letter, doc in refused_by_state:
        assert chief.get(_url(letter, doc)).status_code == 404, (letter.code, doc)
    assert chief.get(_url(letters["complaint"], "bien-ban")).status_code == 404
    assert chief.get(_url(letters["complaint"], rules.LETTER_ACCEPTANCE, "odt")).status_code == 404


def test_no_denunciation_document_names_the_denouncer(dept, denunciations):
    served = [
        (denunciations["resolved"], rules.LETTER_ACCEPTANCE),
        (denunciations["resolved"], rules.LETTER_RESOLUTION),
        (denunciations["forwarded"], rules.LETTER_FORWARD),
        (denunciations["returned"], rules.LETTER_RETURN),
        (denunciations["accepted"], rules.LETTER_ACCEPTANCE),
    ]
    # the Chief Inspector and the assigned inspector may see the denouncer on the identity page: not here
    for user in (dept.chief, dept.inspector2, dept.director):
        client = _client(user)
        for letter, doc in served:
            response = client.get(_url(letter, doc))
            assert response.status_code == 200, (user.username, letter.code, doc)
            text = _text(response.content)
            for secret in IDENTITY.values():
                assert secret not in text, (user.username, doc, secret)
            assert "Người tố cáo" in text or "người tố cáo" in text
            assert "bí mật" in text, doc
    conclusion = _text(_client(dept.chief).get(_url(denunciations["resolved"], rules.LETTER_RESOLUTION)).content)
    assert "KẾT LUẬN NỘI DUNG TỐ CÁO" in conclusion and "Tố cáo đúng một phần; kiểm điểm cán bộ." in conclusion
    assert "Điều 35" in conclusion
    forward = _text(_client(dept.chief).get(_url(denunciations["forwarded"], rules.LETTER_FORWARD)).content)
    assert "Ủy ban nhân dân huyện Đồng Phú" in forward and "Người tố cáo (để biết)" in forward
    acceptance = _text(_client(dept.chief).get(_url(denunciations["accepted"], rules.LETTER_ACCEPTANCE)).content)
    assert "Kính gửi: Người tố cáo." in acceptance and "Điều 29" in acceptance


def test_a_user_who_may_not_see_the_letter_gets_404(dept, other_dept, letters):
    denounced_inspector = _receive(
        dept, "denunciation", identity=IDENTITY, denounced=dept.inspector, summary="Tố cáo thanh tra viên."
    )
    _step(denounced_inspector, "accept", dept.chief)
    url = _url(denounced_inspector, rules.LETTER_ACCEPTANCE)
    assert _client(dept.chief).get(url).status_code == 200
    assert _client(dept.inspector).get(url).status_code == 404  # the inspector denounced never sees it
    for user in (other_dept.chief, other_dept.director):  # another agency's Inspectorate and Board
        assert _client(user).get(_url(letters["complaint"], rules.LETTER_ACCEPTANCE)).status_code == 404
    # staff outside the Inspectorate and the Board: refused as on the letter's page
    assert _client(dept.officer).get(_url(letters["complaint"], rules.LETTER_ACCEPTANCE)).status_code == 403
    assert Client().get(_url(letters["complaint"], rules.LETTER_ACCEPTANCE)).status_code == 302


def test_the_command_writes_a_letter_document(dept, letters, denunciations, tmp_path: Path):
    out = tmp_path / "thong-bao.docx"
    call_command(
        "inspection",
        "--agency",
        dept.agency.code,
        "document",
        "--letter",
        str(denunciations["resolved"].pk),
        "--kind",
        rules.LETTER_RESOLUTION,
        "--output",
        str(out),
        stdout=io.StringIO(),
    )
    text = _text(out.read_bytes())
    assert "KẾT LUẬN NỘI DUNG TỐ CÁO" in text and SECRET not in text
    with pytest.raises(CommandError):
        call_command(
            "inspection",
            "--agency",
            dept.agency.code,
            "document",
            "--letter",
            str(letters["received"].pk),
            "--kind",
            rules.LETTER_ACCEPTANCE,
            "--output",
            str(out),
            stdout=io.StringIO(),
        )
