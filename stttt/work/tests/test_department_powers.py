"""Asking the district offices for figures is a power of the Department (regulation Art. 6.6): the staff
of its apparatus use it; an employee of a public service unit under the Department does not (issue 12)."""

import pytest
from django.core.exceptions import PermissionDenied

from stttt.work import permissions, services


def test_the_apparatus_asks_and_reminds_a_public_service_unit_does_not(dept, district_request):
    agency = dept.agency.pk
    for user in (dept.director, dept.deputy, dept.clerk, dept.head, dept.officer):
        assert permissions.can_request_districts(user, agency), user
    for user in (dept.centre_head, dept.centre_staff, dept.officer_a):
        assert not permissions.can_request_districts(user, agency), user
    with pytest.raises(PermissionDenied):
        services.district_remind(district_request, actor=dept.centre_staff)
    assert services.district_remind(district_request, actor=dept.officer) >= 0


def test_the_power_stays_in_its_own_agency(dept, other_agency):
    assert not permissions.can_request_districts(other_agency.director, dept.agency.pk)
