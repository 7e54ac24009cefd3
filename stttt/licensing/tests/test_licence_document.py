"""The licence document says what is licensed (the kind's subject fields with their values), prints dates as
dd/mm/yyyy and the district by its name in the organisation data (issue 11: official documents)."""

from __future__ import annotations

import datetime as dt
import io

import pypdf
import pytest
from django.utils import timezone

from stttt.licensing import documents, services

pytestmark = pytest.mark.django_db


def _texts(doc) -> str:
    return "\n".join(getattr(b, "text", "") for b in doc.blocks)


def test_the_body_lists_the_subject_with_values_not_a_pointer_to_the_dossier(dept):
    licence = services.licence_record(
        "photocopier",
        actor=dept.officer,
        data={
            "holder_name": "Cơ sở photocopy Hồng Phúc",
            "holder_address": "Số 5 đường Phú Riềng Đỏ, phường Tân Phú",
            "issued_on": dt.date(2025, 4, 19),
            "district": dept.district_a.code,
        },
        subject={
            "facility_address": "Số 5 đường Phú Riềng Đỏ",
            "device_model": "Ricoh MP C3004",
            "serials": ["E174M930512", "E174M930513"],
        },
    )
    doc = documents.licence_document(licence, "https://example.test/v/x")
    body = _texts(doc)
    assert "Theo hồ sơ đề nghị" not in body
    for expected in (
        "Ricoh MP C3004",
        "E174M930512, E174M930513",
        "Số 5 đường Phú Riềng Đỏ",
        dept.district_a.name,
        "19/04/2025",
    ):
        assert expected in body, expected
    assert "2025-04-19" not in body
    pdf = pypdf.PdfReader(io.BytesIO(documents.licence_pdf(licence, "https://example.test/v/x")))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "Ricoh MP C3004" in text and "Theo hồ sơ đề nghị" not in text


def test_subject_dates_print_as_day_month_year_with_vietnamese_labels(dept):
    licence = services.licence_record(
        "exhibition",
        actor=dept.officer,
        data={"holder_name": "Công ty Sách Phương Nam", "issued_on": timezone.localdate()},
        subject={
            "event_name": "Hội sách mùa thu",
            "venue": "Nhà văn hóa tỉnh",
            "start": "2025-04-19",
            "end": "2025-04-25",
        },
    )
    lines = dict(documents.subject_lines(licence, timezone.localdate()))
    assert "19/04/2025" in lines.values() and "25/04/2025" in lines.values()
    body = _texts(documents.licence_document(licence, "https://example.test/v/y"))
    assert "2025-04-19" not in body and "Hội sách mùa thu" in body and "Nhà văn hóa tỉnh" in body
    assert all(label[0].isupper() for label in lines)
    assert "Venue" not in lines and "Opens on" not in lines  # labels in Vietnamese whatever the active language


def test_the_licence_page_names_amended_fields_in_the_kinds_words_not_their_stored_names(dept):
    from django.test import Client
    from django.urls import reverse

    licence = services.licence_record(
        "photocopier",
        actor=dept.officer,
        data={"holder_name": "Cơ sở Hồng Phúc", "issued_on": timezone.localdate()},
        subject={"facility_address": "Đường 1", "device_model": "Ricoh", "serials": ["A1"]},
    )
    services.licence_event_add(
        licence.pk,
        "amend",
        actor=dept.officer,
        effective_on=timezone.localdate(),
        legal_basis="Nghị định 60/2014/NĐ-CP",
        changes={"facility_address": "Số 9 Hùng Vương"},
    )
    client = Client()
    client.force_login(dept.officer)
    html = client.get(reverse("licensing:licence", args=[licence.pk]), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    events = html[html.index('data-testid="event-amend"') :]
    events = events[: events.index("</tr>")]
    assert "Địa chỉ cơ sở: Số 9 Hùng Vương" in events
    assert "facility_address" not in events


def test_day_filter_prints_iso_register_dates_as_day_month_year():
    from stttt.licensing.templatetags.licence_display import day, subject_changes

    assert day("2025-04-19") == "19/04/2025" and day(dt.date(2025, 4, 19)) == "19/04/2025"
    assert day("") == "" and day(None) == ""
    pairs = subject_changes({"start": "2025-04-19", "holder_name": "X"}, "exhibition")
    assert ("2025-04-19" not in dict(pairs).values()) and "19/04/2025" in dict(pairs).values()
