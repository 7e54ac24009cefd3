"""The helpers every app shares: upload policy, deadline states, downloads and form errors."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from django import forms
from django.core.exceptions import ValidationError

from stttt.core import deadlines, uploads
from stttt.core.calendar import build
from stttt.core.http import file_response, form_errors

PDF = b"%PDF-1.7\n" + b"x" * 100


def _docx(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("ho-so.pdf", PDF, None),
        ("ho-so.PDF", PDF, None),
        ("trang.html", b"<html>", "type"),
        ("setup.exe", b"MZ" + b"x" * 10, "type"),
        ("gia.pdf", b"MZ" + b"x" * 10, "match"),
        ("rong.pdf", b"", "empty"),
    ],
)
def test_upload_policy_by_type_and_content(name, content, expected):
    found = uploads.check(name, content)
    assert (found is None) == (expected is None)


def test_upload_size_limit_is_checked_before_reading():
    assert uploads.problem("a.pdf", uploads.MAX_UPLOAD_BYTES, b"%PDF") is None
    assert uploads.problem("a.pdf", uploads.MAX_UPLOAD_BYTES + 1, b"%PDF") is not None


def test_zip_bomb_inside_an_office_file_is_refused():
    small = _docx({"word/document.xml": b"<w/>"})
    assert uploads.check("don.docx", small) is None
    bomb = _docx({"word/document.xml": b"\0" * (uploads.MAX_EXPANDED_BYTES + 1)})
    assert len(bomb) < 1024 * 1024  # compresses to almost nothing
    assert uploads.check("don.docx", bomb) is not None


def test_archive_with_too_many_entries_or_broken_is_refused():
    many = _docx({f"f{i}.xml": b"" for i in range(uploads.MAX_ARCHIVE_ENTRIES + 1)})
    assert uploads.check("bang.xlsx", many) is not None
    assert uploads.check("bang.xlsx", b"PK\x03\x04 not really a zip") is not None


def test_storage_name_never_uses_the_client_name():
    name = uploads.storage_name("../../etc/passwd.pdf")
    assert "/" not in name and "passwd" not in name and name.endswith(".pdf")
    assert uploads.clean_name("C:\\Users\\a\\đơn đề nghị.pdf") == "đơn đề nghị.pdf"


def test_deadline_state_boundaries():
    cal = build({}, {})
    friday = dt.date(2026, 10, 2)
    due = dt.date(2026, 10, 7)  # Wednesday
    state = lambda today: deadlines.deadline_state(cal, due, today, soon=2)  # noqa: E731
    assert state(friday) == deadlines.ON_TRACK  # Mon, Tue, Wed: 3 working days left
    assert state(dt.date(2026, 10, 5)) == deadlines.DUE_SOON
    assert state(due) == deadlines.DUE_SOON  # the last day is still in time (Civil Code 148(1))
    assert state(due + dt.timedelta(days=1)) == deadlines.OVERDUE
    assert deadlines.deadline_state(cal, due, due + dt.timedelta(days=9), soon=2, is_open=False) == deadlines.NONE
    assert deadlines.deadline_state(cal, None, friday, soon=2) == deadlines.NONE


def test_file_response_header_is_safe_and_keeps_the_vietnamese_name():
    response = file_response(b"x", 'giấy phép "số 1".pdf', "application/pdf")
    header = response["Content-Disposition"]
    assert header.startswith('attachment; filename="giay-phep--so-1-.pdf"')
    assert "filename*=UTF-8''gi%E1%BA%A5y" in header
    assert response["X-Content-Type-Options"] == "nosniff"


class _Form(forms.Form):
    title = forms.CharField()


def test_form_errors_go_to_their_fields_or_the_top():
    form = _Form(data={"title": "x"})
    assert form.is_valid()
    form_errors(form, ValidationError({"title": ["Quá ngắn."], "other": ["Sai."]}))
    assert form.errors["title"] == ["Quá ngắn."]
    assert form.non_field_errors() == ["Sai."]
