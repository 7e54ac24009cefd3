"""YAML and XLSX imports: the issue's shape is accepted; a bad file changes nothing and lists every problem."""

import io
import textwrap

import pytest
import yaml
from django.utils import translation
from openpyxl import Workbook

from stttt.org import demo, importing, selectors
from stttt.org.models import Agency, Assignment, Staff, Unit

ISSUE_SHAPE = textwrap.dedent("""\
    agency: {code: STTTT-BP, name: Sở Thông tin và Truyền thông tỉnh Bình Phước, deputy_director_cap: 3}
    units:
      - {code: VP, name: Văn phòng Sở, kind: office}
      - {code: TTCNTT, name: Trung tâm CNTT và TT, kind: public_service_unit}
      - {code: TTCNTT-KT, name: Phòng Kỹ thuật, kind: centre_division, parent: TTCNTT}
    staff:
      - {id: CB001, name: Nguyễn Văn An, category: civil_servant, unit: VP, position: head}
""")

BAD = textwrap.dedent("""\
    agency: {code: X, name: Sở X, deputy_director_cap: -1}
    units:
      - {code: VP, name: Văn phòng, kind: office}
      - {code: VP, name: Trùng mã, kind: office}
      - {code: K1, name: Phòng, kind: bureau}
      - {code: K2, name: Phòng con, kind: centre_division, parent: VP}
    staff:
      - {id: A1, name: Người Một, category: civil_servant, unit: VP, position: head}
      - {id: A2, name: Người Hai, category: soldier, unit: NOPE, position: head}
      - {id: A3, category: civil_servant, unit: VP, position: giám đốc, start_on: 31/02/2025}
""")


def test_issue_shape_is_accepted(db):
    report = importing.import_yaml(ISSUE_SHAPE)
    assert report.created["units"] == 3
    head = Assignment.objects.get(staff__code="CB001")
    assert (head.unit.code, head.position, head.kind) == ("VP", "head", "primary")
    assert Unit.objects.get(code="TTCNTT-KT").parent.code == "TTCNTT"
    assert importing.import_yaml(ISSUE_SHAPE).created == {}


def test_bad_yaml_changes_nothing_and_lists_every_problem(db):
    with translation.override("vi"), pytest.raises(importing.ImportFailed) as caught:
        importing.import_yaml(BAD)
    problems = {(p.row, p.column) for p in caught.value.problems}
    assert {
        ("agency", "deputy_director_cap"),
        ("units #2", "code"),
        ("units #3", "kind"),
        ("units #4", "parent"),
        ("staff #2", "category"),
        ("staff #2", "unit"),
        ("staff #3", "name"),
        ("staff #3", "start_on"),
    } <= problems
    assert not Agency.objects.exists() and not Unit.objects.exists() and not Staff.objects.exists()


def test_yaml_syntax_error_has_line(db):
    with pytest.raises(importing.ImportFailed) as caught:
        importing.import_yaml("units: [\n  {code: VP\n")
    assert caught.value.problems[0].row


def test_write_time_refusals_roll_back_everything(db):
    data = yaml.safe_load(ISSUE_SHAPE)
    data["units"].append({"code": "BGD", "name": "Ban Giám đốc", "kind": "leadership"})
    data["staff"].append(
        {"id": "CB002", "name": "Người Hai", "category": "civil_servant", "unit": "BGD", "position": "deputy_director"}
    )
    data["staff"].append(
        {"id": "CB003", "name": "Người Ba", "category": "civil_servant", "unit": "VP", "position": "staff"}
    )
    # CB003 is not a Deputy Director: the acting appointment is refused while writing (5.2)
    data["acting"] = [{"staff": "CB003", "unit": "BGD", "start_on": "2026-01-05", "end_on": "2026-01-09"}]
    with pytest.raises(importing.ImportFailed) as caught:
        importing.import_data(data)
    assert [p.row for p in caught.value.problems] == ["acting #1"]
    assert not Unit.objects.exists() and not Staff.objects.exists()


def test_export_then_import_changes_nothing(db):
    demo.load(io.StringIO())
    agency = selectors.agency_get()
    text = importing.export_yaml(agency)
    count, history = Assignment.objects.count(), Assignment.history.count()
    report = importing.import_yaml(text)
    assert report.created == {} and report.updated == {}
    assert (Assignment.objects.count(), Assignment.history.count()) == (count, history)


def test_moving_someone_by_import_keeps_history(db):
    importing.import_yaml(ISSUE_SHAPE)
    data = yaml.safe_load(ISSUE_SHAPE)
    data["units"].append({"code": "TTRA", "name": "Thanh tra Sở", "kind": "inspectorate"})
    data["staff"][0].update({"unit": "TTRA", "position": "staff", "start_on": "2099-01-01"})
    importing.import_data(data)
    posts = list(Assignment.objects.filter(staff__code="CB001").order_by("start_on"))
    assert [p.unit.code for p in posts] == ["VP", "TTRA"]
    assert posts[0].end_on.isoformat() == "2098-12-31"


def xlsx(rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Mã cán bộ", "Họ và tên", "Loại", "Đơn vị", "Chức vụ", "Từ ngày"])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_xlsx_staff_import(db):
    importing.import_yaml(ISSUE_SHAPE)
    content = xlsx(
        [
            ["CB010", "Trần Thị Bình", "Viên chức", "TTCNTT-KT", "Trưởng phòng", "01/02/2025"],
            ["CB011", "Lê Văn Cường", "Viên chức", "TTCNTT-KT", "Phó Trưởng phòng", "01/02/2025"],
            ["CB012", "Phạm Văn Dũng", "Hợp đồng", "VP", "Nhân viên", None],
        ]
    )
    report = importing.import_staff_xlsx(content)
    assert report.created["staff"] == 3
    assert Assignment.objects.get(staff__code="CB011").position == "deputy_head"
    assert Staff.objects.get(code="CB012").category == "contract_worker"


def test_bad_xlsx_changes_nothing_and_lists_every_bad_row(db):
    importing.import_yaml(ISSUE_SHAPE)
    before = Staff.objects.count()
    content = xlsx(
        [
            ["CB010", "Trần Thị Bình", "Viên chức", "TTCNTT-KT", "Trưởng phòng", "01/02/2025"],
            ["CB011", "", "Công nhân", "TTCNTT-KT", "Phó Trưởng phòng", "2025-13-01"],
            ["CB012", "Phạm Văn Dũng", "Hợp đồng", "KHONGCO", "Nhân viên", None],
        ]
    )
    with translation.override("vi"), pytest.raises(importing.ImportFailed) as caught:
        importing.import_staff_xlsx(content)
    found = {(p.row, p.column) for p in caught.value.problems}
    assert found == {("3", "Họ và tên"), ("3", "Loại"), ("3", "Từ ngày"), ("4", "Đơn vị")}
    assert all(p.reason for p in caught.value.problems)
    assert Staff.objects.count() == before


def test_xlsx_without_required_columns(db):
    importing.import_yaml(ISSUE_SHAPE)
    workbook = Workbook()
    workbook.active.append(["Tên"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(importing.ImportFailed) as caught:
        importing.import_staff_xlsx(buffer.getvalue())
    assert {p.column for p in caught.value.problems} == {"id", "name", "category", "unit"}
    with pytest.raises(importing.ImportFailed):
        importing.import_staff_xlsx(b"not a workbook")
