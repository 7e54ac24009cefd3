"""`stttt cyber`: the inventory, the compliance board, overdue warnings and reminders, a dossier's documents,
the figures of the periodic security report."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from stttt.core import documents as docs
from stttt.cyber import exports, selectors, services
from stttt.cyber.models import InfoSystem, LevelDossier
from stttt.org.models import Agency


class Command(BaseCommand):
    help = "Information security: systems and levels, compliance, warnings, level dossier documents, figures."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--agency", help="Agency code (default: the installation's default agency).")
        sub = parser.add_subparsers(dest="verb", required=True)
        sub.add_parser("systems", help="The inventory with the level the criteria imply and the approved level.")
        sub.add_parser("compliance", help="The compliance board per owner body.")
        sub.add_parser("overdue", help="Owner bodies late with a relayed warning.")
        remind = sub.add_parser("remind", help="Remind every body late with a warning (once a day).")
        remind.add_argument("--dry-run", action="store_true")
        doc = sub.add_parser("document", help="A level dossier's appraisal opinion or approval decision.")
        doc.add_argument("--reference", required=True)
        doc.add_argument("--kind", choices=sorted(exports.DOCUMENTS), required=True)
        doc.add_argument("--format", choices=["docx", "pdf"], default="docx")
        doc.add_argument("--output", required=True)
        figures = sub.add_parser("figures", help="Figures of the periodic security report for a period.")
        figures.add_argument("--start", required=True, help="YYYY-MM-DD")
        figures.add_argument("--end", required=True, help="YYYY-MM-DD")

    def _agency(self, code: str | None) -> Agency:
        from stttt.org.selectors import OrgNotFound, agency_get

        try:
            return agency_get(code)
        except OrgNotFound as exc:
            raise CommandError(_("Unknown agency: %(code)s") % {"code": code}, returncode=2) from exc

    def _date(self, text: str) -> dt.date:
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise CommandError(_("Not a date (YYYY-MM-DD): %(text)s") % {"text": text}, returncode=2) from None

    def _json(self, data: Any) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))

    def handle(self, *args: Any, **options: Any) -> None:
        agency = self._agency(options.get("agency"))
        verb = options["verb"]
        if verb == "systems":
            rows = selectors.system_rows(list(InfoSystem.objects.filter(agency=agency).select_related("owner")))
            self._json(
                [
                    {
                        "code": s.code,
                        "name": s.name,
                        "owner": s.owner.name,
                        "implied_level": s.implied_level,
                        "criteria": [f"{c.level}: {c.basis}" for c in s.criteria],
                        "approved_level": s.approved_level,
                        "status": s.approval_status,
                        "next_assessment_due": s.assessment_due,  # type: ignore[attr-defined]
                    }
                    for s in rows
                ]
            )
        elif verb == "compliance":
            self._json(
                [
                    {
                        "owner": r["owner"].name,
                        "systems": r["standing"].systems,
                        "approved": r["standing"].approved,
                        "assessments_overdue": r["standing"].assessments_overdue,
                        "warnings_overdue": r["standing"].warnings_overdue,
                        "rate": r["standing"].rate,
                    }
                    for r in selectors.compliance_board(agency)
                ]
            )
        elif verb == "overdue":
            self._json(
                [
                    {"owner": d.owner.name, "warning": d.warning.reference, "status": d.status, "ack_due": d.ack_due}
                    for d in selectors.overdue_deliveries(agency)
                ]
            )
        elif verb == "remind":
            late = selectors.overdue_deliveries(agency)
            if options["dry_run"]:
                self.stdout.write(_("%(n)s body(ies) would be reminded.") % {"n": len(late)})
                return
            count = services.remind_overdue(agency, actor=None)
            self.stdout.write(_("%(n)s reminder(s) written.") % {"n": count})
        elif verb == "document":
            dossier = LevelDossier.objects.filter(agency=agency, reference=options["reference"]).first()
            if dossier is None:
                raise CommandError(_("No level dossier %(ref)s.") % {"ref": options["reference"]}, returncode=2)
            document = exports.DOCUMENTS[options["kind"]](dossier)
            data = docs.to_pdf(document) if options["format"] == "pdf" else docs.to_docx(document)
            Path(options["output"]).write_bytes(data)
            self.stdout.write(_("Written: %(path)s") % {"path": options["output"]})
        elif verb == "figures":
            start, end = self._date(options["start"]), self._date(options["end"])
            if end < start:
                raise CommandError(_("The end comes before the start."), returncode=2)
            self._json(selectors.period_counts(agency, start, end))
        sys.stdout.flush()
