"""`stttt org …`: findings at the boundaries through the CLI, exit statuses, imports, exports."""

import io
import json
import textwrap

import pytest
from django.core.management import CommandError, call_command

from stttt.org import demo
from stttt.org.models import Staff, Unit


def run(*args):
    out = io.StringIO()
    call_command("org", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def org_file(tmp_path, civil_servants, deputies, cap=3, deputy_directors=2, centre_employees=7, centre_deputies=1):
    """An organisation with one division sized at will, written as YAML."""
    staff = [{"id": "GD", "name": "Giám đốc", "category": "civil_servant", "unit": "BGD", "position": "director"}]
    staff += [
        {"id": f"PGD{i}", "name": f"Phó {i}", "category": "civil_servant", "unit": "BGD", "position": "deputy_director"}
        for i in range(deputy_directors)
    ]
    for i in range(civil_servants):
        position = "head" if i == 0 else "deputy_head" if i <= deputies else "staff"
        staff.append(
            {"id": f"P{i}", "name": f"Người {i}", "category": "civil_servant", "unit": "P1", "position": position}
        )
    staff.append({"id": "TT0", "name": "GĐ TT", "category": "public_employee", "unit": "TT", "position": "head"})
    for i in range(centre_employees):
        position = "head" if i == 0 else "deputy_head" if i <= centre_deputies else "staff"
        staff.append(
            {
                "id": f"K{i}",
                "name": f"Viên chức {i}",
                "category": "public_employee",
                "unit": "TT-K",
                "position": position,
            }
        )
    data = {
        "agency": {"code": "S", "name": "Sở", "deputy_director_cap": cap},
        "units": [
            {"code": "BGD", "name": "Ban Giám đốc", "kind": "leadership"},
            {"code": "P1", "name": "Phòng Một", "kind": "division"},
            {"code": "TT", "name": "Trung tâm", "kind": "public_service_unit"},
            {"code": "TT-K", "name": "Phòng Kỹ thuật", "kind": "centre_division", "parent": "TT"},
        ],
        "staff": staff,
    }
    path = tmp_path / "org.yaml"
    path.write_text(json.dumps(data, ensure_ascii=False))  # JSON is YAML
    return path


def findings(tmp_path, **sizes):
    run("import", str(org_file(tmp_path, **sizes)))
    return json.loads(run("check", "--format", "json"))["findings"]


@pytest.mark.parametrize(
    ("civil_servants", "deputies", "expected"),
    [
        (4, 0, "4.2.a"),
        (5, 1, None),
        (5, 2, "4.2.a"),
        (7, 1, None),
        (7, 2, "4.2.a"),
        (8, 2, None),
        (8, 3, "4.2.a"),
    ],
)
def test_check_4_2_a_boundaries(db, tmp_path, civil_servants, deputies, expected):
    errors = [
        f for f in findings(tmp_path, civil_servants=civil_servants, deputies=deputies) if f["severity"] == "error"
    ]
    assert [f["provision"] for f in errors] == ([expected] if expected else [])
    assert all(f["unit"] == "P1" for f in errors)


@pytest.mark.parametrize(
    ("employees", "deputies", "expected"),
    [
        (6, 0, "4.2.b"),
        (7, 1, None),
        (7, 2, "4.2.b"),
        (9, 1, None),
        (9, 2, "4.2.b"),
        (10, 2, None),
        (10, 3, "4.2.b"),
    ],
)
def test_check_4_2_b_boundaries(db, tmp_path, employees, deputies, expected):
    errors = [
        f
        for f in findings(tmp_path, civil_servants=5, deputies=1, centre_employees=employees, centre_deputies=deputies)
        if f["severity"] == "error"
    ]
    assert [(f["unit"], f["provision"]) for f in errors] == ([("TT-K", expected)] if expected else [])


@pytest.mark.parametrize(
    ("deputy_directors", "cap", "error"), [(2, 3, False), (3, 3, False), (4, 3, True), (1, 0, True), (0, 0, False)]
)
def test_check_4_1_b_boundaries(db, tmp_path, deputy_directors, cap, error):
    found = findings(tmp_path, civil_servants=5, deputies=1, deputy_directors=deputy_directors, cap=cap)
    assert any(f["provision"] == "4.1.b" and f["severity"] == "error" for f in found) is error


def test_check_messages_are_vietnamese(db, tmp_path):
    found = findings(tmp_path, civil_servants=4, deputies=0)
    assert "công chức" in found[0]["message"]


def test_bad_input_exits_2(db, tmp_path):
    with pytest.raises(CommandError) as caught:
        run("check")
    assert caught.value.returncode == 2
    run("import", str(org_file(tmp_path, civil_servants=5, deputies=1)))
    for args in (["check", "--at", "31/02/2025"], ["who", "3.99.z"], ["import", str(tmp_path / "none.yaml")]):
        with pytest.raises(CommandError) as caught:
            run(*args)
        assert caught.value.returncode == 2


def test_bad_import_exits_2_and_changes_nothing(db, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(
        textwrap.dedent("""\
        agency: {code: S, name: Sở}
        units: [{code: P1, name: Phòng, kind: nope}]
        staff: [{id: A, name: A, category: civil_servant, unit: ZZ}]
    """)
    )
    with pytest.raises(CommandError) as caught:
        run("import", str(path), "--format", "json")
    assert caught.value.returncode == 2
    assert not Unit.objects.exists() and not Staff.objects.exists()


def test_demo_commands(db, tmp_path):
    demo.load(io.StringIO())
    assert json.loads(run("check", "--format", "json"))["findings"] == [] or all(
        f["severity"] == "warning" for f in json.loads(run("check", "--format", "json"))["findings"]
    )
    who = json.loads(run("who", "3.8.a", "--format", "json"))
    assert who[0]["lead_unit"] == "TTBCXB"
    assert who[0]["deputy_in_charge"]
    assert json.loads(run("who", "trò chơi điện tử", "--format", "json"))
    svg = run("chart")
    assert svg.startswith("<svg") and "Ban Giám đốc" in svg
    chart = json.loads(run("chart", "--format", "json"))
    assert {u["code"] for u in chart["units"]} >= {"BGD", "VP", "TTCNTT"}
    exported = run("export")
    assert "STTTT-BP" in exported
    run("plan", "--year", "2026", "--format", "xlsx", "--output", str(tmp_path / "plan.xlsx"))
    run("plan", "--year", "2026", "--format", "docx", "--output", str(tmp_path / "plan.docx"))
    assert (tmp_path / "plan.xlsx").read_bytes()[:2] == b"PK" and (tmp_path / "plan.docx").read_bytes()[:2] == b"PK"
    whatif = json.loads(run("whatif", "CB025", "TTRA", "deputy_head", "--format", "json"))
    assert any(f["provision"] == "4.2.a" for f in whatif["added"])
    powers = json.loads(run("powers", "phogiamdoc1", "--at", "2026-12-08"))
    assert powers["is_acting_director"] is True


def test_cli_acts_on_the_agency_named(db, tmp_path):
    demo.load(io.StringIO())
    findings = json.loads(run("check", "--agency", "STTTT-BD", "--format", "json"))
    assert findings["agency"] == "STTTT-BD" and findings["findings"] == []
    exported = tmp_path / "bd.yaml"
    run("export", "--agency", "STTTT-BD", "-o", str(exported))
    text = exported.read_text(encoding="utf-8")
    assert "BD-VP" in text and "thu-dau-mot" in text and "STTTT-BP" not in text
    with pytest.raises(CommandError) as caught:
        run("import", str(exported), "--agency", "STTTT-BP")
    assert caught.value.returncode == 2
    with pytest.raises(CommandError) as caught:
        run("check", "--agency", "NOPE")
    assert caught.value.returncode == 2
