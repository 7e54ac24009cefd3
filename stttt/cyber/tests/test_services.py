"""The use cases end to end through the services: dossiers, incidents, warnings, content reports."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from stttt.core.outbox import OutboundMessage
from stttt.cyber import rules, selectors, services
from stttt.cyber.models import IncidentEvent, WarningDelivery
from stttt.cyber.tests.conftest import day, reload

pytestmark = pytest.mark.django_db


def test_owner_submits_staff_appraise_director_approves_and_the_system_takes_the_level(world):
    w = world
    dossier = services.dossier_submit(w.mail, actor=w.account, proposed_level=2, explanation="Điều 8 khoản 1")
    assert dossier.checklist.count() == len(rules.requirements_for(2))
    assert reload(w.mail).approval_status == "in_appraisal"
    with pytest.raises(PermissionDenied):
        services.dossier_transition(dossier, "receive", actor=w.staff)  # not the specialised unit
    dossier = services.dossier_transition(dossier, "receive", actor=w.security)
    assert dossier.status == "in_appraisal" and dossier.appraisal_due is not None
    services.checklist_mark(dossier, actor=w.security, marks={"QL.1": ("met", "Quy chế ATTT 2025")})
    with pytest.raises(ValidationError):
        services.dossier_transition(dossier, "appraise", actor=w.security, opinion="")
    dossier = services.dossier_transition(dossier, "appraise", actor=w.security, opinion="Đạt yêu cầu")
    assert dossier.approval_due is not None
    with pytest.raises(PermissionDenied):
        services.dossier_transition(dossier, "approve", actor=w.security, decision_number="1/QĐ")
    dossier = services.dossier_transition(dossier, "approve", actor=w.director, decision_number="1/QĐ-STTTT")
    system = reload(w.mail)
    assert (system.approval_status, system.approved_level, system.approval_decision) == ("approved", 2, "1/QĐ-STTTT")
    assert system.next_assessment_due is not None


def test_a_dossier_below_the_criteria_is_flagged_and_cannot_be_approved_at_that_level(world):
    w = world
    dossier = services.dossier_submit(w.centre, actor=w.director, proposed_level=2)
    assert dossier.under_classified is not None and dossier.under_classified.level == 3
    services.dossier_transition(dossier, "receive", actor=w.director)
    services.dossier_transition(dossier, "appraise", actor=w.director, opinion="Đề nghị nâng lên cấp độ 3")
    with pytest.raises(ValidationError, match=r"Art\. 9\(3\)"):
        services.dossier_transition(dossier, "approve", actor=w.director, decision_number="2/QĐ", level=2)
    assert reload(dossier).status == "appraised"
    dossier = services.dossier_transition(dossier, "approve", actor=w.director, decision_number="2/QĐ", level=3)
    assert reload(w.centre).approved_level == 3


def test_one_dossier_in_progress_per_system_and_levels_1_to_5(world):
    w = world
    with pytest.raises(ValidationError):
        services.dossier_submit(w.mail, actor=w.account, proposed_level=6)
    services.dossier_submit(w.mail, actor=w.account, proposed_level=2)
    with pytest.raises(ValidationError):
        services.dossier_submit(w.mail, actor=w.account, proposed_level=2)
    with pytest.raises(PermissionDenied):
        services.dossier_submit(w.portal, actor=w.account, proposed_level=2)  # another body's system


def test_return_and_resubmit_then_refuse_reopens_the_system(world):
    w = world
    dossier = services.dossier_submit(w.mail, actor=w.account, proposed_level=2)
    dossier = services.dossier_transition(dossier, "return", actor=w.security, reason="Thiếu thuyết minh")
    dossier = services.dossier_transition(dossier, "resubmit", actor=w.account)
    services.dossier_transition(dossier, "receive", actor=w.security)
    services.dossier_transition(dossier, "appraise", actor=w.security, opinion="Không đạt")
    services.dossier_transition(dossier, "refuse", actor=w.director, reason="Phương án chưa đáp ứng")
    assert reload(w.mail).approval_status == "not_classified"


def test_incident_end_to_end_with_its_timeline(world):
    w = world
    incident = services.incident_report(
        actor=w.account,
        owner=w.health,
        title="Lừa đảo",
        description="Thư giả mạo",
        detected_on=day(1),
        systems=[w.mail],
    )
    with pytest.raises(ValidationError):
        services.incident_report(actor=w.account, owner=w.health, title="x", description="y", detected_on=day(-1))
    services.incident_transition(incident, "update", actor=w.account, note="Đã khóa tài khoản")
    with pytest.raises(PermissionDenied):
        services.incident_transition(incident, "verify", actor=w.account, severity="high")
    services.incident_transition(incident, "verify", actor=w.security, severity="high")
    services.incident_transition(incident, "notify", actor=w.security, whom="both")
    services.incident_transition(incident, "respond", actor=w.security, note="Cô lập máy chủ")
    services.incident_transition(incident, "recover", actor=w.security, note="Khôi phục")
    incident = services.incident_transition(incident, "close", actor=w.security, report="Báo cáo kết thúc")
    assert incident.status == "closed" and incident.national_notified_on == incident.team_notified_on == day()
    actions = list(IncidentEvent.objects.filter(incident=incident).values_list("action", flat=True))
    assert actions == ["report", "update", "verify", "notify", "respond", "recover", "close"]


def test_a_warning_is_relayed_to_the_bodies_whose_products_match_with_acknowledgement(world):
    w = world
    warning = services.warning_record(
        actor=w.security,
        source="NCSC",
        title="Exchange RCE",
        product="Microsoft Exchange Server",
        versions="2016, 2019",
        received_on=day(),
    )
    assert warning.reference.startswith("CB-")
    with pytest.raises(PermissionDenied):
        services.warning_record(actor=w.staff, source="x", title="y", received_on=day())
    services.warning_transition(warning, "relay", actor=w.security)
    deliveries = {d.owner_id: d for d in WarningDelivery.objects.filter(warning=warning)}
    assert set(deliveries) == {w.health.pk, w.town.pk}
    assert OutboundMessage.objects.filter(topic="cyber.warning").count() == 0  # no e-mail addresses given
    services.delivery_transition(deliveries[w.health.pk], "acknowledge", actor=w.account)
    with pytest.raises(PermissionDenied):
        services.delivery_transition(deliveries[w.town.pk], "acknowledge", actor=w.account)  # not its body
    later = day(-30)
    assert {d.owner_id for d in selectors.overdue_deliveries(w.d.agency, later)} == {w.health.pk, w.town.pk}
    assert services.remind_overdue(w.d.agency, actor=w.security, on=day()) == 0
    services.delivery_transition(deliveries[w.health.pk], "remediate", actor=w.account, note="Đã vá")
    board = {r["owner"].pk: r for r in selectors.remediation_by_owner(w.d.agency)}
    assert board[w.health.pk]["rate"] == 100 and board[w.town.pk]["rate"] == 0


def test_content_report_intake_assessment_referral_outcome(world):
    w = world
    report = services.content_record(
        actor=w.staff, reporter="Người dân", category="fake_news", summary="Tin giả về dịch bệnh"
    )
    with pytest.raises(PermissionDenied):
        services.content_transition(report, "assess", actor=w.staff, assessment="x")
    services.content_transition(report, "assess", actor=w.security, assessment="Sai sự thật")
    services.content_transition(report, "refer", actor=w.security, referred_to="Công an tỉnh")
    report = services.content_transition(report, "close", actor=w.security, outcome="Đã gỡ bỏ")
    assert report.status == "closed"
    with pytest.raises(PermissionDenied):
        services.content_record(actor=w.account, reporter="x", category="fake_news", summary="y")


def test_a_periodic_check_restarts_the_period_and_a_violation_may_be_referred(world):
    w = world
    with pytest.raises(PermissionDenied):
        services.assessment_record(
            w.mail, actor=w.staff, kind="periodic", done_on=day(), assessor="x", result="compliant"
        )
    services.assessment_record(
        w.mail, actor=w.security, kind="periodic", done_on=day(3), assessor="TT", result="issues"
    )
    assert reload(w.mail).last_assessment_on == day(3)
    with pytest.raises(ValidationError):
        services.assessment_record(
            w.mail, actor=w.security, kind="ad_hoc", done_on=day(), assessor="TT", result="issues", refer=True
        )


def test_staff_cannot_be_linked_as_an_owner_account_and_outsiders_cannot_keep_the_inventory(world):
    w = world
    with pytest.raises(ValidationError):
        services.owner_account_link(w.health, actor=w.director, user=w.staff)
    with pytest.raises(PermissionDenied):
        services.owner_save(actor=w.account, agency=w.d.agency, code="x", name="y")
    services.system_save(actor=w.account, owner=w.health, system=w.mail, **{"users": "Cán bộ ngành y tế"})
    with pytest.raises(PermissionDenied):
        services.system_save(actor=w.account, owner=w.town, system=w.portal, users="x")


def test_owner_accounts_see_only_their_own_body_and_the_public_nothing(world):
    from django.contrib.auth.models import AnonymousUser

    w = world
    services.incident_report(actor=w.director, owner=w.town, title="t", description="d", detected_on=day())
    assert set(selectors.systems_visible_to(w.account)) == {w.mail, w.centre}
    assert not selectors.incidents_visible_to(w.account).exists()
    assert selectors.incidents_visible_to(w.other_account).count() == 1
    assert selectors.systems_visible_to(w.staff).count() == 3
    assert not selectors.systems_visible_to(AnonymousUser()).exists()
    assert not selectors.systems_visible_to(w.d.citizen).exists()
    assert not selectors.content_visible_to(w.account).exists()


def test_another_agencys_staff_see_nothing_of_this_one(two):
    a, b = two
    assert set(selectors.systems_visible_to(b.director)) == {b.mail, b.centre, b.portal}
    with pytest.raises(PermissionDenied):
        services.dossier_submit(a.mail, actor=b.director, proposed_level=2)


def test_a_violation_found_by_a_check_is_referred_to_the_inspectorate(world):
    pytest.importorskip("stttt.inspection.services")
    from stttt.inspection.models import Referral

    w = world
    item = services.assessment_record(
        w.mail,
        actor=w.security,
        kind="ad_hoc",
        done_on=day(),
        assessor="TT",
        result="violation",
        findings="Không triển khai phương án đã phê duyệt",
        refer=True,
    )
    assert item.referred and Referral.objects.filter(agency=w.d.agency).count() == 1
