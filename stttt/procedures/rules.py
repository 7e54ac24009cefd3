"""Rules of the one-stop procedure (pure: no ORM, no I/O). Each cites the provision it implements."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from stttt.core.calendar import WorkingCalendar
from stttt.procedures.facts import SUPPLEMENT_WINDOW

SUPPLEMENT_WINDOW_WORKING_DAYS: int = SUPPLEMENT_WINDOW.value
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

    Civil Code 2015 Art. 147(3) (day of receipt not counted) and Art. 148(5) (a last day off moves to the
    next working day), with the unit the governing law uses (working days or plain days).
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


def supplement_request_allowed(
    cal: WorkingCalendar, counting_start: dt.date, today: dt.date, already_requested: bool
) -> str | None:
    """Decree 61/2018/NĐ-CP Art. 19: an incomplete dossier is returned with one complete request for
    supplement, within 03 working days of receipt. Returns the reason it is not allowed, or None."""
    if already_requested:
        return _("A supplement may be requested only once.")
    if cal.working_days_between(counting_start, today) > SUPPLEMENT_WINDOW_WORKING_DAYS:
        return _("A supplement must be requested within %(days)d working days of receipt.") % {
            "days": SUPPLEMENT_WINDOW_WORKING_DAYS
        }
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


def missing_components(required: list[tuple[int, str]], given: set[int]) -> list[tuple[int, str]]:
    """Decree 61/2018/NĐ-CP Art. 17(1): a dossier is received only when it holds the components the
    procedure requires; each required component `(id, name)` not among `given` (attached, or seen on paper
    by the desk) is missing."""
    return [(pk, name) for pk, name in required if pk not in given]


# --- the applicant's assessment (Circular 01/2018/TT-VPCP Arts 13 and 15) -----------------------------
# Each indicator scores 2, 1 or 0 points.

AGENCY_ANSWERS = ("none", "desk_only", "several")
PUBLICITY_ANSWERS = ("both", "one", "neither")
RATEABLE_STATUSES = frozenset({"approved", "refused", "forwarded", "returned"})


def indicator_time(done: dt.date, due: dt.date | None) -> int:
    """Indicators 1 (total time against the rule) and 2 (each step against its own rule): earlier than the
    due date 2 points, on it 1, later 0. On time means the same as `on_time`."""
    if due is None or done < due:
        return 2
    return 1 if on_time(done, due) else 0


def indicator_steps(steps: list[tuple[dt.date, dt.date | None]]) -> int:
    """Indicator 2 over the dossier's steps: the worst step counts (a late unit makes the dossier late)."""
    scores = [indicator_time(done, due) for done, due in steps if due is not None]
    return min(scores) if scores else 2


def indicator_contacts(times: int) -> int:
    """Indicator 3: the applicant needed no contact to complete the dossier 2, one 1, more 0."""
    return 2 if times <= 0 else 1 if times == 1 else 0


def indicator_agencies(answer: str) -> int:
    """Indicator 4: no other agency 2, only the one-stop desk 1, several agencies 0."""
    return {"none": 2, "desk_only": 1}.get(answer, 0)


def indicator_publicity(answer: str) -> int:
    """Indicator 6: the procedure was published both on paper at the desk and electronically 2, one 1,
    neither 0."""
    return {"both": 2, "one": 1}.get(answer, 0)


def indicator_attitude(complaint: bool, time_score: int) -> int:
    """Indicator 7: result before the due date without complaint 2, on time without complaint 1, a
    complaint about the staff's conduct 0."""
    if complaint:
        return 0
    return 2 if time_score == 2 else 1


def rating_problem(
    status: str, resolved: bool, already_rated: bool, contacts: int, agencies: str, publicity: str
) -> str | None:
    """Art. 13: the service is assessed once, after the result, on every question. Returns the problem."""
    if status not in RATEABLE_STATUSES or not resolved:
        return _("The service can be rated once the result is out.")
    if already_rated:
        return _("This dossier has already been rated.")
    if contacts < 0 or agencies not in AGENCY_ANSWERS or publicity not in PUBLICITY_ANSWERS:
        return _("Answer every question.")
    return None


def rating_scores(
    resolved: dt.date,
    statutory_due: dt.date | None,
    steps: list[tuple[dt.date, dt.date | None]],
    *,
    contacts: int,
    agencies: str,
    publicity: str,
    complaint: bool,
) -> dict[str, int]:
    """The six indicators the applicant's assessment yields (Art. 13): 1 and 2 from the dossier's own dates,
    3, 4, 6 and 7 from the applicant's answers."""
    time_score = indicator_time(resolved, statutory_due)
    return {
        "indicator_1": time_score,
        "indicator_2": indicator_steps(steps),
        "indicator_3": indicator_contacts(contacts),
        "indicator_4": indicator_agencies(agencies),
        "indicator_6": indicator_publicity(publicity),
        "indicator_7": indicator_attitude(complaint, time_score),
    }


def quarter_of(day: dt.date) -> str:
    """Results are reported per quarter (Circular 01/2018/TT-VPCP Art. 15)."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def average(scores: list[int]) -> float | None:
    """Art. 15: an indicator's score is the sum of the dossiers' scores divided by their number, rounded to
    one decimal place."""
    return round(sum(scores) / len(scores), 1) if scores else None


def grade(total: float) -> str:
    """Art. 15: the agency's grade from its total points: ≥15 excellent, 12–<15 good, 9–<12 fair,
    6–<9 average, <6 weak."""
    if total >= 15:
        return "excellent"
    if total >= 12:
        return "good"
    if total >= 9:
        return "fair"
    if total >= 6:
        return "average"
    return "weak"


# --- the applicant's particulars on a filing ----------------------------------------------------------
# Checked on the filing form before anything is stored, so that the desk is not handed a dossier it can
# neither identify nor contact (Decree 61/2018/NĐ-CP Art. 15: the receiving officer checks the applicant's
# identity and the dossier; an unreachable applicant cannot be asked to supplement it, Art. 16).

MIN_NAME_CHARACTERS = 3
# Citizen identity: the personal identification number has 12 digits (Decree 137/2015/NĐ-CP Art. 13, as
# quoted by hieuluat.vn and lawfirm.vn; kept by the Law on Identity 2023 and its decree [verify the article of
# the 2024 decree]). The identity card (CMND) had 9 digits, 12 on the 2012 model (Circular 27/2012/TT-BCA
# Art. 3). A CMND still in date could be used until 31/12/2024 (Law on Identity 2023, as reported by
# quochoitv.vn and thuvienphapluat.vn [verify the article]): from 01/01/2025 a 9-digit number is refused.
PERSON_ID_LENGTHS = (9, 12)
IDENTITY_CARD_LAST_DAY = dt.date(2024, 12, 31)
# Enterprise/tax code: 10 digits, 13 (10 + "-" + 3) for a dependent unit (Circular 105/2020/TT-BTC Art. 5;
# the enterprise code is the tax code, Law on Enterprises 2020 Art. 29). [verify: the text of Circular
# 105/2020 was not found, nor whether Circular 86/2024/TT-BTC, which replaces it, keeps the structure.]
ORGANISATION_ID_LENGTHS = (10, 13)
# Vietnamese numbering plan (Circular 22/2014/TT-BTTTT: fixed subscriber numbers of 7-8 digits; the area
# codes moved to 2x/2xx in 2017, Decision 2036/QĐ-BTTTT; mobiles went from 11 to 10 digits in 2018 under the
# prefixes 03, 05, 07, 08 and 09 — as reported by thuvienphapluat.vn, tienphong.vn and baophapluat.vn):
# mobiles are 0 + 9 digits with a prefix 3, 5, 7, 8 or 9; fixed lines are 0 + a 2-3 digit area code starting
# with 2, 11 digits in all. "+84"/"84" stands for the leading 0. [verify: whether a later plan replaced
# Circular 22/2014.]
MOBILE_PREFIXES = ("3", "5", "7", "8", "9")


def _digits(value: str, allowed: str = " .") -> str | None:
    """The digits of `value` with `allowed` separators removed; None if anything else is left."""
    text = "".join(ch for ch in (value or "").strip() if ch not in allowed)
    return text if text.isdigit() else None


def applicant_name_problem(name: str) -> str | None:
    """A name must be a real name: at least three letters or digits, with a letter among them."""
    significant = [ch for ch in (name or "") if ch.isalnum()]
    if len(significant) < MIN_NAME_CHARACTERS or not any(ch.isalpha() for ch in significant):
        return _("Enter the full name of the person or organisation.")
    return None


def id_number_problem(value: str, holder: str = "", on: dt.date | None = None) -> str | None:
    """`holder` is "person", "organisation" or "" (unknown: either kind of number is accepted). Given the
    day `on`, a 9-digit identity card number is refused after the last day identity cards could be used."""
    if not (value or "").strip():
        return None
    digits = _digits(value, " .-")
    cards_ended = on is not None and on > IDENTITY_CARD_LAST_DAY
    if cards_ended and digits is not None and len(digits) == 9 and holder != "organisation":
        return _(
            "Identity cards of 9 digits are no longer valid since 01/01/2025: enter the 12-digit personal ID number."
        )
    person = digits is not None and len(digits) in PERSON_ID_LENGTHS and "-" not in value
    organisation = (
        digits is not None and len(digits) in ORGANISATION_ID_LENGTHS and (len(digits) == 13 or "-" not in value)
    )
    if holder == "person" and not person:
        return _("A personal ID number has 9 digits (identity card) or 12 digits (citizen identity card).")
    if holder == "organisation" and not organisation:
        return _("An enterprise or tax code has 10 digits, or 13 digits for a dependent unit.")
    if not (person or organisation):
        return _("Enter a personal ID number (9 or 12 digits) or an enterprise or tax code (10 or 13 digits).")
    return None


def phone_problem(value: str) -> str | None:
    if not (value or "").strip():
        return None
    text = (value or "").strip()
    if text.startswith("+"):
        text = text[1:]
    digits = _digits(text, " .-()")
    if digits is not None and digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    mobile = digits is not None and len(digits) == 10 and digits[0] == "0" and digits[1] in MOBILE_PREFIXES
    fixed = digits is not None and len(digits) == 11 and digits.startswith("02")
    if not (mobile or fixed):
        return _("Enter a Vietnamese phone number, e.g. 0912 345 678 or 0271 3888 999.")
    return None


def contact_problem(phone: str, email: str) -> str | None:
    if not (phone or "").strip() and not (email or "").strip():
        return _("Give a phone number or an e-mail address so that the desk can reach you.")
    return None


def applicant_problems(data: Mapping[str, Any], holder: str = "", on: dt.date | None = None) -> dict[str, str]:
    """Every check of the applicant's details a filing passes, by field: the portal's form, the desk's and
    the API apply this one function (a name, an ID or tax code of the holder's kind, a Vietnamese phone,
    a way to reach the applicant), on the day `on`. A field that already failed its own format (e.g. a
    malformed e-mail) is left out of `data` by the caller and so does not count as a contact."""
    problems = {
        "applicant_name": applicant_name_problem(data.get("applicant_name") or "")
        if data.get("applicant_name")
        else None,
        "applicant_id_number": id_number_problem(data.get("applicant_id_number") or "", holder, on),
        "applicant_phone": phone_problem(data.get("applicant_phone") or ""),
    }
    if not problems["applicant_phone"] and "applicant_email" in data:
        problems["applicant_phone"] = contact_problem(data.get("applicant_phone") or "", data["applicant_email"] or "")
    return {field: problem for field, problem in problems.items() if problem}


def due_date_explanation(
    cal: WorkingCalendar,
    received: dt.datetime,
    counting_start: dt.date,
    days: int,
    unit_label: str,
    due: dt.date,
    *,
    paper: bool,
) -> list[str]:
    """How the appointment date was counted, in sentences for the dossier page.

    - a day off: an online filing made on a day off is taken as received on the next working day (the
      practice of this system: no provision on online filings outside working hours was found [verify]);
      Decree 61/2018/NĐ-CP Art. 18(2) moves a paper dossier received after the cut-off to the next working day;
    - Civil Code 2015 Art. 147(3): the day of receipt (the event) is not counted, the period runs from the
      day after;
    - Civil Code 2015 Art. 148(1) and (5): a period ends at the end of its last day; a last day that is a
      weekly rest day or a public holiday moves to the next working day.
    """
    fmt = "%d/%m/%Y"
    day = received.date()
    sentences = []
    if counting_start != day:
        if not cal.is_working_day(day):
            sentences.append(
                _("Filed on %(day)s, a day off: it is taken as received on the next working day, %(start)s.")
                % {"day": day.strftime(fmt), "start": counting_start.strftime(fmt)}
            )
        elif paper:
            sentences.append(
                _(
                    "Received after the cut-off time on %(day)s: it goes to the division on the next "
                    "working day, %(start)s (Decree 61/2018/ND-CP Art. 18(2))."
                )
                % {"day": day.strftime(fmt), "start": counting_start.strftime(fmt)}
            )
    first = counting_start + dt.timedelta(days=1)
    sentences.append(
        _(
            "The day of receipt is not counted (Civil Code 2015 Art. 147(3)): the %(days)d %(unit)s "
            "run from %(first)s and end on %(due)s."
        )
        % {"days": days, "unit": unit_label, "first": first.strftime(fmt), "due": due.strftime(fmt)}
    )
    sentences.append(
        _(
            "A period ends at the end of its last day; a last day that falls on a day off moves to "
            "the next working day (Civil Code 2015 Art. 148(1) and (5))."
        )
    )
    return sentences


# --- procedure versions -------------------------------------------------------------------------------

VERSION_STAGES = ("desk", "division", "leader")


def version_problems(facts: Mapping[str, Any]) -> list[str]:
    """What keeps a version from being published, one sentence each (empty: complete).

    Decree 63/2010/NĐ-CP Art. 8(2) (as amended by Decree 48/2013/NĐ-CP) [verify]: a procedure states its
    dossier components, its time limit, the agency that performs it and its result; a time limit binds
    only with the provision that sets it, so every step needs its limit and basis. A version must also
    start somewhere (its valid-from date) to be bound to filings.
    """
    problems = []
    if not facts.get("valid_from"):
        problems.append(_("Give the date from which the version is valid."))
    if not str(facts.get("time_limit_basis") or "").strip():
        problems.append(_("Give the provision that sets the time limit."))
    if facts.get("local_time_limit") is not None and not str(facts.get("local_time_limit_basis") or "").strip():
        problems.append(_("Give the decision that publishes the shorter time limit."))
    steps = list(facts.get("steps") or [])
    stages = [str(step.get("stage")) for step in steps]
    for stage in VERSION_STAGES:
        if stage not in stages:
            problems.append(_("Step “%(stage)s” has no time limit.") % {"stage": stage})
    for step in steps:
        days = step.get("days")
        if not isinstance(days, int) or isinstance(days, bool) or days < 0:
            problems.append(_("Step “%(stage)s” has no time limit.") % {"stage": step.get("stage")})
        if not str(step.get("basis") or "").strip():
            problems.append(_("Step “%(stage)s” has no legal basis.") % {"stage": step.get("stage")})
    if not any(str(c.get("name") or "").strip() for c in facts.get("components") or []):
        problems.append(_("List at least one dossier component."))
    if not str(facts.get("result_name") or "").strip() or not facts.get("result_kind"):
        problems.append(_("Name the result of the procedure."))
    if not str(facts.get("division_code") or "").strip():
        problems.append(_("Give the processing unit."))
    for announcement in facts.get("announcements") or []:
        if not str(announcement.get("document") or "").strip() or not str(announcement.get("row") or "").strip():
            problems.append(_("Each announcing decision needs its document and its article or annex row."))
            break
    return problems


def periods_overlap(
    start: dt.date | None, end: dt.date | None, other_start: dt.date | None, other_end: dt.date | None
) -> bool:
    """Whether two validity periods share a day (an empty start or end is open; both ends inclusive).

    One procedure has one set of facts on any day (Decree 63/2010/NĐ-CP Art. 15: a procedure applies as
    announced, from the date the announcing decision sets [verify]), so published versions may not overlap.
    """
    first_end = dt.date.max if end is None else end
    second_end = dt.date.max if other_end is None else other_end
    first_start = dt.date.min if start is None else start
    second_start = dt.date.min if other_start is None else other_start
    return first_start <= second_end and second_start <= first_end


def in_period(day: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    """Whether `day` falls in a validity period (open ends as in `periods_overlap`)."""
    return (start is None or start <= day) and (end is None or day <= end)


FACT_FIELDS = (
    "national_code",
    "name",
    "field_code",
    "legal_basis",
    "time_limit",
    "time_unit",
    "time_limit_basis",
    "local_time_limit",
    "local_time_limit_basis",
    "steps",
    "components",
    "fee",
    "result_kind",
    "result_name",
    "handling",
    "division_code",
    "online",
    "service_level",
)


def facts_diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[tuple[str, Any, Any]]:
    """The facts that differ between two versions, as (field, old, new), in the order of FACT_FIELDS;
    components and steps compare by their name or stage, so a reordering alone is no change."""
    changes = []
    for name in FACT_FIELDS:
        before, after = old.get(name), new.get(name)
        if name == "components":
            before = sorted(_component_key(c) for c in before or [])
            after = sorted(_component_key(c) for c in after or [])
        elif name == "steps":
            before = sorted((str(s.get("stage")), s.get("days"), str(s.get("basis") or "")) for s in before or [])
            after = sorted((str(s.get("stage")), s.get("days"), str(s.get("basis") or "")) for s in after or [])
        if before != after:
            changes.append((name, before, after))
    return changes


def _component_key(component: Mapping[str, Any]) -> tuple[str, str, int, bool]:
    return (
        " ".join(str(component.get("name") or "").split()),
        str(component.get("copy_kind") or "original"),
        int(component.get("copies") or 1),
        bool(component.get("required", True)),
    )
