"""`stttt audit`: check the audit log's hash chain and show an object's entries (see docs/audit.md)."""

from __future__ import annotations

import json
from typing import Any, TextIO, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from stttt.core import auditlog
from stttt.core.models import AuditEntry
from stttt.core.progress import Progress


class Command(BaseCommand):
    help = "Audit log: verify the hash chain, show the entries of one object."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        verify = sub.add_parser("verify", help="Walk the chain; exit 1 at the first broken link.")
        verify.add_argument("--no-progress", action="store_true", help="Do not draw the progress bar")
        show = sub.add_parser("show", help="List the entries of one object.")
        show.add_argument("--object", required=True, help="app.model:pk, e.g. procedures.dossier:12")
        show.add_argument("--json", action="store_true", help="One JSON object per line")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["verb"] == "verify":
            self._verify(progress=not options["no_progress"])
        else:
            self._show(options["object"], as_json=options["json"])

    def _verify(self, *, progress: bool) -> None:
        total = AuditEntry.objects.count()
        bar = Progress(_("Verifying"), total, stream=cast(TextIO, self.stderr._out)) if progress and total else None
        checked, broken = auditlog.verify(progress=bar)
        if bar is not None:
            bar.finish()
        if broken is not None:
            self.stderr.write(
                _("Broken link at entry #%(sequence)s: %(problem)s")
                % {"sequence": broken.sequence, "problem": broken.problem}
            )
            self.stderr.write(_("%(count)s entries before it are intact.") % {"count": checked})
            raise SystemExit(1)
        self.stdout.write(_("Audit chain intact: %(count)s entries.") % {"count": checked})

    def _show(self, target: str, *, as_json: bool) -> None:
        label, sep, pk = target.partition(":")
        if not sep or "." not in label or not pk:
            raise CommandError(_("Expected app.model:pk, e.g. procedures.dossier:12."), returncode=2)
        entries = AuditEntry.objects.filter(object_type=label.lower(), object_id=pk).order_by("sequence")
        for entry in entries:
            if as_json:
                self.stdout.write(json.dumps({**auditlog.content_of(entry), "hash": entry.hash}, ensure_ascii=False))
                continue
            who = entry.actor or "-"
            self.stdout.write(
                f"#{entry.sequence}\t{entry.at:%Y-%m-%d %H:%M:%S}\t{entry.action}\t{who}\t"
                f"{entry.address or '-'}\t{entry.request_id or '-'}\t"
                f"{json.dumps(entry.changes, ensure_ascii=False)}"
            )
