"""`stttt work`: the briefing pack, the programme, reports upward and district tables as files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from stttt.org.models import Agency
from stttt.work import exports, rules, selectors
from stttt.work.models import DistrictRequest, Report, ReportType


class Command(BaseCommand):
    help = "Tasks and reporting: briefing pack, work programme, reports upward, district report tables."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--agency", help="Agency code (default: the installation's default agency).")
        sub = parser.add_subparsers(dest="verb", required=True)
        brief = sub.add_parser("briefing", help="The monthly briefing pack (5.4).")
        brief.add_argument("--month", required=True, help="YYYY-MM")
        brief.add_argument("--format", choices=["docx", "pdf", "json"], default="json")
        brief.add_argument("--output", help="File to write (default: standard output for json).")
        prog = sub.add_parser("programme", help="The draft work programme of a month (5.4).")
        prog.add_argument("--month", required=True, help="YYYY-MM")
        prog.add_argument("--format", choices=["docx", "pdf"], default="docx")
        prog.add_argument("--output", required=True)
        report = sub.add_parser("report", help="List reports, or export one (by id, or by type and period).")
        report.add_argument("--id", type=int)
        report.add_argument("--type", help="Report type code.")
        report.add_argument("--period", help="YYYY-MM: the month the period starts in.")
        report.add_argument("--format", choices=["docx", "pdf", "json"], default="json")
        report.add_argument("--output")
        report.add_argument("--list", action="store_true", help="List report types and reports.")
        districts = sub.add_parser("districts", help="The per-district table of a request (6.6).")
        districts.add_argument("--request", type=int, required=True)
        districts.add_argument("--format", choices=["xlsx", "json"], default="json")
        districts.add_argument("--output")

    def _write(self, data: bytes | str, output: str | None, fmt: str) -> None:
        if output:
            path = Path(output)
            if isinstance(data, str):
                path.write_text(data, encoding="utf-8")
            else:
                path.write_bytes(data)
            self.stdout.write(_("Written: %(path)s") % {"path": path})
            return
        if isinstance(data, bytes):
            if sys.stdout.isatty():
                raise CommandError(_("Give --output for a %(fmt)s file.") % {"fmt": fmt.upper()}, returncode=2)
            self.stdout.flush()
            sys.stdout.buffer.write(data)
            return
        self.stdout.write(data)

    def _month(self, text: str) -> str:
        try:
            rules.month_bounds(text)
        except ValueError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        return text

    def _agency(self, code: str | None) -> Agency:
        from django.conf import settings

        from stttt.org.selectors import OrgNotFound, agency_get

        try:
            return agency_get(code or getattr(settings, "STTTT_DEFAULT_AGENCY", None) or None)
        except OrgNotFound as exc:
            raise CommandError(_("No such agency: %(code)s") % {"code": code or ""}, returncode=2) from exc

    def handle(self, *args, **options):
        verb = options["verb"]
        fmt: str = options.get("format") or ""
        agency = options["agency_obj"] = self._agency(options.get("agency"))
        if verb == "briefing":
            pack = selectors.briefing_pack(self._month(options["month"]), agency=agency)
            if fmt == "json":
                self._write(exports.briefing_json(pack), options["output"], fmt)
            else:
                self._write(exports.render(exports.briefing_document(pack), fmt)[0], options["output"], fmt)
        elif verb == "programme":
            programme = selectors.programme(self._month(options["month"]), agency=agency)
            self._write(exports.render(exports.programme_document(programme), fmt)[0], options["output"], fmt)
        elif verb == "report":
            self._report(options)
        elif verb == "districts":
            request = DistrictRequest.objects.filter(pk=options["request"], agency=agency).first()
            if request is None:
                raise CommandError(_("No such request: %(id)s") % {"id": options["request"]}, returncode=2)
            if fmt == "xlsx":
                self._write(exports.district_xlsx(request), options["output"], fmt)
                return
            board = selectors.district_board(request)
            data = {
                "request": request.title,
                "deadline": request.deadline.isoformat(),
                "indicators": [i.code for i in board["indicators"]],
                "districts": [
                    {"district": r["district"].code, "status": r["status"], "late": r["late"], "values": r["values"]}
                    for r in board["rows"]
                ],
                "province_totals": board["totals_by_code"],
            }
            self._write(json.dumps(data, ensure_ascii=False, indent=2), options["output"], fmt)

    def _report(self, options) -> None:
        fmt = options["format"]
        agency = options["agency_obj"]
        reports = Report.objects.filter(agency=agency).select_related("report_type", "agency")
        if options["list"] or not (options["id"] or options["type"]):
            for rt in ReportType.objects.filter(agency=agency):
                self.stdout.write(f"{rt.code}\t{rt.get_periodicity_display()}\t{rt.get_recipient_display()}\t{rt.name}")
            for r in reports:
                self.stdout.write(
                    f"#{r.pk}\t{r.report_type.code}\t{r.period_start}..{r.period_end}\t"
                    f"{r.get_status_display()}\t{r.due_on}"
                )
            return
        if options["id"]:
            report = reports.filter(pk=options["id"]).first()
        else:
            if not options["period"]:
                raise CommandError(_("Give --period YYYY-MM with --type."), returncode=2)
            first, _last = rules.month_bounds(self._month(options["period"]))
            report = reports.filter(report_type__code=options["type"], period_start=first).first()
        if report is None:
            raise CommandError(_("No such report."), returncode=2)
        if fmt == "json":
            data = {
                "id": report.pk,
                "type": report.report_type.code,
                "period_start": report.period_start.isoformat(),
                "period_end": report.period_end.isoformat(),
                "due_on": report.due_on.isoformat(),
                "status": report.status,
                "late": selectors.report_is_late(report),
                "values": report.values,
                "narrative": report.narrative,
            }
            self._write(json.dumps(data, ensure_ascii=False, indent=2), options["output"], fmt)
            return
        self._write(exports.render(exports.report_document(report), fmt)[0], options["output"], fmt)
