"""The agency's identity and its districts travel in the organisation file; YAML is read with limits."""

import textwrap

import pytest
from django.utils import translation

from stttt.legal.models import Document
from stttt.org import importing
from stttt.org.models import Agency, District

GOOD = textwrap.dedent("""\
    agency:
      code: STTTT-VD
      name: Sở Thông tin và Truyền thông tỉnh Ví Dụ
      deputy_director_cap: 2
      province: Ví Dụ
      parent_body: Ủy ban nhân dân tỉnh Ví Dụ
      letterhead_parent: UBND TỈNH VÍ DỤ
      letterhead_issuer: SỞ THÔNG TIN VÀ TRUYỀN THÔNG
      council_name: Hội đồng nhân dân tỉnh Ví Dụ
      ministry_name: Bộ Thông tin và Truyền thông
      place: Ví Dụ
      national_code: 000.00.00.H99
      one_stop_unit_code: VD-VP
      slug: vi-du
      host_names: [vidu.example.gov.vn, Cong.VIDU.example.gov.vn]
      regulation: 01/2024/QĐ-UBND
      organisation_source: Quyết định số 01/2024/QĐ-UBND (ví dụ)
    districts:
      - {code: thanh-pho-mot, name: Thành phố Một, kind: city, office_name: Phòng Văn hóa và Thông tin, order: 1}
      - {code: huyen-hai, name: Huyện Hai, kind: district, order: 2, active: false}
    units:
      - {code: VD-BGD, name: Ban Giám đốc, kind: leadership}
      - {code: VD-VP, name: Văn phòng Sở, kind: office}
""")


@pytest.fixture
def regulation(db):
    return Document.objects.create(
        work_uri="/vd/qd/2024/1",
        version_date="2024-01-05",
        doc_type="Quyết định",
        number="01/2024/QĐ-UBND",
        title="Quy định",
        issuer="Ủy ban nhân dân tỉnh Ví Dụ",
    )


def test_identity_and_districts_are_imported_and_exported(regulation):
    report = importing.import_yaml(GOOD)
    assert report.created["districts"] == 2
    agency = Agency.objects.get(code="STTTT-VD")
    assert (agency.parent_body, agency.letterhead_parent, agency.place) == (
        "Ủy ban nhân dân tỉnh Ví Dụ",
        "UBND TỈNH VÍ DỤ",
        "Ví Dụ",
    )
    assert (agency.national_code, agency.one_stop_unit_code, agency.slug) == ("000.00.00.H99", "VD-VP", "vi-du")
    assert agency.host_names == "vidu.example.gov.vn,cong.vidu.example.gov.vn"
    assert agency.regulation == regulation
    assert agency.council_name.startswith("Hội đồng") and agency.ministry_name.startswith("Bộ")
    assert agency.organisation_source.startswith("Quyết định")
    two = District.objects.get(agency=agency, code="huyen-hai")
    assert (two.kind, two.active, two.order) == ("district", False, 2)
    exported = importing.export_data(agency)
    assert exported["agency"]["regulation"] == "01/2024/QĐ-UBND"
    assert exported["agency"]["one_stop_unit_code"] == "VD-VP"
    assert [d["code"] for d in exported["districts"]] == ["thanh-pho-mot", "huyen-hai"]


def test_reimport_of_unchanged_identity_writes_no_history(regulation):
    importing.import_yaml(GOOD)
    agency = Agency.objects.get(code="STTTT-VD")
    history = agency.history.count(), sum(d.history.count() for d in District.objects.all())
    report = importing.import_yaml(importing.export_yaml(agency))
    assert report.created == {} and report.updated == {}
    assert (agency.history.count(), sum(d.history.count() for d in District.objects.all())) == history


def test_a_changed_district_is_updated(regulation):
    importing.import_yaml(GOOD)
    report = importing.import_yaml(
        GOOD.replace("name: Huyện Hai", "name: Thị xã Hai").replace("kind: district, order: 2", "kind: town, order: 2")
    )
    assert report.updated == {"districts": 1}
    assert District.objects.get(code="huyen-hai").kind == "town"


def test_bad_identity_and_district_rows_are_all_reported_in_vietnamese(db):
    Agency.objects.create(code="OTHER", name="Sở khác", slug="vi-du", host_names="vidu.example.gov.vn")
    bad = (
        GOOD.replace("one_stop_unit_code: VD-VP", "one_stop_unit_code: NOPE")
        .replace("regulation: 01/2024/QĐ-UBND", "regulation: 99/2099/QĐ-UBND")
        .replace(
            "- {code: huyen-hai, name: Huyện Hai, kind: district, order: 2, active: false}",
            "- {code: huyen-hai, name: Huyện Hai, kind: province, order: -2, active: maybe}\n"
            "  - {code: thanh-pho-mot, kind: city}\n"
            "  - {code: 'Có dấu', name: X, kind: town, colour: red}",
        )
    )
    with translation.override("vi"), pytest.raises(importing.ImportFailed) as caught:
        importing.import_yaml(bad)
    where = {(p.row, p.column) for p in caught.value.problems}
    assert {
        ("agency", "one_stop_unit_code"),
        ("agency", "regulation"),
        ("agency", "slug"),
        ("agency", "host_names"),
        ("districts #2", "kind"),
        ("districts #2", "order"),
        ("districts #2", "active"),
        ("districts #3", "name"),
        ("districts #3", "code"),
        ("districts #4", "code"),
        ("districts #4", "colour"),
    } <= where
    reasons = " ".join(p.reason for p in caught.value.problems)
    assert "99/2099/QĐ-UBND" in reasons
    assert not Agency.objects.filter(code="STTTT-VD").exists()
    assert not District.objects.exists()


def test_an_absent_regulation_is_no_problem(db):
    text = GOOD.replace("  regulation: 01/2024/QĐ-UBND\n", "")
    importing.import_yaml(text)
    assert Agency.objects.get(code="STTTT-VD").regulation is None


ALIAS_BOMB = textwrap.dedent("""\
    a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
    d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
    units: [*d, *d, *d, *d, *d, *d, *d, *d, *d]
""")


def test_an_alias_bomb_is_refused_with_a_clear_vietnamese_error(db):
    with translation.override("vi"), pytest.raises(importing.ImportFailed) as caught:
        importing.import_yaml(ALIAS_BOMB)
    [problem] = caught.value.problems
    assert problem.row == "dòng 1"
    assert "bí danh" in problem.reason


def test_a_file_over_the_size_cap_is_refused(db):
    with pytest.raises(importing.ImportFailed) as caught:
        importing.load_yaml(b"#" * (importing.MAX_BYTES + 1))
    assert "MB" in caught.value.problems[0].reason


def test_a_file_for_another_agency_is_refused_when_importing_into_one(regulation):
    mine = Agency.objects.create(code="MINE", name="Sở của tôi")
    with pytest.raises(importing.ImportFailed) as caught:
        importing.import_yaml(GOOD, agency=mine)
    assert ("agency", "code") in {(p.row, p.column) for p in caught.value.problems}
    assert not Agency.objects.filter(code="STTTT-VD").exists()
