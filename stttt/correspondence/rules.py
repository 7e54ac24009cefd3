"""Pure rules of clerical work (Decree 30/2020/NĐ-CP), no ORM: numbers, symbols, the signature block and
who may sign, delegations of signature, duplicates, deadlines. Each cites its provision; values come from `facts.py`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from stttt.core.text import fold

# Types whose symbol starts with the type abbreviation; an official letter (công văn) has none (Appendix I).
LETTER = "CV"
SECRET_MARKS = {"mat", "toi_mat", "tuyet_mat"}


def format_number(number: int) -> str:
    """The number as printed: from 01, two digits at least (Art. 15(1): "bắt đầu từ số 01")."""
    if number < 1:
        raise ValueError("document numbers start at 1")
    return f"{number:02d}"


def agency_symbol(agency_code: str) -> str:
    """The agency's abbreviation in symbols: its code up to the first hyphen ("SO-XY" -> "SO")."""
    return agency_code.split("-", 1)[0]


def unit_symbol(unit_code: str, agency_code: str) -> str:
    """A unit's abbreviation: its code without the agency's prefix ("XY-PHONG" in SO-XY -> "PHONG")."""
    prefix = agency_code.rsplit("-", 1)[-1] + "-"
    return unit_code[len(prefix) :] if unit_code.startswith(prefix) else unit_code


def symbol(doc_type: str, agency: str, unit: str) -> str:
    """The symbol (ký hiệu), Decree 30/2020 Appendix I: an official letter is "AGENCY-UNIT" (the drafting
    unit), any other type "TYPE-AGENCY" with the type's abbreviation of Appendix III."""
    if doc_type == LETTER:
        return f"{agency}-{unit}"
    return f"{doc_type}-{agency}"


def number_and_symbol(number: int, doc_type: str, agency: str, unit: str) -> str:
    """ "123/STTTT-TTBCXB", "45/QĐ-STTTT" (Art. 15; Appendix I)."""
    return f"{format_number(number)}/{symbol(doc_type, agency, unit)}"


def outgoing_register(secrecy: str) -> str:
    """Secret documents are numbered in their own series (Art. 15(2))."""
    return "outgoing_secret" if secrecy in SECRET_MARKS else "outgoing"


def incoming_register(secrecy: str) -> str:
    """Incoming documents: one series per year (Art. 22(2)); secret ones kept apart like outgoing ones."""
    return "incoming_secret" if secrecy in SECRET_MARKS else "incoming"


def number_year(day: dt.date) -> int:
    """The series a number belongs to: the calendar year of issue or arrival (Art. 15(1), 22(2))."""
    return day.year


def date_line(place: str, day: dt.date) -> str:
    """ "Hà Nội, ngày 05 tháng 02 năm 2023" (Appendix I: days below 10 and months 1-2 with a zero)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    text = f"ngày {day.day:02d} tháng {month} năm {day.year}"
    return f"{place}, {text}" if place else text


def duplicate_key(issuer: str, number_symbol: str, doc_date: dt.date | None) -> str:
    """Two registrations are the same document when issuer, number/symbol and date agree (case, spaces and
    diacritics ignored): Art. 22(1), one registration per document."""
    compact = "".join(fold(number_symbol).split())
    return f"{' '.join(fold(issuer).split())}|{compact}|{doc_date.isoformat() if doc_date else ''}"


# --- Who signs, and how (Art. 13) --------------------------------------------------------------------


@dataclass(frozen=True)
class SignerFacts:
    """What `org` says of a would-be signer on the signing date."""

    is_director: bool = False
    is_acting_director: bool = False
    is_deputy_director: bool = False
    deputy_units: frozenset[str] = frozenset()  # units the Deputy is in charge of
    delegation: str = ""  # "tl" or "tuq" when a delegation in force covers the unit and type
    title: str = ""  # the signer's own title in capitals, for TL./TUQ. ("CHÁNH VĂN PHÒNG")


def signing_capacity(facts: SignerFacts, drafting_unit: str) -> str | None:
    """How this person may sign a document of `drafting_unit`, or None:

    - the Director signs as head ("head");
    - a Deputy acting as Director signs as acting head ("acting": Q., no KT.; see fact
      `correspondence.acting_head_marker`, unsure);
    - a Deputy signs for the Director (KT.) in the field assigned to him (Art. 13(1));
    - a unit head signs by order (TL., Art. 13(4)) or by authorisation (TUQ., Art. 13(3)) where delegated.
    """
    if facts.is_acting_director:
        return "acting"
    if facts.is_director:
        return "head"
    if facts.is_deputy_director and drafting_unit in facts.deputy_units:
        return "kt"
    if facts.delegation in ("tl", "tuq"):
        return facts.delegation
    return None


HEAD_TITLE = "GIÁM ĐỐC"
DEPUTY_TITLE = "PHÓ GIÁM ĐỐC"


def signature_block(capacity: str, title: str = "") -> tuple[str, str]:
    """(authority line, title line) of the signature block, Art. 13 and Appendix I:
    head -> ("", "GIÁM ĐỐC"); acting -> ("", "Q. GIÁM ĐỐC"); kt -> ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC");
    tl -> ("TL. GIÁM ĐỐC", title); tuq -> ("TUQ. GIÁM ĐỐC", title)."""
    if capacity == "head":
        return "", HEAD_TITLE
    if capacity == "acting":
        return "", f"Q. {HEAD_TITLE}"
    if capacity == "kt":
        return f"KT. {HEAD_TITLE}", DEPUTY_TITLE
    if capacity in ("tl", "tuq"):
        return f"{capacity.upper()}. {HEAD_TITLE}", title.upper()
    raise ValueError(f"unknown signing capacity {capacity!r}")


# --- Delegations of signature (Art. 13(3)-(4)) --------------------------------------------------------

DELEGATION_KINDS = ("tl", "tuq")


@dataclass(frozen=True)
class DelegationTerms:
    """A written delegation of signature as the rules see it: the unit whose head signs, the kind ("tl" by
    order, "tuq" by authorisation), the document types (empty: every type, as records written before types
    were required read), the first and last day (None: no end date), and the record's id if it has one."""

    unit: str
    kind: str
    doc_types: frozenset[str]
    start_on: dt.date
    end_on: dt.date | None = None
    ref: int | None = None


def delegable_unit(unit_kind: str) -> bool:
    """The head of the agency delegates to the head of a unit within the agency (Art. 13(3), 13(4)), never
    to the leadership board, whose members sign as head or for the head, KT. (Art. 13(1))."""
    return unit_kind != "leadership"


def types_in_order(doc_types: Iterable[str], known: Sequence[str]) -> list[str]:
    """The document types named, each once, in the order of `known` (Appendix III), unknown ones last."""
    wanted = {t.strip() for t in doc_types if t and t.strip()}
    return [t for t in known if t in wanted] + sorted(wanted - set(known))


def unknown_types(doc_types: Iterable[str], known: Sequence[str]) -> list[str]:
    """Types that are not types of administrative document of the app (Art. 7; App. III). A delegation
    covers some types of document, limited in content (Art. 13(3), 13(4)): they are named among these."""
    return [t for t in doc_types if t not in known]


def dates_in_order(start_on: dt.date, end_on: dt.date | None) -> bool:
    """A delegation's last day is not before its first (the same day is one day); no end date is allowed."""
    return end_on is None or end_on >= start_on


def needs_end_date(kind: str) -> bool:
    """A delegation by authorisation (TUQ.) is written and limited in time (Art. 13(3); fact
    `correspondence.sign_by_authorisation`): it has an end date. A delegation by order (TL.) stands in the
    working or clerical rules (Art. 13(4)) until they change, so it may have none."""
    return kind == "tuq"


def periods_overlap(a_start: dt.date, a_end: dt.date | None, b_start: dt.date, b_end: dt.date | None) -> bool:
    """Two periods of days, both ends included (None: no end), share at least one day."""
    return (a_end is None or b_start <= a_end) and (b_end is None or a_start <= b_end)


def share_a_type(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two delegations cover a document type in common; an empty set of types covers every type."""
    return not a or not b or bool(a & b)


def delegation_conflicts(new: DelegationTerms, existing: Iterable[DelegationTerms]) -> list[DelegationTerms]:
    """The delegations `new` collides with: the same unit and kind, a document type in common and a day in
    common (both ends included). Two written delegations of the same kind for the same document on the same
    day would leave the signature block (Art. 13(3)-(4)) resting on two instruments: one must end before
    the other starts. A record is not in conflict with itself (same `ref`)."""
    return [
        other
        for other in existing
        if (new.ref is None or other.ref != new.ref)
        and other.unit == new.unit
        and other.kind == new.kind
        and share_a_type(new.doc_types, other.doc_types)
        and periods_overlap(new.start_on, new.end_on, other.start_on, other.end_on)
    ]


def end_problem(start_on: dt.date, end_on: dt.date | None, new_end: dt.date) -> str | None:
    """Why a delegation cannot end on `new_end`: "before_start" (its last day before its first), or
    "after_end" (it already ends earlier: ending brings the end forward, it never extends the written
    delegation, Art. 13(3)); None when it can."""
    if new_end < start_on:
        return "before_start"
    if end_on is not None and new_end > end_on:
        return "after_end"
    return None


def delegation_state(start_on: dt.date, end_on: dt.date | None, today: dt.date) -> str:
    """ "upcoming" before its first day, "current" from its first to its last day, "ended" after."""
    if today < start_on:
        return "upcoming"
    if end_on is not None and today > end_on:
        return "ended"
    return "current"


# --- Deadlines ----------------------------------------------------------------------------------------


def routing_state(deadline: dt.date | None, today: dt.date, done: bool, soon_days: int = 2) -> str:
    """ "overdue" past the deadline set when routing (Art. 23, 24(1)), "due_soon" within `soon_days`,
    "on_track", or "none" without a deadline or once handled."""
    if done or deadline is None:
        return "none"
    if deadline < today:
        return "overdue"
    if (deadline - today).days <= soon_days:
        return "due_soon"
    return "on_track"


def months_between(start: dt.date, end: dt.date) -> list[dt.date]:
    """First days of the months from `start`'s to `end`'s, for the monthly figures."""
    months = []
    current = start.replace(day=1)
    while current <= end:
        months.append(current)
        current = (current + dt.timedelta(days=32)).replace(day=1)
    return months


def task_source(issuer: str) -> str:
    """Which source of the work app's tasks an issuing body is: the PPC, its Chairman, the Ministry, the
    Council, or another body (regulation 5.1, 6.1, 6.3)."""
    name = fold(issuer)
    if "chu tich" in name and "uy ban nhan dan" in name:
        return "ppc_chairman"
    if "uy ban nhan dan" in name or name.startswith("ubnd"):
        return "ppc"
    if "hoi dong nhan dan" in name or name.startswith("hdnd"):
        return "council"
    if name.startswith("bo ") or "bo thong tin" in name:
        return "ministry"
    return "other"
