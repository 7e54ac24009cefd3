"""Tasks: who sees them, who may give and report on them, meeting conclusions turned into tasks."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from stttt.work import selectors, services
from stttt.work.choices import MeetingKind, TaskStatus
from stttt.work.models import Task


def make_task(dept, **kw):
    data = dict(
        actor=dept.director,
        lead_unit=dept.division,
        title="Tham mưu kế hoạch tuyên truyền",
        source_number="2315/UBND-KGVX",
        source_date=dt.date(2026, 9, 22),
        deadline=dt.date(2026, 10, 15),
    )
    data.update(kw)
    return services.task_create(**data)


def test_division_task_visible_to_its_head_and_staff_not_to_another_division(dept):
    task = make_task(dept)
    for user in (dept.head, dept.officer, dept.director, dept.deputy, dept.deputy2):
        assert task in selectors.tasks_visible_to(user), user.username
    for user in (dept.outsider, dept.other_head, dept.officer_a):
        assert task not in selectors.tasks_visible_to(user), user.username
    with pytest.raises(Task.DoesNotExist):
        selectors.task_get(dept.outsider, task.pk)


def test_coordinating_unit_and_person_in_charge_see_the_task(dept):
    task = make_task(dept, coordinating_units=[dept.office])
    assert task in selectors.tasks_visible_to(dept.clerk)
    task2 = make_task(dept, title="Việc khác", person_in_charge=dept.outsider)
    assert task2 in selectors.tasks_visible_to(dept.outsider)
    assert task not in selectors.tasks_visible_to(dept.outsider)


def test_a_head_assigns_only_to_their_own_unit(dept):
    make_task(dept, actor=dept.head)
    with pytest.raises(PermissionDenied):
        make_task(dept, actor=dept.head, lead_unit=dept.other)
    with pytest.raises(PermissionDenied):
        make_task(dept, actor=dept.officer)
    with pytest.raises(ValidationError):
        make_task(dept, deadline=dt.date(2026, 9, 1))
    assert Task.objects.count() == 1


def test_progress_and_completion(dept):
    task = make_task(dept)
    with pytest.raises(PermissionDenied):
        services.task_progress(task, actor=dept.outsider, note="x")
    services.task_progress(task, actor=dept.officer, note="Đang làm", progress=50, reason="Chờ số liệu")
    task.refresh_from_db()
    assert task.status == TaskStatus.IN_PROGRESS
    assert selectors.delay_reason(task) == "Chờ số liệu"
    with pytest.raises(ValidationError):
        services.task_complete(task, actor=dept.officer, report="  ")
    services.task_complete(task, actor=dept.head, report="Xong", on=dt.date(2026, 10, 12))
    task.refresh_from_db()
    assert task.status == TaskStatus.COMPLETED and task.completed_on == dt.date(2026, 10, 12)
    with pytest.raises(ValidationError):
        services.task_progress(task, actor=dept.officer, note="again")
    # audit: the history names who closed it
    assert task.history.first().history_user == dept.head


def test_computed_states_and_filters(dept):
    today = selectors.today()
    late = make_task(dept, title="Trễ", deadline=today - dt.timedelta(days=1), source_date=today - dt.timedelta(30))
    make_task(dept, title="Còn xa", deadline=today + dt.timedelta(days=40), source_date=today)
    assert selectors.task_state(late) == "overdue"
    overdue = selectors.task_list(dept.head, state="overdue")
    assert [t.title for t in overdue] == ["Trễ"]
    assert selectors.task_list(dept.outsider, unit="TTBCXB") == []
    assert len(selectors.task_list(dept.director, query="tre")) == 1  # diacritics ignored


def test_conclusion_becomes_a_task_once(dept):
    meeting = services.meeting_create(
        actor=dept.clerk, kind=MeetingKind.MONTHLY, month=dt.date(2026, 10, 1), held_on=dt.date(2026, 11, 3)
    )
    services.attendance_set(meeting, actor=dept.clerk, user=dept.head, present=True)
    conclusion = services.conclusion_add(
        meeting, actor=dept.director, text="Hoàn thành báo cáo", unit=dept.division, deadline=dt.date(2026, 11, 15)
    )
    task = services.conclusion_to_task(conclusion, actor=dept.director)
    assert task.source_kind == "meeting" and task.lead_unit == dept.division
    conclusion.refresh_from_db()
    assert conclusion.task == task
    with pytest.raises(ValidationError):
        services.conclusion_to_task(conclusion, actor=dept.director)


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_attachments_are_checked_like_dossier_files_and_stored_under_a_random_name(dept):
    from django.core.files.uploadedfile import SimpleUploadedFile

    task = make_task(dept)
    for name, content in [("virus.exe", b"MZ\x90\x00"), ("bao-cao.pdf", b"<html>not a pdf</html>"), ("trong.pdf", b"")]:
        with pytest.raises(ValidationError) as err:
            services.task_complete(task, actor=dept.head, report="Xong", files=[SimpleUploadedFile(name, content)])
        assert "attachment" in err.value.message_dict, name
        task.refresh_from_db()
        assert task.status == TaskStatus.NEW and not task.attachments.exists()  # nothing changed
    services.task_complete(
        task, actor=dept.head, report="Xong", files=[SimpleUploadedFile("../../Báo cáo kết quả.pdf", PDF)]
    )
    attachment = task.attachments.get()
    assert attachment.name == "Báo cáo kết quả.pdf" and attachment.content_type == "application/pdf"
    stored = attachment.file.name
    assert stored.startswith(f"work/tasks/{task.pk}/") and "Báo" not in stored and ".." not in stored
    assert attachment.file.read() == PDF
    with pytest.raises(PermissionDenied):
        services.task_attach(task, actor=dept.outsider, upload=SimpleUploadedFile("a.pdf", PDF))
