"""`stttt procedures`: catalogue, statistics, loading of the procedure data, due dates after a calendar change."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from stttt.org import selectors as org_selectors
from stttt.org.models import Agency
from stttt.procedures import selectors, services
from stttt.procedures.api import ProcedureSerializer
from stttt.procedures.due_dates import due_dates_recompute
from stttt.procedures.exports import stat_headers, stat_row


class Command(BaseCommand):
    help = "Administrative procedures: catalogue, monthly statistics, loading the catalogue data."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        cat = sub.add_parser("catalog", help="List the procedures.")
        cat.add_argument("--format", choices=["text", "json"], default="text")
        stats = sub.add_parser("stats", help="Statistics of one month.")
        stats.add_argument("--month", required=True, help="YYYY-MM")
        stats.add_argument("--by", choices=["procedure", "division"], default="procedure")
        stats.add_argument("--format", choices=["text", "json"], default="text")
        load = sub.add_parser("load", help="Load or update an agency's catalogue from the data file.")
        load.add_argument("--file", default=str(services.DATA_FILE), help="YAML catalogue file.")
        link = sub.add_parser("link-provisions", help="Link procedures to the regulation's provisions.")
        sub.add_parser("due-dates", help="Count again the due dates of open dossiers after a calendar change.")
        for parser_ in (cat, stats, load, link):
            parser_.add_argument("--agency", default="", help="Code of the agency (default: the first agency).")

    def _agency(self, code: str) -> Agency:
        try:
            return org_selectors.agency_get(code or None)
        except org_selectors.OrgNotFound:
            raise CommandError(
                _("No agency %(code)s; import the organisation first.") % {"code": code or ""}, returncode=2
            ) from None

    def handle(self, *args, **options):
        verb = options["verb"]
        if verb == "due-dates":
            changed = due_dates_recompute()
            self.stdout.write(_("%(count)d dossiers with new due dates.") % {"count": changed})
            return
        agency = self._agency(options["agency"])
        if verb == "catalog":
            procedures = selectors.procedures_active(agency)
            if options["format"] == "json":
                self.stdout.write(
                    json.dumps(ProcedureSerializer(procedures, many=True).data, ensure_ascii=False, indent=2)
                )
                return
            for p in procedures:
                self.stdout.write(
                    f"{p.code}\t{p.empowering_citation}\t{p.time_limit} {p.get_time_unit_display()}"
                    f"\t{p.division_code}\t{p.name}"
                )
        elif verb == "stats":
            try:
                selectors.month_bounds(options["month"])
            except ValueError:
                raise CommandError(_("Write the month as YYYY-MM."), returncode=2) from None
            rows = selectors.statistics(options["month"], by=options["by"], agency=agency)
            if options["format"] == "json":
                self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
                return
            self.stdout.write("\t".join(stat_headers()))
            for row in rows:
                self.stdout.write("\t".join("" if v is None else str(v) for v in stat_row(row)))
        elif verb == "load":
            try:
                count = services.catalog_load(Path(options["file"]), agency=agency)
            except ValidationError as exc:
                raise CommandError(" ".join(exc.messages), returncode=2) from None
            self.stdout.write(_("%(count)d procedures loaded.") % {"count": count})
        elif verb == "link-provisions":
            count = services.catalog_link_provisions(agency)
            self.stdout.write(_("%(count)d procedures linked to their provision.") % {"count": count})
