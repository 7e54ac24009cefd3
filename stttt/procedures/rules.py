"""Rules of the one-stop procedure (pure: no ORM, no I/O). Each cites the provision it implements."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from stttt.core.calendar import WorkingCalendar

SUPPLEMENT_WINDOW_WORKING_DAYS = 3
DUE_SOON_WORKING_DAYS = 2
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
# Extension -> (content type, magic prefixes). Office files are ZIP containers.
ALLOWED_UPLOADS: dict[str, tuple[str, tuple[bytes, ...]]] = {
    "pdf": ("application/pdf", (b"%PDF",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (b"PK\x03\x04",)),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (b"PK\x03\x04",)),
    "odt": ("application/vnd.oasis.opendocument.text", (b"PK\x03\x04",)),
}


def due_date(cal: WorkingCalendar, counting_start: dt.date, days: int, unit: str) -> dt.date:
    """The due date of a dossier whose period counts from `counting_start`.

    Civil Code 2015 Arts 147–148 (day of receipt not counted; a last day off moves to the next working
    day), with the unit the governing law uses (working days or plain days).
    """
    return cal.add_period(counting_start, days, unit)


def stage_due_date(cal: WorkingCalendar, start: dt.date, days: int, overall_due: dt.date | None) -> dt.date:
    """The deadline of one step (desk, division, leadership) from its allotment in working days, never past
    the dossier's own due date (Decree 61/2018 Art. 19: each unit's time is part of the total)."""
    due = cal.add_working_days(start, days)
    return min(due, overall_due) if overall_due else due


def on_time(done: dt.date, due: dt.date | None) -> bool | None:
    """Circular 01/2018/TT-VPCP Art. 13 (indicators 1–2): a step or dossier done by its due date is on time."""
    return None if due is None else done <= due


def supplement_request_allowed(cal: WorkingCalendar, counting_start: dt.date, today: dt.date,
                               already_requested: bool) -> str | None:
    """Decree 61/2018/NĐ-CP Art. 19: an incomplete dossier is returned with one complete request for
    supplement, within 03 working days of receipt. Returns the reason it is not allowed, or None."""
    if already_requested:
        return _("A supplement may be requested only once.")
    if cal.working_days_between(counting_start, today) > SUPPLEMENT_WINDOW_WORKING_DAYS:
        return _("A supplement must be requested within 3 working days of receipt.")
    return None


def apology_allowed(today: dt.date, due: dt.date | None, new_due: dt.date | None, already: bool) -> str | None:
    """Decree 61/2018/NĐ-CP Art. 19: a dossier that will be late gets an apology with a new appointment,
    sent at least one day before the due date, and the appointment may be moved only once."""
    if already:
        return _("The appointment may be moved only once.")
    if due is None:
        return _("The dossier has no due date yet.")
    if today > due - dt.timedelta(days=1):
        return _("The apology must be sent at least one day before the due date.")
    if new_due is None or new_due <= due:
        return _("The new appointment must be after the current due date.")
    return None


def deadline_state(cal: WorkingCalendar, due: dt.date | None, today: dt.date) -> str:
    """`overdue` after the due date, `due_soon` within 2 working days of it, else `on_track`
    (Civil Code Art. 148(1): a period ends at the end of its last day)."""
    if due is None:
        return "none"
    if today > due:
        return "overdue"
    if cal.working_days_between(today, due) <= DUE_SOON_WORKING_DAYS:
        return "due_soon"
    return "on_track"


def dossier_code(agency_code: str, day: dt.date, sequence: int) -> str:
    """Decree 61/2018 Art. 26 and Circular 01/2018/TT-VPCP Art. 19: `<agency code>-YYMMDD-NNNN`, the
    sequence restarting every day."""
    if not 1 <= sequence <= 9999:
        raise ValueError("dossier sequence out of range")
    return f"{agency_code}-{day:%y%m%d}-{sequence:04d}"


def upload_problem(name: str, size: int, head: bytes, max_bytes: int = MAX_UPLOAD_BYTES) -> str | None:
    """An uploaded document is accepted only in a known format whose content matches its extension, and
    not larger than the limit (ASVS 12.1.1, 12.2.1). Returns the problem or None."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_UPLOADS:
        return _("Files of this type are not accepted; use PDF, JPEG, PNG, DOCX, XLSX or ODT.")
    if size <= 0:
        return _("The file is empty.")
    if size > max_bytes:
        return _("The file is larger than %(limit)d MB.") % {"limit": max_bytes // (1024 * 1024)}
    if not head.startswith(ALLOWED_UPLOADS[extension][1]):
        return _("The file's content does not match its extension.")
    return None


def content_type_for(name: str) -> str:
    return ALLOWED_UPLOADS[name.rsplit(".", 1)[-1].lower()][0]
