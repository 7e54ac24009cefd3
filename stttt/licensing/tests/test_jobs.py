"""The scheduler's expiry job (issue 14): run twice, it sends nothing new."""

from __future__ import annotations

import datetime as dt

from django.core import mail

from stttt.config.celery import app
from stttt.core import jobs
from stttt.core.models import OutboundMessage
from stttt.licensing.models import KindDivision

from .test_agencies import _point


def test_the_expiry_job_is_scheduled_daily_and_a_second_run_sends_nothing_new(dept, django_capture_on_commit_callbacks):
    entry = next(e for e in app.conf.beat_schedule.values() if e["task"] == "licensing.expiry_warnings")
    assert entry["schedule"].hour == {7} and entry["schedule"].day_of_week == set(range(7))
    KindDivision.objects.create(agency=dept.agency, kind="game_point", unit_code=dept.division.code)
    dept.head.email = "tp@example.vn"
    dept.head.save()
    licence = _point(dept)
    day = (licence.valid_until - dt.timedelta(days=5)).isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs.run_now("licensing.expiry_warnings", today=day) == 1
    assert [m.to for m in mail.outbox] == [["tp@example.vn"]]
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs.run_now("licensing.expiry_warnings", today=day) == 0
    assert len(mail.outbox) == 1 and OutboundMessage.objects.get().status == "sent"
