"""Every correspondence route asked by every demo role, own agency and the other, with GET and its write
methods, against the answers written in `stttt/correspondence/matrix.py` (the shared permission matrix asks
the same with every app's demo; this one loads only the demos correspondence needs, so it runs on its own)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse

from stttt.accounts.models import User
from stttt.core.demo import loaders
from stttt.correspondence import matrix as declared
from stttt.testing import permission_matrix as matrix
from stttt.testing.tests.test_permission_matrix import answer

NEEDED = {"core", "accounts", "legal", "org", "work", "portal", "correspondence"}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), override_settings(STTTT_RATE_LIMITS_ENABLED=False):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            for label, module in loaders():
                if label in NEEDED:
                    module.load(io.StringIO())
            clients: dict[str, Client] = {}
            for role, username in matrix.ROLES.items():
                if username and not User.objects.filter(username=username).exists():
                    continue
                client = Client()
                if username:
                    client.force_login(User.objects.get(username=username))
                clients[role] = client
            from stttt.org.models import Agency

            home, other = Agency.objects.get(code=matrix.HOME), Agency.objects.get(code=matrix.OTHER_AGENCY)
            samples: dict[str, dict[str, dict[str, Any]]] = {}
            for name, sample in declared.RECORDS.items():
                samples[name] = {"own": sample(home), "other": sample(other)}
            for name, once in declared.ONCE.items():
                samples[name] = {"own": once(home)}
            yield clients, samples
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(declared.EXPECTED))
def test_each_role_gets_the_written_answer(name, demo):
    clients, samples = demo
    api = not name.startswith("correspondence:")
    wrong = []
    for which, kwargs in samples.get(name, {"own": {}}).items():
        url = reverse(name, kwargs=kwargs)
        for role, client in clients.items():
            for method in ["GET", *matrix.write_methods(name)]:
                want = matrix.expected(name, role, which, method)
                got = answer(client, method, url, api)
                if not matrix.matches(want, got):
                    wrong.append(f"{role} {which} {method}: want {want}, got {got}")
    assert wrong == [], f"{name}: {wrong}"
