"""`stttt calendar`: working-day arithmetic and the days off of a year (see docs/calendar.md)."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from stttt.core.calendar import PLAIN_DAYS, WORKING_DAYS, calendar


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(_("Not a date (YYYY-MM-DD): %(value)s") % {"value": value}, returncode=2) from None


class Command(BaseCommand):
    help = "Working-day calendar: add working days to a date, list a year's days off."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        add = sub.add_parser("add-working-days", help="Print the last day of a period of N working days.")
        add.add_argument("date", help="Day of the event (not counted), YYYY-MM-DD")
        add.add_argument("count", type=int, help="Number of days")
        add.add_argument("--plain", action="store_true", help="Count plain (calendar) days instead")
        hol = sub.add_parser("holidays", help="List the days off of a year.")
        hol.add_argument("year", type=int)
        hol.add_argument("--with-swaps", action="store_true", help="Also list weekend days that are worked")

    def handle(self, *args, **options):
        cal = calendar()
        if options["verb"] == "add-working-days":
            if options["count"] < 0:
                raise CommandError(_("The number of days cannot be negative."), returncode=2)
            unit = PLAIN_DAYS if options["plain"] else WORKING_DAYS
            self.stdout.write(cal.add_period(_date(options["date"]), options["count"], unit).isoformat())
            return
        year = options["year"]
        if not 1995 <= year <= 2100:
            raise CommandError(_("Year out of range (1995-2100): %(year)s") % {"year": year}, returncode=2)
        for day, name in cal.days_off(year):
            self.stdout.write(f"{day.isoformat()}\t{name}")
        if options["with_swaps"]:
            for day, name in cal.working_weekend_days(year):
                self.stdout.write(f"{day.isoformat()}\t{_('working day')}: {name}")
