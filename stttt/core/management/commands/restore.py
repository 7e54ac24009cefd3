"""`stttt restore ARCHIVE`: put back a `stttt backup` archive (docs/operations.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from stttt.core import backup
from stttt.core.management.commands.backup import StageProgress


class Command(BaseCommand):
    help = "Restore a backup archive: checks every checksum, the key, then the database and uploaded files."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", help="The .tar.gz written by stttt backup")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Set aside the current database file/uploaded files (PostgreSQL: drop the tables)",
        )
        parser.add_argument(
            "--accept-new-key",
            action="store_true",
            help="Restore although SECRET_KEY differs (tracking secrets will stop working)",
        )
        parser.add_argument("--no-progress", action="store_true", help="Do not draw progress bars")

    def handle(self, *args: Any, **options: Any) -> None:
        progress = StageProgress(self.stderr._out, not options["no_progress"])
        try:
            restored = backup.restore_backup(
                Path(options["archive"]),
                accept_new_key=options["accept_new_key"],
                replace=options["replace"],
                report=progress,
            )
        except backup.KeyMismatch as exc:
            raise CommandError(str(exc), returncode=3) from None
        except backup.BackupError as exc:
            raise CommandError(str(exc), returncode=2) from None
        finally:
            progress.close()
        self.stdout.write(
            _("Restored the %(engine)s database and %(files)s uploaded files.")
            % {"engine": restored.engine, "files": restored.files}
        )
        if restored.key_note == "key-restored":
            self.stdout.write(
                _("The backed-up SECRET_KEY file was put back in the data folder: restart the application.")
            )
        elif restored.key_note == "key-changed":
            self.stderr.write(
                _("Restored with a different SECRET_KEY: tracking secrets issued before the backup no longer work.")
            )
        self.stdout.write(_("Check the audit chain with: stttt audit verify"))
