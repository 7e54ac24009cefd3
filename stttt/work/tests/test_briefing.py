"""The briefing pack: per-unit counts equal the tasks in the database; its DOCX opens in LibreOffice."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from stttt.org.models import Agency
from stttt.work import exports, indicators, selectors, services
from stttt.work.choices import TaskStatus
from stttt.work.models import DistrictRequest, Task

D = dt.date
SEPT_20 = D(2026, 9, 20)


@pytest.fixture
def october(dept):
    def task(title, unit, deadline, source=SEPT_20):
        return services.task_create(
            actor=dept.director, lead_unit=unit, title=title, source_date=source, deadline=deadline
        )

    done = task("Xong đúng hạn", dept.division, D(2026, 10, 20))
    services.task_complete(done, actor=dept.head, report="Xong", on=D(2026, 10, 18))
    late_done = task("Xong trễ trong tháng", dept.other, D(2026, 10, 5))
    services.task_complete(late_done, actor=dept.other_head, report="Xong", on=D(2026, 10, 9))
    overdue = task("Quá hạn", dept.division, D(2026, 10, 25))
    services.task_progress(overdue, actor=dept.officer, note="Đang làm", reason="Chờ số liệu của huyện")
    task("Đang làm", dept.division, D(2026, 11, 20))
    task("Chưa giao vào tháng 10", dept.other, D(2026, 12, 20), source=D(2026, 11, 5))
    before = task("Xong trước tháng", dept.office, D(2026, 9, 25))
    services.task_complete(before, actor=dept.director, report="Xong", on=D(2026, 9, 24))
    task("Việc tháng sau", dept.office, D(2026, 11, 10))
    return dept


def expected_counts(code, first, last, on):
    """The counts straight from the database, written independently of the selectors."""
    cutoff = min(last, on)
    tasks = Task.objects.filter(lead_unit__code=code, source_date__lte=cutoff)
    completed = tasks.filter(completed_on__range=(first, last)).count()
    still_open = tasks.exclude(status=TaskStatus.CANCELLED).exclude(completed_on__lte=last)
    overdue = still_open.filter(deadline__lt=cutoff).count()
    return completed, still_open.count() - overdue, overdue


def test_pack_counts_match_the_database(october):
    on = D(2026, 11, 30)
    pack = selectors.briefing_pack("2026-10", on=on, agency=october.agency)
    rows = {r["code"]: r for r in pack["units"]}
    assert set(rows) >= {"BGD", "VP", "TTBCXB", "BCVTCNTT"}
    for code, row in rows.items():
        assert (row["completed"], row["in_progress"], row["overdue"]) == expected_counts(
            code, D(2026, 10, 1), D(2026, 10, 31), on
        ), code
    assert (rows["TTBCXB"]["completed"], rows["TTBCXB"]["in_progress"], rows["TTBCXB"]["overdue"]) == (1, 1, 1)
    assert rows["TTBCXB"]["overdue_tasks"][0]["reason"] == "Chờ số liệu của huyện"
    assert (rows["BCVTCNTT"]["completed"], rows["BCVTCNTT"]["in_progress"]) == (1, 0)
    assert rows["VP"]["completed"] == 0 and rows["VP"]["in_progress"] == 1
    assert pack["totals"]["completed"] == 2
    # the registry counts the same tasks
    assert indicators.value("work.tasks_overdue", D(2026, 10, 1), D(2026, 10, 31), "TTBCXB") == 1
    # next month's programme lists the tasks due in November
    titles = [t.title for t in pack["programme"]["tasks"]]
    assert titles == ["Việc tháng sau", "Đang làm"]


def test_registry_takes_other_capabilities(october):
    indicators.register("test.constant", "Hằng số", lambda start, end, unit: 7, source="test")
    try:
        assert indicators.value("test.constant", D(2026, 10, 1), D(2026, 10, 31)) == 7
        assert indicators.value("unknown.code", D(2026, 10, 1), D(2026, 10, 31)) is None
    finally:
        indicators.unregister("test.constant")


def test_cli_briefing_json_and_bad_month(october, tmp_path, capsys):
    out = tmp_path / "pack.json"
    call_command("work", "briefing", "--month", "2026-10", "--output", str(out))
    assert '"month": "2026-10"' in out.read_text(encoding="utf-8")
    with pytest.raises(CommandError) as err:
        call_command("work", "briefing", "--month", "2026-13")
    assert err.value.returncode == 2


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture
def demo(db):
    """The org demo (Bình Phước's units and staff) and this app's demo, without the other capabilities."""
    from stttt.org import demo as org_demo
    from stttt.work import demo as work_demo

    org_demo.load(io.StringIO())
    work_demo.load(io.StringIO())


def test_demo_month_counts_match_the_database_and_docx_opens_in_libreoffice(demo, tmp_path):
    if SOFFICE is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is required under CI (.ci/run installs libreoffice-writer-nogui)")
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    on = D(2026, 11, 30)
    pack = selectors.briefing_pack("2026-10", on=on, agency=Agency.objects.get(units__code="VP"))
    rows = {r["code"]: r for r in pack["units"]}
    for code, row in rows.items():
        assert (row["completed"], row["in_progress"], row["overdue"]) == expected_counts(
            code, D(2026, 10, 1), D(2026, 10, 31), on
        ), code
    assert pack["totals"]["completed"] > 0 and pack["totals"]["overdue"] > 0
    docx = tmp_path / "giao-ban-2026-10.docx"
    docx.write_bytes(exports.render(exports.briefing_document(pack), "docx")[0])
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    pdf = Path(tmp_path / "giao-ban-2026-10.pdf")
    assert pdf.exists(), result.stderr + result.stdout
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5000
    # the overdue tasks' names and reasons are in the converted document
    text = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--cat", str(docx)],
        capture_output=True,
        text=True,
        timeout=180,
    ).stdout
    assert "Doanh nghiệp viễn thông chưa gửi đủ số liệu trạm BTS." in text


def test_demo_is_idempotent_and_cli_exports(demo, tmp_path, capsys):
    from django.apps import apps

    from stttt.work import demo as work_demo

    def counts():
        return {m._meta.label: m.objects.count() for m in apps.get_app_config("work").get_models()}

    before = counts()
    assert before["work.HistoricalTask"] > 0
    work_demo.load(io.StringIO())
    assert counts() == before  # nothing written twice, not even an audit row
    call_command("work", "report", "--type", "ubnd-thang", "--period", "2026-09", "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert data["status"] == "sent" and data["late"] is True
    out = tmp_path / "r.docx"
    call_command(
        "work", "report", "--type", "ubnd-thang", "--period", "2026-09", "--format", "docx", "--output", str(out)
    )
    assert out.read_bytes()[:2] == b"PK"
    assert "r.docx" in capsys.readouterr().out
    request = DistrictRequest.objects.get(title__contains="quý III")
    call_command("work", "districts", "--request", str(request.pk))
    board = json.loads(capsys.readouterr().out)
    submitted = [d for d in board["districts"] if d["status"] == "submitted"]
    assert len(submitted) == 7 and sum(1 for d in board["districts"] if d["late"]) == 6
    assert board["province_totals"]["cum-loa"] == sum(d["values"][1] for d in submitted)
    xlsx = tmp_path / "d.xlsx"
    call_command("work", "districts", "--request", str(request.pk), "--format", "xlsx", "--output", str(xlsx))
    assert xlsx.read_bytes()[:2] == b"PK"
    with pytest.raises(CommandError) as err:
        call_command("work", "report", "--type", "ubnd-thang", "--period", "1999-01")
    assert err.value.returncode == 2


def test_pack_and_programme_render_with_weasyprint(october):
    pack = selectors.briefing_pack("2026-10", on=D(2026, 11, 30), agency=october.agency)
    assert exports.render(exports.briefing_document(pack), "pdf")[0].startswith(b"%PDF")
    programme = selectors.programme("2026-11", agency=october.agency)
    data, mime = exports.render(exports.programme_document(programme), "docx")
    assert data[:2] == b"PK" and "wordprocessingml" in mime
