"""The permission matrix (issue 12): every URL of the pages, the portal and the API, taken from the URL
resolver, asked by every demo role, for a record of the role's own agency and one of another agency,
with GET and with every write method the route takes. The answer each should get is written down in
`stttt.testing.permission_matrix`; an unexpected 2xx, any 5xx, or any other difference fails, and so
does a route without a written expectation.

The demo is loaded once for the module, in a transaction rolled back at the end; each write is rolled
back too, so every role asks the same records in the same state. `STTTT_MATRIX_DUMP=<file>` appends the
answers seen, one JSON line per route, to review a new route's answers before writing them down.
"""

from __future__ import annotations

import io
import json
import os
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.urls import NoReverseMatch, reverse

from stttt.accounts.models import User
from stttt.testing import permission_matrix as matrix
from stttt.testing.tests.test_agency_matrix import _routes

ROUTES = dict(_routes())


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    # Every client asks from one address: the abuse limits (tested in core, accounts, portal, api) are off.
    with django_db_blocker.unblock(), override_settings(STTTT_RATE_LIMITS_ENABLED=False):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("demo", stdout=io.StringIO())
            clients: dict[str, Client] = {}
            for role, username in matrix.ROLES.items():
                client = Client()
                if username:
                    client.force_login(User.objects.get(username=username))
                clients[role] = client
            yield clients, matrix.samples()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _methods(name: str) -> list[str]:
    return ["GET", *matrix.write_methods(name)]


def answer(client: Client, method: str, url: str, api: bool) -> str:
    """The class of the answer: ok (2xx), redirect, login, invalid (400/409/422), 403, 404, 405, 429, 5xx."""
    extra: dict[str, Any] = {"content_type": "application/json", "data": "{}"} if api else {"data": {}}
    if method == "GET":
        response = client.get(url)
    else:
        with transaction.atomic():
            response = getattr(client, method.lower())(url, **extra)
            transaction.set_rollback(True)
    code = response.status_code
    if 200 <= code < 300:
        return "ok"
    if code in (301, 302, 303, 307, 308):
        return "login" if "/dang-nhap/" in response["Location"] else "redirect"
    if code == 401:
        return "login"
    if code in (400, 409, 422):
        return "invalid"
    return "5xx" if code >= 500 else str(code)


def test_every_route_has_a_written_expectation():
    missing = sorted(set(ROUTES) - set(matrix.EXPECTED) - set(matrix.NOT_ASKED))
    gone = sorted((set(matrix.EXPECTED) | set(matrix.NOT_ASKED)) - set(ROUTES))
    assert missing == [], "write down who may open these routes in stttt/testing/permission_matrix.py"
    assert gone == [], "these routes are gone: remove them from stttt/testing/permission_matrix.py"


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(set(ROUTES) - set(matrix.NOT_ASKED)))
def test_each_role_gets_the_written_answer(name, demo):
    clients, samples = demo
    wrong, seen = [], {}
    for which, kwargs in matrix.objects_of(name, samples):
        try:
            url = reverse(name, kwargs=kwargs)
        except NoReverseMatch as exc:
            pytest.fail(f"{name}: sample {kwargs} does not fit the route ({exc})")
        for role, client in clients.items():
            for method in _methods(name):
                got = answer(client, method, url, ROUTES[name].startswith("api/"))
                want = matrix.expected(name, role, which, method)
                seen[f"{role} {which} {method}"] = got
                if got == "5xx" or not matrix.matches(want, got):
                    wrong.append(f"{role:9} {which:5} {method:6} {url}: expected {want}, got {got}")
    if os.environ.get("STTTT_MATRIX_DUMP"):
        with open(os.environ["STTTT_MATRIX_DUMP"], "a") as out:
            out.write(json.dumps({"route": name, "seen": seen}) + "\n")
    assert wrong == [], "\n" + "\n".join(wrong)
