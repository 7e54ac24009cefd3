"""Every page answers for the roles that use it, and the steps work through the pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from stttt.correspondence import services
from stttt.correspondence.models import Incoming, Outgoing

from .conftest import register

pytestmark = pytest.mark.django_db


def _docx(text: str) -> bytes:
    import io

    import docx

    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_register_route_and_answer_through_pages(client, dept):
    client.force_login(dept.clerk)
    response = client.post(
        reverse("correspondence:incoming_new"),
        {
            "issuer": "Ủy ban nhân dân tỉnh Thử Nghiệm",
            "number_symbol": "12/UBND-VX",
            "doc_date": "2026-11-02",
            "doc_type": "CV",
            "summary": "Về việc báo cáo công tác báo chí",
            "channel": "post",
            "pages": "1",
            "attachments": [SimpleUploadedFile("cv.docx", _docx("Đề nghị Sở báo cáo về phát thanh truyền hình"))],
        },
    )
    doc = Incoming.objects.get()
    assert response.status_code == 302 and doc.arrival_number == 1
    # the text inside the file is searchable without diacritics
    assert (
        client.get(reverse("correspondence:index"), {"q": "phat thanh truyen hinh"}).content.count(b"12/UBND-VX") == 1
    )
    client.force_login(dept.director)
    client.post(
        reverse("correspondence:incoming_act", args=[doc.pk, "route"]),
        {
            "lead_unit": dept.division.pk,
            "instruction": "Phòng xử lý.",
            "deadline": (timezone.localdate() + dt.timedelta(days=3)).isoformat(),
            "create_task": "on",
        },
    )
    doc.refresh_from_db()
    assert doc.status == "routed" and doc.task_id
    client.force_login(dept.officer)
    assert client.get(reverse("correspondence:incoming", args=[doc.pk])).status_code == 200
    response = client.post(
        reverse("correspondence:outgoing_new"),
        {
            "reply_to": doc.pk,
            "drafting_unit": dept.division.pk,
            "doc_type": "CV",
            "summary": "Báo cáo",
            "body": "Nội dung",
            "recipients": "UBND tỉnh",
        },
    )
    reply = Outgoing.objects.get()
    assert response.status_code == 302 and reply.reply_to == doc
    for page in ("outgoing", "outgoing_edit"):
        assert client.get(reverse(f"correspondence:{page}", args=[reply.pk])).status_code == 200
    for fmt in ("pdf", "docx"):
        assert client.get(reverse("correspondence:outgoing_file", args=[reply.pk, fmt])).status_code == 200


def test_a_division_sees_only_what_is_routed_to_it(client, dept):
    mine = register(dept, number_symbol="1/A")
    theirs = register(dept, number_symbol="2/B")
    services.incoming_route(
        mine, actor=dept.director, lead_unit=dept.division, instruction="x", deadline=timezone.localdate()
    )
    services.incoming_route(
        theirs, actor=dept.director, lead_unit=dept.other, instruction="x", deadline=timezone.localdate()
    )
    client.force_login(dept.officer)
    assert client.get(reverse("correspondence:incoming", args=[mine.pk])).status_code == 200
    assert client.get(reverse("correspondence:incoming", args=[theirs.pk])).status_code == 404
    listing = client.get(reverse("correspondence:index")).content.decode()
    assert "1/A" in listing and "2/B" not in listing


def test_confidential_only_for_those_it_was_routed_to(client, dept):
    secret = register(dept, number_symbol="9/MAT", secrecy="mat")
    assert secret.register == "incoming_secret" and secret.arrival_number == 1
    services.incoming_route(
        secret, actor=dept.director, lead_unit=dept.division, instruction="x", deadline=timezone.localdate()
    )
    services.incoming_assign(secret, actor=dept.head, officer=dept.officer)
    for user, answer in (
        (dept.head, 200),
        (dept.officer, 200),
        (dept.director, 200),
        (dept.officer2, 404),
        (dept.other_head, 404),
        (dept.deputy2, 404),
    ):
        client.force_login(user)
        assert client.get(reverse("correspondence:incoming", args=[secret.pk])).status_code == answer, user


def test_other_pages_answer(client, dept, other):
    client.force_login(dept.director)
    for name, args in (
        ("index", []),
        ("outgoing_list", []),
        ("dossiers", []),
        ("dossier_new", []),
        ("figures", []),
        ("incoming_book", [timezone.localdate().year, "docx"]),
        ("incoming_book", [timezone.localdate().year, "xlsx"]),
        ("outgoing_book", [timezone.localdate().year, "docx"]),
    ):
        assert client.get(reverse(f"correspondence:{name}", args=args)).status_code == 200, name
    foreign = register(other)
    assert client.get(reverse("correspondence:incoming", args=[foreign.pk])).status_code == 404
