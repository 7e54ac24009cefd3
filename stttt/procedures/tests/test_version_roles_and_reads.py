"""Who drafts and publishes versions (the Office and the processing division draft; the Director and the
Deputy Director in charge publish), loading the catalogue file never changes a published version (it
drafts), and every read of a dossier's procedure facts reads the version it was filed under."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from stttt.procedures import forms, permissions, selectors, services, slips, versions
from stttt.procedures.models import Component, Dossier, Procedure, ProcedureVersion
from stttt.procedures.tests.conftest import PDF, at, file_dossier
from stttt.procedures.workflow import HEAD

CODE = "STTTT.BC.01"  # TTBCXB, 3.4.b
BASIS = "Quyết định số 999/QĐ-UBND (demo), Phụ lục I, mục 1"
NEW = "Bản cam kết bảo đảm điều kiện xuất bản bản tin (demo)"


# --- who may draft and publish -----------------------------------------------------------------------


def test_the_office_and_the_division_draft_the_director_and_the_deputy_in_charge_publish(dept, catalog):
    procedure = catalog[CODE]
    drafters = {dept.director, dept.deputy, dept.desk, dept.head, dept.officer}
    publishers = {dept.director, dept.deputy}  # the deputy is in charge of TTBCXB
    for user in (*drafters, dept.deputy2, dept.outsider, dept.other_head, dept.applicant, dept.district_officer_a):
        assert permissions.may_draft_versions(user, procedure) is (user in drafters), user
        assert permissions.may_publish_versions(user, procedure) is (user in publishers), user


def test_the_services_refuse_an_actor_without_the_role_and_change_nothing(dept, catalog):
    procedure = catalog[CODE]
    with pytest.raises(PermissionDenied):
        services.version_draft(procedure, actor=dept.outsider, changes={"time_limit": 5})
    assert not ProcedureVersion.objects.filter(procedure=procedure, number=2).exists()
    draft = services.version_draft(procedure, actor=dept.officer, changes={"time_limit": 15})
    with pytest.raises(PermissionDenied):
        services.version_publish(draft, actor=dept.head, valid_from=dt.date(2030, 1, 1))
    draft.refresh_from_db()
    assert not draft.published and draft.valid_from is None
    services.version_publish(draft, actor=dept.deputy, valid_from=dt.date(2030, 1, 1))
    draft.refresh_from_db()
    assert draft.published and draft.published_by == dept.deputy and draft.valid_from == dt.date(2030, 1, 1)


def test_the_pages_import_and_publish_only_for_their_roles(dept, catalog):
    page = f"/thu-tuc/danh-muc/{CODE}/"
    export = b'{"MaTTHC": "%s", "ThoiHanGiaiQuyet": 15, "DonViThoiGian": "Ng\xc3\xa0y l\xc3\xa0m vi\xe1\xbb\x87c"}' % (
        CODE.encode()
    )
    outsider = Client()
    outsider.force_login(dept.outsider)
    assert b"version-import" not in outsider.get(page).content
    assert outsider.post(f"{page}phien-ban/nhap/", {"export": _file(export)}).status_code == 403

    officer = Client()
    officer.force_login(dept.officer)
    assert officer.post(f"{page}phien-ban/nhap/", {"export": _file(export)}).status_code == 302
    shown = officer.get(page).content.decode()
    assert 'data-testid="version-diff"' in shown and "→ 15" in shown and "version-publish" not in shown
    assert officer.post(f"{page}phien-ban/2/cong-bo/", {"valid_from": "2030-01-01"}).status_code == 403

    director = Client()
    director.force_login(dept.director)
    assert "version-publish" in director.get(page).content.decode()
    assert director.post(f"{page}phien-ban/2/cong-bo/", {"valid_from": "2030-01-01"}).status_code == 302
    assert ProcedureVersion.objects.get(procedure=catalog[CODE], number=2).published


def _file(content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("export.json", content, content_type="application/json")


# --- loading the catalogue file never changes a published version ------------------------------------


def _changed_file(tmp_path: Path, **changes) -> Path:
    entries = yaml.safe_load(services.DATA_FILE.read_text(encoding="utf-8"))
    for entry in entries:
        if entry["code"] == CODE:
            entry.update(changes)
    path = tmp_path / "procedures.yaml"
    path.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    return path


def test_loading_a_changed_file_drafts_and_leaves_the_published_version_and_the_row(dept, catalog, tmp_path):
    procedure = catalog[CODE]
    first = ProcedureVersion.objects.get(procedure=procedure, number=1)
    frozen = versions.facts_of(first)
    components = list(procedure.components.values_list("pk", "name"))
    entry = next(e for e in yaml.safe_load(services.DATA_FILE.read_text(encoding="utf-8")) if e["code"] == CODE)
    path = _changed_file(
        tmp_path,
        time_limit=12,
        division_days=6,
        notes="Ghi chú mới (demo)",
        components=[*entry["components"][1:], {"name": NEW}],
    )
    drafted: list[str] = []
    services.catalog_load(path, agency=dept.agency, drafted=drafted)
    assert drafted == [CODE]
    assert versions.facts_of(ProcedureVersion.objects.get(pk=first.pk)) == frozen  # the published one is as it was
    row = Procedure.objects.get(pk=procedure.pk)
    assert row.time_limit == 20 and row.division_days == 10  # facts of the row: still the version in force
    assert row.notes == "Ghi chú mới (demo)"  # the row's own fields follow the file
    assert list(row.components.values_list("pk", "name")) == components
    draft = ProcedureVersion.objects.get(procedure=procedure, number=2)
    assert not draft.published and draft.time_limit == 12 and draft.stage_days("division") == 6
    assert [c["name"] for c in draft.components][-1] == NEW
    lines = versions.diff_lines(frozen, versions.facts_of(draft))
    assert any("20 → 12" in line for line in lines) and any(line.startswith("+ ") and NEW in line for line in lines)

    again: list[str] = []
    services.catalog_load(path, agency=dept.agency, drafted=again)  # the same file: the same one draft
    assert ProcedureVersion.objects.filter(procedure=procedure).count() == 2


def test_loading_the_same_file_drafts_nothing(dept, catalog):
    drafted: list[str] = []
    services.catalog_load(agency=dept.agency, drafted=drafted)
    assert drafted == [] and not ProcedureVersion.objects.filter(status="draft").exists()


def test_the_cli_says_which_drafts_wait(dept, catalog, tmp_path):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("procedures", "load", "--file", str(_changed_file(tmp_path, time_limit=12)), stdout=out)
    assert CODE in out.getvalue()


# --- a dossier reads the version it was filed under --------------------------------------------------


def _second_version(procedure, *, valid_from: dt.date, **changes) -> ProcedureVersion:
    """Version 2 from `valid_from`: one component removed, one added, and `changes`."""
    first = ProcedureVersion.objects.get(procedure=procedure, number=1)
    components = [*first.components[1:], {"name": NEW, "copy_kind": "original", "copies": 1, "required": True}]
    draft = services.version_draft(procedure, changes={"components": components, **changes})
    return services.version_publish(draft, valid_from=valid_from, now=at(2024, 10, 20))


def _uploads(components):
    return [services.Upload(c, f"giay-to-{c.pk}.pdf", PDF) for c in components if c.required]


def test_components_are_those_of_the_version_filed_under(dept, catalog):
    procedure = catalog[CODE]
    old_components = versions.components_of(ProcedureVersion.objects.get(procedure=procedure, number=1))
    before = file_dossier(procedure, dept.applicant, {"applicant_name": "A"}, when=at(2024, 10, 30))
    second = _second_version(procedure, valid_from=dt.date(2024, 11, 1))
    added = Component.objects.get(procedure=procedure, name=NEW)  # publishing gave it a row
    removed = old_components[0]
    new_components = versions.components_of(second)
    assert added in new_components and removed not in new_components

    # A new filing: the added component is required, the removed one is not asked any more.
    with pytest.raises(ValidationError) as refused:
        services.dossier_file(
            procedure,
            actor=dept.applicant,
            data={"applicant_name": "B"},
            uploads=_uploads(old_components),
            now=at(2024, 11, 4),
        )
    assert f"file_{added.pk}" in refused.value.message_dict and f"file_{removed.pk}" in refused.value.message_dict
    after, _created = services.dossier_file(
        procedure,
        actor=dept.applicant,
        data={"applicant_name": "B"},
        uploads=_uploads(new_components),
        now=at(2024, 11, 4),
    )
    assert after.procedure_version == second

    # The forms and slips of each dossier list its own version's components.
    assert set(forms.UploadForm(dossier=before).fields["component"].queryset) == set(old_components)
    assert set(forms.UploadForm(dossier=after).fields["component"].queryset) == set(new_components)
    assert removed in slips.received_components(before) and added not in slips.received_components(before)
    assert added in slips.received_components(after) and removed not in slips.received_components(after)


def test_the_portal_and_the_desk_show_the_version_in_force(dept, catalog):
    from django.utils import timezone

    from stttt.portal.forms import SubmitForm

    procedure = catalog[CODE]
    _second_version(procedure, valid_from=timezone.localdate(), fee="50.000 đồng (demo)")
    procedure.refresh_from_db()
    submit = SubmitForm(procedure=procedure, key="k", user=dept.applicant)
    assert NEW in [c.name for c in submit.components]
    desk = forms.DeskReceiveForm(procedures=Procedure.objects.filter(pk=procedure.pk), chosen=str(procedure.pk))
    assert NEW in [c.name for c in desk.components]

    dept.agency.host_names = "testserver"  # the portal of this agency
    dept.agency.save()
    page = Client().get(f"/cong-khai/thu-tuc/{CODE}/")
    assert page.status_code == 200
    assert NEW in page.content.decode() and "50.000 đồng (demo)" in page.content.decode()


def test_the_division_and_the_role_of_the_department_are_those_of_the_version(dept, catalog):
    procedure = catalog[CODE]
    before = file_dossier(procedure, dept.applicant, {"applicant_name": "A"}, when=at(2024, 10, 30))
    before = services.dossier_transition(before.pk, "receive", actor=dept.desk, now=at(2024, 10, 30, 10))
    second = _second_version(procedure, valid_from=dt.date(2024, 11, 1), division_code="BCVTCNTT", handling="decide")
    after, _created = services.dossier_file(
        procedure,
        actor=dept.applicant,
        data={"applicant_name": "B"},
        uploads=_uploads(versions.components_of(second)),
        now=at(2024, 11, 4),
    )
    after = services.dossier_transition(after.pk, "receive", actor=dept.desk, now=at(2024, 11, 4, 10))
    for dossier in (before, after):
        services.dossier_transition(dossier.pk, "transfer", actor=dept.desk, now=at(2024, 11, 4, 11))
    before, after = Dossier.objects.get(pk=before.pk), Dossier.objects.get(pk=after.pk)

    assert HEAD in permissions.roles_of(dept.head, before) and HEAD not in permissions.roles_of(dept.head, after)
    assert HEAD in permissions.roles_of(dept.other_head, after)
    visible = set(selectors.dossiers_visible_to(dept.other_head))
    assert after in visible and before not in visible
    assert dept.outsider in selectors.officers_of(permissions.handled_by(after))
    with pytest.raises(ValidationError):  # the old division's officer is not of the new one
        services.dossier_transition(after.pk, "assign", actor=dept.other_head, assignee=dept.officer)
    rows = {r["key"]: r for r in selectors.statistics("2024-11", by="division", agency=dept.agency)}
    assert rows["TTBCXB"]["received"] == 0 and rows["BCVTCNTT"]["received"] == 1
    assert rows.get("TTBCXB") is not None  # the dossier received in October still counts there


def test_an_annex_table_with_the_headings_seen_in_announcements_is_read():
    import io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["DANH MỤC THỦ TỤC HÀNH CHÍNH"])
    sheet.append(["STT", "Mã số TTHC", "Tên thủ tục hành chính", "Thời hạn giải quyết", "Phí, lệ phí (nếu có)"])
    sheet.append([1, CODE, "Cấp giấy phép xuất bản bản tin", "10 ngày làm việc", "Không"])
    content = io.BytesIO()
    book.save(content)
    entry = versions.read_export(content.getvalue(), CODE)
    facts = versions.national_facts(entry)
    assert facts["time_limit"] == 10 and facts["time_unit"] == "working" and facts["fee"] == "Không"


def test_an_export_of_odd_shapes_is_read_or_refused_never_broken():
    facts = versions.national_facts(
        {"MaTTHC": CODE, "ThanhPhanHoSo": "Tờ khai\nBản sao", "CanCuPhapLy": "Luật Báo chí 2016", "PhiLePhi": None}
    )
    assert [c["name"] for c in facts["components"]] == ["Tờ khai", "Bản sao"]
    assert facts["legal_basis"] == "Luật Báo chí 2016"
    listed = [{"Ten": None, "SoLuong": "x"}, {"Ten": "Đơn", "SoLuong": "02 bản"}]
    odd = versions.national_facts({"ThanhPhanHoSo": listed})
    assert odd["components"] == [{"name": "Đơn", "copy_kind": "original", "copies": 2, "form": "", "required": True}]
    with pytest.raises(ValidationError):
        versions.national_facts({"ThoiHanGiaiQuyet": "mười ngày"})
