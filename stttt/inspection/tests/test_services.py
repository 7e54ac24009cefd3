"""The services end to end: plan, inspection, violation and sanction, letters and the denouncer's identity."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from stttt.inspection import selectors, services
from stttt.inspection.models import IdentityAccess, Letter, ViolationRecord
from stttt.inspection.tests.conftest import bulletin

pytestmark = pytest.mark.django_db


def _today():
    return timezone.localdate()


def test_plan_needs_overlap_check_and_the_director_approves(dept):
    plan = services.plan_create(agency=dept.agency, year=_today().year + 1, title="Kế hoạch", actor=dept.chief)
    licence = bulletin(dept)
    target = services.plan_target_add(
        plan, actor=dept.inspector, content="Việc xuất bản", sector="press", quarter=2, licence=licence
    )
    assert target.subject_name == licence.holder_name
    with pytest.raises(ValidationError):
        services.plan_transition(plan.pk, "submit", actor=dept.chief)
    with pytest.raises(PermissionDenied):
        services.plan_transition(plan.pk, "submit", actor=dept.inspector, overlap_check="Đã đối chiếu")
    services.plan_transition(plan.pk, "submit", actor=dept.chief, overlap_check="Không trùng kế hoạch Thanh tra tỉnh")
    with pytest.raises(PermissionDenied):
        services.plan_transition(plan.pk, "approve", actor=dept.chief, number="01/QĐ-STTTT")
    plan = services.plan_transition(plan.pk, "approve", actor=dept.director, number="01/QĐ-STTTT")
    assert plan.status == "approved" and plan.approved_by == dept.director


def test_case_decided_by_the_chief_with_an_inspectorate_team_and_its_deadlines(dept):
    with pytest.raises(PermissionDenied):
        services.case_decide(
            agency=dept.agency,
            actor=dept.inspector,
            subject_name="X",
            sector="press",
            content="c",
            legal_basis="b",
            head=dept.inspector,
        )
    with pytest.raises(ValidationError):
        services.case_decide(
            agency=dept.agency,
            actor=dept.chief,
            subject_name="X",
            sector="press",
            content="c",
            legal_basis="b",
            head=dept.officer,
        )
    case = services.case_decide(
        agency=dept.agency,
        actor=dept.chief,
        subject_name="Công ty A",
        sector="post",
        content="Hoạt động bưu chính",
        legal_basis="Luật Thanh tra 2022",
        head=dept.inspector,
        members=[dept.inspector2],
        decided_on=_today() - dt.timedelta(days=20),
    )
    assert case.kind == "ad_hoc" and case.due_on is not None
    case = services.case_transition(case.pk, "announce", actor=dept.inspector, on=_today() - dt.timedelta(days=18))
    assert case.status == "onsite"
    with pytest.raises(ValidationError):
        services.case_transition(case.pk, "extend", actor=dept.chief, days=16, reason="phức tạp")
    services.case_transition(case.pk, "extend", actor=dept.chief, days=15, reason="phức tạp")
    services.case_transition(case.pk, "end_onsite", actor=dept.inspector, on=_today() - dt.timedelta(days=5))
    services.case_transition(
        case.pk, "report", actor=dept.inspector, findings="Vi phạm", on=_today() - dt.timedelta(days=2)
    )
    with pytest.raises(PermissionDenied):
        services.case_transition(case.pk, "conclude", actor=dept.inspector, conclusion="KL")
    case = services.case_transition(case.pk, "conclude", actor=dept.chief, conclusion="Kết luận")
    item = services.follow_up_add(case, actor=dept.inspector, request="Khắc phục", due_on=_today())
    with pytest.raises(ValidationError):
        services.case_transition(case.pk, "close", actor=dept.chief)
    services.follow_up_done(item, actor=dept.inspector, note="Đã khắc phục")
    assert services.case_transition(case.pk, "close", actor=dept.chief).status == "closed"


def _record(dept, **kw):
    values = dict(
        agency=dept.agency,
        actor=dept.inspector,
        provision_code="119-2020-10-2",
        offender_type="organisation",
        offender_name="Hội Nhà báo tỉnh",
        act="Sai tôn chỉ",
        place="Trụ sở Hội",
        discovered_on=_today() - dt.timedelta(days=2),
    )
    values.update(kw)
    return services.violation_record(**values)


def test_a_sanction_outside_the_range_above_competence_or_late_is_refused(dept):
    record = _record(dept)
    assert (record.min_fine, record.max_fine) == (20_000_000, 40_000_000)
    with pytest.raises(ValidationError, match="Tiền phạt phải từ"):
        services.violation_transition(record.pk, "decide", actor=dept.chief, fine=19_000_000)
    with pytest.raises(ValidationError, match="vượt thẩm quyền"):
        services.violation_transition(record.pk, "decide", actor=dept.inspector, fine=20_000_000)
    with pytest.raises(PermissionDenied):
        services.violation_transition(record.pk, "decide", actor=dept.director, fine=20_000_000)
    ViolationRecord.objects.filter(pk=record.pk).update(decide_by=_today() - dt.timedelta(days=1))
    with pytest.raises(ValidationError, match="Thời hạn ra quyết định"):
        services.violation_transition(record.pk, "decide", actor=dept.chief, fine=30_000_000)
    assert ViolationRecord.objects.get(pk=record.pk).status == "recorded"


def test_a_suspension_is_entered_in_the_licence_register_by_the_leader(dept):
    licence = bulletin(dept)
    record = _record(dept, licence=licence)
    record = services.violation_transition(
        record.pk, "decide", actor=dept.chief, fine=30_000_000, suspension_months=2, received_on=_today()
    )
    assert record.status == "decided" and record.decision.suspension_months == 2
    with pytest.raises(PermissionDenied):
        services.violation_transition(record.pk, "register_suspension", actor=dept.chief)
    record = services.violation_transition(record.pk, "register_suspension", actor=dept.director)
    assert record.decision.licence_event_id
    assert licence.events.get().type == "suspend"
    record = services.violation_transition(record.pk, "pay", actor=dept.inspector, amount=30_000_000)
    assert services.violation_transition(record.pk, "close", actor=dept.chief).status == "closed"


def test_limitation_ended_refuses_the_record(dept):
    with pytest.raises(ValidationError, match="Thời hiệu"):
        _record(
            dept,
            provision_code="15-2020-5-3",
            ended_on=_today() - dt.timedelta(days=400),
            discovered_on=_today() - dt.timedelta(days=10),
        )


def test_the_denouncer_is_hidden_from_everyone_but_the_assigned_inspector_and_the_chief(dept):
    letter = services.letter_receive(
        agency=dept.agency,
        actor=dept.inspector,
        kind="denunciation",
        channel="letter",
        summary="Nhũng nhiễu",
        subject="Cán bộ CV1",
        sender_name="Người Tố Cáo Bí Mật",
        denounced=dept.officer,
    )
    assert letter.sender_name == ""
    assert not Letter.objects.filter(search_text__icontains="bi mat").exists()
    services.letter_transition(letter.pk, "assign", actor=dept.chief, assignee=dept.inspector2)
    assert services.identity_reveal(letter, actor=dept.inspector2).full_name == "Người Tố Cáo Bí Mật"
    assert services.identity_reveal(letter, actor=dept.chief).full_name == "Người Tố Cáo Bí Mật"
    for someone in (dept.inspector, dept.director, dept.officer, dept.deputy_chief):
        with pytest.raises(PermissionDenied):
            services.identity_reveal(letter, actor=someone)
    assert IdentityAccess.objects.filter(letter=letter).count() == 6
    assert IdentityAccess.objects.filter(letter=letter, allowed=False).count() == 4
    assert not selectors.letters_visible_to(dept.officer).exists()  # the denounced never sees it
    assert selectors.letters_visible_to(dept.director).filter(pk=letter.pk).exists()


def test_complaint_accepted_then_resolved_and_denunciation_extensions(dept):
    c = services.letter_receive(
        agency=dept.agency,
        actor=dept.inspector,
        kind="complaint",
        channel="reception",
        summary="Khiếu nại quyết định",
        subject="QĐ 12",
        sender_name="Trần Văn B",
    )
    c = services.letter_transition(c.pk, "accept", actor=dept.chief)
    assert c.due_on > c.accepted_on
    c = services.letter_transition(c.pk, "resolve", actor=dept.chief, result="Giữ nguyên")
    assert c.status == "resolved"
    d = services.letter_receive(
        agency=dept.agency,
        actor=dept.inspector,
        kind="denunciation",
        channel="letter",
        summary="x",
        subject="y",
        sender_name="Z",
    )
    d = services.letter_transition(d.pk, "accept", actor=dept.chief)
    services.letter_transition(d.pk, "extend", actor=dept.chief, reason="phức tạp")
    with pytest.raises(ValidationError):
        services.letter_transition(d.pk, "extend", actor=dept.chief, reason="lần hai")


def test_reception_book_keeps_no_denouncer_name(dept):
    day = services.reception_day_schedule(
        agency=dept.agency, actor=dept.chief, date=_today(), leader=dept.director, place="Phòng tiếp công dân"
    )
    entry = services.reception_entry_add(
        agency=dept.agency,
        actor=dept.inspector,
        day=day,
        citizen_name="Lê C",
        content="Tố cáo",
        letter_kind="denunciation",
        subject="Cán bộ X",
    )
    assert entry.citizen_name == "" and entry.letter.identity.full_name == "Lê C"


def test_referral_into_a_record_and_dismissal(dept):
    source = dept.staff["CV1"]
    r1 = services.open_referral(agency=dept.agency, source=source, summary="Vi phạm lưu chiểu", actor=dept.officer)
    r2 = services.open_referral(agency=dept.agency, source=source, summary="Trùng", actor=dept.officer)
    _record(dept, referral=r1)
    r1.refresh_from_db()
    assert r1.status == "record_opened"
    with pytest.raises(ValidationError):
        services.referral_transition(r2.pk, "dismiss", actor=dept.chief)
    assert services.referral_transition(r2.pk, "dismiss", actor=dept.chief, reason="Trùng").status == "dismissed"
