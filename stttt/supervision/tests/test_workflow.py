"""The workflow tables applied by `services.transition`: who may take each step, what it writes, its effects."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from stttt.core.models import OutboundMessage
from stttt.core.workflow import TransitionRefused
from stttt.supervision import services, workflow
from stttt.supervision.models import BroadcastConfirmation


def test_the_sector_unit_and_the_leadership_hold_the_sector_role(sup):
    d = sup.dept
    assert "sector" in workflow.permissions.roles_of(d.other_head, sup.site)  # leads 3.11.c
    assert "sector" in workflow.permissions.roles_of(d.director, sup.site)
    assert workflow.permissions.roles_of(d.head, sup.site) == {"staff"}  # the press division: sees only
    assert "sector" in workflow.permissions.roles_of(d.head, sup.station)  # but leads 3.7.a
    assert workflow.permissions.roles_of(d.citizen, sup.site) == set()


def test_report_receipt_validates_figures_and_changes_nothing_on_error(sup):
    d, report = sup.dept, sup.report
    with pytest.raises(ValidationError):
        services.transition(
            report,
            "receive",
            actor=d.other_head,
            submitted_on="2026-10-10",
            figures={"mobile_subscribers": "10", "subscribers_4g_5g": "11"},
        )
    report.refresh_from_db()
    assert report.status == "due" and report.figures == {}
    services.transition(
        report,
        "receive",
        actor=d.other_head,
        submitted_on="2026-10-16",
        figures={"mobile_subscribers": "1.000", "subscribers_4g_5g": "800"},
    )
    report.refresh_from_db()
    assert report.status == "submitted" and report.figures == {"mobile_subscribers": 1000, "subscribers_4g_5g": 800}
    assert report.submitted_on == dt.date(2026, 10, 16)


def test_return_mails_the_organisation_then_it_can_be_received_again(sup):
    d, report = sup.dept, sup.report
    services.transition(
        report,
        "receive",
        actor=d.other_head,
        submitted_on="2026-10-10",
        figures={"mobile_subscribers": "10", "subscribers_4g_5g": "5"},
    )
    services.transition(report, "return", actor=d.other_head, reason="Thiếu số liệu 5G")
    report.refresh_from_db()
    assert report.status == "returned" and report.submitted_on is None
    assert OutboundMessage.objects.filter(topic="supervision.report_returned", recipient="vnpt@example.vn").exists()
    services.transition(
        report,
        "receive",
        actor=d.other_head,
        submitted_on="2026-10-20",
        figures={"mobile_subscribers": "10", "subscribers_4g_5g": "6"},
    )
    services.transition(report, "accept", actor=d.director)
    report.refresh_from_db()
    assert report.status == "accepted"


def test_staff_outside_the_sector_may_not_take_a_step(sup):
    with pytest.raises(PermissionDenied):
        services.transition(sup.report, "receive", actor=sup.dept.head, submitted_on="2026-10-01", figures={})
    with pytest.raises(TransitionRefused):  # right person, wrong state
        services.transition(sup.report, "accept", actor=sup.dept.other_head)


def test_a_stale_version_is_refused(sup):
    services.transition(sup.case, "start", actor=sup.dept.other_head, note="Mời hai bên")
    with pytest.raises(TransitionRefused):
        services.transition(sup.case, "note", actor=sup.dept.other_head, expected_version=1, note="x")


def test_case_steps_are_kept_as_its_timeline_and_the_outcome_is_mailed(sup):
    actor = sup.dept.other_head
    services.transition(sup.case, "start", actor=actor, note="Yêu cầu giải trình")
    services.transition(sup.case, "mediate", actor=actor, note="Họp thương lượng")
    with pytest.raises(ValidationError):
        services.transition(sup.case, "resolve", actor=actor, outcome=" ")
    services.transition(sup.case, "resolve", actor=actor, outcome="Thống nhất giá theo chi phí")
    services.transition(sup.case, "close", actor=actor)
    sup.case.refresh_from_db()
    assert sup.case.status == "closed" and sup.case.closed_on is not None
    assert list(sup.case.steps.values_list("action", flat=True)) == ["start", "mediate", "resolve", "close"]
    assert OutboundMessage.objects.filter(topic="supervision.case_outcome").count() == 1


def test_incident_restoration_timeline(sup):
    actor = sup.dept.other_head
    services.transition(sup.incident, "update", actor=actor, note="Điều máy phát", sites_down="1")
    sup.incident.refresh_from_db()
    assert sup.incident.status == "restoring" and sup.incident.sites_down == 1
    with pytest.raises(ValidationError):
        services.transition(sup.incident, "update", actor=actor, note="x", sites_down="-2")
    services.transition(sup.incident, "restore", actor=actor, note="Đã phục hồi")
    sup.incident.refresh_from_db()
    assert sup.incident.status == "restored" and sup.incident.restored_at and sup.incident.sites_down == 0
    assert [u.action for u in sup.incident.updates.all()] == ["update", "restore"]


def test_broadcast_is_sent_to_the_stations_and_each_confirms_once(sup):
    actor = sup.dept.head  # the press division leads grassroots information (3.7.a)
    services.transition(sup.broadcast, "send", actor=actor)
    assert OutboundMessage.objects.filter(topic="supervision.broadcast", recipient="dai1@example.vn").exists()
    services.transition(sup.broadcast, "confirm", actor=actor, station=sup.station.pk, confirmed_on="2026-12-01")
    with pytest.raises(ValidationError):
        services.transition(sup.broadcast, "confirm", actor=actor, station=sup.station.pk, confirmed_on="2026-12-01")
    assert BroadcastConfirmation.objects.filter(request=sup.broadcast).count() == 1
    with pytest.raises(PermissionDenied):
        services.transition(sup.broadcast, "close", actor=sup.dept.other_head)


def test_external_plan_opinion_is_the_leaderships(sup):
    services.transition(sup.plan, "appraise", actor=sup.dept.head)
    with pytest.raises(PermissionDenied):
        services.transition(sup.plan, "approve", actor=sup.dept.head, opinion="Đồng ý")
    services.transition(sup.plan, "approve", actor=sup.dept.director, opinion="Đồng ý")
    sup.plan.refresh_from_db()
    assert sup.plan.status == "approved" and sup.plan.decided_on is not None


def test_schedule_and_reminders_are_idempotent(sup):
    created = services.reports_schedule(sup.kind, actor=sup.dept.other_head, year=2026)
    assert created == 4 * 2 - 1  # two operators, four quarters, one report already there
    assert services.reports_schedule(sup.kind, actor=None, year=2026) == 0
    on = dt.date(2026, 10, 20)
    first = services.reminders_send(sup.agency, on=on)
    assert first >= 1
    assert services.reminders_send(sup.agency, on=on) == 0
    # One message per awaited VNPT report (Q1-Q3 overdue on that day); Viettel has no e-mail address.
    assert OutboundMessage.objects.filter(topic="supervision.report_reminder").count() == 3


def test_case_open_sets_its_reference_and_time_limit(sup):
    case = services.case_open(
        actor=sup.dept.other_head,
        agency=sup.agency,
        kind="complaint",
        title="Sóng yếu",
        claimant="UBND xã",
        respondent=sup.vnpt,
        description="...",
        received_on=dt.date(2026, 11, 20),
    )
    assert case.reference == "KN-2026-001" and case.due_on > case.received_on
    with pytest.raises(PermissionDenied):
        services.case_open(
            actor=sup.dept.head,
            agency=sup.agency,
            kind="dispute",
            title="x",
            claimant="y",
            respondent=sup.vnpt,
            description="z",
            received_on=dt.date(2026, 11, 20),
        )
