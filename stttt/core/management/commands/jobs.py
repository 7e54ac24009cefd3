"""`stttt jobs`: the background jobs and their schedule (docs/operations.md "Jobs").

stttt jobs list          # every job, and when the scheduler runs it
stttt jobs run NAME      # run one job now, in this process (e.g. from cron when no scheduler runs)
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from stttt.core import jobs


class Command(BaseCommand):
    help = "Background jobs: list them with their schedule, or run one now."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        sub.add_parser("list", help="List the jobs and the schedule of the periodic ones.")
        run = sub.add_parser("run", help="Run one job now in this process (periodic jobs take no arguments).")
        run.add_argument("name", help="Job name, e.g. licensing.expiry_warnings")

    def handle(self, *args, **options):
        registered = jobs.registered()
        if options["verb"] == "list":
            when = {entry["task"]: _every(entry["schedule"]) for entry in jobs.schedule().values()}
            for name in sorted(registered):
                self.stdout.write(f"{name}\t{when.get(name, '-')}")
            return
        name = options["name"]
        if name not in registered:
            raise CommandError(_("Unknown job: %(name)s (see `stttt jobs list`).") % {"name": name}, returncode=2)
        self.stdout.write(f"{name}: {jobs.run_now(name)}")


def _every(schedule: object) -> str:
    return _("every %(seconds)d s") % {"seconds": schedule} if isinstance(schedule, int | float) else str(schedule)
