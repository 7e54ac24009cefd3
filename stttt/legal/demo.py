"""Demo data of `legal`: the Bình Phước regulation (Decision 12/2023/QĐ-UBND), imported idempotently, with
its dated rule parameters, a demo amending decision (fictional: no real amendment of 4.2.a exists, and the
document says so in its title and text) and who holds its duties since the 2025 reorganisation."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from django.conf import settings

from stttt.legal.services import consolidation, document_import

SEED_NAME = "qd-12-2023-ubnd-binh-phuoc.md"
DATA_DIR = Path(__file__).parent / "data"
DEMO_AMENDMENT = DATA_DIR / "demo-amendment-999-2024.md"
PARAMETERS = DATA_DIR / "parameters.yaml"
REORGANISATION = DATA_DIR / "reorganisation-2025.yaml"


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
    work_uri = result.document.work_uri
    consolidation.parameters_define(consolidation.load_yaml(PARAMETERS)["parameters"], work_uri=work_uri)
    amended = consolidation.amending_document_import(DEMO_AMENDMENT.read_text(encoding="utf-8"))
    stdout.write(f"legal: {amended.document} (demo amendment), {len(amended.versions)} consolidated version(s)\n")
    changes = consolidation.competence_changes_load(
        consolidation.load_yaml(REORGANISATION)["changes"], work_uri=work_uri
    )
    stdout.write(f"legal: reorganisation since 2025, {changes} change(s) of competence written\n")
    return []
