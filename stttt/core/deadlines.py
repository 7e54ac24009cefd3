"""The state of a deadline, shared by dossiers, tasks, reports and every later record with a due date.

Civil Code 2015 Art. 148(1): a period ends at the end of its last day, so a record is overdue only from
the day after its due date. "Due soon" counts working days on the calendar of `core.calendar`.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _

from stttt.core.calendar import WorkingCalendar

NONE, ON_TRACK, DUE_SOON, OVERDUE = "none", "on_track", "due_soon", "overdue"
LABELS = {NONE: _("No deadline"), ON_TRACK: _("On track"), DUE_SOON: _("Due soon"), OVERDUE: _("Overdue")}


def deadline_state(
    cal: WorkingCalendar, due: dt.date | None, today: dt.date, *, soon: int, is_open: bool = True
) -> str:
    """`overdue` (open, past its due date), `due_soon` (open, due within `soon` working days),
    `on_track`, or `none` (closed, or no due date)."""
    if not is_open or due is None:
        return NONE
    if today > due:
        return OVERDUE
    if cal.working_days_between(today, due) <= soon:
        return DUE_SOON
    return ON_TRACK
