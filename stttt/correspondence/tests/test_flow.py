"""The issue's flow end to end: a PPC letter arrives, the Director routes it to a division with a deadline,
it becomes a task, an officer drafts the reply, the Deputy in charge signs (KT.), the Office numbers it; the
same document signed while the Deputy acts as Director shows no KT."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from stttt.correspondence import services
from stttt.correspondence.render import document_of
from stttt.org import services as org_services
from stttt.org.powers import forget_powers
from stttt.work.models import Task

from .conftest import register

pytestmark = pytest.mark.django_db


def _reply(dept, incoming):
    reply = services.outgoing_create(
        actor=dept.officer,
        drafting_unit=dept.division,
        summary="V/v báo cáo tình hình",
        body="Sở báo cáo như sau.",
        recipients=["UBND tỉnh", "Lưu: VT"],
        reply_to=incoming,
    )
    services.outgoing_submit(reply, actor=dept.officer)
    services.outgoing_review(reply, actor=dept.head)
    return reply


def test_ppc_letter_routed_tasked_answered_signed_kt_and_numbered(dept):
    doc = register(dept)
    assert doc.arrival_number == 1
    services.incoming_propose(doc, actor=dept.clerk, unit=dept.division)
    doc = services.incoming_route(
        doc,
        actor=dept.director,
        lead_unit=dept.division,
        coordinating_units=[dept.other],
        instruction="Giao phòng chủ trì.",
        deadline=timezone.localdate() + dt.timedelta(days=5),
        create_task=True,
    )
    task = Task.objects.get(pk=doc.task_id)
    assert task.lead_unit == dept.division and task.source_kind == "ppc" and task.deadline == doc.deadline
    doc = services.incoming_assign(doc, actor=dept.head, officer=dept.officer)
    reply = _reply(dept, doc)
    reply = services.outgoing_sign(reply, actor=dept.deputy)
    assert (reply.capacity, reply.authority_line, reply.title_line) == ("kt", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    reply = services.outgoing_issue(reply, actor=dept.clerk)
    assert reply.number_symbol == "01/STTTT-TTBCXB"
    doc.refresh_from_db()
    task.refresh_from_db()
    assert doc.status == "done" and task.status == "completed"
    rendered = document_of(reply)
    assert rendered.signatures[0].authority == "KT. GIÁM ĐỐC"


def test_acting_director_signs_without_kt(dept):
    start = timezone.localdate()
    org_services.acting_appoint(dept.staff["PGD"], dept.board, start_on=start, end_on=start + dt.timedelta(days=6))
    forget_powers(dept.deputy)
    reply = _reply(dept, None)
    reply = services.outgoing_sign(reply, actor=dept.deputy, on=start)
    assert reply.capacity == "acting" and "KT." not in reply.authority_line and reply.title_line == "Q. GIÁM ĐỐC"


def test_deputy_not_in_charge_may_not_sign(dept):
    reply = _reply(dept, None)
    with pytest.raises(PermissionDenied):
        services.outgoing_sign(reply, actor=dept.deputy2)


def test_duplicate_refused_then_allowed(dept):
    register(dept)
    with pytest.raises(ValidationError):
        register(dept, issuer="uy ban nhan dan tinh thu nghiem", number_symbol="1520 / UBND-KGVX")
    second = register(dept, allow_duplicate=True)
    assert second.arrival_number == 2


def test_numbers_restart_each_year(dept):
    reply = _reply(dept, None)
    services.outgoing_sign(reply, actor=dept.director)
    reply = services.outgoing_issue(reply, actor=dept.clerk, on=dt.date(2026, 12, 31))
    nxt = _reply(dept, None)
    services.outgoing_sign(nxt, actor=dept.director)
    nxt = services.outgoing_issue(nxt, actor=dept.clerk, on=dt.date(2027, 1, 1))
    assert (reply.number, reply.year, nxt.number, nxt.year) == (1, 2026, 1, 2027)
    decision = services.outgoing_create(
        actor=dept.officer, drafting_unit=dept.division, summary="Quyết định", doc_type="QĐ"
    )
    services.outgoing_submit(decision, actor=dept.officer)
    services.outgoing_sign(decision, actor=dept.director)
    decision = services.outgoing_issue(decision, actor=dept.clerk, on=dt.date(2027, 1, 2))
    assert decision.number_symbol == "02/QĐ-STTTT"


def test_routing_refused_to_a_deputy_outside_his_area(dept):
    doc = register(dept)
    with pytest.raises(PermissionDenied):
        services.incoming_route(
            doc, actor=dept.deputy2, lead_unit=dept.division, instruction="x", deadline=timezone.localdate()
        )
