"""Deadline reminders and overdue escalations for staff: a write of the procedures app that touches only the
outbox, run every working morning by the scheduler (`procedures.deadline_reminders`).

Each member of staff with an e-mail address gets one message a day listing the dossiers of their inboxes
(`selectors.inboxes`: assigned to them, or a step of theirs as desk, division head or approving leader)
that are due within 2 working days and those already overdue. The overdue list is the escalation: it
reaches the division head and the approving leader as well as the officer. The key is the person and the
day, so a second run the same day sends nothing new.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from stttt.core import outbox
from stttt.org.selectors import assignments_at
from stttt.procedures import selectors
from stttt.procedures.models import Dossier


def _line(dossier: Dossier) -> str:
    due = f"{dossier.due_date:%d/%m/%Y}" if dossier.due_date else "—"
    return f"- {dossier.code or dossier.pk} · {dossier.procedure.name} · {dossier.applicant_name} · {due}"


def deadline_reminders_send(today: dt.date | None = None) -> int:
    """Write the day's reminder to every member of staff who has dossiers due soon or overdue; returns how
    many messages were written (0 on a second run the same day)."""
    day = today or timezone.localdate()
    staff_ids = assignments_at(day).exclude(staff__user__isnull=True).values_list("staff__user", flat=True)
    users = get_user_model().objects.filter(pk__in=staff_ids, is_active=True).exclude(email="").order_by("pk")
    written = 0
    for user in users:
        boxes = selectors.inboxes(user, day)
        due_soon, overdue = boxes["due_soon"], boxes["overdue"]
        if not (due_soon or overdue):
            continue
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("Dossiers: %(overdue)d overdue, %(soon)d due within 2 working days") % {
                "overdue": len(overdue),
                "soon": len(due_soon),
            }
            parts = [_("Dossiers of your inboxes on %(day)s:") % {"day": f"{day:%d/%m/%Y}"}]
            if overdue:
                parts.append(_("Overdue (appointment date passed):") + "\n" + "\n".join(map(_line, overdue)))
            if due_soon:
                parts.append(_("Due within 2 working days:") + "\n" + "\n".join(map(_line, due_soon)))
        messages = outbox.email(
            user.email,
            subject=subject,
            body="\n\n".join(parts),
            key=f"procedures.deadline_reminder:{user.pk}:{day.isoformat()}",
            topic="procedures.deadline_reminder",
        )
        written += outbox.count_new(messages)
    return written
