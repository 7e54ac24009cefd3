"""`stttt org <verb>`: check, who, import, export, chart, plan, whatif, powers (thin shells over org)."""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from stttt.org import exports, importing, selectors
from stttt.org.choices import Position, Severity
from stttt.org.models import Staff


def _counts(counts: dict[str, int]) -> str:
    labels = {
        "units": _("units"),
        "functions": _("unit functions"),
        "staff": _("staff"),
        "accounts linked": _("accounts linked"),
        "assignments": _("assignments"),
        "acting appointments": _("acting appointments"),
        "quotas": _("staffing quotas"),
        "duties": _("duties"),
        "areas in charge": _("areas in charge"),
        "reorganisations": _("reorganisations"),
    }
    return ", ".join(f"{labels.get(k, k)} {v}" for k, v in counts.items()) or "—"


def _date(value: str) -> datetime.date:
    try:
        return importing.parse_date(value)
    except ValueError as exc:
        raise CommandError(str(exc), returncode=2) from None


class Command(BaseCommand):
    help = "The organisation: check it against Art. 4, find who handles a duty, import and export it."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--agency", help="Agency code (default: the first agency)")
        verbs = parser.add_subparsers(dest="verb", required=True)
        # `stttt org --agency X check` and `stttt org check --agency X` both work
        agency_option = {"help": "Agency code (default: the first agency)", "default": argparse.SUPPRESS}
        check = verbs.add_parser("check", help="Findings against Art. 4 and 5 on a date")
        check.add_argument("--agency", **agency_option)
        check.add_argument("--at", help="Date (YYYY-MM-DD or dd/mm/yyyy); default today")
        check.add_argument("--format", choices=["text", "json"], default="text")
        who = verbs.add_parser("who", help="Who handles a duty: CITATION (3.8.a) or words of its text")
        who.add_argument("--agency", **agency_option)
        who.add_argument("query", nargs="+")
        who.add_argument("--at")
        who.add_argument("--format", choices=["text", "json"], default="text")
        imp = verbs.add_parser("import", help="Import YAML (whole organisation) or XLSX (staff list)")
        imp.add_argument("--agency", **agency_option)
        imp.add_argument("file")
        imp.add_argument("--format", choices=["text", "json"], default="text")
        exp = verbs.add_parser("export", help="Export the organisation as YAML")
        exp.add_argument("--agency", **agency_option)
        exp.add_argument("--output", "-o", help="File to write (default: standard output)")
        chart = verbs.add_parser("chart", help="Org chart as SVG or JSON")
        chart.add_argument("--agency", **agency_option)
        chart.add_argument("--at")
        chart.add_argument("--format", choices=["svg", "json"], default="svg")
        chart.add_argument("--output", "-o")
        plan = verbs.add_parser("plan", help="Staffing plan (4.3.b) as XLSX, DOCX or JSON")
        plan.add_argument("--agency", **agency_option)
        plan.add_argument("--year", type=int, help="Current year (the plan proposes the next one)")
        plan.add_argument("--format", choices=["xlsx", "docx", "json"], default="json")
        plan.add_argument("--output", "-o")
        whatif = verbs.add_parser("whatif", help="Findings a reassignment would add or clear, saving nothing")
        whatif.add_argument("--agency", **agency_option)
        whatif.add_argument("staff")
        whatif.add_argument("unit")
        whatif.add_argument("position", choices=Position.values)
        whatif.add_argument("--at")
        whatif.add_argument("--format", choices=["text", "json"], default="text")
        powers = verbs.add_parser("powers", help="A user's powers on a date (from their assignments)")
        powers.add_argument("--agency", **agency_option)
        powers.add_argument("username")
        powers.add_argument("--at")

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(settings.LANGUAGE_CODE):
            try:
                agency = selectors.agency_get(options.get("agency"))
            except selectors.OrgNotFound:
                if options.get("agency") and (options["verb"] != "import" or options["file"].endswith(".xlsx")):
                    raise CommandError(_("No agency %(code)s.") % {"code": options["agency"]}, returncode=2) from None
                if options["verb"] != "import":
                    raise CommandError(_("No organisation has been imported yet."), returncode=2) from None
                agency = None
            getattr(self, "do_" + options["verb"])(agency, options)

    def _write(self, options: dict[str, Any], content: str | bytes) -> None:
        output = options.get("output")
        if output:
            Path(output).write_bytes(content.encode() if isinstance(content, str) else content)
            self.stdout.write(_("Written to %(path)s") % {"path": output})
        elif isinstance(content, bytes):
            sys.stdout.buffer.write(content)
        else:
            self.stdout.write(content)

    def do_check(self, agency: Any, options: dict[str, Any]) -> None:
        at = _date(options["at"]) if options.get("at") else selectors.today()
        findings = selectors.findings_at(agency, at)
        if options["format"] == "json":
            self.stdout.write(
                json.dumps(
                    {"agency": agency.code, "at": at.isoformat(), "findings": [f.as_dict() for f in findings]},
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return
        if not findings:
            self.stdout.write(_("%(date)s: no findings.") % {"date": f"{at:%d/%m/%Y}"})
        for f in findings:
            label = _("error") if f.severity == Severity.ERROR else _("warning")
            amended = _("as amended by %(doc)s") % {"doc": f.amended_by} if f.amended_by else ""
            source = f" ({amended})" if amended else ""
            self.stdout.write(f"{label.upper():<8} {f.unit:<14} {f.provision:<6} {f.message}{source}")

    def do_who(self, agency: Any, options: dict[str, Any]) -> None:
        at = _date(options["at"]) if options.get("at") else selectors.today()
        answers = selectors.who(agency, " ".join(options["query"]), at)
        if not answers:
            raise CommandError(_("No duty matches “%(query)s”.") % {"query": " ".join(options["query"])}, returncode=2)
        if options["format"] == "json":
            self.stdout.write(json.dumps(answers, ensure_ascii=False, indent=2))
            return
        for a in answers:
            self.stdout.write(f"{a['citation']}  {a['title']}")
            self.stdout.write("  " + _("Lead unit: %(unit)s") % {"unit": a["lead_unit_name"] or _("none")})
            if a["coordinating_units"]:
                self.stdout.write("  " + _("Coordinating: %(units)s") % {"units": ", ".join(a["coordinating_units"])})
            self.stdout.write("  " + _("Head today: %(name)s") % {"name": a["head"] or "—"})
            self.stdout.write("  " + _("Leader in charge: %(name)s") % {"name": a["leader"] or "—"})

    def do_import(self, agency: Any, options: dict[str, Any]) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("File not found: %(path)s") % {"path": path}, returncode=2)
        try:
            if path.suffix.lower() in (".xlsx", ".xlsm"):
                if agency is None:
                    raise CommandError(_("Import the organisation (YAML) before a staff list."), returncode=2)
                report = importing.import_staff_xlsx(path.read_bytes(), agency=agency)
            else:
                # with --agency, the file may only change that agency
                report = importing.import_yaml(path.read_bytes(), agency=agency if options.get("agency") else None)
        except importing.ImportFailed as failed:
            if options["format"] == "json":
                self.stdout.write(
                    json.dumps(
                        {"ok": False, "problems": [p.as_dict() for p in failed.problems]}, ensure_ascii=False, indent=2
                    )
                )
            else:
                self.stderr.write(str(failed))
                for problem in failed.problems:
                    self.stderr.write(f"  {problem}")
            raise CommandError(_("Nothing was imported."), returncode=2) from None
        if options["format"] == "json":
            self.stdout.write(json.dumps({"ok": True, **report.as_dict()}, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(
                _("Imported. Created: %(created)s; updated: %(updated)s")
                % {"created": _counts(report.created), "updated": _counts(report.updated)}
            )

    def do_export(self, agency: Any, options: dict[str, Any]) -> None:
        self._write(options, importing.export_yaml(agency))

    def do_chart(self, agency: Any, options: dict[str, Any]) -> None:
        at = _date(options["at"]) if options.get("at") else selectors.today()
        chart = selectors.chart(agency, at)
        if options["format"] == "json":
            self._write(options, json.dumps(chart, ensure_ascii=False, indent=2))
        else:
            self._write(options, exports.chart_svg(chart))

    def do_plan(self, agency: Any, options: dict[str, Any]) -> None:
        year = options.get("year") or selectors.today().year
        rows = selectors.staffing_plan(agency, year)
        if options["format"] == "json":
            self._write(options, json.dumps({"year": year, "rows": rows}, ensure_ascii=False, indent=2))
            return
        if not options.get("output"):
            raise CommandError(
                _("Give --output for a %(format)s file.") % {"format": options["format"].upper()}, returncode=2
            )
        if options["format"] == "xlsx":
            self._write(options, exports.plan_xlsx(agency.name, year, rows))
        else:
            director = selectors.director_at(agency)
            self._write(
                options,
                exports.plan_docx(
                    agency.name, year, rows, day=selectors.today(), signer=director.full_name if director else ""
                ),
            )

    def do_whatif(self, agency: Any, options: dict[str, Any]) -> None:
        at = _date(options["at"]) if options.get("at") else selectors.today()
        if not Staff.objects.filter(code=options["staff"], agency=agency).exists():
            raise CommandError(_("Unknown staff ID %(code)s.") % {"code": options["staff"]}, returncode=2)
        if not selectors.units_at(agency, at).filter(code=options["unit"]).exists():
            raise CommandError(_("Unknown unit %(code)s.") % {"code": options["unit"]}, returncode=2)
        result = selectors.what_if(agency, selectors.Move(options["staff"], options["unit"], options["position"]), at)
        if options["format"] == "json":
            self.stdout.write(
                json.dumps({k: [f.as_dict() for f in v] for k, v in result.items()}, ensure_ascii=False, indent=2)
            )
            return
        for label, key in ((_("Would add"), "added"), (_("Would clear"), "cleared")):
            self.stdout.write(f"{label}:")
            for f in result[key]:
                self.stdout.write(f"  {f.severity:<8} {f.unit:<14} {f.provision:<6} {f.message}")
            if not result[key]:
                self.stdout.write("  —")

    def do_powers(self, agency: Any, options: dict[str, Any]) -> None:
        from stttt.org.powers import powers_of

        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(_("No account %(username)s.") % {"username": options["username"]}, returncode=2)
        at = _date(options["at"]) if options.get("at") else None
        p = powers_of(user, at)
        self.stdout.write(
            json.dumps(
                {
                    "at": p.at.isoformat(),
                    "staff": p.staff.code if p.staff else None,
                    "unit_codes": sorted(p.unit_codes),
                    "headed_unit_codes": sorted(p.headed_unit_codes),
                    "is_director": p.is_director,
                    "is_acting_director": p.is_acting_director,
                    "is_deputy_director": p.is_deputy_director,
                    "areas_in_charge": sorted(p.areas_in_charge),
                    "units_in_charge": sorted(p.units_in_charge),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
