"""`stttt press`: the daily list of deposits due, reminders to publishers, the press picture and the deposit book."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from stttt.core.documents import to_docx, to_pdf
from stttt.org.models import Agency
from stttt.org.selectors import OrgNotFound, agency_get
from stttt.press import documents, facts, rules, selectors, services
from stttt.press.choices import ItemKind


def _agency(code: str | None) -> Agency:
    try:
        return agency_get(code or settings.STTTT_DEFAULT_AGENCY or None)
    except OrgNotFound:
        raise CommandError(_("Unknown agency: %(code)s.") % {"code": code}, returncode=2) from None


def _date(text: str | None) -> dt.date:
    if not text:
        return timezone.localdate()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(_("Write the date as YYYY-MM-DD."), returncode=2) from None


class Command(BaseCommand):
    help = "Press and publishing: deposits due, reminders, the press picture, the deposit book, legal facts."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        due = sub.add_parser("due", help="What was due on a day and whether it came (JSON lines).")
        remind = sub.add_parser("remind", help="Remind publishers of deposits due and not received.")
        picture = sub.add_parser("picture", help="Write the weekly or monthly press picture (DOCX or PDF).")
        book = sub.add_parser("book", help="Write the deposit book of a kind and year (DOCX or XLSX).")
        sub.add_parser("facts", help="The legal facts the app applies, with their articles.")
        for p in (due, remind, picture, book):
            p.add_argument("--agency", help="Agency code (default: the installation's default agency).")
        for p in (due, remind, picture):
            p.add_argument("--date", help="YYYY-MM-DD (default: today; remind: yesterday).")
        picture.add_argument("--period", choices=["week", "month"], default="week")
        picture.add_argument("--format", choices=["docx", "pdf"], default="docx")
        picture.add_argument("--output", required=True)
        book.add_argument("--kind", choices=ItemKind.values, default=ItemKind.PRESS_PRINT)
        book.add_argument("--year", type=int, default=None)
        book.add_argument("--format", choices=["docx", "xlsx"], default="xlsx")
        book.add_argument("--output", required=True)

    def handle(self, *args, **options) -> None:
        verb = options["verb"]
        if verb == "facts":
            for f in facts.FACTS:
                flag = " [verify]" if f.unsure else ""
                self.stdout.write(f"{f.key}\t{f.value}\t{f.unit}\t{f.basis}{flag}\n")
            return
        agency = _agency(options.get("agency"))
        if verb == "due":
            for row in selectors.due_list(agency, _date(options.get("date"))):
                self.stdout.write(
                    json.dumps(
                        {
                            "outlet": row["outlet"].name,
                            "kind": row["kind"],
                            "state": row["state"],
                            "deadline": row["deadline"].isoformat() if row["deadline"] else None,
                            "item": row["item"].pk if row["item"] else None,
                            "reminded": row["reminded"],
                        },
                        ensure_ascii=False,
                    )
                    + "\n"
                )
        elif verb == "remind":
            day = _date(options.get("date")) if options.get("date") else timezone.localdate() - dt.timedelta(days=1)
            sent = services.reminders_send(agency, day)
            self.stdout.write(f"{sent}\n")
        elif verb == "picture":
            day = _date(options.get("date"))
            period = options["period"]
            start, end = rules.month_of(day) if period == "month" else rules.week_of(day)
            label = _("month") if period == "month" else _("week")
            doc = documents.picture_document(agency, selectors.picture(agency, start, end), period=label)
            content = to_pdf(doc) if options["format"] == "pdf" else to_docx(doc)
            Path(options["output"]).write_bytes(content)
            self.stdout.write(f"{options['output']}\n")
        elif verb == "book":
            year = options["year"] or timezone.localdate().year
            if not 1900 <= year <= 9999:
                raise CommandError(_("A year, such as 2024."), returncode=2)
            items = list(selectors.deposit_book(agency, options["kind"], year))
            if options["format"] == "xlsx":
                Path(options["output"]).write_bytes(
                    documents.book_xlsx(options["kind"], year, items, selectors.statistics(agency, year)).read()
                )
            else:
                Path(options["output"]).write_bytes(
                    to_docx(documents.book_document(agency, options["kind"], year, items))
                )
            self.stdout.write(f"{options['output']}\n")
