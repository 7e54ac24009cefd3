"""The dossier list: paging (no silent cap), filters, sort, deadline colours, a bounded number of queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from stttt.procedures.choices import Status
from stttt.procedures.models import Dossier

pytestmark = pytest.mark.django_db


def _make(dept, procedure, count, *, due=None, status=Status.IN_APPRAISAL, name="Công ty", start=0):
    now = timezone.now()
    Dossier.objects.bulk_create(
        [
            Dossier(
                agency=dept.agency,
                procedure=procedure,
                applicant_name=f"{name} {start + i:03d}",
                status=status,
                submitted_by=dept.applicant,
                submitted_at=now - dt.timedelta(minutes=start + i),
                due_date=due or timezone.localdate() + dt.timedelta(days=30),
            )
            for i in range(count)
        ]
    )


def _client(dept):
    client = Client()
    client.force_login(dept.desk)
    return client


def _queries(client, params=None):
    with CaptureQueriesContext(connection) as captured:
        # rendered, not the page kept for its reader (core.pagecache.reader_page): the list's own queries
        response = client.get(reverse("procedures:dossiers"), params or {}, headers={"cache-control": "no-cache"})
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_list_pages_instead_of_capping_and_keeps_the_query_count_flat(dept, catalog):
    procedure = catalog["STTTT.PTTH.01"]
    client = _client(dept)
    _make(dept, procedure, 10)
    _queries(client)  # the first request also finds the user's powers, kept for the next ones
    few, html = _queries(client)
    assert html.count('data-testid="row"') == 10
    _make(dept, procedure, 240, start=10)
    many, html = _queries(client)
    assert many == few, (few, many)
    assert html.count('data-testid="row"') == 50 and "250" in html and 'data-testid="pages"' in html
    _last, html = _queries(client, {"page": 5})
    assert html.count('data-testid="row"') == 50 and "Công ty 249" in html


def test_list_filters_sorts_and_colours_deadlines(dept, catalog):
    today = timezone.localdate()
    client = _client(dept)
    _make(dept, catalog["STTTT.PTTH.01"], 2, due=today - dt.timedelta(days=3), name="Trễ hạn")
    _make(dept, catalog["STTTT.PTTH.01"], 1, due=today, name="Sắp đến hạn", start=5)
    other = next(p for code, p in catalog.items() if p.division_code != catalog["STTTT.PTTH.01"].division_code)
    _make(dept, other, 3, name="Phòng khác", start=10)
    _count, html = _queries(client, {"deadline": "overdue"})
    assert html.count('data-testid="row"') == 2 and 'class="deadline-overdue"' in html
    _count, html = _queries(client, {"deadline": "due_soon"})
    assert html.count('data-testid="row"') == 1 and 'class="deadline-due_soon"' in html
    _count, html = _queries(client, {"unit": other.division_code})
    assert html.count('data-testid="row"') == 3 and "Trễ hạn" not in html
    _count, html = _queries(client, {"procedure": other.pk})
    assert html.count('data-testid="row"') == 3
    _count, html = _queries(client, {"date_from": (today + dt.timedelta(days=1)).isoformat()})
    assert html.count('data-testid="row"') == 0
    _count, html = _queries(client, {"sort": "applicant"})
    assert html.index("Phòng khác") < html.index("Sắp đến hạn") < html.index("Trễ hạn")
    _count, html = _queries(client, {"sort": "due"})
    assert html.index("Trễ hạn") < html.index("Sắp đến hạn") < html.index("Phòng khác")
