"""`stttt backup [--output DIR]`: database, uploaded files and key material in one archive (docs/operations.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from stttt.core import backup
from stttt.core.progress import Progress


class StageProgress:
    """Draws one bar per stage (database, media, check) on stderr."""

    def __init__(self, stream: Any, enabled: bool) -> None:
        self.stream, self.enabled = stream, enabled
        self.bar: Progress | None = None
        self.stage = ""
        self.labels = {"database": _("Database"), "media": _("Uploaded files"), "check": _("Checking")}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if stage != self.stage:
            self.close()
            self.stage = stage
            self.bar = Progress(str(self.labels.get(stage, stage)), total, stream=self.stream)
        assert self.bar is not None
        self.bar(done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.finish()
            self.bar = None


class Command(BaseCommand):
    help = "Back up the database, the uploaded files and the key material into a tar.gz archive."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", default=None, help="Folder for the archive (default: DATA_DIR/backups)")
        parser.add_argument("--no-progress", action="store_true", help="Do not draw progress bars")

    def handle(self, *args: Any, **options: Any) -> None:
        output = Path(options["output"]) if options["output"] else Path(settings.DATA_DIR) / "backups"
        progress = StageProgress(self.stderr._out, not options["no_progress"])
        try:
            path = backup.create_backup(output, report=progress)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from None
        finally:
            progress.close()
        self.stdout.write(str(path))
        if backup.key_source() == "environment":
            self.stderr.write(
                _(
                    "SECRET_KEY comes from the environment and is not in the archive: keep it with "
                    "the backup, tracking secrets cannot be checked without it."
                )
            )
