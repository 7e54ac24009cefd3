"""`stttt bench data --scale demo|province-decade|national [--seed N]`: generated data at scale for benchmarks
(`stttt.testing.scale`). Writes into the configured database; never run it on a production database."""

from __future__ import annotations

import os
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from stttt.core.progress import Progress
from stttt.testing.scale import SCALES, populate


class Command(BaseCommand):
    help = "Benchmark support: write realistic data at a named scale (bulk inserts, deterministic by seed)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        data = sub.add_parser("data", help="Write dossiers, licences, tasks and reports at a named scale.")
        data.add_argument("--scale", choices=sorted(SCALES), default="demo")
        data.add_argument("--seed", type=int, default=1, help="Same seed, same data (default 1).")
        data.add_argument(
            "--agencies", type=int, help="How many agencies to fill (default: the scale's; existing ones first)."
        )
        data.add_argument(
            "--workers",
            type=int,
            default=os.cpu_count() or 1,
            help="Processes filling agencies at once, on PostgreSQL (default: one per core).",
        )

    def handle(self, *args: object, **options: Any) -> None:
        scale = SCALES[str(options["scale"])]
        agencies = int(options["agencies"] or scale.agencies)
        progress = Progress(f"{options['scale']}", scale.counts.total * agencies)
        started = time.monotonic()
        written = populate(
            scale.counts,
            seed=int(options["seed"]),
            agencies=agencies,
            progress=progress,
            workers=int(options["workers"]),
            resume=True,  # agencies already filled (an interrupted run's) are kept, the rest written
        )
        progress.finish()
        for label, rows in sorted(written.items()):
            self.stdout.write(f"{label}: {rows:,}")
        self.stdout.write(f"{sum(written.values()):,} rows in {time.monotonic() - started:.0f} s")
