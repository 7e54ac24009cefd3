"""Demo data of `legal`: the Bình Phước regulation (Decision 12/2023/QĐ-UBND), imported idempotently."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from django.conf import settings

from stttt.legal.services import document_import

SEED_NAME = "qd-12-2023-ubnd-binh-phuoc.md"


def seed_path() -> Path:
    """The seed shipped with the app, or the shared copy in a development checkout."""
    for candidate in (
        Path(__file__).parent / "data" / SEED_NAME,
        Path(settings.BASE_DIR).parent / "shared" / "seed" / SEED_NAME,
    ):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(SEED_NAME)


def load(stdout: TextIO) -> list:
    result = document_import(seed_path().read_text(encoding="utf-8"), primary=True)
    stdout.write(
        f"legal: {result.document} ({'imported' if result.created else 'up to date'}), "
        f"{len(result.warnings)} warnings\n"
    )
    return []
