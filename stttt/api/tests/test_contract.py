"""The API keeps its contract (docs/api.md): the committed OpenAPI schema is the one the code generates, is
valid, carries the code's API version, and a property-based client (schemathesis) driving every operation
of it, reads and writes, as several demo roles, finds no server error and no answer outside the schema, and
no data the schema forbids accepted.

Regenerate the schema after an API change with
`.venv/bin/stttt spectacular --lang en --validate --fail-on-warn --file docs/api/openapi.yaml`, and bump
`SPECTACULAR_SETTINGS["VERSION"]` when the change breaks clients (docs/api.md).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import schemathesis
import yaml
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis.errors import Unsatisfiable
from openapi_spec_validator import validate
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from stttt.accounts import tokens
from stttt.accounts.models import User

COMMITTED = Path(__file__).resolve().parents[3] / "docs" / "api" / "openapi.yaml"
REGENERATE = "stttt spectacular --lang en --validate --fail-on-warn --file docs/api/openapi.yaml"
#: Demo accounts driving the API: the Director, an officer, a district officer, a citizen; `None` is anonymous.
ROLES = ("giamdoc", "chuyenvien_ttbcxb", "vhtt_dongxoai", "congdan", None)
#: Examples per operation and role: enough to reach every parameter, bounded so that CI stays fast.
EXAMPLES = 4
pytestmark = pytest.mark.django_db
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def _committed() -> dict[str, Any]:
    return yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))


def test_committed_schema_is_the_generated_one(tmp_path):
    out = tmp_path / "openapi.yaml"
    call_command("spectacular", "--lang", "en", "--validate", "--fail-on-warn", "--file", str(out))
    assert out.read_text(encoding="utf-8") == COMMITTED.read_text(encoding="utf-8"), (
        f"docs/api/openapi.yaml is out of date: run `{REGENERATE}` (and bump the API version if the change breaks "
        "clients, docs/api.md)"
    )


def test_committed_schema_is_valid_and_carries_the_code_api_version():
    schema = _committed()
    validate(schema)
    assert schema["info"]["version"] == settings.SPECTACULAR_SETTINGS["VERSION"]


@pytest.fixture(scope="module")
def demo_tokens(django_db_setup, django_db_blocker):
    """The demo, loaded once in a transaction rolled back at the end; a token for each signed-in role."""
    from django.db import close_old_connections, transaction

    # As Django's test client does: the WSGI handler would otherwise close the connection, and with it the
    # transaction, after each request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        with django_db_blocker.unblock(), transaction.atomic():
            call_command("demo", stdout=io.StringIO())
            yield {name: tokens.issue(User.objects.get(username=name)).key for name in ROLES if name}
            transaction.set_rollback(True)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _drive(
    operation: Any, headers: dict[str, str], mode: GenerationMode = GenerationMode.POSITIVE, checks: list[Any] = CHECKS
) -> None:
    """Bounded, deterministic examples of one operation; raises on the first failed check."""

    @hypothesis_settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(mode))
    def run(case: Any) -> None:
        cache.clear()  # throttles count per test; every example starts under the limit
        case.call_and_validate(headers=headers, checks=checks)

    run()


def _operations() -> list[Any]:
    api = schemathesis.openapi.from_dict(_committed())
    api.app = get_wsgi_application()
    return [result.ok() for result in api.get_all_operations()]


def test_every_operation_keeps_to_the_schema_for_every_role(demo_tokens):
    operations = _operations()
    assert len(operations) > 50
    failures: list[str] = []
    for role in ROLES:
        headers = {"Authorization": f"Token {demo_tokens[role]}"} if role else {}
        for operation in operations:
            try:
                _drive(operation, headers)
            # Every operation's failures are reported, not only the first (schemathesis raises a group).
            except (Exception, BaseExceptionGroup) as exc:
                failures.append(f"{role or 'anonymous'} {operation.label}: {exc}")
    assert not failures, "\n\n".join(failures)


def test_what_the_schema_forbids_is_refused(demo_tokens):
    """The declared constraints are the validated ones: data outside them (wrong types, lengths, choices,
    ranges, missing required fields) is refused with a 4xx, as the Director (who may call everything)."""
    headers = {"Authorization": f"Token {demo_tokens['giamdoc']}"}
    failures: list[str] = []
    for operation in _operations():
        try:
            _drive(operation, headers, GenerationMode.NEGATIVE, [negative_data_rejection])
        except Unsatisfiable:
            continue  # nothing to send wrong: the operation takes no parameters or body
        except (Exception, BaseExceptionGroup) as exc:
            failures.append(f"{operation.label}: {exc}")
    assert not failures, "\n\n".join(failures)
