"""The dossier lifecycle through `dossier_transition`, with powers from `org`."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from stttt.procedures import selectors, services
from stttt.procedures.choices import Status
from stttt.procedures.models import Dossier, DossierStep
from stttt.procedures.services import Conflict, TransitionError, dossier_transition

from .conftest import at, file_dossier

APPLICANT = {"applicant_name": "Công ty TNHH Sách Bình Minh", "subject": "Tài liệu hướng dẫn an toàn"}


def submit(dept, procedure, when, key=None):
    return file_dossier(procedure, dept.applicant, APPLICANT, when=when, key=key)


def receive_at_desk(dept, procedure, when, actor=None):
    dossier, _created = services.dossier_file(
        procedure,
        actor=actor or dept.desk,
        channel="desk",
        data=APPLICANT,
        paper=[c.pk for c in procedure.components.all()],
        now=when,
    )
    return dossier


def go(dossier, action, actor, when, **kw):
    return dossier_transition(dossier.pk, action, actor=actor, now=when, **kw)


def test_online_dossier_from_submission_to_returned_result(dept, catalog):
    dept.agency.national_code = "000.00.14.H10"
    dept.agency.save()
    procedure = catalog["1.003868"]  # 15 plain days, Publishing Law Art. 25
    d = submit(dept, procedure, at(2024, 10, 3, 16))
    assert d.status == Status.SUBMITTED and d.code is None and d.portal_status_code == 1
    d = go(d, "receive", dept.desk, at(2024, 10, 4, 8))
    assert d.code == "000.00.14.H10-241004-0001"
    assert d.counting_start == dt.date(2024, 10, 4)
    assert d.due_date == d.statutory_due_date == dt.date(2024, 10, 21)  # 19/10 is a Saturday
    assert d.stage_due_date == dt.date(2024, 10, 7)  # desk: 1 working day
    d = go(d, "transfer", dept.desk, at(2024, 10, 4, 10))
    d = go(d, "assign", dept.head, at(2024, 10, 4, 14), assignee=dept.officer)
    assert d.assignee == dept.officer and d.status == Status.IN_APPRAISAL
    d = go(d, "propose", dept.officer, at(2024, 10, 10, 9))
    assert d.status == Status.AWAITING_APPROVAL
    d = go(d, "approve", dept.deputy, at(2024, 10, 11, 9), result_number="12/GP-STTTT")
    assert d.status == Status.APPROVED and d.closed_late is False and d.portal_status_code == 9
    d = go(d, "return_result", dept.desk, at(2024, 10, 14, 9))
    assert d.status == Status.RETURNED and d.portal_status_code == 10
    steps = list(DossierStep.objects.filter(dossier=d).values_list("action", "actor__username", "on_time"))
    assert steps == [
        ("submit", "doanhnghiep", None),
        ("receive", "motcua", None),
        ("transfer", "motcua", True),
        ("assign", "tp", True),
        ("propose", "cv1", True),
        ("approve", "pgd", True),
        ("return_result", "motcua", True),
    ]
    assert d.history.count() >= 7


def test_second_dossier_of_the_day_gets_the_next_number(dept, catalog):
    procedure = catalog["1.003868"]
    first = go(submit(dept, procedure, at(2024, 10, 4, 8)), "receive", dept.desk, at(2024, 10, 4, 8))
    second = go(submit(dept, procedure, at(2024, 10, 4, 8)), "receive", dept.desk, at(2024, 10, 4, 9))
    assert first.code.endswith("-241004-0001") and second.code.endswith("-241004-0002")


def test_paper_dossier_after_the_cut_off_counts_from_the_next_working_day(dept, catalog):
    procedure = catalog["STTTT.PTTH.01"]  # 15 working days
    d = receive_at_desk(dept, procedure, at(2024, 10, 4, 15, 30))
    assert d.status == Status.RECEIVED
    assert d.counting_start == dt.date(2024, 10, 7)  # Friday 15:30 -> Monday
    assert d.due_date == dt.date(2024, 10, 28)
    early = receive_at_desk(dept, procedure, at(2024, 10, 4, 14))
    assert early.counting_start == dt.date(2024, 10, 4)


def test_only_the_right_people_act(dept, catalog):
    d = submit(dept, catalog["1.003868"], at(2024, 10, 4, 8))
    with pytest.raises(PermissionDenied):
        go(d, "receive", dept.officer, at(2024, 10, 4, 9))
    with pytest.raises(PermissionDenied):
        receive_at_desk(dept, catalog["1.003868"], at(2024, 10, 4, 9), actor=dept.officer)
    d = go(d, "receive", dept.desk, at(2024, 10, 4, 9))
    d = go(d, "transfer", dept.desk, at(2024, 10, 4, 9))
    with pytest.raises(PermissionDenied):
        go(d, "assign", dept.officer, at(2024, 10, 4, 9), assignee=dept.officer)
    with pytest.raises(TransitionError):  # not an officer of the division
        go(d, "assign", dept.head, at(2024, 10, 4, 9), assignee=dept.outsider)
    d = go(d, "assign", dept.head, at(2024, 10, 4, 9), assignee=dept.officer)
    with pytest.raises(PermissionDenied):  # another officer
        go(d, "propose", dept.officer2, at(2024, 10, 4, 9))
    d = go(d, "propose", dept.officer, at(2024, 10, 4, 9))
    with pytest.raises(PermissionDenied):  # the division head does not approve licences
        go(d, "approve", dept.head, at(2024, 10, 4, 9))
    d = go(d, "approve", dept.director, at(2024, 10, 4, 9))
    assert d.status == Status.APPROVED
    assert Dossier.objects.get(pk=d.pk).version == d.version


def test_wrong_state_is_a_conflict_and_changes_nothing(dept, catalog):
    d = submit(dept, catalog["1.003868"], at(2024, 10, 4, 8))
    with pytest.raises(Conflict):
        go(d, "transfer", dept.desk, at(2024, 10, 4, 9))
    d = go(d, "receive", dept.desk, at(2024, 10, 4, 9))
    with pytest.raises(Conflict):
        go(d, "transfer", dept.desk, at(2024, 10, 4, 9), expected_version=0)
    fresh = Dossier.objects.get(pk=d.pk)
    assert fresh.status == Status.RECEIVED and fresh.version == 1
    assert DossierStep.objects.filter(dossier=d).count() == 2


def appraising(dept, procedure, received):
    d = go(submit(dept, procedure, received), "receive", dept.desk, received)
    d = go(d, "transfer", dept.desk, received)
    return go(d, "assign", dept.head, received, assignee=dept.officer)


def test_supplement_once_within_3_working_days_and_the_period_restarts(dept, catalog):
    procedure = catalog["STTTT.PTTH.01"]
    late = appraising(dept, procedure, at(2024, 10, 3, 9))
    with pytest.raises(TransitionError):
        go(late, "request_supplement", dept.officer, at(2024, 10, 9, 9), reasons="Thiếu tờ khai")
    d = appraising(dept, procedure, at(2024, 10, 3, 9))
    with pytest.raises(TransitionError):  # reasons are required
        go(d, "request_supplement", dept.officer, at(2024, 10, 8, 9), reasons="  ")
    d = go(d, "request_supplement", dept.officer, at(2024, 10, 8, 9), reasons="Thiếu bản sao giấy phép")
    assert d.status == Status.AWAITING_SUPPLEMENT and d.portal_status_code == 5
    assert selectors.deadline_state(d) == "paused"
    d = go(d, "supplement_received", dept.applicant, at(2024, 10, 14, 9))
    assert d.counting_start == dt.date(2024, 10, 14)
    assert d.due_date == dt.date(2024, 11, 4)  # 15 working days from the complete resubmission
    with pytest.raises(TransitionError):
        go(d, "request_supplement", dept.officer, at(2024, 10, 15, 9), reasons="Lần hai")


def test_apology_once_at_least_one_day_before_due_and_late_is_still_late(dept, catalog):
    procedure = catalog["2.001740"]  # published shorter time: 3 working days
    d = appraising(dept, procedure, at(2024, 10, 7, 9))
    assert d.due_date == dt.date(2024, 10, 10)
    with pytest.raises(TransitionError):  # on the due date: too late to apologise
        go(d, "apologise", dept.officer, at(2024, 10, 10, 9), reasons="Cần xác minh", new_due=dt.date(2024, 10, 15))
    d = go(
        d, "apologise", dept.officer, at(2024, 10, 9, 9), reasons="Cần xác minh thực tế", new_due=dt.date(2024, 10, 15)
    )
    assert d.due_date == dt.date(2024, 10, 15) and d.statutory_due_date == dt.date(2024, 10, 10)
    assert d.status == Status.IN_APPRAISAL
    with pytest.raises(TransitionError):
        go(d, "apologise", dept.officer, at(2024, 10, 9, 10), reasons="Lần hai", new_due=dt.date(2024, 10, 17))
    d = go(d, "propose", dept.officer, at(2024, 10, 14, 9))
    d = go(d, "approve", dept.deputy, at(2024, 10, 14, 10))
    assert d.closed_late is True


def test_refusal_and_withdrawal_and_forwarding(dept, catalog):
    d = appraising(dept, catalog["1.003868"], at(2024, 10, 7, 9))
    with pytest.raises(TransitionError):
        go(d, "refuse", dept.deputy, at(2024, 10, 8, 9))
    d = go(d, "refuse", dept.deputy, at(2024, 10, 8, 9), reasons="Nội dung vi phạm Điều 9 Luật Xuất bản")
    assert d.status == Status.REFUSED and d.refusal_reasons
    d = go(d, "return_result", dept.desk, at(2024, 10, 9, 9))
    assert d.status == Status.RETURNED

    w = appraising(dept, catalog["1.003868"], at(2024, 10, 7, 9))
    w = go(w, "withdraw", dept.applicant, at(2024, 10, 8, 9))
    assert w.status == Status.WITHDRAWN and w.portal_status_code == 7

    bulletin = catalog["STTTT.BC.01"]  # the Department proposes to the People's Committee
    f = go(appraising(dept, bulletin, at(2024, 10, 7, 9)), "propose", dept.officer, at(2024, 10, 8, 9))
    with pytest.raises(TransitionError):
        go(f, "approve", dept.deputy, at(2024, 10, 9, 9))
    f = go(f, "forward", dept.deputy, at(2024, 10, 9, 9))
    assert f.status == Status.FORWARDED
    assert selectors.actions_for(dept.desk, f) == []


def test_desk_rejects_an_online_dossier_with_reasons(dept, catalog):
    d = submit(dept, catalog["1.003868"], at(2024, 10, 7, 9))
    d = go(d, "return_for_completion", dept.desk, at(2024, 10, 7, 10), reasons="Thiếu bản thảo")
    assert d.status == Status.INCOMPLETE
    d = go(d, "resubmit", dept.applicant, at(2024, 10, 8, 10))
    d = go(d, "reject", dept.desk, at(2024, 10, 8, 11), reasons="Không thuộc thẩm quyền của Sở")
    assert d.status == Status.REJECTED and d.code is None and d.portal_status_code == 3


def test_same_idempotency_key_creates_one_dossier(dept, catalog):
    a = submit(dept, catalog["1.003868"], at(2024, 10, 7, 9), key="abc-123")
    b = submit(dept, catalog["1.003868"], at(2024, 10, 7, 9), key="abc-123")
    assert a.pk == b.pk and Dossier.objects.count() == 1


def test_inboxes(dept, catalog):
    d = submit(dept, catalog["1.003868"], at(2024, 10, 7, 9))
    assert d in selectors.inboxes(dept.desk)["to_receive"]
    assert selectors.inboxes(dept.officer)["to_receive"] == []
    d = go(go(d, "receive", dept.desk, at(2024, 10, 7, 9)), "transfer", dept.desk, at(2024, 10, 7, 9))
    assert d in selectors.inboxes(dept.head)["to_assign"]
    d = go(d, "assign", dept.head, at(2024, 10, 7, 9), assignee=dept.officer)
    assert d in selectors.inboxes(dept.officer)["assigned"]
    assert d in selectors.inboxes(dept.officer, today=dt.date(2024, 10, 21))["due_soon"]
    assert d in selectors.inboxes(dept.officer, today=dt.date(2024, 10, 23))["overdue"]
    d = go(d, "propose", dept.officer, at(2024, 10, 8, 9))
    assert d in selectors.inboxes(dept.deputy)["to_approve"]
    assert d in selectors.inboxes(dept.director)["to_approve"]
    assert selectors.inboxes(dept.officer2)["to_approve"] == []
    assert list(selectors.dossiers_visible_to(dept.applicant)) == [d]


def test_acting_leaders_approve_and_assign_only_while_acting(dept, catalog):
    from stttt.org import services as org_services
    from stttt.org.choices import Position
    from stttt.org.models import Staff

    deputy_head = dept.person("PTP", dept.division, Position.DEPUTY_HEAD, "ptp")
    week = (dt.date(2024, 10, 7), dt.date(2024, 10, 11))
    org_services.acting_appoint(Staff.objects.get(code="PTP"), dept.division, start_on=week[0], end_on=week[1])
    d = submit(dept, catalog["1.003868"], at(2024, 10, 7, 8))
    d = go(go(d, "receive", dept.desk, at(2024, 10, 7, 9)), "transfer", dept.desk, at(2024, 10, 7, 9))
    assert d in selectors.inboxes(deputy_head, today=week[0])["to_assign"]
    d = go(d, "assign", deputy_head, at(2024, 10, 8, 9), assignee=dept.officer)  # acting head
    d = go(d, "propose", dept.officer, at(2024, 10, 8, 10))
    with pytest.raises(PermissionDenied):  # after the acting week
        go(d, "send_back", deputy_head, at(2024, 10, 14, 9), reasons="x")

    # Postal procedures: no deputy is in charge of that division, so the Director approves; while a
    # deputy acts as Director, the deputy does.
    org_services.acting_appoint(dept.deputy_staff, dept.board, start_on=week[0], end_on=week[1])
    post = catalog["STTTT.BCH.02"]
    p = submit(dept, post, at(2024, 10, 7, 8))
    for action, actor, extra in (("receive", dept.desk, {}), ("transfer", dept.desk, {})):
        p = go(p, action, actor, at(2024, 10, 7, 9), **extra)
    from stttt.accounts.models import User
    from stttt.procedures import permissions

    assert permissions.is_approver(dept.deputy, post, week[0])
    assert not permissions.is_approver(dept.deputy, post, dt.date(2024, 10, 14))
    assert not permissions.is_approver(User.objects.get(username="cv3"), post, week[0])


def test_procedures_are_registered_as_citing_the_regulation():
    from stttt.legal import citing
    from stttt.procedures.models import Procedure

    assert any(source.model is Procedure for source in citing.sources())


def test_loading_the_catalogue_twice_changes_nothing(catalog):
    from stttt.procedures.models import Component, Procedure
    from stttt.procedures.services import catalog_load

    before = (Procedure.history.count(), Component.history.count(), Component.objects.count())
    catalog_load()
    assert (Procedure.history.count(), Component.history.count(), Component.objects.count()) == before
