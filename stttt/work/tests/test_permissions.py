"""Writes are checked against the record's owner unit: an ICT Centre employee does not answer another
unit's Council question, close another unit's coordination, or add a meeting's conclusions unless chairing
it or leading the Department. Permission code fails closed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from stttt.work import permissions, services
from stttt.work.choices import MeetingKind
from stttt.work.models import Conclusion, Coordination, CouncilQuestion
from stttt.work.tests.conftest import PASSWORD

D = dt.date


@pytest.fixture
def question(dept):
    return services.question_create(
        actor=dept.clerk,
        kind="question",
        asked_by="Đại biểu B",
        content="Hỏi",
        received_on=D(2026, 11, 1),
        deadline=D(2026, 11, 20),
        unit=dept.division,
    )


@pytest.fixture
def coordination(dept):
    return services.coordination_create(
        actor=dept.clerk,
        direction="outgoing",
        counterpart_kind="department",
        counterpart="Sở Xây dựng",
        subject="Góp ý quy hoạch",
        unit=dept.division,
    )


def test_ict_centre_employee_does_not_answer_another_units_question(dept, question, client):
    with pytest.raises(PermissionDenied):
        services.question_answer(question, actor=dept.centre_staff, answer="Trả lời thay")
    question.refresh_from_db()
    assert question.status == "assigned" and question.answer == ""
    # the page does not offer the answer form, and a forged post changes nothing
    assert client.login(username="vc1", password=PASSWORD)
    url = reverse("work:question", args=[question.pk])
    assert 'name="answer"' not in client.get(url).content.decode()
    client.post(url, {"answer": "Trả lời thay"})
    assert CouncilQuestion.objects.get(pk=question.pk).status == "assigned"
    # the division's own staff answer it
    services.question_answer(question, actor=dept.officer, answer="Đã trả lời")
    question.refresh_from_db()
    assert question.status == "answered"


def test_ict_centre_employee_does_not_close_another_units_coordination(dept, coordination):
    with pytest.raises(PermissionDenied):
        services.coordination_close(coordination, actor=dept.centre_staff)
    with pytest.raises(PermissionDenied):
        services.coordination_close(coordination, actor=dept.centre_head)  # heading another unit is not enough
    assert Coordination.objects.get(pk=coordination.pk).status == "open"
    services.coordination_close(coordination, actor=dept.officer, ppc_direction="")
    assert Coordination.objects.get(pk=coordination.pk).status == "closed"


def test_conclusions_only_by_the_chair_or_the_leadership(dept):
    meeting = services.meeting_create(
        actor=dept.clerk, kind=MeetingKind.EXTRAORDINARY, month=D(2026, 11, 1), held_on=D(2026, 11, 12)
    )
    with pytest.raises(PermissionDenied):
        services.conclusion_add(meeting, actor=dept.centre_staff, text="Kết luận", unit=dept.centre)
    with pytest.raises(PermissionDenied):
        services.conclusion_add(meeting, actor=dept.head, text="Kết luận")  # a head who does not chair
    assert not Conclusion.objects.exists()
    services.conclusion_add(meeting, actor=dept.deputy, text="Kết luận của Phó Giám đốc")
    chaired = services.meeting_create(
        actor=dept.centre_staff,
        kind=MeetingKind.EXTRAORDINARY,
        month=D(2026, 11, 1),
        held_on=D(2026, 11, 13),
        chaired_by=dept.centre_staff,
    )
    services.conclusion_add(chaired, actor=dept.centre_staff, text="Kết luận của người chủ trì", unit=dept.centre)
    assert Conclusion.objects.count() == 2


def test_a_head_assigns_a_question_only_to_their_own_unit(dept, question):
    with pytest.raises(PermissionDenied):
        services.question_assign(question, actor=dept.other_head, unit=dept.division)
    services.question_assign(question, actor=dept.other_head, unit=dept.other)
    question.refresh_from_db()
    assert question.unit == dept.other


def test_fail_closed_for_anonymous_and_people_without_a_post(dept, question, coordination):
    anonymous = AnonymousUser()
    for user in (anonymous, dept.officer_a):
        assert permissions.roles_of_question(user, question) == set()
        assert permissions.roles_of_coordination(user, coordination) == set()
        assert not permissions.can_assign_task(user, dept.division)
        assert not permissions.can_record_meeting(user, dept.agency.pk)
    assert not permissions.can_assign_task(dept.director, None)
