"""The benchmark data generator at small counts: deterministic by seed, and every row as the services would
have written it (codes, due dates from the calendar, control sheets that follow the workflow table)."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter

import pytest
from django.core.management import call_command

from stttt.core.calendar import calendar
from stttt.core.text import fold
from stttt.licensing.models import Licence, LicenceEvent
from stttt.procedures import rules
from stttt.procedures.models import DailySequence, Dossier, DossierFile, DossierStep, Rating
from stttt.procedures.workflow import TRANSITIONS
from stttt.testing.departments import SmallDepartment
from stttt.testing.scale import Counts, populate
from stttt.work.models import DistrictReport, DistrictRequest, Report, RequestIndicator, Task

UNTIL = dt.date(2026, 6, 15)
SMALL = Counts(dossiers=150, licences=40, tasks=40, years=2)


def _snapshot() -> list[tuple]:
    dossiers = Dossier.objects.order_by("submitted_at", "applicant_name").values_list(
        "code", "status", "applicant_name", "submitted_at", "received_at", "statutory_due_date", "resolved_at"
    )
    licences = Licence.objects.order_by("token").values_list("number", "holder_name", "issued_on", "token")
    return [*dossiers, *licences]


def _forget_generated() -> None:
    for model in (DossierStep, DossierFile, Rating, Dossier, DailySequence, LicenceEvent, Licence, Task):
        model.objects.all().delete()
    for model in (DistrictReport, RequestIndicator, DistrictRequest, Report):
        model.objects.all().delete()


@pytest.fixture
def department(db):
    return SmallDepartment()


def test_same_seed_same_data_other_seed_other_data(department):
    populate(SMALL, seed=7, until=UNTIL)
    first = _snapshot()
    _forget_generated()
    populate(SMALL, seed=7, until=UNTIL)
    assert _snapshot() == first
    _forget_generated()
    populate(SMALL, seed=8, until=UNTIL)
    assert _snapshot() != first


def test_counts_and_a_realistic_mix(department):
    written = populate(SMALL, seed=1, until=UNTIL)
    assert written["procedures.Dossier"] == Dossier.objects.filter(agency=department.agency).count() == 150
    assert written["licensing.Licence"] == Licence.objects.count() == 40
    assert Task.objects.count() == 40
    assert DistrictRequest.objects.count() == 24  # two years of monthly requests
    assert DistrictReport.objects.count() == 24 * 2  # answered by both districts
    statuses = Counter(Dossier.objects.values_list("status", flat=True))
    assert statuses["returned"] > 75  # most dossiers of the past are closed...
    assert len(statuses) >= 4  # ...but not all of them, and not in one way
    first, last = (
        Dossier.objects.order_by("submitted_at").first(),
        Dossier.objects.order_by("-submitted_at").first(),
    )
    assert first.submitted_at.date() < UNTIL - dt.timedelta(days=365)
    assert last.submitted_at.date() <= UNTIL
    assert any(ch != fold(ch) for name in Dossier.objects.values_list("applicant_name", flat=True) for ch in name)


def test_rows_are_what_the_services_would_have_written(department):
    populate(SMALL, seed=3, until=UNTIL)
    cal = calendar()
    received = Dossier.objects.filter(received_at__isnull=False).select_related("procedure")
    assert received.exists()
    for dossier in received:
        days, unit = dossier.procedure.applicable_limit
        assert dossier.statutory_due_date == rules.due_date(cal, dossier.counting_start, days, unit)
        assert dossier.code.startswith(department.agency.national_code)
        assert dossier.search_text == dossier.build_search_text()
    for dossier in Dossier.objects.prefetch_related("steps"):
        steps = list(dossier.steps.all())
        status = "submitted"
        for step in steps:  # each row is a step the workflow table allows from the state before it
            assert step.from_status == status and status in TRANSITIONS[step.action].sources
            status = step.to_status
        assert status == dossier.status and dossier.version == len(steps)
    codes = Dossier.objects.exclude(code=None).values_list("code", flat=True)
    last = max(int(code.rsplit("-", 1)[1]) for code in codes)
    assert DailySequence.objects.order_by("-last").first().last == last  # the next real receipt follows on
    for licence in Licence.objects.all():
        licence.district_label = licence.district_name
        assert set(licence.search_text.split()) == set(licence.build_search_text().split())
        # (PostgreSQL's jsonb keeps the subject's keys in its own order, so compare the words.)
        assert sorted(licence.subject_text.split()) == sorted(licence.build_subject_text().split())
        assert licence.status_on(UNTIL) in {"valid", "suspended", "revoked", "expired"}


def test_new_agencies_are_made_for_the_rest(department):
    populate(Counts(dossiers=10, licences=5, tasks=5, years=1), agencies=2, until=UNTIL)
    assert Dossier.objects.values("agency").distinct().count() == 2
    assert Licence.objects.values("agency").distinct().count() == 2


def test_an_interrupted_run_resumes_with_the_agencies_it_had_not_filled(department):
    tiny = Counts(dossiers=10, licences=5, tasks=5, years=1)
    populate(tiny, seed=4, agencies=2, until=UNTIL)
    whole = sorted(_snapshot(), key=repr)
    _forget_generated()
    populate(tiny, seed=4, agencies=1, until=UNTIL)  # stopped after the first agency
    ticks: list[int] = []
    written = populate(tiny, seed=4, agencies=2, until=UNTIL, resume=True, progress=ticks.append)
    assert written["procedures.Dossier"] == 10  # the second agency only
    assert sorted(_snapshot(), key=repr) == whole
    assert ticks[-1] == tiny.total * 2
    assert populate(tiny, seed=4, agencies=2, until=UNTIL, resume=True) == {}  # nothing left to write


def test_the_command_writes_a_named_scale(department, settings):
    out = io.StringIO()
    from stttt.testing import scale

    settings.DEBUG = False
    scale.SCALES["tiny"] = scale.Scale(Counts(dossiers=5, licences=3, tasks=2, years=1), 1)
    try:
        call_command("bench", "data", "--scale", "tiny", "--seed", "2", stdout=out, stderr=io.StringIO())
    finally:
        del scale.SCALES["tiny"]
    assert "procedures.Dossier: 5" in out.getvalue()


@pytest.mark.django_db(transaction=True)  # the worker processes see only committed rows
def test_agencies_filled_by_parallel_workers_hold_the_rows_one_process_writes():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("parallel filling is PostgreSQL's (SQLite has one writer at a time)")
    SmallDepartment()
    tiny = Counts(dossiers=30, licences=10, tasks=5, years=1)
    one = populate(tiny, seed=5, agencies=2, until=UNTIL, workers=1)
    serial = sorted(_snapshot(), key=repr)
    _forget_generated()
    ticks: list[int] = []
    two = populate(tiny, seed=5, agencies=2, until=UNTIL, workers=2, progress=ticks.append)
    assert two == one and sorted(_snapshot(), key=repr) == serial
    assert ticks[-1] == tiny.total * 2  # every record reported, from both processes
    assert len(set(Dossier.objects.values_list("pk", flat=True))) == 60
