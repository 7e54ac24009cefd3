"""Deadline reminders and overdue escalations for staff (issue 14): one message per person and day."""

from __future__ import annotations

import datetime as dt

from stttt.core.models import OutboundMessage
from stttt.procedures.reminders import deadline_reminders_send
from stttt.procedures.services import dossier_transition

from .conftest import at, file_dossier


def test_officer_and_head_are_reminded_then_escalated_once_a_day(dept, catalog):
    for user, email in ((dept.officer, "cv1@example.vn"), (dept.head, "tp@example.vn"), (dept.other_head, "")):
        user.email = email
        user.save()
    procedure = catalog["1.003868"]  # 15 plain days: received 04/10/2024, due 21/10/2024
    d = file_dossier(procedure, dept.applicant, {"applicant_name": "Công ty A"}, when=at(2024, 10, 3, 9))
    for action, actor, kw in (
        ("receive", dept.desk, {}),
        ("transfer", dept.desk, {}),
        ("assign", dept.head, {"assignee": dept.officer}),
    ):
        d = dossier_transition(d.pk, action, actor=actor, now=at(2024, 10, 4, 10), **kw)
    assert d.due_date == dt.date(2024, 10, 21)

    assert deadline_reminders_send(dt.date(2024, 10, 10)) == 0  # on track: nobody is bothered
    assert deadline_reminders_send(dt.date(2024, 10, 18)) >= 2
    soon = {m.recipient: m for m in OutboundMessage.objects.filter(topic="procedures.deadline_reminder")}
    assert {"cv1@example.vn", "tp@example.vn"} <= set(soon) and "other@example.vn" not in soon
    assert d.code in soon["cv1@example.vn"].body and "2 ngày làm việc" in soon["cv1@example.vn"].subject
    assert deadline_reminders_send(dt.date(2024, 10, 18)) == 0  # a second run the same day: nothing new

    deadline_reminders_send(dt.date(2024, 10, 22))
    late = OutboundMessage.objects.filter(topic="procedures.deadline_reminder", body__contains="Quá hạn")
    assert {"cv1@example.vn", "tp@example.vn"} <= {m.recipient for m in late}
