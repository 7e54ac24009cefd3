"""Django's `flush`, able to empty the append-only tables only while Django's test environment is active.

The test runner empties the database between transactional tests with `flush`; on SQLite that is
DELETE, which the append-only triggers refuse. Outside tests the triggers stay in force (docs/audit.md).
"""

from __future__ import annotations

from typing import Any

from django.core.management.commands.flush import Command as FlushCommand
from django.test import utils as test_utils

from stttt.core import auditlog


def in_test_environment() -> bool:
    # Set by django.test.utils.setup_test_environment() (pytest-django and Django's runner), removed on teardown.
    return hasattr(test_utils._TestState, "saved_data")


class Command(FlushCommand):
    def handle(self, **options: Any) -> None:
        if not in_test_environment():
            return super().handle(**options)
        with auditlog.maintenance():
            return super().handle(**options)
