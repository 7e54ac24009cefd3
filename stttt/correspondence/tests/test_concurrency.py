"""50 clerks issuing at the same moment get 50 distinct consecutive numbers (PostgreSQL row lock on the
year's series); real threads, real transactions. On SQLite the test database is in memory and cannot be
shared by threads: there transactions are IMMEDIATE (one writer at a time), tested in test_flow."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection

from stttt.accounts.models import User
from stttt.correspondence import services
from stttt.correspondence.models import NumberSeries, Outgoing

N = 50


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_issuances_get_fifty_consecutive_numbers(dept):
    if connection.vendor != "postgresql":
        pytest.skip("threads need a shared database: run with DATABASE_URL=postgres://...")
    docs = []
    for i in range(N):
        doc = services.outgoing_create(actor=dept.officer, drafting_unit=dept.division, summary=f"Văn bản {i}")
        services.outgoing_submit(doc, actor=dept.officer)
        docs.append(services.outgoing_sign(doc, actor=dept.director))
    barrier = threading.Barrier(N)
    errors: list[Exception] = []
    day = dt.date(2026, 12, 30)

    def issue(pk: int) -> None:
        try:
            clerk = User.objects.get(pk=dept.clerk.pk)
            doc = Outgoing.objects.get(pk=pk)
            barrier.wait()
            services.outgoing_issue(doc, actor=clerk, on=day)
        except Exception as exc:  # collected and checked below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=issue, args=(d.pk,)) for d in docs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert errors == []
    numbers = sorted(Outgoing.objects.filter(agency=dept.agency).values_list("number", flat=True))
    assert numbers == list(range(1, N + 1))
    assert NumberSeries.objects.get(agency=dept.agency, register="outgoing", year=2026).last == N
