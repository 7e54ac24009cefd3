"""A one-line progress bar for long CLI operations (on stderr, so output stays parseable)."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, label: str, total: int, stream: TextIO | None = None, width: int = 30) -> None:
        self.label, self.total, self.width = label, max(total, 0), width
        self.stream = stream if stream is not None else sys.stderr
        self.shown_at = 0.0
        self.done = 0

    def __call__(self, done: int) -> None:
        self.done = done
        now = time.monotonic()
        if now - self.shown_at >= 0.2 or done >= self.total:
            self.shown_at = now
            self._draw()

    def _draw(self) -> None:
        share = self.done / self.total if self.total else 1.0
        filled = int(self.width * min(share, 1.0))
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total}")
        self.stream.flush()

    def finish(self) -> None:
        self._draw()
        self.stream.write("\n")
        self.stream.flush()
