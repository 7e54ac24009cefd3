"""Reuse the small Department and the catalogue of the procedures tests; helpers to walk a dossier."""

from __future__ import annotations

import pytest

from stttt.procedures import services as procedure_services
from stttt.procedures.tests.conftest import Department, at, catalog, dept  # noqa: F401


def approve(department, dossier, when=None):
    """Walk a dossier through the real workflow to approval (desk, head, officer, leader)."""
    step = lambda action, actor, **kw: procedure_services.dossier_transition(  # noqa: E731
        dossier.pk, action, actor=actor, now=when, **kw
    )
    step("receive", department.desk)
    step("transfer", department.desk)
    step("assign", department.head, assignee=department.officer)
    step("propose", department.officer)
    return step("approve", department.deputy)


@pytest.fixture
def walk():
    return approve
