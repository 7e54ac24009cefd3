"""`stttt procedures`: catalogue, statistics, loading of the procedure data, due dates after a calendar change,
and the versions of a procedure (list, diff, publish, import of a national export)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from stttt.org import selectors as org_selectors
from stttt.org.models import Agency
from stttt.procedures import selectors, services, versions
from stttt.procedures.api import ProcedureSerializer
from stttt.procedures.choices import TimeUnit
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
        load = sub.add_parser(
            "load", help="Load an agency's catalogue from the data file (changes to published versions become drafts)."
        )
        load.add_argument("--file", default=str(services.DATA_FILE), help="YAML catalogue file.")
        link = sub.add_parser("link-provisions", help="Link procedures to the regulation's provisions.")
        sub.add_parser("due-dates", help="Count again the due dates of open dossiers after a calendar change.")
        listing = sub.add_parser("versions", help="The versions of a procedure.")
        diff = sub.add_parser("diff", help="What a version changes against the version in force.")
        publish = sub.add_parser("publish", help="Publish a draft version (checked: complete, no overlap).")
        imported = sub.add_parser(
            "import", help="A national database export (JSON or XLSX), or an announcement's annex, as a draft version."
        )
        for parser_ in (listing, diff, publish, imported):
            parser_.add_argument("code", help="Code of the procedure.")
        moved = sub.add_parser("transfers", help="Procedures the reorganisation data moves to another body.")
        moved.add_argument("--on", default="", help="YYYY-MM-DD (default: today).")
        moved.add_argument("--apply", action="store_true", help="End them here and start them there.")
        diff.add_argument("number", type=int)
        publish.add_argument("number", type=int)
        imported.add_argument("file", help="JSON or XLSX export, or the annex table (XLSX) of a decision.")
        imported.add_argument("--decision", default="", help="The announcing decision whose annex the file is.")
        for parser_ in (cat, stats, load, link, listing, diff, publish, imported, moved):
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
            drafted: list[str] = []
            try:
                count = services.catalog_load(Path(options["file"]), agency=agency, drafted=drafted)
            except ValidationError as exc:
                raise CommandError(" ".join(exc.messages), returncode=2) from None
            self.stdout.write(_("%(count)d procedures loaded.") % {"count": count})
            if drafted:  # a published version never changes: the file's changes wait for review
                self.stdout.write(_("Draft versions to review and publish: %(codes)s.") % {"codes": ", ".join(drafted)})
        elif verb == "transfers":
            self._transfers(agency, options)
        elif verb in ("versions", "diff", "publish", "import"):
            self._versions(verb, agency, options)
        elif verb == "link-provisions":
            count = services.catalog_link_provisions(agency)
            self.stdout.write(_("%(count)d procedures linked to their provision.") % {"count": count})

    def _versions(self, verb: str, agency: Agency, options: dict) -> None:
        procedure = selectors.procedures_active(agency).filter(code=options["code"]).first()
        if procedure is None:
            raise CommandError(_("No procedure %(code)s.") % {"code": options["code"]}, returncode=2)
        try:
            if verb == "versions":
                for v in versions.versions_of(procedure):
                    days, unit = v.applicable_limit
                    self.stdout.write(
                        f"{v.number}\t{v.get_status_display()}\t{v.valid_from or '…'}–{v.valid_to or '…'}"
                        f"\t{days} {TimeUnit(unit).label}\t{v.limit_basis}"
                    )
            elif verb == "import":
                draft, lines = services.version_import(
                    procedure, Path(options["file"]).read_bytes(), decision=options["decision"]
                )
                self.stdout.write(_("Draft version %(number)d:") % {"number": draft.number})
                self.stdout.write("\n".join(lines) or _("No change."))
            else:
                version = versions.versions_of(procedure).filter(number=options["number"]).first()
                if version is None:
                    raise CommandError(_("No version %(number)d.") % {"number": options["number"]}, returncode=2)
                if verb == "publish":  # the operator's command: no actor, as the data loaders
                    services.version_publish(version)
                    self.stdout.write(_("Version %(number)d published.") % {"number": version.number})
                else:
                    current = versions.version_in_force(procedure)
                    before = versions.facts_of(current or procedure)
                    self.stdout.write(
                        "\n".join(versions.diff_lines(before, versions.facts_of(version))) or _("No change.")
                    )
        except (ValidationError, OSError) as exc:
            raise CommandError(" ".join(getattr(exc, "messages", [str(exc)])), returncode=2) from None

    def _transfers(self, agency: Agency, options: dict) -> None:
        try:
            day = dt.date.fromisoformat(options["on"]) if options["on"] else timezone.localdate()
        except ValueError:
            raise CommandError(_("Write the date as YYYY-MM-DD."), returncode=2) from None
        for transfer in versions.transfers_due(agency, day):
            self.stdout.write(f"{transfer.procedure.code}\t{transfer.starts}\t{transfer.holder}\t{transfer.basis}")
            if options["apply"]:
                services.procedure_transfer(transfer)
