"""Reports upward: pre-filled indicators, due dates, approval by the leader in charge, sent and late."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from stttt.work import exports, selectors, services
from stttt.work.models import Report


@pytest.fixture
def monthly(dept):
    return services.report_type_save(
        agency=dept.agency,
        code="thang",
        name="Báo cáo tháng",
        recipient="ppc",
        periodicity="monthly",
        due_offset_days=5,
        sections=["Kết quả", "Kiến nghị"],
        indicator_codes=["work.tasks_completed", "work.tasks_overdue", "x.unknown"],
    )


def test_report_prefilled_and_due(dept, monthly):
    task = services.task_create(
        actor=dept.director,
        lead_unit=dept.division,
        title="Việc",
        source_date=dt.date(2026, 10, 1),
        deadline=dt.date(2026, 10, 20),
    )
    services.task_complete(task, actor=dept.head, report="Xong", on=dt.date(2026, 10, 10))
    report = services.report_create(monthly, actor=dept.clerk, on=dt.date(2026, 11, 3))
    assert (report.period_start, report.period_end) == (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert report.due_on == dt.date(2026, 11, 5)
    assert report.values == {"work.tasks_completed": 1, "work.tasks_overdue": 0, "x.unknown": None}
    assert report.narrative == {"Kết quả": "", "Kiến nghị": ""}
    with pytest.raises(ValidationError):
        services.report_create(monthly, actor=dept.clerk, on=dt.date(2026, 11, 3))
    with pytest.raises(PermissionDenied):
        services.report_create(monthly, actor=dept.officer_a, on=dt.date(2026, 12, 3))


def test_approval_by_leader_in_charge_then_sent_late(dept, monthly):
    report = services.report_create(monthly, actor=dept.clerk, on=dt.date(2026, 11, 3))
    services.report_save(report, actor=dept.clerk, narrative={"Kết quả": "Tốt"}, values={"work.tasks_overdue": "2"})
    with pytest.raises(ValidationError):
        services.report_save(report, actor=dept.clerk, values={"work.tasks_overdue": "hai"})
    with pytest.raises(ValidationError):
        services.report_approve(report, actor=dept.director)  # not submitted yet
    services.report_submit(report, actor=dept.clerk)
    # No duty linked: the Director (or the acting Director) approves; a head does not.
    with pytest.raises(PermissionDenied):
        services.report_approve(report, actor=dept.head)
    services.report_approve(report, actor=dept.director)
    report.refresh_from_db()
    assert report.status == "approved" and report.approved_by == dept.director
    services.report_mark_sent(report, actor=dept.clerk, sent_on=dt.date(2026, 11, 6), number="301/BC-STTTT")
    report.refresh_from_db()
    assert report.status == "sent" and selectors.report_is_late(report)
    assert report.values["work.tasks_overdue"] == 2.0
    docx = exports.render(exports.report_document(report), "docx")[0]
    assert docx[:2] == b"PK"


def test_approvers_follow_the_area_in_charge(dept, monthly, client):
    from stttt.legal.services import document_import
    from stttt.legal.tests.fixtures import seed_markdown
    from stttt.org import services as org_services
    from stttt.org.models import Duty

    document_import(seed_markdown(), primary=True)
    from stttt.legal.selectors import provision_get

    provision = provision_get("3.29")
    duty = Duty.objects.create(
        agency=dept.agency, citation="3.29", title="Báo cáo", lead_unit=dept.office, provision=provision
    )
    org_services.area_assign(dept.staff["PGD2"], duty=duty, start_on=dt.date(2020, 1, 1))
    monthly.provision = provision
    monthly.save()
    report = services.report_create(monthly, actor=dept.clerk, on=dt.date(2026, 11, 3))
    approvers = selectors.report_approvers(report)
    assert approvers[0] == dept.deputy2 and dept.director in approvers
    services.report_submit(report, actor=dept.clerk)
    with pytest.raises(PermissionDenied):
        services.report_approve(report, actor=dept.deputy)  # a Deputy not in charge of 3.29
    services.report_approve(report, actor=dept.deputy2)
    assert Report.objects.get(pk=report.pk).status == "approved"
    # the provision's page lists the report type through the citing registry
    from stttt.legal import citing

    labels = {str(label): total for label, _records, total in citing.citing_records(provision, user=dept.clerk)}
    assert any(total == 1 for label, total in labels.items())
    from django.contrib.auth.models import AnonymousUser

    hidden = citing.citing_records(provision, user=AnonymousUser())
    assert all(total == 0 for label, _records, total in hidden if str(label) != "Administrative procedures")
    # a task citing 3.29 links to the provision, whose page links back to the task
    task = services.task_create(actor=dept.director, lead_unit=dept.office, title="Báo cáo định kỳ", duty=provision)
    client.force_login(dept.clerk)
    page = client.get(task.get_absolute_url()).content.decode()
    provision_url = f"/van-ban/{provision.document_id}/{provision.eid}/"
    assert provision_url in page
    assert task.get_absolute_url() in client.get(provision_url).content.decode()
    # internal records are not shown to anonymous visitors of the public regulation
    client.logout()
    public_page = client.get(provision_url).content.decode()
    assert task.get_absolute_url() not in public_page and "Báo cáo định kỳ" not in public_page
