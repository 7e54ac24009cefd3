"""Working-day calendar of Vietnamese state agencies: pure computation, no database.

- Days off: Saturday and Sunday (Decision 188/1999/QĐ-TTg, 40-hour week) and the public holidays of the
  Labour Code 2019 Art. 112, lunar Tết included, with compensatory days off when a holiday falls on a
  weekly rest day (Art. 111(3)); computed for any year by the `holidays` package.
- Each year's official day swaps (a Saturday worked so a bridge day can be taken off) and extra days off
  come from data: the package knows some years, `core.CalendarDay` rows add or override the rest.
- Periods follow the Civil Code 2015: the day of the event (receipt) is not counted, the period runs from
  the next day (Art. 147(3); 147(2) for a period fixed in days from a date); a period in days ends at the
  end of its last day (Art. 148(1)); a period whose last day is a weekly rest day or a public holiday ends
  at the end of the next working day (Art. 148(5)). Text checked against the Code as quoted by
  anslawfirm.com and thuvienphapluat.vn.
- Paper dossiers received after the afternoon cut-off (15:00, Decree 61/2018 Art. 18(2)) are handed to
  the division at the start of the next working day, so their clock starts from that day.

`calendar()` returns the calendar with the database's rows applied; everything else is pure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import holidays

WORKING_DAYS = "working"
PLAIN_DAYS = "calendar"
DEFAULT_CUTOFF = dt.time(15, 0)
_MAX_SCAN = 3660  # ten years of days: no real period is longer; guards against a calendar of only days off


@lru_cache(maxsize=256)
def _statutory(year: int) -> tuple[dict[dt.date, str], frozenset[dt.date]]:
    """Holidays (with names, Vietnamese) and the package's known swapped working days for one year."""
    table = holidays.country_holidays("VN", years=year, language="vi")
    names = {day: str(name) for day, name in table.items()}
    workdays = frozenset(d for d in getattr(table, "weekend_workdays", set()) if d.year == year)
    return names, workdays


@dataclass(frozen=True)
class WorkingCalendar:
    """A calendar: statutory days off plus extra days off and extra working days given as data.

    `extra_days_off` maps a date to its reason; `extra_working_days` maps a date (usually a Saturday
    worked in exchange for a bridge day) to its reason. Data wins over the package where they disagree.
    """

    extra_days_off: dict[dt.date, str] = field(default_factory=dict)
    extra_working_days: dict[dt.date, str] = field(default_factory=dict)
    cutoff: dt.time = DEFAULT_CUTOFF

    # -- single days -------------------------------------------------------------------------------
    def day_off_reason(self, day: dt.date) -> str | None:
        """Why `day` is a day off, or None if it is a working day."""
        if day in self.extra_working_days:
            return None
        if day in self.extra_days_off:
            return self.extra_days_off[day]
        names, workdays = _statutory(day.year)
        if day in names:
            return names[day]
        if day in workdays:
            return None
        if day.weekday() >= 5:
            return "Thứ Bảy" if day.weekday() == 5 else "Chủ nhật"
        return None

    def is_working_day(self, day: dt.date) -> bool:
        return self.day_off_reason(day) is None

    def days_off(self, year: int) -> list[tuple[dt.date, str]]:
        """Every day off of the year that is not an ordinary weekend day, with its reason, in order.

        Weekend days are listed only when data names them (e.g. a holiday on a Sunday); swapped
        Saturdays worked are listed separately by `working_weekend_days`.
        """
        names, _ = _statutory(year)
        found = {d: n for d, n in names.items()}
        found.update({d: n for d, n in self.extra_days_off.items() if d.year == year})
        return sorted((d, n) for d, n in found.items() if d not in self.extra_working_days)

    def working_weekend_days(self, year: int) -> list[tuple[dt.date, str]]:
        """Saturdays/Sundays that are working days this year (official swaps)."""
        _, workdays = _statutory(year)
        found = {d: "Ngày làm việc bù" for d in workdays}
        found.update({d: n for d, n in self.extra_working_days.items() if d.year == year})
        return sorted((d, n) for d, n in found.items() if d.weekday() >= 5 and d not in self.extra_days_off)

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after `day`."""
        for offset in range(1, _MAX_SCAN):
            candidate = day + dt.timedelta(days=offset)
            if self.is_working_day(candidate):
                return candidate
        raise ValueError("no working day found within ten years")

    def working_day_on_or_after(self, day: dt.date) -> dt.date:
        return day if self.is_working_day(day) else self.next_working_day(day)

    # -- periods -----------------------------------------------------------------------------------
    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The last day of a period of `count` working days from the event on `start`.

        Civil Code Art. 147(3): the day of the event is not counted; counting starts the next day.
        A period of 0 days ends on `start` itself (a same-day result).
        """
        if count < 0:
            raise ValueError("a period cannot be negative")
        day = start
        for _ in range(count):
            day = self.next_working_day(day)
        return day

    def add_plain_days(self, start: dt.date, count: int) -> dt.date:
        """The last day of a period of `count` plain (calendar) days from the event on `start`.

        Civil Code Art. 147(3) (the event day is not counted) and Art. 148(5) (a period whose last day
        is a day off ends at the end of the next working day).
        """
        if count < 0:
            raise ValueError("a period cannot be negative")
        end = start + dt.timedelta(days=count)
        return end if count == 0 else self.working_day_on_or_after(end)

    def add_period(self, start: dt.date, count: int, unit: str) -> dt.date:
        """`add_working_days` or `add_plain_days` by `unit` (`WORKING_DAYS` / `PLAIN_DAYS`)."""
        if unit == WORKING_DAYS:
            return self.add_working_days(start, count)
        if unit == PLAIN_DAYS:
            return self.add_plain_days(start, count)
        raise ValueError(f"unknown unit of time: {unit!r}")

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end`; negative when `end` is before `start`."""
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count

    # -- receipt -------------------------------------------------------------------------------------
    def counting_start(self, received: dt.datetime, *, paper: bool = True) -> dt.date:
        """The day that counts as the day of receipt for the period.

        Decree 61/2018 Art. 18(2): a paper dossier received after the cut-off (15:00 unless configured
        otherwise) goes to the division at the start of the next working day, so that day is the day
        of receipt. A dossier received on a day off (online) counts from the next working day.
        """
        day = received.date()
        if not self.is_working_day(day):
            return self.next_working_day(day)
        if paper and received.time() >= self.cutoff:
            return self.next_working_day(day)
        return day


def build(
    days_off: Iterable[tuple[dt.date, str]] = (),
    working_days: Iterable[tuple[dt.date, str]] = (),
    cutoff: dt.time = DEFAULT_CUTOFF,
) -> WorkingCalendar:
    return WorkingCalendar(dict(days_off), dict(working_days), cutoff)


#: The revision (`core.caching`) of the `core.CalendarDay` rows, bumped whenever one is saved or deleted.
REVISION = "calendar"


def calendar() -> WorkingCalendar:
    """The calendar in force: statutory days plus the `core.CalendarDay` rows and the configured cut-off.

    The cut-off comes from the setting `STTTT_PAPER_CUTOFF` ("HH:MM", default 15:00). The rows are read once
    per revision (pages and due dates ask for the calendar on every request), not on every call.
    """
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    from stttt.core import caching

    raw = settings.STTTT_PAPER_CUTOFF
    try:
        cutoff = dt.time.fromisoformat(str(raw))
    except ValueError:
        raise ImproperlyConfigured(f"STTTT_PAPER_CUTOFF must be HH:MM, not {raw!r}") from None
    return caching.remember(f"calendar:{cutoff}", lambda: _from_rows(cutoff), revisions_of=[REVISION])


def _from_rows(cutoff: dt.time) -> WorkingCalendar:
    from stttt.core.models import CalendarDay

    off: list[tuple[dt.date, str]] = []
    work: list[tuple[dt.date, str]] = []
    for row in CalendarDay.objects.all().only("date", "kind", "name"):
        (off if row.kind == CalendarDay.Kind.DAY_OFF else work).append((row.date, row.name))
    return build(off, work, cutoff)
