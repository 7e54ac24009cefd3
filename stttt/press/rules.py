"""Rules of press and publishing oversight: pure functions (no ORM), each citing its provision. The figures
come from `facts.py`.

Intake rules per kind of deposited item are data (`intake_rule(kind)`): the deadline relative to release, the
copies required, the electronic formats accepted, with their article and whether it is confirmed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from stttt.core.legalfacts import fact
from stttt.press.choices import Conclusion, Flag, ItemKind, Timeliness

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")


@dataclass(frozen=True)
class IntakeRule:
    """What the law asks of one kind of deposit. `deadline` is "release_hour" (at `hour` on the release day),
    "days_before" (`days` before distribution) or "" (no deposit deadline with the Department)."""

    kind: str
    deadline: str
    hour: int = 0
    days: int = 0
    copies: int = 0
    formats: tuple[str, ...] = ()
    basis: str = ""
    unsure: bool = False
    licence_kind: str = ""  # the licensing kind an item of this kind is published under ("" : the outlet's)
    licence_title_field: str = ""  # the licence subject field holding the title


def intake_rule(kind: str) -> IntakeRule:
    """The intake rule of `kind`, read from the facts (Press Law 2016 Art. 52; Publishing Law 2012 Art. 28, 48)."""
    if kind == ItemKind.PRESS_PRINT:
        hour = fact("press.print_deposit_hour")
        return IntakeRule(
            kind, "release_hour", hour=hour.value, copies=fact("press.print_copies_local").value, basis=hour.basis
        )
    if kind == ItemKind.BULLETIN:
        hour = fact("press.bulletin_deposit_hour")
        return IntakeRule(
            kind,
            "release_hour",
            hour=hour.value,
            copies=fact("press.bulletin_copies").value,
            basis=hour.basis,
            unsure=True,
            licence_kind="bulletin",
            licence_title_field="name",
        )
    if kind == ItemKind.PUBLICATION:
        days = fact("press.publication_lead_days")
        return IntakeRule(
            kind,
            "days_before",
            days=days.value,
            copies=fact("press.publication_copies").value,
            basis=days.basis,
            unsure=True,
            licence_kind="non_business_publication",
            licence_title_field="title",
        )
    if kind == ItemKind.E_PUBLICATION:
        days = fact("press.e_publication_lead_days")
        return IntakeRule(
            kind,
            "days_before",
            days=days.value,
            formats=tuple(fact("press.e_publication_formats").value),
            basis=days.basis,
            unsure=True,
            licence_kind="non_business_publication",
            licence_title_field="title",
        )
    if kind == ItemKind.PRESS_ELECTRONIC:
        retention = fact("press.electronic_retention_months")
        return IntakeRule(kind, "", basis=retention.basis)
    raise ValueError(kind)


def deposit_deadline(kind: str, release_date: dt.date, distribution_date: dt.date | None = None) -> dt.datetime | None:
    """The moment by which an item must be deposited, in local time; None when the Department sets none.

    Print press and bulletins: at `hour` (08:00) on the release day (Press Law 2016 Art. 52.1.b). Publications:
    the end of the day `days` (10) before distribution (Publishing Law 2012 Art. 28, 48; unsure). The deadline is
    not moved for days off: the release day is the release day, and a deposit by post counts from its postmark
    (Art. 52.2)."""
    rule = intake_rule(kind)
    if rule.deadline == "release_hour":
        return dt.datetime.combine(release_date, dt.time(rule.hour), tzinfo=LOCAL)
    if rule.deadline == "days_before":
        last_day = (distribution_date or release_date) - dt.timedelta(days=rule.days)
        return dt.datetime.combine(last_day, dt.time(23, 59, 59), tzinfo=LOCAL)
    return None


def deposit_moment(received_at: dt.datetime, postmarked_at: dt.datetime | None = None) -> dt.datetime:
    """When the deposit counts as made: the postmark of the sending office for a deposit by post, else the
    receipt (Press Law 2016 Art. 52.2)."""
    return postmarked_at if postmarked_at is not None else received_at


def timeliness(deadline: dt.datetime | None, moment: dt.datetime) -> str:
    """On time when made at or before the deadline (the deadline minute itself is on time), late after it
    (Press Law 2016 Art. 52.1.b: "chậm nhất là 08 giờ sáng"; Publishing Law 2012 Art. 28)."""
    if deadline is None:
        return Timeliness.NO_DEADLINE
    return Timeliness.ON_TIME if moment <= deadline else Timeliness.LATE


def late_by(deadline: dt.datetime | None, moment: dt.datetime) -> dt.timedelta | None:
    if deadline is None or moment <= deadline:
        return None
    return moment - deadline


@dataclass(frozen=True)
class LicenceFacts:
    """What intake needs to know of the licence an item was published under, as it stood on the release date."""

    kind: str
    status: str  # valid, suspended, revoked, expired (licensing's computed status on the release date)
    valid_from: dt.date
    valid_until: dt.date | None
    title: str = ""


def licence_flags(
    kind: str, release_date: dt.date, title: str, licence: LicenceFacts | None, copies: int | None = None
) -> list[str]:
    """Flags raised at intake (Press Law 2016 Art. 34.4 for a bulletin's term; Publishing Law 2012 Art. 25 and 29
    for non-business publications; Art. 52.1.b and Art. 28 for the copies):

    - no licence: an item of a licensed kind that names none;
    - a licence of another kind than the item needs;
    - published past the licence's term (release after its last valid day);
    - a licence not valid on the release date (not yet in force, suspended or revoked);
    - a title that differs from the licence's (compared without case, spaces and diacritics);
    - fewer copies than required."""
    rule = intake_rule(kind)
    flags: list[str] = []
    if licence is None:
        if rule.licence_kind or kind == ItemKind.PRESS_PRINT:
            flags.append(Flag.NO_LICENCE)
    else:
        if rule.licence_kind and licence.kind != rule.licence_kind:
            flags.append(Flag.WRONG_KIND)
        if licence.valid_until is not None and release_date > licence.valid_until:
            flags.append(Flag.PAST_TERM)
        elif release_date < licence.valid_from or licence.status in ("suspended", "revoked", "expired"):
            flags.append(Flag.LICENCE_NOT_VALID)
        if rule.licence_title_field and licence.title and not same_title(title, licence.title):
            flags.append(Flag.TITLE_DIFFERS)
    if copies is not None and rule.copies and copies < rule.copies:
        flags.append(Flag.FEW_COPIES)
    return flags


def _title_key(text: str) -> str:
    words = re.findall(r"\w+", unicodedata.normalize("NFC", text or "").casefold())
    return " ".join(words)


def same_title(a: str, b: str) -> bool:
    """Titles compare equal regardless of case, punctuation and spacing ("Bản tin Nông nghiệp" = "BẢN TIN - NÔNG
    NGHIỆP"); diacritics count, since in Vietnamese they change the word (Press Law 2016 Art. 34.1.b: the
    bulletin carries the name it was licensed under)."""
    return _title_key(a) == _title_key(b)


def expected_on(
    day: dt.date, weekdays: list[int], monthdays: list[int], *, skips_days_off: bool = False, day_off: bool = False
) -> bool:
    """Whether an outlet releases an issue on `day` by its schedule: a weekday (0 = Monday) or a day of the month
    it publishes on; an outlet that does not publish on public holidays (`skips_days_off`) owes nothing on one.
    An issue expected is due for deposit that day (Press Law 2016 Art. 52.1.b)."""
    if skips_days_off and day_off:
        return False
    return day.weekday() in weekdays or day.day in monthdays


def reminder_day(due_day: dt.date, is_working_day) -> dt.date:
    """The day the Department reminds a publisher of a deposit due and not received: the due day when it is a
    working day, else the next working day (the Department works on working days, Decision 188/1999/QĐ-TTg)."""
    day = due_day
    for _ in range(60):
        if is_working_day(day):
            return day
        day += dt.timedelta(days=1)
    raise ValueError("no working day within 60 days")


def days_to_remind(today: dt.date, is_working_day) -> list[dt.date]:
    """The release days whose missing deposits the morning run of `today` reminds: none on a day off; on a working
    day, every day from the previous working day up to yesterday (Monday: Friday to Sunday; after a holiday, the
    whole break), so a deposit due on a day off is reminded on the next working day (`reminder_day`)."""
    if not is_working_day(today):
        return []
    day = today - dt.timedelta(days=1)
    days = [day]
    for _ in range(60):
        if is_working_day(day):
            return sorted(days)
        day -= dt.timedelta(days=1)
        days.append(day)
    raise ValueError("no working day within 60 days")


def reading_due(assigned_on: dt.date, add_working_days) -> dt.date:
    """The day a reading is due: `press.reading_working_days` working days after the assignment, the day of
    assignment not counted (the Department's rule; Civil Code 2015 Art. 147 for counting)."""
    return add_working_days(assigned_on, fact("press.reading_working_days").value)


def may_refer(conclusion: str) -> bool:
    """Only a reading that concludes to a violation goes to the Inspectorate (Press Law 2016 Art. 53; Publishing
    Law 2012 Art. 29: the Department handles violations within its competence, the Inspectorate inspects)."""
    return conclusion == Conclusion.VIOLATION


# --- Press conferences (Press Law 2016 Art. 41) ----------------------------------------------------------------


def conference_notice_in_time(notified_at: dt.datetime, starts_at: dt.datetime) -> bool:
    """A press conference is notified in writing at least 24 hours before it starts (Art. 41.3); exactly 24
    hours is in time."""
    return starts_at - notified_at >= dt.timedelta(hours=fact("press.conference_notice_hours").value)


def answer_due(starts_at: dt.datetime) -> dt.datetime:
    """The press authority answers within the notice time, i.e. before the conference starts (Art. 41.5)."""
    return starts_at


def may_hold_without_answer(answered: bool, now: dt.datetime, starts_at: dt.datetime) -> bool:
    """Without a written answer by the start, the organiser may hold the conference as notified (Art. 41.5)."""
    return not answered and now >= starts_at


# --- Representative offices and resident reporters (Press Law 2016 Art. 22) --------------------------------------


def office_notice_in_time(notified_on: dt.date, starts_on: dt.date) -> bool:
    """An office (or an independent resident reporter) is notified to the provincial People's Committee at least
    15 days before it starts (Art. 22.3, 22.5)."""
    return (starts_on - notified_on).days >= fact("press.office_notice_days").value


def change_notice_in_time(notified_on: dt.date, effective_on: dt.date) -> bool:
    """A change of address, head or reporter, a suspension or an end is notified at least 5 days before (Art.
    22.6)."""
    return (effective_on - notified_on).days >= fact("press.office_change_notice_days").value


# --- Periods of the press picture ---------------------------------------------------------------------------


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday to Sunday of the week holding `day`."""
    start = day - dt.timedelta(days=day.weekday())
    return start, start + dt.timedelta(days=6)


def month_of(day: dt.date) -> tuple[dt.date, dt.date]:
    start = day.replace(day=1)
    following = (start + dt.timedelta(days=32)).replace(day=1)
    return start, following - dt.timedelta(days=1)


def days_between(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]
