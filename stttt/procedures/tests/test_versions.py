"""Procedure versions: publishing checks, overlaps, a published version frozen (service and database), the
dossier bound to the version it was filed under, a procedure ended here, and an import's diff."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from stttt.procedures import rules, services, slips, versions
from stttt.procedures.choices import TimeUnit
from stttt.procedures.models import ProcedureVersion
from stttt.procedures.tests.conftest import at, file_dossier

CODE = "STTTT.BC.01"  # 20 days in the data file
PPC = {
    "document": "Quyết định số 999/QĐ-UBND (demo) ngày 01/11/2024 của UBND tỉnh",
    "row": "Phụ lục I, mục 1",
    "demo": True,
}
COMPLETE = {
    "valid_from": dt.date(2024, 11, 1),
    "local_time_limit": 10,
    "local_time_limit_basis": "Quyết định số 999/QĐ-UBND (demo), Phụ lục I, mục 1",
    "announcements": [PPC],
}


def _step_bases(version):
    return [{**step, "basis": "Quy trình nội bộ (demo)"} for step in version.steps]


def test_version_problems_at_their_boundaries():
    complete = {
        "valid_from": dt.date(2024, 1, 1),
        "time_limit_basis": "Điều 18",
        "steps": [{"stage": s, "days": 0, "basis": "x"} for s in rules.VERSION_STAGES],
        "components": [{"name": "Tờ khai"}],
        "result_kind": "licence",
        "result_name": "Giấy phép",
        "division_code": "TTBCXB",
    }
    assert rules.version_problems(complete) == []  # zero days is a limit
    assert len(rules.version_problems({**complete, "components": [{"name": " "}]})) == 1
    assert len(rules.version_problems({**complete, "steps": complete["steps"][:2]})) == 1
    assert len(rules.version_problems({**complete, "local_time_limit": 5})) == 1
    assert len(rules.version_problems({**complete, "announcements": [{"document": "QĐ 1", "row": ""}]})) == 1


def test_periods_overlap_at_their_ends():
    d = dt.date
    assert rules.periods_overlap(d(2024, 1, 1), d(2024, 1, 31), d(2024, 1, 31), None)  # one shared day
    assert not rules.periods_overlap(d(2024, 1, 1), d(2024, 1, 30), d(2024, 1, 31), None)
    assert rules.periods_overlap(None, None, d(2030, 1, 1), d(2030, 1, 1))


def test_catalogue_rows_are_version_one_and_a_draft_publishes_only_when_complete(dept, catalog):
    procedure = catalog[CODE]
    first = versions.version_in_force(procedure, dt.date(2024, 10, 1))
    assert first.number == 1 and first.published and first.time_limit == 20
    draft = services.version_draft(procedure, changes={"local_time_limit": 10})
    with pytest.raises(ValidationError) as refused:
        services.version_publish(draft)
    assert len(refused.value.messages) == 2  # no valid-from date, no basis of the shorter time
    assert not ProcedureVersion.objects.get(pk=draft.pk).published


def test_two_versions_give_different_due_dates_each_citing_its_basis(dept, catalog):
    procedure = catalog[CODE]
    draft = services.version_draft(procedure, changes=COMPLETE)
    draft = services.version_update(draft, changes={"steps": _step_bases(draft)})
    services.version_publish(draft, now=at(2024, 10, 20))
    first = ProcedureVersion.objects.get(procedure=procedure, number=1)
    assert first.valid_to == dt.date(2024, 10, 31)  # closed the day before the new one starts

    before = file_dossier(procedure, dept.applicant, {"applicant_name": "A"}, when=at(2024, 10, 30))
    after = file_dossier(procedure, dept.applicant, {"applicant_name": "B"}, when=at(2024, 11, 4))
    assert before.procedure_version == first and after.procedure_version == draft

    before = services.dossier_transition(before.pk, "receive", actor=dept.desk, now=at(2024, 11, 4, 10))
    after = services.dossier_transition(after.pk, "receive", actor=dept.desk, now=at(2024, 11, 4, 10))
    assert before.statutory_due_date > after.statutory_due_date  # 20 days against 10 working days
    first_slip = " ".join(str(b.text) for b in slips.receipt(before).blocks if hasattr(b, "text"))
    second_slip = " ".join(str(b.text) for b in slips.receipt(after).blocks if hasattr(b, "text"))
    assert "Thông tư 41/2020/TT-BTTTT Điều 18" in first_slip and "phiên bản 1" in first_slip
    assert "999/QĐ-UBND (demo)" in second_slip and "phiên bản 2" in second_slip
    from stttt.procedures import selectors

    assert "999/QĐ-UBND (demo)" in selectors.due_date_explanation(after)[0]
    assert "Thông tư 41/2020" in selectors.due_date_explanation(before)[0]
    from stttt.procedures.due_dates import due_dates_recompute

    assert due_dates_recompute() == 0  # a recount after a calendar change reads each dossier's own version


def test_a_published_version_never_changes(dept, catalog):
    first = versions.version_in_force(catalog[CODE], dt.date(2024, 10, 1))
    with pytest.raises(ValidationError):
        services.version_update(first, changes={"time_limit": 5})
    with pytest.raises(DatabaseError), transaction.atomic():  # the admin, the shell: the database refuses
        ProcedureVersion.objects.filter(pk=first.pk).update(time_limit=5)
    with pytest.raises(DatabaseError), transaction.atomic():  # ProtectedError on delete is one too
        ProcedureVersion.objects.filter(pk=first.pk).delete()
    assert ProcedureVersion.objects.get(pk=first.pk).time_limit == 20


def test_an_overlapping_version_is_refused(dept, catalog):
    procedure = catalog[CODE]
    draft = services.version_draft(procedure, changes=COMPLETE)
    services.version_publish(services.version_update(draft, changes={"steps": _step_bases(draft)}))
    third = services.version_draft(
        procedure, changes={**COMPLETE, "valid_from": dt.date(2024, 12, 1), "valid_to": dt.date(2024, 12, 31)}
    )
    with pytest.raises(ValidationError):  # overlaps version 2
        services.version_publish(third)


def test_an_ended_procedure_refuses_filings_and_says_where_to_go(dept, catalog):
    procedure = catalog[CODE]
    services.procedure_end(procedure, dt.date(2025, 2, 28), why="Chuyển về Sở Văn hóa, Thể thao và Du lịch.")
    file_dossier(procedure, dept.applicant, {"applicant_name": "A"}, when=at(2025, 2, 28))
    with pytest.raises(ValidationError, match="Sở Văn hóa"):
        file_dossier(procedure, dept.applicant, {"applicant_name": "B"}, when=at(2025, 3, 3))


def test_a_changed_national_export_makes_a_draft_with_a_readable_diff(dept, catalog):
    procedure = catalog[CODE]
    export = {
        "MaTTHC": CODE,
        "TenTTHC": procedure.name,
        "ThoiHanGiaiQuyet": 15,
        "DonViThoiGian": "Ngày làm việc",
        "ThanhPhanHoSo": [{"Ten": "Tờ khai đề nghị cấp giấy phép xuất bản bản tin", "SoLuong": 1}],
    }
    draft, diff = services.version_import(procedure, json.dumps(export).encode())
    assert not draft.published and draft.time_limit == 15 and draft.number == 2
    assert any("20 → 15" in line for line in diff)
    assert any(line.startswith("- ") and "Sơ yếu lý lịch" in line for line in diff)
    with pytest.raises(ValidationError):
        services.version_import(procedure, b"{not json")


def test_the_api_lists_imports_and_publishes_versions(dept, catalog):
    from rest_framework.test import APIClient

    base = f"/api/v1/procedures/catalog/{CODE}"
    api = APIClient()
    api.force_authenticate(dept.applicant)
    listed = api.get(f"{base}/versions/").json()
    assert [v["number"] for v in listed] == [1] and listed[0]["limit_basis"].startswith("Thông tư 41/2020")
    assert api.post(f"{base}/import/", {"export": {"MaTTHC": CODE}}, format="json").status_code == 403

    api.force_authenticate(dept.officer)  # an officer of the processing division drafts
    export = {"MaTTHC": CODE, "ThoiHanGiaiQuyet": 15, "DonViThoiGian": "Ngày làm việc"}
    imported = api.post(f"{base}/import/", {"export": export}, format="json")
    assert imported.status_code == 201 and imported.json()["version"]["number"] == 2
    assert [v["number"] for v in api.get(f"{base}/versions/").json()] == [1, 2]  # the draft, for its drafters
    assert api.post(f"{base}/versions/2/publish/", format="json").status_code == 403  # but does not publish
    api.force_authenticate(dept.director)
    refused = api.post(f"{base}/versions/2/publish/", format="json")
    assert refused.status_code == 400  # no valid-from date yet
    assert not ProcedureVersion.objects.get(procedure=catalog[CODE], number=2).published
    draft = ProcedureVersion.objects.get(procedure=catalog[CODE], number=2)
    services.version_update(draft, changes={"valid_from": dt.date(2030, 1, 1)})
    published = api.post(f"{base}/versions/2/publish/", format="json")
    assert published.status_code == 200 and published.json()["status"] == "published"
    assert api.post(f"{base}/versions/9/publish/", format="json").status_code == 404


def test_the_cli_lists_diffs_imports_and_publishes(dept, catalog, tmp_path):
    from io import StringIO

    from django.core.management import call_command
    from django.core.management.base import CommandError

    path = tmp_path / "export.json"
    path.write_text(json.dumps({"MaTTHC": CODE, "ThoiHanGiaiQuyet": 12}), encoding="utf-8")
    out = StringIO()
    agency = ["--agency", dept.agency.code]
    call_command("procedures", "import", CODE, str(path), *agency, stdout=out)
    assert "20 → 12" in out.getvalue()
    out = StringIO()
    call_command("procedures", "diff", CODE, "2", *agency, stdout=out)
    assert "20 → 12" in out.getvalue()
    with pytest.raises(CommandError):  # incomplete: no valid-from date
        call_command("procedures", "publish", CODE, "2", *agency, stdout=StringIO())
    out = StringIO()
    call_command("procedures", "versions", CODE, *agency, stdout=out)
    assert len(out.getvalue().strip().splitlines()) == 2
    for line in out.getvalue().strip().splitlines():  # the time limit's unit in words, not its stored code
        limit = line.split("\t")[3]
        assert limit.split(" ", 1)[1] in {str(unit.label) for unit in TimeUnit}, limit


def test_the_portal_shows_the_version_in_force_and_why_an_ended_one_is_closed(dept, catalog, client):
    from django.urls import reverse

    procedure, url = catalog[CODE], reverse("portal:procedure", args=[CODE])
    page = client.get(url).content.decode()
    assert 'data-testid="version"' in page and 'data-testid="file-online"' in page
    services.procedure_end(procedure, dt.date(2020, 1, 31), why="Nộp tại Sở Văn hóa, Thể thao và Du lịch.")
    page = client.get(url).content.decode()
    assert "Sở Văn hóa" in page and 'data-testid="file-online"' not in page


def test_the_staff_page_lists_the_versions_and_what_a_draft_changes(dept, catalog, client):
    from django.urls import reverse

    services.version_draft(catalog[CODE], changes={"time_limit": 12})
    client.force_login(dept.director)
    page = client.get(reverse("procedures:procedure", args=[CODE])).content.decode()
    assert 'data-testid="versions"' in page and "20 → 12" in page


def test_a_procedure_moved_by_the_reorganisation_ends_here_and_starts_there(dept, catalog):
    from io import StringIO

    from django.core.management import call_command

    from stttt.legal.models import CompetenceChange
    from stttt.legal.services import document_import
    from stttt.legal.tests.fixtures import seed_markdown
    from stttt.org import services as org_services

    regulation = document_import(seed_markdown()).document
    dept.agency.regulation = regulation
    dept.agency.save(update_fields=["regulation"])
    services.catalog_link_provisions(dept.agency)
    holder = "Sở Văn hóa, Thể thao và Du lịch tỉnh Bình Phước"
    receiver = org_services.agency_save(code="SVHTTDL", name=holder)
    CompetenceChange.objects.create(
        work_uri=regulation.work_uri, scope="3.4", effective_from=dt.date(2025, 3, 1), holder=holder, basis="NĐ 43/2025"
    )
    out = StringIO()
    call_command("procedures", "transfers", "--on", "2025-03-01", "--agency", dept.agency.code, stdout=out)
    assert CODE in out.getvalue() and "STTTT.IN" not in out.getvalue()  # 3.4 (press) only
    assert versions.version_in_force(catalog[CODE], dt.date(2025, 3, 3)) is not None  # listing changes nothing

    call_command("procedures", "transfers", "--on", "2025-03-01", "--apply", "--agency", dept.agency.code, stdout=out)
    file_dossier(catalog[CODE], dept.applicant, {"applicant_name": "A"}, when=at(2025, 2, 28))
    with pytest.raises(ValidationError, match="Sở Văn hóa"):
        file_dossier(catalog[CODE], dept.applicant, {"applicant_name": "B"}, when=at(2025, 3, 3))
    draft = ProcedureVersion.objects.get(procedure__agency=receiver, procedure__code=CODE)
    assert draft.valid_from == dt.date(2025, 3, 1) and not draft.published and draft.division_code == ""
    assert versions.transfers_due(dept.agency, dt.date(2025, 3, 1)) == []  # applied once


def test_an_announcement_annex_in_a_spreadsheet_makes_a_draft_with_the_shorter_time(dept, catalog):
    import io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["PHỤ LỤC: DANH MỤC THỦ TỤC HÀNH CHÍNH"])  # a title above the heading row
    sheet.append(["STT", "Mã thủ tục", "Tên thủ tục hành chính", "Thời hạn giải quyết", "Căn cứ pháp lý"])
    sheet.append([1, "STTTT.BC.02", "Họp báo", "1 ngày", "Luật Báo chí 2016"])
    sheet.append([2, CODE, catalog[CODE].name, "12 ngày làm việc", "Luật Báo chí 2016\nThông tư 41/2020/TT-BTTTT"])
    content = io.BytesIO()
    book.save(content)
    decision = "Quyết định số 0000/QĐ-UBND (demo)"
    draft, diff = services.version_import(catalog[CODE], content.getvalue(), decision=decision)
    assert draft.local_time_limit == 12 and draft.time_limit == 20  # the statutory limit stays
    assert draft.announcements[0]["document"] == decision and "2" in draft.announcements[0]["row"]
    assert draft.legal_basis == "Luật Báo chí 2016; Thông tư 41/2020/TT-BTTTT"
    assert any("12" in line for line in diff)
    with pytest.raises(ValidationError):
        services.version_import(catalog[CODE], b"PK\x03\x04 not a workbook")


def test_loading_the_catalogue_again_keeps_the_row_showing_the_version_in_force(dept, catalog):
    from django.utils import timezone

    from stttt.procedures.models import Procedure
    from stttt.procedures.services import catalog_load

    procedure = catalog[CODE]
    draft = services.version_draft(procedure, changes={**COMPLETE, "valid_from": timezone.localdate()})
    services.version_publish(draft)
    assert Procedure.objects.get(pk=procedure.pk).local_time_limit == 10
    catalog_load(agency=dept.agency)  # the data file has no shorter time
    assert Procedure.objects.get(pk=procedure.pk).local_time_limit == 10
