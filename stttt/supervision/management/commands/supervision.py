"""`stttt supervision`: late reports, reminders, the reporting schedule, province totals, sites and the map."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from stttt.core.progress import Progress
from stttt.org.models import Agency
from stttt.supervision import maps, selectors, services
from stttt.supervision.models import ReportKind, Site


class Command(BaseCommand):
    help = "Sector supervision: late reports, reminders, reporting schedule, province totals, sites, offline map."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--agency", help="Agency code (default: the installation's default agency).")
        sub = parser.add_subparsers(dest="verb", required=True)
        late = sub.add_parser("late", help="Reports still awaited after their due day (3.17).")
        late.add_argument("--on", help="YYYY-MM-DD (default: today).")
        late.add_argument("--json", action="store_true")
        remind = sub.add_parser("remind", help="E-mail the organisations whose reports are due soon or overdue.")
        remind.add_argument("--on", help="YYYY-MM-DD (default: today).")
        remind.add_argument("--all-agencies", action="store_true")
        schedule = sub.add_parser("schedule", help="Add a year's reports of a kind to the schedule.")
        schedule.add_argument("--kind", required=True, help="Report kind code.")
        schedule.add_argument("--year", type=int, required=True)
        totals = sub.add_parser("totals", help="Accepted figures of a kind and period summed for the province.")
        totals.add_argument("--kind", required=True)
        totals.add_argument("--period", required=True, help="Last day of the period, YYYY-MM-DD.")
        sites = sub.add_parser("sites", help="List the BTS sites (filters by operator and commune).")
        sites.add_argument("--operator", help="Short name or name of the owner.")
        sites.add_argument("--commune")
        sites.add_argument("--json", action="store_true")
        draw = sub.add_parser("map", help="Write the offline map of sites as an SVG file.")
        draw.add_argument("--output", required=True)

    def _agency(self, code: str | None) -> Agency:
        from django.conf import settings

        from stttt.org.selectors import OrgNotFound, agency_get

        try:
            return agency_get(code or getattr(settings, "STTTT_DEFAULT_AGENCY", None) or None)
        except OrgNotFound as exc:
            raise CommandError(_("No such agency: %(code)s") % {"code": code or ""}, returncode=2) from exc

    def _date(self, text: str | None) -> dt.date | None:
        if not text:
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError as exc:
            raise CommandError(_("Not a date (YYYY-MM-DD): %(text)s") % {"text": text}, returncode=2) from exc

    def _kind(self, agency: Agency, code: str) -> ReportKind:
        kind = ReportKind.objects.filter(agency=agency, code=code).first()
        if kind is None:
            known = ", ".join(ReportKind.objects.filter(agency=agency).values_list("code", flat=True))
            raise CommandError(
                _("No such report kind: %(code)s (known: %(known)s)") % {"code": code, "known": known}, returncode=2
            )
        return kind

    def handle(self, *args, **options):
        verb = options["verb"]
        if verb == "remind" and options.get("all_agencies"):
            agencies = list(Agency.objects.order_by("code"))
        else:
            agencies = [self._agency(options.get("agency"))]
        agency = agencies[0]
        if verb == "late":
            rows = [
                {
                    "organisation": r.operator.name,
                    "report": r.kind.name,
                    "period_end": r.period_end.isoformat(),
                    "due_on": r.due_on.isoformat(),
                    "email": r.operator.email,
                }
                for r in selectors.late_reports(agency, self._date(options.get("on")))
            ]
            if options["json"]:
                self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            else:
                for row in rows:
                    self.stdout.write(f"{row['due_on']}  {row['organisation']}  {row['report']} ({row['period_end']})")
                self.stdout.write(_("%(n)s report(s) overdue.") % {"n": len(rows)})
        elif verb == "remind":
            on = self._date(options.get("on"))
            progress = Progress(_("Reminders"), len(agencies))
            sent = 0
            for done, item in enumerate(agencies, 1):
                sent += services.reminders_send(item, on=on)
                progress(done)
            progress.finish()
            self.stdout.write(_("%(n)s reminder(s) written to the outbox.") % {"n": sent})
        elif verb == "schedule":
            kind = self._kind(agency, options["kind"])
            if not 2000 <= options["year"] <= 2100:
                raise CommandError(_("The year must be between 2000 and 2100."), returncode=2)
            created = services.reports_schedule(kind, actor=None, year=options["year"])
            self.stdout.write(_("%(n)s report(s) added to the schedule.") % {"n": created})
        elif verb == "totals":
            kind = self._kind(agency, options["kind"])
            period = self._date(options["period"])
            result = selectors.province_totals(agency, kind, period)  # type: ignore[arg-type]
            self.stdout.write(
                json.dumps(
                    {"counted": result["counted"], "owed": result["owed"], "totals": dict(result["rows"])},
                    ensure_ascii=False,
                    indent=2,
                )
            )
        elif verb == "sites":
            qs = Site.objects.filter(agency=agency).select_related("owner").order_by("code")
            if options.get("operator"):
                name = options["operator"]
                qs = qs.filter(owner__short_name__iexact=name) | qs.filter(owner__name__iexact=name)
            if options.get("commune"):
                qs = qs.filter(commune=options["commune"])
            rows = [
                {
                    "code": s.code,
                    "name": s.name,
                    "owner": str(s.owner),
                    "commune": s.commune,
                    "latitude": str(s.latitude),
                    "longitude": str(s.longitude),
                    "status": s.status,
                    "conformity": s.conformity,
                }
                for s in qs
            ]
            if options["json"]:
                self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            else:
                for row in rows:
                    self.stdout.write(f"{row['code']}  {row['owner']}  {row['commune']}  {row['status']}")
        elif verb == "map":
            sites = Site.objects.filter(agency=agency).select_related("owner")
            svg = maps.render(
                [maps.Point(float(s.latitude), float(s.longitude), f"{s.code} {s.name}", str(s.owner)) for s in sites],
                title=_("Map of BTS sites"),
            )
            Path(options["output"]).write_text(str(svg), encoding="utf-8")
            self.stdout.write(_("Written: %(path)s") % {"path": options["output"]})
