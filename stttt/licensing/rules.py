"""Rules of licences (pure: no ORM, no I/O). Each cites what it implements."""

from __future__ import annotations

import calendar as month_calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

VALID, SUSPENDED, REVOKED, EXPIRED = "valid", "suspended", "revoked", "expired"
DEFAULT_WARNING_DAYS = (60, 30, 7)


@dataclass(frozen=True)
class EventFact:
    type: str
    effective_on: dt.date
    end_on: dt.date | None = None
    new_valid_until: dt.date | None = None
    changes: dict[str, Any] = field(default_factory=dict)
    order: int = 0


def _in_force(events: list[EventFact], day: dt.date) -> list[EventFact]:
    return sorted((e for e in events if e.effective_on <= day), key=lambda e: (e.effective_on, e.order))


def effective_until(valid_until: dt.date | None, events: list[EventFact], day: dt.date) -> dt.date | None:
    """The expiry date on `day`: the latest extension in force replaces the original term (an extension is
    a decision of the issuing body under the law of each kind, e.g. Decree 72/2013 Art. 23d)."""
    until = valid_until
    for event in _in_force(events, day):
        if event.type == "extend" and event.new_valid_until is not None:
            until = event.new_valid_until
    return until


def status_on(day: dt.date, valid_from: dt.date, valid_until: dt.date | None, events: list[EventFact]) -> str:
    """The status of a licence on `day`, from its events and dates, never stored:

    - revoked from the effective date of a revocation (the licence never revives);
    - expired after the last day of its term (extensions included) or from an "ended" event
      (Civil Code 2015 Art. 148(1): a period ends at the end of its last day);
    - suspended from the first to the last day of a suspension (both included);
    - valid otherwise (from its first day of validity; before it, also "valid" as issued).
    """
    in_force = _in_force(events, day)
    if any(e.type == "revoke" for e in in_force):
        return REVOKED
    until = effective_until(valid_until, events, day)
    if any(e.type == "expire" for e in in_force) or (until is not None and day > until):
        return EXPIRED
    if any(e.type == "suspend" and e.end_on is not None and day <= e.end_on for e in in_force):
        return SUSPENDED
    return VALID


def effective_subject(subject: dict[str, Any], events: list[EventFact], day: dt.date) -> dict[str, Any]:
    """The subject as amended by the amendments in force on `day`, in order (later amendments win)."""
    current = dict(subject)
    for event in _in_force(events, day):
        if event.type == "amend":
            current.update(event.changes)
    return current


def event_problem(
    event_type: str,
    status: str,
    effective_on: dt.date,
    issued_on: dt.date,
    end_on: dt.date | None,
    new_valid_until: dt.date | None,
    current_until: dt.date | None,
    legal_basis: str,
) -> str | None:
    """Whether an event may be recorded (None) or why not. Every event needs its legal basis; nothing
    happens to a revoked licence or before its issue; a suspension has an end date after its start
    (Decree 72/2013 Art. 23e, Decree 60/2014 Art. 18: suspension for a set period); an extension moves
    the expiry date later."""
    if not legal_basis.strip():
        return _("Give the legal basis of the decision.")
    if status == REVOKED:
        return _("The licence is revoked: nothing more can happen to it.")
    if effective_on < issued_on:
        return _("The event cannot take effect before the licence was issued.")
    if event_type == "suspend":
        if end_on is None:
            return _("A suspension needs its end date.")
        if end_on < effective_on:
            return _("The suspension must end on or after the day it starts.")
    if event_type == "extend":
        if new_valid_until is None:
            return _("An extension needs the new expiry date.")
        if current_until is not None and new_valid_until <= current_until:
            return _("The new expiry date must be after the current one.")
    if event_type in ("suspend", "extend", "amend") and status == EXPIRED:
        return _("The licence has expired: apply for a new one.")
    return None


def number(sequence: int, symbol: str, issuer_code: str = "STTTT") -> str:
    """Number and symbol of a document in the administrative format (Decree 30/2020/NĐ-CP Appendix I,
    section II.4): the sequence in the year, then the abbreviation of the kind and of the issuing body,
    e.g. "12/GP-STTTT". Sequences restart each year."""
    return f"{sequence:02d}/{symbol}-{issuer_code}"


def add_months(day: dt.date, months: int) -> dt.date:
    """The last day of a term of `months` starting on `day`: the day before the corresponding day `months`
    later; when that month has no corresponding day, the month's last day (Civil Code 2015 Art. 148(3)).
    """
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last = month_calendar.monthrange(year, month)[1]
    if day.day > last:
        return dt.date(year, month, last)
    return dt.date(year, month, day.day) - dt.timedelta(days=1)


def warnings_due(today: dt.date, until: dt.date | None, thresholds: tuple[int, ...], already: set[int]) -> list[int]:
    """The thresholds (days before expiry) reached on `today` and not yet warned about; only the nearest
    one is sent when several are reached at once (one e-mail, not three)."""
    if until is None or today > until:
        return []
    left = (until - today).days
    reached = sorted(t for t in thresholds if left <= t and t not in already)
    return reached[:1]


def subject_problems(schema: tuple[Any, ...], data: dict[str, Any]) -> dict[str, str]:
    """Field -> problem for a kind's subject: required fields present; numbers are whole and not negative;
    dates are ISO dates; lists are lists of text."""
    problems: dict[str, str] = {}
    for spec in schema:
        value = data.get(spec.name)
        empty = value in (None, "", [])
        if empty:
            if spec.required:
                problems[spec.name] = _("This field is required.")
            continue
        if spec.type == "int":
            try:
                if int(str(value)) < 0:
                    raise ValueError
            except (TypeError, ValueError):
                problems[spec.name] = _("Enter a whole number, 0 or more.")
        elif spec.type == "date":
            try:
                dt.date.fromisoformat(str(value))
            except ValueError:
                problems[spec.name] = _("Enter a date as YYYY-MM-DD.")
        elif spec.type == "list" and (not isinstance(value, list) or not all(isinstance(v, str) for v in value)):
            problems[spec.name] = _("Enter one item per line.")
    unknown = set(data) - {spec.name for spec in schema}
    for name in sorted(unknown):
        problems[name] = _("Unknown field.")
    return problems


def public_holder_identifier(holder_type: str, identifier: str) -> str:
    """An organisation's enterprise or establishment code is public (Decree 01/2021 Art. 62: the national
    business register is open); an individual's personal ID number never is (Decree 13/2023/NĐ-CP Art. 2)."""
    return identifier if holder_type == "organisation" else ""


def public_holder_address(holder_type: str, address: str) -> str:
    """An organisation's head-office address is public; an individual's home address is personal data
    (Decree 13/2023/NĐ-CP Art. 2(4)) and never published."""
    return address if holder_type == "organisation" else ""
