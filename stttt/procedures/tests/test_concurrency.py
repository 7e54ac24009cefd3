"""Two people acting on one dossier at the same moment: one wins, the other gets a clear conflict, nothing is
half-applied. Double submission with one idempotency key: one dossier. Real threads, real transactions.

On PostgreSQL the scenarios run in the test process. pytest-django's SQLite test database is in memory and
cannot be shared by threads, so on SQLite the same scenarios run in a child process against a database
file (a copy of the migrated test database) with the production settings (IMMEDIATE transactions, busy
timeout).
"""

import textwrap
import threading

import pytest
from django.db import connection

from stttt.procedures import services
from stttt.procedures.choices import Status
from stttt.procedures.models import Dossier, DossierStep
from stttt.procedures.services import Conflict, dossier_transition
from stttt.testing.childdb import run_python

from .conftest import at, documents, file_dossier

APPLICANT = {"applicant_name": "Hộ kinh doanh Ánh Dương"}


def run_together(*jobs):
    barrier = threading.Barrier(len(jobs))
    results: list = [None] * len(jobs)

    def runner(index, job):
        try:
            barrier.wait()
            results[index] = job()
        except Exception as exc:  # collected and checked by the test
            results[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=runner, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


def scenario_two_officers_on_one_dossier_one_wins(dept, catalog):
    procedure = catalog["STTTT.PTTH.01"]
    when = at(2024, 10, 7, 9)
    d = file_dossier(procedure, dept.applicant, APPLICANT, when=when)
    for action, actor, extra in (
        ("receive", dept.desk, {}),
        ("transfer", dept.desk, {}),
        ("assign", dept.head, {"assignee": dept.officer}),
    ):
        d = dossier_transition(d.pk, action, actor=actor, now=when, **extra)
    seen = d.version

    results = run_together(
        lambda: dossier_transition(d.pk, "propose", actor=dept.officer, now=when, expected_version=seen),
        lambda: dossier_transition(
            d.pk, "request_supplement", actor=dept.head, now=when, expected_version=seen, reasons="Thiếu tờ khai"
        ),
    )
    winners = [r for r in results if isinstance(r, Dossier)]
    losers = [r for r in results if isinstance(r, Exception)]
    assert len(winners) == 1 and len(losers) == 1, results
    assert isinstance(losers[0], Conflict), repr(losers[0])
    assert "reload" in str(losers[0].message).lower() or "tải lại" in str(losers[0].message).lower()
    fresh = Dossier.objects.get(pk=d.pk)
    assert fresh.version == seen + 1
    assert fresh.status in (Status.AWAITING_APPROVAL, Status.AWAITING_SUPPLEMENT)
    assert DossierStep.objects.filter(dossier=d).count() == 4 + 1
    assert fresh.supplement_requested_at is None or fresh.status == Status.AWAITING_SUPPLEMENT


def scenario_two_officers_without_version_one_wins(dept, catalog):
    procedure = catalog["STTTT.PTTH.01"]
    when = at(2024, 10, 7, 9)
    d = file_dossier(procedure, dept.applicant, APPLICANT, when=when)
    results = run_together(
        lambda: dossier_transition(d.pk, "receive", actor=dept.desk, now=when),
        lambda: dossier_transition(d.pk, "reject", actor=dept.desk, now=when, reasons="Sai thẩm quyền"),
    )
    assert sum(isinstance(r, Dossier) for r in results) == 1, results
    assert sum(isinstance(r, Conflict) for r in results) == 1, results
    assert DossierStep.objects.filter(dossier=d).count() == 2


def scenario_double_submission_creates_one_dossier(dept, catalog):
    procedure = catalog["1.003868"]

    def submit():
        return services.dossier_file(
            procedure, actor=dept.applicant, data=APPLICANT, uploads=documents(procedure), idempotency_key="k-42"
        )

    results = run_together(submit, submit, submit)
    assert all(isinstance(r, tuple) for r in results), results
    assert len({r[0].pk for r in results}) == 1
    assert sum(r[1] for r in results) == 1
    assert Dossier.objects.filter(idempotency_key="k-42").count() == 1


def scenario_same_day_receipts_get_distinct_codes(dept, catalog):
    procedure = catalog["1.003868"]
    when = at(2024, 10, 7, 9)
    dossiers = [file_dossier(procedure, dept.applicant, APPLICANT, when=when) for _ in range(3)]
    results = run_together(
        *[(lambda pk=d.pk: dossier_transition(pk, "receive", actor=dept.desk, now=when)) for d in dossiers]
    )
    assert all(isinstance(r, Dossier) for r in results), results
    numbers = sorted(int(r.code[-4:]) for r in results)
    assert len(set(numbers)) == 3 and numbers[-1] - numbers[0] == 2


SCENARIOS = [
    scenario_two_officers_on_one_dossier_one_wins,
    scenario_two_officers_without_version_one_wins,
    scenario_double_submission_creates_one_dossier,
    scenario_same_day_receipts_get_distinct_codes,
]

on_sqlite = pytest.mark.skipif(connection.vendor == "sqlite", reason="run in a child process on SQLite")


@on_sqlite
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda f: f.__name__.removeprefix("scenario_"))
def test_concurrency_on_this_database(scenario, dept, catalog):
    scenario(dept, catalog)


CHILD = textwrap.dedent(
    """
    import traceback, django
    django.setup()
    from django.core.management import call_command
    from django.db import transaction
    call_command("migrate", verbosity=0)
    from stttt.procedures.models import Procedure
    from stttt.procedures.services import catalog_load
    from stttt.procedures.tests import conftest, test_concurrency as t
    dept = conftest.Department()
    catalog_load(agency=dept.agency)
    catalog = {p.code: p for p in Procedure.objects.all()}
    for scenario in t.SCENARIOS:
        try:
            scenario(dept, catalog)
            print("ok", scenario.__name__)
        except Exception:
            print("FAIL", scenario.__name__, traceback.format_exc().replace(chr(10), " | "))
    """
)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the in-process test covers other databases")
def test_concurrency_on_an_sqlite_file(migrated_environment):
    lines = run_python(CHILD, migrated_environment, timeout=300).strip().splitlines()
    assert [line.split()[0] for line in lines] == ["ok"] * len(SCENARIOS), lines
