"""`stttt legal <verb>`: import, show, tree, search, export and diff legal documents."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from stttt.core.progress import Progress
from stttt.legal import amending, diff, export, importer, selectors, services, sources
from stttt.legal.models import Document
from stttt.legal.services import consolidation


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(_("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": value}, returncode=2) from exc


class Command(BaseCommand):
    help = "Legal documents: import, show, tree, search, export, diff."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        p = sub.add_parser(
            "import", help="Import a document: DOCX, PDF (text or scan), portal text, Markdown or JSON export."
        )
        p.add_argument("path")
        p.add_argument("--version-date", type=_date, help="Version date (default: entry into force).")
        p.add_argument("--primary", action="store_true", help="Make it the Department's regulation.")
        for verb in ("show", "tree", "search", "export"):
            q = sub.add_parser(verb)
            q.add_argument("--document", help="Id, number (01/2024/QĐ-UBND) or number@YYYY-MM-DD.")
            q.add_argument("--as-of", "--at", dest="as_of", type=_date, help="The version in force on this date.")
            if verb == "export":
                q.add_argument("--format", choices=["akn", "json"], required=True)
                q.add_argument("--output", "-o")
            else:
                q.add_argument("--format", choices=["text", "json"], default="text")
            if verb == "show":
                q.add_argument("citation")
            if verb == "search":
                q.add_argument("query", nargs="+")
                q.add_argument("--limit", type=int, default=20)
        w = sub.add_parser("who", help="Who holds the duty of a provision on a date (reorganisations included).")
        w.add_argument("citation")
        w.add_argument("--at", dest="as_of", type=_date, help="Date (default today).")
        w.add_argument("--format", choices=["text", "json"], default="text")
        pa = sub.add_parser("params", help="The dated rule parameters in force on a date, with their provisions.")
        pa.add_argument("--at", dest="as_of", type=_date, help="Date (default today).")
        pa.add_argument("--history", action="store_true", help="Every value with the day it starts.")
        pa.add_argument("--format", choices=["text", "json"], default="text")
        d = sub.add_parser(
            "diff", help="Compare two versions: each a file, a document reference or a date (the regulation then)."
        )
        d.add_argument("old")
        d.add_argument("new")
        d.add_argument("--format", choices=["text", "json"], default="text")
        f = sub.add_parser("facts", help="The time limits, thresholds and competences the system applies.")
        f.add_argument("query", nargs="*", help="Words of the label, key or provision.")
        f.add_argument("--unsure", action="store_true", help="Only those still to verify against the official text.")
        f.add_argument("--format", choices=["text", "json"], default="text")
        sub.add_parser("fields", help="List the fields of state management.")
        t = sub.add_parser("tag", help="Set the fields of state management of a provision.")
        t.add_argument("citation")
        t.add_argument("codes", nargs="+", help="Field codes (see `stttt legal fields`).")

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, "do_" + options["verb"])(options)

    # ---------------------------------------------------------------------------------------------------

    def _source(self, path: str) -> sources.Source:
        bar: list[Progress] = []

        def on_page(done: int, total: int) -> None:  # OCR of a scan: seconds a page
            if not bar:
                bar.append(Progress(_("OCR"), total))
            if done < total:
                bar[0](done)
            else:
                bar[0].done = done
                bar[0].finish()

        try:
            return sources.read(Path(path).read_bytes(), name=Path(path).name, on_page=on_page)
        except OSError as exc:
            raise CommandError(
                _("Cannot read %(path)s: %(error)s") % {"path": path, "error": exc}, returncode=2
            ) from exc
        except importer.ImportRefused as exc:
            raise CommandError(_("Refused: %(reason)s Nothing was written.") % {"reason": exc}, returncode=2) from exc

    def _read(self, path: str) -> str:
        """The text of a file of any shape (DOCX, PDF, scan, portal text, Markdown, JSON)."""
        return self._source(path).text

    def _document(self, options: dict[str, Any]) -> Document:
        reference = options.get("document")
        if reference:
            document = selectors.document_find(reference)
            if document is not None and options.get("as_of"):
                document = selectors.document_as_of(document.work_uri, options["as_of"])
        else:
            document = selectors.default_document(as_of=options.get("as_of"))
        if document is None:
            raise CommandError(_("No such document (or none in force on that date)."), returncode=2)
        return document

    def do_import(self, options: dict[str, Any]) -> None:
        source = self._source(options["path"])
        if amending.is_amending(source.text):
            self._import_amending(source.text)
            return
        try:
            result = services.document_import_source(
                source, primary=True if options["primary"] else None, version_date=options["version_date"]
            )
        except importer.ImportRefused as exc:
            raise CommandError(_("Refused: %(reason)s Nothing was written.") % {"reason": exc}, returncode=2) from exc
        document = result.document
        if document.source_format != consolidation.CONSOLIDATED and selectors.amendments_of_work(document.work_uri):
            consolidation.consolidate(document.work_uri)
        verb = _("Imported") if result.created else _("Updated")
        self.stdout.write(f"{verb}: {document} — {document.title}")
        self.stdout.write(
            _("Provisions: %(new)d new, %(changed)d changed, %(removed)d removed.")
            % {
                "new": result.provisions_created,
                "changed": result.provisions_updated,
                "removed": result.provisions_removed,
            }
        )
        for warning in result.warnings:
            where = f"[{warning.provision.citation}] " if warning.provision else ""
            self.stdout.write(self.style.WARNING(_("Warning: %(text)s") % {"text": where + warning.message}))

    def _import_amending(self, text: str) -> None:
        try:
            result = consolidation.amending_document_import(text)
        except importer.ImportRefused as exc:
            raise CommandError(_("Refused: %(reason)s Nothing was written.") % {"reason": exc}, returncode=2) from exc
        verb = _("Imported") if result.created else _("Updated")
        self.stdout.write(f"{verb}: {result.document} — {result.document.title}")
        for row in result.amendments:
            self.stdout.write(
                f"  {row.get_action_display():<22} {row.target_citation:<10} {_('from')} {row.effective_from}"
            )
        for version in result.versions:
            self.stdout.write(_("Consolidated version: %(doc)s") % {"doc": version})
        for sentence in result.unread:
            self.stdout.write(self.style.WARNING(_("Not applied (not understood): %(text)s") % {"text": sentence}))

    def do_who(self, options: dict[str, Any]) -> None:
        day = options.get("as_of") or timezone.localdate()
        try:
            provision = selectors.provision_get(options["citation"], as_of=day)
        except selectors.ProvisionNotFound as exc:
            raise CommandError(exc.message, returncode=2) from exc
        answer = selectors.holder_of(provision, day)
        if options["format"] == "json":
            self.stdout.write(json.dumps(answer, ensure_ascii=False, indent=2, default=str))
            return
        self.stdout.write(f"{answer['full_citation']}")
        self.stdout.write(_("On %(date)s: %(holder)s") % {"date": f"{day:%d/%m/%Y}", "holder": answer["holder"]})
        for step in answer["history"]:
            flag = "" if step["certainty"] == "fact" else " [" + _("to verify") + "]"
            since = f"{step['from']:%d/%m/%Y}" if step["from"] else "—"
            self.stdout.write(f"  {since}  {step['holder']}{flag}")
            self.stdout.write("      " + _("Basis: %(basis)s") % {"basis": step["basis"]})
            if step["source"]:
                self.stdout.write("      " + _("Source: %(url)s") % {"url": step["source"]})

    def do_facts(self, options: dict[str, Any]) -> None:
        rows = selectors.legal_facts(unsure_only=options["unsure"], query=" ".join(options["query"]))
        if options["format"] == "json":
            data = [
                {"capability": app, **{k: str(v) if k == "label" else v for k, v in vars(item).items()}}
                for app, item in rows
            ]
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))
            return
        if not rows:
            self.stdout.write(_("No rule matches."))
        for app, item in rows:
            mark = _("to verify") if item.unsure else _("checked")
            self.stdout.write(f"[{mark}] {app} · {item.key}: {item.label} = {item.value} {item.unit} — {item.basis}")
            if item.note:
                self.stdout.write(f"    {item.note}")

    def do_params(self, options: dict[str, Any]) -> None:
        document = self._document({"as_of": options.get("as_of")})
        if options["history"]:
            rows = [
                {
                    "key": v.parameter.key,
                    "citation": v.parameter.citation,
                    "valid_from": v.valid_from.isoformat(),
                    "value": v.value,
                    "amended_by": f"{v.amended_by.doc_type} số {v.amended_by.number}" if v.amended_by else "",
                }
                for v in selectors.parameter_history(document.work_uri)
            ]
        else:
            day = options.get("as_of") or timezone.localdate()
            rows = [
                {**p, "valid_from": p["valid_from"].isoformat()}
                for p in selectors.parameters_at(document.work_uri, day).values()
            ]
        if options["format"] == "json":
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        if not rows:
            self.stdout.write(_("No rule parameters are defined."))
        for row in rows:
            source = f"  ({row['amended_by']})" if row["amended_by"] else ""
            value = "—" if row["value"] is None else row["value"]
            self.stdout.write(
                f"{row['citation']:<7} {row['key']:<38} {value!s:>4}  {_('from')} {row['valid_from']}{source}"
            )

    def do_show(self, options: dict[str, Any]) -> None:
        document = self._document(options)
        try:
            provision = selectors.provision_get(options["citation"], document=document)
        except selectors.ProvisionNotFound as exc:
            raise CommandError(exc.message, returncode=2) from exc
        if options["format"] == "json":
            data = selectors.subtree(provision)
            data["full_citation"] = selectors.full_citation(provision)
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(selectors.full_citation(provision))
        self.stdout.write(f"eId: {provision.eid}    {_('citation')}: {provision.citation}")
        self.stdout.write(
            _("Version in force from %(start)s") % {"start": document.effective_from or document.version_date}
        )
        self.stdout.write("")
        self._print_node(selectors.subtree(provision), 0)
        notes = selectors.consolidation_notes(document)
        for eid in [provision.eid, *[p.eid for p in selectors.provision_descendants(provision)]]:
            for note in notes.get(eid, []):
                self.stdout.write(f"  [{note['citation']}] {note['text']}")

    def _print_node(self, node: dict[str, Any], depth: int) -> None:
        label = {"chapter": "Chương {}", "article": "Điều {}.", "clause": "{}.", "point": "{})", "indent": "-"}.get(
            node["kind"], "{}"
        ).format(node["num"])
        line = " ".join(x for x in (label, node["heading"], node["text"]) if x)
        self.stdout.write("  " * depth + line)
        for child in node["children"]:
            self._print_node(child, depth + 1)
        if node.get("wrap_up"):
            self.stdout.write("  " * depth + node["wrap_up"])

    def do_tree(self, options: dict[str, Any]) -> None:
        document = self._document(options)
        tree = selectors.document_tree(document)
        if options["format"] == "json":
            self.stdout.write(json.dumps(tree, ensure_ascii=False, indent=2))
            return

        def outline(node: dict[str, Any], depth: int) -> None:
            if node["kind"] in ("point", "indent"):
                return
            title = node["heading"] or node["text"][:70]
            self.stdout.write(f"{'  ' * depth}{node['citation']:<12} {node['eid']:<28} {title}")
            for child in node["children"]:
                outline(child, depth + 1)

        for root in tree:
            outline(root, 0)

    def do_search(self, options: dict[str, Any]) -> None:
        document = self._document(options)
        query = " ".join(options["query"])
        hits = selectors.provision_search(query, document=document, limit=options["limit"])
        rows = [{k: v for k, v in hit.items() if k != "provision"} for hit in hits]
        if options["format"] == "json":
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        if not rows:
            self.stdout.write(_("Nothing found."))
        for row in rows:
            text = row["snippet"].replace("<mark>", "«").replace("</mark>", "»")
            self.stdout.write(f"{row['citation']:<10} {text}")

    def do_export(self, options: dict[str, Any]) -> None:
        document = self._document(options)
        if options["format"] == "json":
            data = export.to_json(document).encode()
        else:
            data = export.to_akn(document)
            errors = export.akn_errors(data)
            if errors:
                raise CommandError(
                    _("The Akoma Ntoso export does not validate: %(errors)s") % {"errors": "; ".join(errors[:5])}
                )
        if options.get("output"):
            Path(options["output"]).write_bytes(data)
        else:
            self.stdout.write(data.decode())

    def _tree_of(self, reference: str) -> tuple[str, list[dict[str, Any]]]:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", reference):
            version = selectors.default_document(as_of=_date(reference))
            if version is None:
                raise CommandError(
                    _("No version of the regulation is in force on %(date)s.") % {"date": reference}, returncode=2
                )
            return f"{version} @ {reference}", selectors.document_tree(version)
        if Path(reference).is_file():
            try:
                parsed = importer.parse(self._read(reference))
            except importer.ImportRefused as exc:
                raise CommandError(f"{reference}: {exc}", returncode=2) from exc
            return reference, importer.as_tree(parsed)
        document = selectors.document_find(reference)
        if document is None:
            raise CommandError(
                _("%(ref)s is neither a file nor an imported document.") % {"ref": reference}, returncode=2
            )
        return str(document), selectors.document_tree(document)

    def do_diff(self, options: dict[str, Any]) -> None:
        old_name, old_tree = self._tree_of(options["old"])
        new_name, new_tree = self._tree_of(options["new"])
        changes = diff.compare(old_tree, new_tree)
        if options["format"] == "json":
            self.stdout.write(json.dumps([c.as_dict() for c in changes], ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"--- {old_name}\n+++ {new_name}")
        if not changes:
            self.stdout.write(_("No differences."))
        labels = {"added": _("added"), "removed": _("removed"), "changed": _("changed")}
        for change in changes:
            self.stdout.write(f"{labels[change.status]:<10} {change.citation:<10} ({change.eid})")
            if change.status == "changed":
                self.stdout.write("    " + diff.render_words(change.words))
            else:
                self.stdout.write("    " + (change.new or change.old)[:200])

    def do_tag(self, options: dict[str, Any]) -> None:
        document = self._document({})
        try:
            provision = selectors.provision_get(options["citation"], document=document)
            services.provision_set_fields(provision, options["codes"])
        except selectors.ProvisionNotFound as exc:
            raise CommandError(exc.message, returncode=2) from exc
        except ValueError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        names = "; ".join(f.name for f in provision.fields.all())
        self.stdout.write(f"{provision.citation}: {names}")

    def do_fields(self, options: dict[str, Any]) -> None:
        for field in selectors.fields_of_state_management():
            count = field.provisions.count()
            self.stdout.write(f"{field.code:<36} {field.name} ({count})")
