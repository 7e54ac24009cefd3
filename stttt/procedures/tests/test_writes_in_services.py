"""The writes of procedure versions live in the services layer (DESIGN.md §3): `versions.py` only reads,
`services/versioning.py` writes, and callers reach the writes as `services.<name>`."""

from __future__ import annotations

from stttt.org.tests.test_writes_in_services import writing_modules
from stttt.procedures import services
from stttt.procedures.services import versioning

# Recounting due dates after a calendar change writes dossiers in its own job module (due_dates.py).
OUTSIDE_ALLOWED = {"stttt/procedures/due_dates.py"}


def test_versions_are_written_only_in_services():
    found = writing_modules("procedures")
    assert "stttt/procedures/versions.py" not in found
    assert "stttt/procedures/services/versioning.py" in found
    assert {m for m in found if "/services/" not in m} == OUTSIDE_ALLOWED


def test_the_writes_of_versions_are_reached_through_services():
    for name in ("version_draft", "version_update", "version_publish", "version_import", "procedure_end"):
        assert getattr(services, name) is getattr(versioning, name)
