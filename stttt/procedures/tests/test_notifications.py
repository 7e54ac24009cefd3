"""The applicant is told, by e-mail and text message, of every step that changes what they must do (issue 11)."""

from __future__ import annotations

import datetime as dt

from django.core import mail

from stttt.core.models import OutboundMessage
from stttt.core.sms import MemoryBackend
from stttt.procedures import notifications
from stttt.procedures.services import dossier_transition
from stttt.procedures.workflow import TRANSITIONS, WORKFLOW

from .conftest import at, file_dossier

CONTACT = {
    "applicant_name": "Công ty TNHH Sách Bình Minh",
    "applicant_email": "binhminh@example.vn",
    "applicant_phone": "0912 345 678",
}


def go(dossier, action, actor, when, **kw):
    return dossier_transition(dossier.pk, action, actor=actor, now=when, **kw)


def _topics(channel: str) -> list[str]:
    rows = OutboundMessage.objects.filter(channel=channel).order_by("pk")
    return [r.topic.removeprefix("procedures.") for r in rows]


def test_every_step_that_concerns_the_applicant_declares_the_notice():
    notifying = {t.action for t in WORKFLOW if "procedures.notify_applicant" in t.effects}
    assert notifying == set(notifications.NOTICES)
    # steps of the Department's own routing do not bother the applicant
    assert {"transfer", "assign", "propose", "send_back", "submit"}.isdisjoint(notifying)


def test_applicant_is_told_of_each_step_in_vietnamese_once_committed(dept, catalog, django_capture_on_commit_callbacks):
    MemoryBackend.outbox.clear()
    procedure = catalog["1.003868"]
    with django_capture_on_commit_callbacks(execute=True):
        d = file_dossier(procedure, dept.applicant, CONTACT, when=at(2024, 10, 3, 9))
        assert not OutboundMessage.objects.exists()  # filing: the portal's own receipt says it
        d = go(d, "receive", dept.desk, at(2024, 10, 4, 8))
        d = go(d, "transfer", dept.desk, at(2024, 10, 4, 10))
        d = go(d, "assign", dept.head, at(2024, 10, 4, 14), assignee=dept.officer)
        d = go(d, "request_supplement", dept.officer, at(2024, 10, 7, 9), reasons="Thiếu bản sao giấy phép")
        d = go(d, "supplement_received", dept.applicant, at(2024, 10, 8, 9))
        d = go(d, "propose", dept.officer, at(2024, 10, 10, 9))
        d = go(d, "approve", dept.deputy, at(2024, 10, 11, 9), result_number="12/GP-STTTT")
        d = go(d, "return_result", dept.desk, at(2024, 10, 14, 9))
    told = ["receive", "request_supplement", "supplement_received", "approve", "return_result"]
    assert _topics("email") == told and _topics("sms") == told
    assert OutboundMessage.objects.exclude(status="sent").count() == 0
    received, supplement = mail.outbox[0], mail.outbox[1]
    assert received.to == ["binhminh@example.vn"]
    assert received.subject == f"Hồ sơ {d.code} đã được tiếp nhận"
    assert "Kính gửi Công ty TNHH Sách Bình Minh" in received.body and d.code in received.body
    assert "Thiếu bản sao giấy phép" in supplement.body and "bổ sung" in supplement.subject
    assert "12/GP-STTTT" in mail.outbox[3].body
    texts = [m for m in MemoryBackend.outbox if m.to == "0912345678"]
    assert len(texts) == 5 and d.code in texts[0].text


def test_a_rolled_back_step_tells_nothing_and_a_repeated_effect_writes_nothing_new(dept, catalog):
    procedure = catalog["1.003868"]
    d = file_dossier(procedure, dept.applicant, CONTACT, when=at(2024, 10, 3, 9))
    d = go(d, "receive", dept.desk, at(2024, 10, 4, 8))
    assert OutboundMessage.objects.count() == 2  # one e-mail, one text
    notifications.notify_applicant(d, transition=TRANSITIONS["receive"], at=dt.date(2024, 10, 4))
    assert OutboundMessage.objects.count() == 2


def test_refusal_quotes_the_reasons_and_an_applicant_without_contacts_gets_nothing(dept, catalog):
    procedure = catalog["1.003868"]
    d = file_dossier(procedure, dept.applicant, CONTACT, when=at(2024, 10, 3, 9))
    d = go(d, "reject", dept.desk, at(2024, 10, 4, 8), reasons="Hồ sơ không thuộc thẩm quyền")
    email = OutboundMessage.objects.get(channel="email")
    assert "Hồ sơ không thuộc thẩm quyền" in email.body and email.topic == "procedures.reject"
    silent = file_dossier(procedure, dept.applicant, {"applicant_name": "Ông B"}, when=at(2024, 10, 3, 9))
    go(silent, "receive", dept.desk, at(2024, 10, 4, 8))
    assert OutboundMessage.objects.count() == 2
