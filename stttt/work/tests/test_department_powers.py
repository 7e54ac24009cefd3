"""The Department's dealings with the district offices, the Council and other bodies (regulation Art. 6)
are its own: the staff of its apparatus act in them; an employee of a public service unit under the
Department does not (issue 12, found by the permission matrix)."""

import datetime as dt

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


def test_only_the_apparatus_records_council_questions_and_coordination(dept):
    question = {
        "kind": "question",
        "asked_by": "Đại biểu",
        "content": "Hỏi",
        "received_on": dt.date(2026, 12, 1),
        "deadline": dt.date(2026, 12, 20),
    }
    coordination = {
        "direction": "outgoing",
        "counterpart_kind": "department",
        "counterpart": "Sở X",
        "subject": "Ý kiến",
    }
    for user in (dept.centre_head, dept.centre_staff):
        with pytest.raises(PermissionDenied):
            services.question_create(actor=user, **question)
        with pytest.raises(PermissionDenied):
            services.coordination_create(actor=user, **coordination)
    assert services.question_create(actor=dept.clerk, **question).pk
    assert services.coordination_create(actor=dept.officer, **coordination).pk
