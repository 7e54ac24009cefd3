"""The scheduler's reminders of the work app (issue 14): tasks due soon and overdue, districts that have not
reported; one message per person and day, a second run the same day writes nothing new."""

from __future__ import annotations

import datetime as dt

from stttt.core.models import OutboundMessage
from stttt.work import reminders, services
from stttt.work.models import DistrictReport


def _emails(topic: str) -> list[str]:
    return sorted(OutboundMessage.objects.filter(topic=topic).values_list("recipient", flat=True))


def test_task_due_soon_reaches_those_who_answer_for_it_and_overdue_reaches_the_director(dept):
    for user, email in ((dept.officer, "cv1@example.vn"), (dept.head, "tp@example.vn"), (dept.director, "gd@e.vn")):
        user.email = email
        user.save()
    services.task_create(
        actor=dept.director,
        lead_unit=dept.division,
        title="Báo cáo công tác quản lý báo chí",
        deadline=dt.date(2026, 10, 15),  # a Thursday
        person_in_charge=dept.officer,
    )
    assert reminders.task_reminders_send(dt.date(2026, 10, 1)) == 0  # on track
    assert reminders.task_reminders_send(dt.date(2026, 10, 14)) == 2
    assert _emails("work.task_reminder") == ["cv1@example.vn", "tp@example.vn"]
    assert reminders.task_reminders_send(dt.date(2026, 10, 14)) == 0  # the same day again: nothing new
    assert reminders.task_reminders_send(dt.date(2026, 10, 16)) == 3  # overdue: escalated to the Director
    overdue = OutboundMessage.objects.get(topic="work.task_reminder", recipient="gd@e.vn")
    assert "Quá hạn" in overdue.body and "Báo cáo công tác quản lý báo chí" in overdue.body


def test_district_reminders_on_the_cadence_only_to_districts_that_have_not_submitted(dept, district_request):
    dept.officer_a.email, dept.officer_b.email = "a@example.vn", "b@example.vn"
    dept.officer_a.save()
    dept.officer_b.save()
    submitted = DistrictReport.objects.get(request=district_request, district=dept.district_a)
    services.district_report_save(submitted, actor=dept.officer_a, raw={"dai": "1", "loa": "1"}, submit=True)
    deadline = district_request.deadline  # 15/10/2026
    days = [deadline - dt.timedelta(days=n) for n in range(5, -20, -1)]
    due = [d for d in days if reminders.district_reminder_due(deadline, d)]
    assert due == [dt.date(2026, 10, 12), deadline, dt.date(2026, 10, 22), dt.date(2026, 10, 29)]
    assert not reminders.district_reminder_due(deadline, deadline + dt.timedelta(weeks=9))  # not for ever
    assert reminders.district_reminders_send(dt.date(2026, 10, 13)) == 0
    assert reminders.district_reminders_send(deadline) == 1
    assert reminders.district_reminders_send(deadline) == 0  # twice the same day: nothing new
    assert reminders.district_reminders_send(dt.date(2026, 10, 22)) == 1
    assert _emails("work.district_reminder") == ["b@example.vn", "b@example.vn"]
