"""`stttt inspection`: the legal facts and the provisions catalogue, what is overdue, the figures of a year,
the time to decide a violation, and the documents of an inspection, a violation record or a letter (complaint,
denunciation, petition: only those its state allows, never with a denouncer's identity)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from stttt.core.calendar import calendar
from stttt.core.documents import to_docx, to_pdf
from stttt.inspection import catalogue, documents, facts, rules, selectors
from stttt.inspection.choices import CASE_OPEN, LETTER_OPEN
from stttt.inspection.models import InspectionCase, Letter, ViolationRecord
from stttt.org.models import Agency
from stttt.org.selectors import today


class Command(BaseCommand):
    help = "Inspection: legal facts, provisions, overdue work, yearly figures, deadlines, documents."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--agency", help="Agency code (default: the installation's default agency).")
        sub = parser.add_subparsers(dest="verb", required=True)
        sub.add_parser("facts", help="The legal facts with their articles (unsure first).")
        sub.add_parser("catalogue", help="The provisions of the sector decrees with their fines.")
        sub.add_parser("overdue", help="Inspections, violation records and letters past their deadline.")
        stats = sub.add_parser("stats", help="Figures of a year by month and sector (JSON).")
        stats.add_argument("--year", type=int, default=None)
        deadline = sub.add_parser("deadline", help="The time to decide a violation recorded on a date (LHAV Art. 66).")
        deadline.add_argument("--recorded", required=True, help="YYYY-MM-DD")
        deadline.add_argument("--explanation", action="store_true")
        deadline.add_argument("--transferred", action="store_true")
        doc = sub.add_parser("document", help="Write a document of an inspection, a violation record or a letter.")
        doc.add_argument("--case", type=int)
        doc.add_argument("--violation", type=int)
        doc.add_argument("--letter", type=int)
        doc.add_argument(
            "--kind",
            required=True,
            help=", ".join([*documents.CASE_DOCUMENTS, *documents.RECORD_DOCUMENTS, *documents.LETTER_DOCUMENTS]),
        )
        doc.add_argument("--format", choices=["docx", "pdf"], default="docx")
        doc.add_argument("--output", required=True)

    def _agency(self, code: str | None) -> Agency:
        from stttt.org.selectors import agency_get

        try:
            return agency_get(code)
        except Exception as exc:  # OrgNotFound or no default agency
            raise CommandError(_("Unknown agency: %(code)s") % {"code": code or "—"}, returncode=2) from exc

    def handle(self, *args: Any, **options: Any) -> None:
        verb = options["verb"]
        if verb == "facts":
            for f in sorted(facts.FACTS, key=lambda f: (not f.unsure, f.key)):
                mark = "[verify] " if f.unsure else ""
                self.stdout.write(f"{mark}{f.key} = {f.value} {f.unit} — {f.basis}")
            return
        if verb == "catalogue":
            for p in catalogue.PROVISIONS:
                mark = "[verify] " if p.unsure else ""
                self.stdout.write(f"{mark}{p.code}: {p.citation} — {p.act} — {p.min_fine:,}–{p.max_fine:,} VND")
            return
        if verb == "deadline":
            try:
                recorded = dt.date.fromisoformat(options["recorded"])
            except ValueError:
                raise CommandError(_("A date is written as YYYY-MM-DD."), returncode=2) from None
            end = rules.decision_deadline(
                calendar(), recorded, explanation=options["explanation"], transferred=options["transferred"]
            )
            self.stdout.write(f"{end.isoformat()} ({rules.basis('decision_working_days')})")
            return
        agency = self._agency(options.get("agency"))
        if verb == "overdue":
            day = today()
            rows = [
                *(
                    f"case {c.decision_number}: {c.get_status_display()} due {c.due_on:%d/%m/%Y}"
                    for c in InspectionCase.objects.filter(agency=agency, status__in=CASE_OPEN, due_on__lt=day)
                ),
                *(
                    f"violation {v.number}: decide by {v.decide_by:%d/%m/%Y}"
                    for v in ViolationRecord.objects.filter(agency=agency, status="recorded", decide_by__lt=day)
                ),
                *(
                    f"letter {x.code} ({x.get_kind_display()}): due {x.due_on:%d/%m/%Y}"
                    for x in Letter.objects.filter(agency=agency, status__in=LETTER_OPEN, due_on__lt=day)
                ),
            ]
            for row in rows:
                self.stdout.write(row)
            if not rows:
                self.stdout.write(_("Nothing overdue."))
            return
        if verb == "stats":
            year = options["year"] or today().year
            if not 2000 <= year <= 2100:
                raise CommandError(_("Give a year between 2000 and 2100."), returncode=2)
            stats = {
                "year": year,
                "months": selectors.monthly(agency.pk, year),
                "sectors": selectors.by_sector(agency.pk, year),
            }
            self.stdout.write(json.dumps(stats, ensure_ascii=False, indent=1))
            return
        if verb == "document":
            kind = options["kind"]
            obj: Any
            build: Any
            if options["case"] and kind in documents.CASE_DOCUMENTS:
                obj = InspectionCase.objects.filter(agency=agency, pk=options["case"]).first()
                build = documents.CASE_DOCUMENTS[kind]
            elif options["violation"] and kind in documents.RECORD_DOCUMENTS:
                obj = ViolationRecord.objects.filter(agency=agency, pk=options["violation"]).first()
                build = documents.RECORD_DOCUMENTS[kind]
                if obj is not None and kind == "quyet-dinh-xu-phat" and not hasattr(obj, "decision"):
                    obj = None
            elif options["letter"] and kind in documents.LETTER_DOCUMENTS:
                obj = Letter.objects.filter(agency=agency, pk=options["letter"]).select_related("agency").first()
                build = documents.LETTER_DOCUMENTS[kind]
                if obj is not None and kind not in documents.letter_documents(obj):
                    raise CommandError(
                        _("The letter's state does not allow this document (it allows: %(kinds)s).")
                        % {"kinds": ", ".join(documents.letter_documents(obj)) or "—"},
                        returncode=2,
                    )
            else:
                raise CommandError(
                    _("Give --case, --violation or --letter with a kind of document it has."), returncode=2
                )
            if obj is None:
                raise CommandError(_("No such record in this agency."), returncode=2)
            doc = build(obj)
            content = to_docx(doc) if options["format"] == "docx" else to_pdf(doc)
            Path(options["output"]).write_bytes(content)
            self.stdout.write(_("Written: %(path)s") % {"path": options["output"]})
