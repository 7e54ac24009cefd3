"""Reminders the scheduler writes every working morning (stttt/config/celery.py): writes of the work app
that touch only the outbox. Each is keyed by its day, so a second run the same day sends nothing new.

- Tasks (Art. 5.3-5.4 of the regulation: the head answers for the unit's work, the briefing follows what is
  late): the person in charge and the head of the lead unit are told of open tasks due within 2 working
  days; overdue tasks are escalated to the Director as well. One message per person and day.
- District reports (Art. 6.6): the officers of every district that has not submitted are reminded
  `DISTRICT_DAYS_BEFORE` days before the deadline and on the deadline, then weekly while late, for at most
  `DISTRICT_LATE_WEEKS` weeks.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from stttt.core import outbox
from stttt.core.calendar import calendar
from stttt.org.selectors import director_at, head_at
from stttt.work import rules, services
from stttt.work.choices import TASK_OPEN, DistrictReportStatus
from stttt.work.models import DistrictRequest, Task

DISTRICT_DAYS_BEFORE = 3
DISTRICT_LATE_WEEKS = 8


def _email_of(staff: Any) -> str:
    user = getattr(staff, "user", None)
    return (getattr(user, "email", "") or "") if user is not None and user.is_active else ""


def _line(task: Task) -> str:
    return f"- {task.title} · {task.lead_unit.name} · {task.deadline:%d/%m/%Y}"


def task_reminders_send(today: dt.date | None = None) -> int:
    """Write the day's task reminders; returns how many messages are new."""
    day = today or timezone.localdate()
    cal = calendar()
    boxes: dict[str, dict[str, list[Task]]] = defaultdict(lambda: {"overdue": [], "due_soon": []})
    open_tasks = Task.objects.filter(status__in=TASK_OPEN, deadline__isnull=False).select_related(
        "lead_unit__agency", "person_in_charge"
    )
    for task in open_tasks.order_by("deadline", "pk"):
        state = rules.deadline_state(is_open=True, deadline=task.deadline, today=day, cal=cal)
        if state not in ("overdue", "due_soon"):
            continue
        people = [getattr(task.person_in_charge, "email", "") or "", _email_of(head_at(task.lead_unit, day))]
        if state == "overdue":
            people.append(_email_of(director_at(task.lead_unit.agency, day)))
        for email in dict.fromkeys(p for p in people if p):
            boxes[email][state].append(task)
    written = 0
    for email, box in sorted(boxes.items()):
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("Tasks: %(overdue)d overdue, %(soon)d due within 2 working days") % {
                "overdue": len(box["overdue"]),
                "soon": len(box["due_soon"]),
            }
            parts = [_("Tasks you lead or answer for, on %(day)s:") % {"day": f"{day:%d/%m/%Y}"}]
            if box["overdue"]:
                parts.append(_("Overdue:") + "\n" + "\n".join(map(_line, box["overdue"])))
            if box["due_soon"]:
                parts.append(_("Due within 2 working days:") + "\n" + "\n".join(map(_line, box["due_soon"])))
        messages = outbox.email(
            email,
            subject=subject,
            body="\n\n".join(parts),
            key=f"work.task_reminder:{day.isoformat()}",
            topic="work.task_reminder",
        )
        written += outbox.count_new(messages)
    return written


def district_reminder_due(deadline: dt.date, day: dt.date) -> bool:
    """Whether `day` is a reminder day for a request due on `deadline` (the cadence in the module's docs)."""
    left = (deadline - day).days
    if left in (DISTRICT_DAYS_BEFORE, 0):
        return True
    return left < 0 and -left % 7 == 0 and -left <= 7 * DISTRICT_LATE_WEEKS


def district_reminders_send(today: dt.date | None = None) -> int:
    """Remind the districts that have not submitted, on the reminder days; returns how many messages are new."""
    day = today or timezone.localdate()
    earliest = day - dt.timedelta(weeks=DISTRICT_LATE_WEEKS)
    written = 0
    requests = DistrictRequest.objects.filter(deadline__gte=earliest, deadline__lte=day + dt.timedelta(days=7))
    for request in requests.select_related("agency"):
        if not district_reminder_due(request.deadline, day):
            continue
        for report in request.reports.exclude(status=DistrictReportStatus.SUBMITTED).select_related("district"):
            key = f"work.district_report:{report.pk}:scheduled:{day.isoformat()}"
            written += services.district_reminder_write(request, report, key=key)
    return written
