"""Rules of the public portal (pure: no ORM, no I/O). Each cites what it implements."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

# Circular 01/2018/TT-VPCP Art. 13: each indicator scores 2, 1 or 0 points.


def indicator_time(done: dt.date, due: dt.date | None) -> int:
    """Indicator 1 (total time against the rule) and 2 (each step against its own rule): earlier than the
    due date 2 points, on it 1, later 0."""
    if due is None or done < due:
        return 2
    return 1 if done == due else 0


def indicator_steps(steps: list[tuple[dt.date, dt.date | None]]) -> int:
    """Indicator 2 over the dossier's steps: the worst step counts (a late unit makes the dossier late)."""
    scores = [indicator_time(done, due) for done, due in steps if due is not None]
    return min(scores) if scores else 2


def indicator_contacts(times: int) -> int:
    """Indicator 3: the applicant needed no contact to complete the dossier 2, one 1, more 0."""
    return 2 if times <= 0 else 1 if times == 1 else 0


AGENCIES = ("none", "desk_only", "several")
PUBLICITY = ("both", "one", "neither")


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


def secret_hash(secret: str, key: str) -> str:
    """The tracking secret is kept only as a keyed hash (ASVS 2.10.4: no secret stored in clear)."""
    return hmac.new(key.encode(), secret.strip().encode(), hashlib.sha256).hexdigest()


def secret_matches(secret: str, stored: str, key: str) -> bool:
    return hmac.compare_digest(secret_hash(secret, key), stored)
