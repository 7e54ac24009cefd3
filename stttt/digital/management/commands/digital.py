"""`stttt digital`: the DTI and online-service figures of a year, the collection board, the appraisal register,
the enterprise register's import and export, the open-data catalogue and the daily reminders."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from stttt.digital import exports, reminders, selectors
from stttt.digital.models import Collection
from stttt.org.models import Agency


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


class Command(BaseCommand):
    help = "Digital transformation: DTI, online services, collections, appraisals, enterprises, open data."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--agency", help="Agency code (default: the installation's default agency).")
        sub = parser.add_subparsers(dest="verb", required=True)
        dti = sub.add_parser("dti", help="The DTI computed for a year, against the year before and the published one.")
        dti.add_argument("--year", type=int, required=True)
        online = sub.add_parser("online", help="Online public services by month, from the dossiers.")
        online.add_argument("--year", type=int, required=True)
        board = sub.add_parser("collection", help="Who submitted, who is late, and the province values.")
        board.add_argument("--id", type=int, required=True)
        board.add_argument("--output", help="XLSX file to write (default: JSON on standard output).")
        sub.add_parser("appraisals", help="The register of appraisals with their due dates and budgets.")
        export = sub.add_parser("enterprises-export", help="The IT enterprise register as XLSX.")
        export.add_argument("--output", required=True)
        load = sub.add_parser("enterprises-import", help="Import the IT enterprise register from XLSX.")
        load.add_argument("--file", required=True)
        sub.add_parser("open-data", help="The open datasets as DCAT-AP style JSON.")
        sub.add_parser("remind", help="Send today's reminders (indicator figures, certificates expiring).")

    def _agency(self, code: str | None) -> Agency:
        from django.conf import settings

        from stttt.org.selectors import OrgNotFound, agency_get

        try:
            return agency_get(code or getattr(settings, "STTTT_DEFAULT_AGENCY", None) or None)
        except OrgNotFound as exc:
            raise CommandError(_("No such agency: %(code)s") % {"code": code or ""}, returncode=2) from exc

    def _year(self, year: int) -> int:
        if not 2000 <= year <= 2100:
            raise CommandError(_("A year between 2000 and 2100."), returncode=2)
        return year

    def handle(self, *args: Any, **options: Any) -> None:
        verb = options["verb"]
        if verb == "remind":
            count = reminders.send_all()
            self.stdout.write(_("%(count)s reminder(s) written.") % {"count": count})
            return
        agency = self._agency(options.get("agency"))
        if verb == "dti":
            comparison = selectors.dti_comparison(agency, self._year(options["year"]))
            result = comparison["current"]["result"]
            self.stdout.write(
                _json(
                    {
                        "year": options["year"],
                        "points": result.points,
                        "total": result.total,
                        "rows": comparison["rows"],
                    }
                )
            )
        elif verb == "online":
            self.stdout.write(_json(selectors.online_services(agency, self._year(options["year"]))))
        elif verb == "collection":
            collection = Collection.objects.filter(agency=agency, pk=options["id"]).first()
            if collection is None:
                raise CommandError(_("No such collection in this agency."), returncode=2)
            board = selectors.collection_board(collection)
            if options.get("output"):
                Path(options["output"]).write_bytes(exports.collection_xlsx(board))
                self.stdout.write(_("Written: %(path)s") % {"path": options["output"]})
                return
            self.stdout.write(
                _json(
                    {
                        "submitted": board["submitted"],
                        "count": board["count"],
                        "late": board["late_count"],
                        "rows": [
                            {
                                "entity": r["entity"].name,
                                "status": r["submission"].status,
                                "submitted_on": r["submitted_on"],
                                "late": r["late"],
                            }
                            for r in board["rows"]
                        ],
                        "values": {v["indicator"].code: v["value"] for v in board["values"]},
                    }
                )
            )
        elif verb == "appraisals":
            from stttt.digital.models import Appraisal

            rows = [
                {
                    "title": a.title,
                    "stage": a.stage,
                    "group": a.group,
                    "total": a.total,
                    "due_on": a.due_on,
                    "status": a.status,
                    "outcome": a.outcome,
                    "approved_total": a.approved_total,
                }
                for a in Appraisal.objects.filter(agency=agency)
            ]
            self.stdout.write(_json(rows))
        elif verb == "enterprises-export":
            Path(options["output"]).write_bytes(exports.enterprises_xlsx(selectors.it_enterprises(agency)))
            self.stdout.write(_("Written: %(path)s") % {"path": options["output"]})
        elif verb == "enterprises-import":
            self._import(agency, Path(options["file"]))
        elif verb == "open-data":
            self.stdout.write(_json(selectors.dcat_catalogue(agency)))

    def _import(self, agency: Agency, path: Path) -> None:
        from stttt.core.progress import Progress
        from stttt.org.powers import director_user

        if not path.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": path}, returncode=2)
        actor = director_user(agency_code=agency.code)
        if actor is None:
            raise CommandError(_("The agency has no Director to record the import under."), returncode=2)
        content = path.read_bytes()
        bar = Progress(_("Importing"), exports.row_count(content))
        try:
            result = exports.enterprises_import(content, actor=actor, agency=agency, progress=bar)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages), returncode=2) from exc
        bar.finish()
        self.stdout.write(_json(result))
