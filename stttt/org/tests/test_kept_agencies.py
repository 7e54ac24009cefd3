"""The agencies are kept per revision (`org.selectors.agency_by_pk`, `agency_for_host`): no query on the
requests that follow, a change through a save shows at once, and a copy changed in memory reaches nobody."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stttt.org import selectors
from stttt.org.models import Agency
from stttt.org.powers import agency_of
from stttt.testing.departments import SmallDepartment

pytestmark = pytest.mark.django_db


def test_the_served_agency_is_read_once_then_kept(settings):
    settings.STTTT_DEFAULT_AGENCY = ""
    first = Agency.objects.create(code="A", name="Sở A", slug="a", host_names="a.example.gov.vn")
    second = Agency.objects.create(code="B", name="Sở B", slug="b", host_names="b.example.gov.vn, B2.example.gov.vn")
    assert selectors.agency_for_host("b2.example.gov.vn") == second
    with CaptureQueriesContext(connection) as captured:
        assert selectors.agency_for_host("a.example.gov.vn") == first
        assert selectors.agency_for_host("unknown.example.org") == first  # the first when no default is set
        assert selectors.agency_by_pk(second.pk) == second
    assert len(captured) == 0

    second.host_names = "moi.example.gov.vn"
    second.save()
    assert selectors.agency_for_host("moi.example.gov.vn") == second
    settings.STTTT_DEFAULT_AGENCY = "B"
    assert selectors.agency_for_host("unknown.example.org") == second
    second.delete()
    assert selectors.agency_for_host("moi.example.gov.vn") == first
    assert selectors.agency_by_pk(second.pk) is None


def test_a_copy_changed_in_memory_reaches_no_other_caller():
    dept = SmallDepartment()
    mine = agency_of(dept.director)
    assert mine is not None and mine.pk == dept.agency.pk
    mine.name = "Đổi trong bộ nhớ"
    assert selectors.agency_by_pk(dept.agency.pk).name == dept.agency.name
    assert selectors.agency_for_host(dept.agency.host_names).name == dept.agency.name


def test_an_empty_installation_serves_no_agency():
    assert selectors.agency_for_host("any.example.org") is None
    assert selectors.agency_by_pk(1) is None
