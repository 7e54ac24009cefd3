"""`stttt correspondence`: incoming and outgoing documents from the command line (thin over the services).

Verbs: `inbox`, `register`, `route`, `sign`, `issue`, `book`, `export`, `import` (one file or a folder, with
a progress bar), `figures`, `delegations` (the agency's delegations of signature, TL. and TUQ.). Acting
users are named by `--user` (their powers come from `org`)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from stttt.core import documents, spreadsheets
from stttt.core.progress import Progress
from stttt.correspondence import exchange, render, selectors, services
from stttt.correspondence.models import Incoming, Outgoing


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(_("Not a date (YYYY-MM-DD): %(text)s") % {"text": text}, returncode=2) from None


class Command(BaseCommand):
    help = (
        "Incoming and outgoing documents (Decree 30/2020): register, route, sign, issue, registers, exchange, "
        "delegations of signature."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        inbox = sub.add_parser("inbox", help="List a user's inbox of incoming documents.")
        inbox.add_argument("--user", required=True)
        inbox.add_argument("--box", choices=selectors.INBOXES, default="all")
        inbox.add_argument("--q", default="", help="Search, diacritics ignored.")
        reg = sub.add_parser("register", help="Register an incoming document (the Office).")
        reg.add_argument("--user", required=True)
        reg.add_argument("--issuer", required=True)
        reg.add_argument("--number", required=True, help="Number and symbol, e.g. 1520/UBND-KGVX")
        reg.add_argument("--date", required=True, help="Document date YYYY-MM-DD")
        reg.add_argument("--summary", required=True)
        reg.add_argument("--type", default="CV")
        reg.add_argument("--urgency", default="")
        reg.add_argument("--secrecy", default="")
        reg.add_argument("--file", action="append", default=[], help="A file to attach (repeatable).")
        route = sub.add_parser("route", help="Route an incoming document (Director or Deputy in charge).")
        route.add_argument("--user", required=True)
        route.add_argument("--id", type=int, required=True)
        route.add_argument("--unit", required=True, help="Lead unit code")
        route.add_argument("--coordinate", action="append", default=[], help="Coordinating unit code (repeatable)")
        route.add_argument("--instruction", required=True)
        route.add_argument("--deadline", help="YYYY-MM-DD")
        route.add_argument("--task", action="store_true", help="It asks for work: create a task")
        for verb in ("sign", "issue"):
            p = sub.add_parser(verb, help=f"{verb.capitalize()} an outgoing document.")
            p.add_argument("--user", required=True)
            p.add_argument("--id", type=int, required=True)
        book = sub.add_parser("book", help="The incoming or outgoing register of a year.")
        book.add_argument("--agency", required=True)
        book.add_argument("--year", type=int, required=True)
        book.add_argument("--direction", choices=["incoming", "outgoing"], required=True)
        book.add_argument("--format", choices=["docx", "pdf", "xlsx"], default="docx")
        book.add_argument("--output", required=True)
        export = sub.add_parser("export", help="An issued outgoing document as an exchange file.")
        export.add_argument("--id", type=int, required=True)
        export.add_argument("--format", choices=["json", "edxml"], default="json")
        export.add_argument("--output")
        imp = sub.add_parser("import", help="Register received exchange files (JSON or edXML; a file or a folder).")
        imp.add_argument("--user", required=True)
        imp.add_argument("path")
        fig = sub.add_parser("figures", help="Documents in and out per month; overdue per unit (JSON).")
        fig.add_argument("--agency", required=True)
        fig.add_argument("--year", type=int, required=True)
        dele = sub.add_parser("delegations", help="The agency's delegations of signature (TL., TUQ.), newest first.")
        dele.add_argument("--agency", required=True)

    def _user(self, username: str) -> Any:
        from stttt.accounts.models import User

        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(_("No such user: %(name)s") % {"name": username}, returncode=2)
        return user

    def _agency(self, code: str) -> Any:
        from stttt.org.models import Agency

        agency = Agency.objects.filter(code=code).first()
        if agency is None:
            raise CommandError(_("No such agency: %(code)s") % {"code": code}, returncode=2)
        return agency

    def _unit(self, agency_id: int, code: str) -> Any:
        from stttt.org.models import Unit

        unit = Unit.objects.filter(agency_id=agency_id, code=code).first()
        if unit is None:
            raise CommandError(_("No such unit: %(code)s") % {"code": code}, returncode=2)
        return unit

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, f"do_{options['verb']}")(options)
        except (ValidationError, PermissionDenied) as exc:
            text = " ".join(str(m) for m in exc.messages) if isinstance(exc, ValidationError) else str(exc)
            raise CommandError(text or _("Refused."), returncode=2) from None

    def _incoming(self, user: Any, pk: int) -> Incoming:
        doc = selectors.incoming_visible_to(user).filter(pk=pk).first()
        if doc is None:
            raise CommandError(_("No such document: %(id)s") % {"id": pk}, returncode=2)
        return doc

    def _outgoing(self, user: Any, pk: int) -> Outgoing:
        doc = selectors.outgoing_visible_to(user).filter(pk=pk).first()
        if doc is None:
            raise CommandError(_("No such document: %(id)s") % {"id": pk}, returncode=2)
        return doc

    def do_inbox(self, o: dict[str, Any]) -> None:
        user = self._user(o["user"])
        for d in selectors.incoming_inbox(user, o["box"], o["q"]):
            self.stdout.write(
                f"{d.pk}\t{d.arrival_number:02d}/{d.arrival_year}\t{d.number_symbol}\t{d.get_status_display()}\t"
                f"{d.deadline or ''}\t{d.summary}"
            )

    def do_register(self, o: dict[str, Any]) -> None:
        from django.core.files.uploadedfile import SimpleUploadedFile

        user = self._user(o["user"])
        files = []
        for name in o["file"]:
            path = Path(name)
            if not path.is_file():
                raise CommandError(_("No such file: %(path)s") % {"path": name}, returncode=2)
            files.append(SimpleUploadedFile(path.name, path.read_bytes()))
        doc = services.incoming_register(
            actor=user,
            issuer=o["issuer"],
            number_symbol=o["number"],
            doc_date=_date(o["date"]),
            summary=o["summary"],
            doc_type=o["type"],
            urgency=o["urgency"],
            secrecy=o["secrecy"],
            files=files,
        )
        self.stdout.write(
            _("Registered: id %(id)s, arrival number %(n)s")
            % {"id": doc.pk, "n": f"{doc.arrival_number:02d}/{doc.arrival_year}"}
        )

    def do_route(self, o: dict[str, Any]) -> None:
        user = self._user(o["user"])
        doc = self._incoming(user, o["id"])
        doc = services.incoming_route(
            doc,
            actor=user,
            lead_unit=self._unit(doc.agency_id, o["unit"]),
            coordinating_units=[self._unit(doc.agency_id, c) for c in o["coordinate"]],
            instruction=o["instruction"],
            deadline=_date(o["deadline"]) if o.get("deadline") else None,
            create_task=o["task"],
        )
        self.stdout.write(
            _("Routed to %(unit)s.") % {"unit": doc.lead_unit.name if doc.lead_unit else ""}
            + (f" task {doc.task_id}" if doc.task_id else "")
        )

    def do_sign(self, o: dict[str, Any]) -> None:
        user = self._user(o["user"])
        doc = services.outgoing_sign(self._outgoing(user, o["id"]), actor=user)
        self.stdout.write(
            f"{doc.authority_line + ' / ' if doc.authority_line else ''}{doc.title_line} — {doc.signer_name}"
        )

    def do_issue(self, o: dict[str, Any]) -> None:
        user = self._user(o["user"])
        doc = services.outgoing_issue(self._outgoing(user, o["id"]), actor=user)
        self.stdout.write(_("Issued as %(number)s.") % {"number": doc.number_symbol})

    def do_book(self, o: dict[str, Any]) -> None:
        agency = self._agency(o["agency"])
        doc = render.book(agency, o["year"], o["direction"])
        if o["format"] == "docx":
            data = documents.to_docx(doc)
        elif o["format"] == "pdf":
            data = documents.to_pdf(doc)
        else:
            table = doc.blocks[0]
            data = spreadsheets.xlsx_file([(doc.title[:31], [table.headers, *table.rows])]).read()  # type: ignore[union-attr]
        Path(o["output"]).write_bytes(data)
        self.stdout.write(_("Written: %(path)s") % {"path": o["output"]})

    def do_export(self, o: dict[str, Any]) -> None:
        doc = Outgoing.objects.filter(pk=o["id"], status="issued").select_related("agency", "drafting_unit").first()
        if doc is None:
            raise CommandError(_("No issued document with id %(id)s.") % {"id": o["id"]}, returncode=2)
        item = exchange.of_outgoing(doc)
        data = exchange.to_json(item) if o["format"] == "json" else exchange.to_edxml(item)
        if o.get("output"):
            Path(o["output"]).write_bytes(data)
            self.stdout.write(_("Written: %(path)s") % {"path": o["output"]})
        else:
            self.stdout.flush()
            sys.stdout.buffer.write(data)

    def do_import(self, o: dict[str, Any]) -> None:
        user = self._user(o["user"])
        path = Path(o["path"])
        if not path.exists():
            raise CommandError(_("No such file: %(path)s") % {"path": o["path"]}, returncode=2)
        files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
        progress = Progress(_("Registering"), len(files))
        refused = 0
        for index, file in enumerate(files, start=1):
            try:
                doc = services.incoming_import(actor=user, content=file.read_bytes(), name=file.name)
                self.stdout.write(f"{file.name}\t{doc.arrival_number:02d}/{doc.arrival_year}")
            except ValidationError as exc:
                refused += 1
                self.stderr.write(f"{file.name}\t{' '.join(exc.messages)}")
            progress(index)
        progress.finish()
        if refused:
            raise CommandError(_("%(n)s file(s) refused.") % {"n": refused}, returncode=2)

    def do_figures(self, o: dict[str, Any]) -> None:
        agency = self._agency(o["agency"])
        data = {
            "year": o["year"],
            "months": selectors.monthly_counts(agency, o["year"]),
            "units": selectors.overdue_by_unit(agency),
        }
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))

    def do_delegations(self, o: dict[str, Any]) -> None:
        agency = self._agency(o["agency"])
        states = {
            "upcoming": _("not yet in force"),
            "current": _("in force today"),
            "ended": _("no longer in force"),
        }
        found = selectors.delegations_of(agency)
        for d in found:
            self.stdout.write(
                "\t".join(
                    [
                        str(d.pk),
                        d.unit.code,
                        d.get_kind_display(),
                        ",".join(d.doc_types) or "*",
                        d.start_on.isoformat(),
                        d.end_on.isoformat() if d.end_on else "-",
                        states[selectors.delegation_state(d)],
                        d.basis,
                    ]
                )
            )
        if not found:
            self.stdout.write(_("No delegation of signature."))
