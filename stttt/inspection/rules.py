"""The inspection app's rules as pure functions (no ORM, no I/O), each citing its provision. Figures come from
`facts.py` (read with `value`), so a figure and its article live in one place; the working-day calendar is
passed in (`stttt.core.calendar.WorkingCalendar`).

Periods: Civil Code 2015 Art. 147(3) (the day of the event is not counted) and 148(5) (a period whose last day
is a day off ends on the next working day), as `WorkingCalendar.add_period` applies them; LHAV Art. 8 applies
the Civil Code to administrative-violation periods except where the Law counts working days.
"""

from __future__ import annotations

import calendar as _pycal
import datetime as dt
from typing import Any

from django.utils.translation import gettext as _

from stttt.core.calendar import PLAIN_DAYS, WORKING_DAYS, WorkingCalendar
from stttt.core.legalfacts import fact
from stttt.inspection import catalogue

INDIVIDUAL, ORGANISATION = "individual", "organisation"
INSPECTOR, CHIEF_INSPECTOR, PPC_CHAIRMAN = "inspector", "chief_inspector", "ppc_chairman"


def value(key: str) -> Any:
    return fact(f"inspection.{key}").value


def basis(key: str) -> str:
    return fact(f"inspection.{key}").basis


def _unit(key: str) -> str:
    unit = fact(f"inspection.{key}").unit
    return WORKING_DAYS if unit == "working_days" else PLAIN_DAYS


def period_end(cal: WorkingCalendar, start: dt.date, key: str, *, extra: int = 0) -> dt.date:
    """The last day of the period `key` (a fact in days or working days, plus `extra` of the same unit)
    counted from the event on `start`."""
    return cal.add_period(start, int(value(key)) + extra, _unit(key))


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day when it has no such day): Civil Code Art. 147(2)."""
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return dt.date(year, month, min(day.day, _pycal.monthrange(year, month)[1]))


def add_years(day: dt.date, years: int) -> dt.date:
    return add_months(day, 12 * years)


# --- Inspection plans and cases (Law on Inspection 2022) ---------------------------------------------------


def plan_approval_deadline(year: int) -> dt.date:
    """The latest day the plan for `year` is approved: in December of the year before, early enough for the
    province's plan (Law on Inspection 2022 Art. 45(6): the PPC Chairman issues it by 20 December)."""
    month, day = value("plan_department_deadline")
    return dt.date(year - 1, month, day)


def plan_approved_late(year: int, approved_on: dt.date) -> bool:
    """Law on Inspection 2022 Art. 45(5)-(6): approved after its deadline."""
    return approved_on > plan_approval_deadline(year)


def case_end(cal: WorkingCalendar, announced_on: dt.date, extended_days: int = 0) -> dt.date:
    """The last day of on-site inspection: the period of Law on Inspection 2022 Art. 48(1)(c) counted from the
    announcement of the decision, plus any extension decided."""
    return period_end(cal, announced_on, "case_duration", extra=extended_days)


def extension_problem(current_extension: int, more: int) -> str | None:
    """Law on Inspection 2022 Art. 48(1)(c): the whole length may not exceed the maximum for the level."""
    if more <= 0:
        return _("An extension must add at least one day.")
    limit = int(value("case_duration_max")) - int(value("case_duration"))
    if current_extension + more > limit:
        return _("The inspection may be extended by %(limit)s days at most in all (%(basis)s).") % {
            "limit": limit,
            "basis": basis("case_duration_max"),
        }
    return None


def announce_deadline(cal: WorkingCalendar, decided_on: dt.date) -> dt.date:
    """Law on Inspection 2022 Art. 53(2): the decision is announced within the period from its signing."""
    return period_end(cal, decided_on, "announce_days")


def report_deadline(cal: WorkingCalendar, onsite_ended_on: dt.date) -> dt.date:
    """Law on Inspection 2022 Art. 75: the team's report and draft conclusion after on-site work ends."""
    return period_end(cal, onsite_ended_on, "report_days")


def conclusion_deadline(cal: WorkingCalendar, reported_on: dt.date) -> dt.date:
    """Law on Inspection 2022 Art. 78: the conclusion is signed within 15 days of the report."""
    return period_end(cal, reported_on, "conclusion_days")


# --- Administrative violations ------------------------------------------------------------------------------


def limitation_years(sector: str) -> int:
    """LHAV Art. 6(1)(a): one year, two for the fields the Law lists (press and publishing among them)."""
    if sector in (catalogue.PRESS, catalogue.PUBLISHING):
        return int(value("limitation_years_press"))
    return int(value("limitation_years"))


def limitation_end(sector: str, *, ended_on: dt.date | None, discovered_on: dt.date) -> dt.date:
    """LHAV Art. 6(1)(b): from the end of a finished violation, from its discovery while it is ongoing."""
    start = ended_on if ended_on is not None else discovered_on
    return add_years(start, limitation_years(sector))


def limitation_problem(sector: str, *, ended_on: dt.date | None, discovered_on: dt.date, on: dt.date) -> str | None:
    """LHAV Art. 6(1): no sanction once the limitation period has run out."""
    end = limitation_end(sector, ended_on=ended_on, discovered_on=discovered_on)
    if on > end:
        return _("The limitation period ended on %(day)s (%(basis)s): the violation can no longer be sanctioned.") % {
            "day": end.strftime("%d/%m/%Y"),
            "basis": basis("limitation_years_press" if limitation_years(sector) > 1 else "limitation_years"),
        }
    return None


def decision_deadline(
    cal: WorkingCalendar,
    recorded_on: dt.date,
    *,
    explanation: bool = False,
    transferred: bool = False,
    extended: bool = False,
) -> dt.date:
    """LHAV Art. 66(1) as amended 2020: 7 working days from the record (10 when the file goes to another
    person to decide); one month when the offender asks to explain or facts must be verified; one more month
    at most, asked in writing, for serious and complex cases."""
    if explanation:
        end = add_months(recorded_on, int(value("decision_months_explained")))
        if extended:
            end = add_months(end, int(value("decision_extension_months")))
        return cal.working_day_on_or_after(end)
    key = "decision_working_days_transferred" if transferred else "decision_working_days"
    end = period_end(cal, recorded_on, key)
    if extended:
        end = cal.working_day_on_or_after(add_months(end, int(value("decision_extension_months"))))
    return end


def decision_late_problem(deadline: dt.date, decided_on: dt.date) -> str | None:
    """LHAV Art. 66(1): a decision past its time limit is refused (Art. 66(2): the file is handled as the law
    says for a missed limit, and whoever let it lapse answers for it)."""
    if decided_on > deadline:
        return _("The time to decide ended on %(day)s (%(basis)s).") % {
            "day": deadline.strftime("%d/%m/%Y"),
            "basis": basis("decision_working_days"),
        }
    return None


def fine_range(code: str, offender: str) -> tuple[int, int]:
    """The provision's fine range for the offender: an organisation's is twice an individual's (LHAV Art.
    23(1) and the sector decrees' Art. 4)."""
    p = catalogue.get(code)
    factor = int(value("organisation_multiplier")) if offender == ORGANISATION else 1
    return p.min_fine * factor, p.max_fine * factor


def fine_problem(code: str, offender: str, amount: int) -> str | None:
    """A fine must lie within the range of the provision applied (LHAV Art. 23(4): the fine is the middle
    of the range, lower or higher within it for mitigating or aggravating circumstances)."""
    low, high = fine_range(code, offender)
    if amount < low or amount > high:
        return _("The fine must be between %(low)s and %(high)s VND under %(citation)s.") % {
            "low": f"{low:,}".replace(",", "."),
            "high": f"{high:,}".replace(",", "."),
            "citation": catalogue.get(code).citation,
        }
    return None


def competence_cap(title: str, sector: str, offender: str) -> int:
    """The largest fine `title` may impose in `sector` on `offender` (LHAV Art. 38, 46 and the sector
    decrees): an inspector on duty, the Chief Inspector (50% of the field's maximum, at most 50 M), the PPC
    Chairman (the field's maximum). Competence over organisations is twice that over individuals."""
    field_max = int(value(catalogue.SECTOR_MAX_FACT[sector].split(".", 1)[1]))
    factor = int(value("organisation_multiplier")) if offender == ORGANISATION else 1
    if title == INSPECTOR:
        cap = int(value("competence_inspector"))
    elif title == CHIEF_INSPECTOR:
        cap = min(field_max // 2, int(value("competence_chief_inspector")))
    elif title == PPC_CHAIRMAN:
        cap = field_max
    else:
        return 0
    return cap * factor


def competence_problem(title: str, sector: str, offender: str, amount: int, *, suspends_licence: bool) -> str | None:
    """LHAV Art. 46, 52: a title decides only within its cap (determined by the provision's maximum, Art.
    52(1)); suspending a licence needs the Chief Inspector or above (Art. 46(3))."""
    cap = competence_cap(title, sector, offender)
    if cap == 0:
        return _("You have no competence to decide sanctions (%(basis)s).") % {
            "basis": basis("competence_chief_inspector")
        }
    if amount > cap:
        return _(
            "A fine of %(amount)s VND is above your competence of %(cap)s VND (%(basis)s); the record goes to the "
            "person competent to decide."
        ) % {
            "amount": f"{amount:,}".replace(",", "."),
            "cap": f"{cap:,}".replace(",", "."),
            "basis": basis("competence_chief_inspector"),
        }
    if suspends_licence and title == INSPECTOR:
        return _("Suspending a licence is decided by the Chief Inspector or above (%(basis)s).") % {
            "basis": basis("competence_chief_inspector")
        }
    return None


def suspension_problem(code: str, months: int) -> str | None:
    """The licence suspension must be one the provision allows, for the months it allows (LHAV Art. 25)."""
    p = catalogue.get(code)
    if months <= 0:
        return None
    if p.suspension_months is None:
        return _("%(citation)s allows no suspension of the licence.") % {"citation": p.citation}
    low, high = p.suspension_months
    if not low <= months <= high:
        return _("%(citation)s allows a suspension of %(low)s to %(high)s months.") % {
            "citation": p.citation,
            "low": low,
            "high": high,
        }
    return None


def payment_deadline(cal: WorkingCalendar, received_on: dt.date) -> dt.date:
    """LHAV Art. 73(1), 78(1): the fine is paid within 10 days of receiving the decision."""
    return period_end(cal, received_on, "payment_days")


def enforcement_limit(decided_on: dt.date) -> dt.date:
    """LHAV Art. 74(1): a decision not executed within one year of its date is no longer executed."""
    return add_years(decided_on, int(value("enforcement_limitation_years")))


# --- Complaints, denunciations, petitions ---------------------------------------------------------------


def complaint_accept_deadline(cal: WorkingCalendar, received_on: dt.date) -> dt.date:
    """Law on Complaints 2011 Art. 27; Circular 07/2013/TT-TTCP Art. 5: accept within 10 working days."""
    return period_end(cal, received_on, "complaint_accept_days")


def complaint_resolve_deadline(
    cal: WorkingCalendar, accepted_on: dt.date, *, complex_case: bool, remote: bool
) -> dt.date:
    """Law on Complaints 2011 Art. 28: 30 days (45 complex); remote areas 45 (60 complex)."""
    key = {
        (False, False): "complaint_resolve_days",
        (True, False): "complaint_resolve_days_complex",
        (False, True): "complaint_resolve_days_remote",
        (True, True): "complaint_resolve_days_remote_complex",
    }[(complex_case, remote)]
    return period_end(cal, accepted_on, key)


def denunciation_process_deadline(cal: WorkingCalendar, received_on: dt.date, *, several_places: bool) -> dt.date:
    """Law on Denunciations 2018 Art. 24(1): 7 working days, 10 when checks at several places are needed."""
    key = "denunciation_process_working_days_max" if several_places else "denunciation_process_working_days"
    return period_end(cal, received_on, key)


def denunciation_forward_deadline(cal: WorkingCalendar, received_on: dt.date) -> dt.date:
    """Law on Denunciations 2018 Art. 24(2): forwarded within 5 working days."""
    return period_end(cal, received_on, "denunciation_forward_working_days")


def denunciation_resolve_deadline(cal: WorkingCalendar, accepted_on: dt.date, extensions: int = 0) -> dt.date:
    """Law on Denunciations 2018 Art. 30: 30 days from acceptance, plus 30 days per extension."""
    days = int(value("denunciation_resolve_days")) + extensions * int(value("denunciation_extension_days"))
    return cal.add_plain_days(accepted_on, days)


def denunciation_extension_problem(extensions_so_far: int, *, especially_complex: bool) -> str | None:
    """Law on Denunciations 2018 Art. 30(2): one extension for a complex case, two for an especially complex
    one (Decree 31/2019 Art. 3 says which is which)."""
    allowed = 2 if especially_complex else 1
    if extensions_so_far >= allowed:
        return _("No further extension is allowed (%(basis)s).") % {"basis": basis("denunciation_extension_days")}
    return None


def petition_deadline(cal: WorkingCalendar, received_on: dt.date) -> dt.date:
    """Circular 05/2021/TT-TTCP Art. 11: a letter is processed within 10 working days."""
    return period_end(cal, received_on, "petition_process_working_days")


def intake_deadline(cal: WorkingCalendar, kind: str, received_on: dt.date) -> dt.date:
    """The first time limit of a letter by its kind: accept a complaint, process a denunciation, answer a
    petition."""
    if kind == "complaint":
        return complaint_accept_deadline(cal, received_on)
    if kind == "denunciation":
        return denunciation_process_deadline(cal, received_on, several_places=False)
    return petition_deadline(cal, received_on)


def reception_days_problem(days_in_month: int) -> str | None:
    """Law on Citizen Reception 2013 Art. 18(1): the head receives citizens at least one day a month."""
    needed = int(value("director_reception_days_per_month"))
    if days_in_month < needed:
        return _("The Director must receive citizens at least %(n)s day a month (%(basis)s).") % {
            "n": needed,
            "basis": basis("director_reception_days_per_month"),
        }
    return None


# Which written form each step of a letter gives (Law on Complaints 2011 Art. 27, 31; Law on Denunciations 2018
# Art. 29, 35; Decrees 124/2020 and 31/2019; Circular 05/2021/TT-TTCP for forwarding and petitions).
LETTER_ACCEPTANCE, LETTER_RETURN, LETTER_FORWARD, LETTER_RESOLUTION = (
    "thong-bao-thu-ly",
    "thong-bao-tra-lai",
    "phieu-chuyen",
    "giai-quyet",
)


def letter_documents(kind: str, status: str, accepted: bool) -> list[str]:
    """The documents a letter's state allows, in the order of the steps: the notice of acceptance once a
    complaint or denunciation is accepted (a petition is not "accepted" under a law: it is answered); the notice
    of refusal or return when returned; the forwarding note when forwarded; the decision (complaint),
    conclusion (denunciation) or reply (petition) once resolved."""
    found = []
    if accepted and kind in ("complaint", "denunciation"):
        found.append(LETTER_ACCEPTANCE)
    if status == "returned":
        found.append(LETTER_RETURN)
    if status == "forwarded":
        found.append(LETTER_FORWARD)
    if status == "resolved":
        found.append(LETTER_RESOLUTION)
    return found
