"""Amending documents: their instructions read, consolidated versions by date, notes, diffs, AKN, dated
parameters and who holds a duty after the 2025 reorganisation (issue 15). Every date is tested on the day
before, the day of and the day after it takes effect."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from stttt.legal import amending, demo, export, importer, selectors
from stttt.legal.models import Amendment, Document, ParameterValue
from stttt.legal.services import consolidation
from stttt.legal.tests.fixtures import seed_markdown

DAY = datetime.timedelta(days=1)
EFFECTIVE = datetime.date(2024, 7, 1)


def _day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def _amending_text(body: str, *, number: str = "998/2024/QĐ-UBND", day: str = "01 tháng 9 năm 2024") -> str:
    """A small amending decision of the same shape as the demo one (test data, not a real document)."""
    return f"""| ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
|---|---|
| Số: {number} | Bình Phước, ngày 20 tháng 8 năm 2024 |

**QUYẾT ĐỊNH**

**(Dữ liệu kiểm thử) Sửa đổi Quy định ban hành kèm theo Quyết định số 12/2023/QĐ-UBND**

**ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC**

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;

**QUYẾT ĐỊNH:**

**Điều 1.** Sửa đổi, bổ sung một số điều của Quy định ban hành kèm theo Quyết định số 12/2023/QĐ-UBND \
ngày 23 tháng 3 năm 2023 của Ủy ban nhân dân tỉnh Bình Phước như sau:

{body}

**Điều 2.** Quyết định này có hiệu lực thi hành kể từ ngày {day}.
"""


@pytest.fixture
def parameters(seed):
    specs = consolidation.load_yaml(demo.PARAMETERS)["parameters"]
    consolidation.parameters_define(specs, work_uri=seed.work_uri)
    return seed


@pytest.fixture
def amended(parameters):
    """The seed, its parameters and the demo amending decision (999/2024, in force 01/07/2024)."""
    return consolidation.amending_document_import(demo.DEMO_AMENDMENT.read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------------- pure


def test_instructions_of_the_usual_wordings():
    text = _amending_text(
        "1. Sửa đổi, bổ sung điểm a khoản 2 Điều 4 như sau:\n\n“a) Nội dung mới.”\n\n"
        "2. Bổ sung khoản 4 vào sau khoản 3 Điều 6 như sau:\n\n“4. Khoản mới.”\n\n"
        "3. Bãi bỏ khoản 3 Điều 5 và điểm b, điểm c khoản 1 Điều 3.\n\n"
        "4. Bổ sung điểm g vào khoản 4 Điều 3 như sau:\n\n“g) Điểm mới;”\n\n"
        "5. Điều 7 được sửa đổi, bổ sung như sau:\n\n“Điều 7. Tổ chức thực hiện\n\n1. Một.\n\n2. Hai.”"
    )
    assert amending.target_number(text) == "12/2023/QĐ-UBND"
    found = [(i.action, i.citation, i.after_eid, i.source_eid) for i in amending.parse_instructions(text)]
    assert found == [
        ("replace", "4.2.a", "", "dec__art_1__para_1"),
        ("insert", "6.4", "art_6__para_3", "dec__art_1__para_2"),
        ("repeal", "5.3", "", "dec__art_1__para_3"),
        ("repeal", "3.1.b", "", "dec__art_1__para_3"),
        ("repeal", "3.1.c", "", "dec__art_1__para_3"),
        ("insert", "3.4.g", "", "dec__art_1__para_4"),
        ("replace", "7", "", "dec__art_1__para_5"),
    ]
    article = amending.parse_instructions(text)[-1]
    node = amending.build_node(article.new_lines, article.path)
    assert node["heading"] == "Tổ chức thực hiện"
    assert [(c["citation"], c["text"]) for c in node["children"]] == [("7.1", "Một."), ("7.2", "Hai.")]


def test_instructions_not_understood_are_reported():
    text = _amending_text(
        "1. Bãi bỏ khoản 3 Điều 5.\n\n2. Thay thế cụm từ “Sở Thông tin và Truyền thông” bằng cụm từ "
        "“Sở Khoa học và Công nghệ” tại khoản 1 Điều 1."
    )
    assert [i.citation for i in amending.parse_instructions(text)] == ["5.3"]
    assert amending.unread_instructions(text) == [
        "Thay thế cụm từ “Sở Thông tin và Truyền thông” bằng cụm từ “Sở Khoa học và Công nghệ” tại khoản 1 Điều 1."
    ]
    assert amending.unread_instructions(demo.DEMO_AMENDMENT.read_text(encoding="utf-8")) == []


def test_a_text_without_instructions_is_not_amending():
    assert not amending.is_amending(seed_markdown())
    assert amending.parse_instructions("Điều 1. Quyết định này có hiệu lực.") == []


def test_the_quoted_point_is_built_as_the_importer_reads_the_seed():
    lines = ("a) Các phòng:", "- Văn phòng;", "- Thanh tra.", "Câu kết.")
    node = amending.build_node(lines, (("article", "4"), ("clause", "2"), ("point", "a")))
    assert node["eid"] == "art_4__para_2__point_a" and node["text"] == "Các phòng:"
    assert [c["citation"] for c in node["children"]] == ["4.2.a.1", "4.2.a.2"]
    assert node["wrap_up"] == "Câu kết."


def test_applying_to_a_missing_or_existing_provision_is_refused():
    tree = importer.as_tree(importer.parse(seed_markdown()))
    missing = amending.parse_instructions(_amending_text("1. Bãi bỏ khoản 9 Điều 5."))[0]
    with pytest.raises(amending.AmendmentError, match="khoản 9 Điều 5"):
        amending.apply(tree, missing, label="QĐ 12")
    existing = amending.parse_instructions(
        _amending_text("1. Bổ sung khoản 3 vào sau khoản 2 Điều 5 như sau:\n\n“3. X.”")
    )
    with pytest.raises(amending.AmendmentError, match=r"already exists|đã có"):
        amending.apply(tree, existing[0], label="QĐ 12")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("không thành lập phòng có dưới 05 biên chế công chức", 5),
        ("không thành lập phòng có dưới 12 biên chế công chức", 12),
        ("phòng có dưới biên chế công chức", None),
    ],
)
def test_read_parameter_digits(text, expected):
    assert amending.read_parameter(r"không thành lập phòng có dưới (\d+) biên chế công chức", text) == expected


@pytest.mark.parametrize(("word", "months"), [("tháng", 1), ("quý", 3), ("năm", 12)])
def test_read_parameter_periods(word, months):
    assert (
        amending.read_parameter(r"họp giao ban chuyên môn hàng (tháng|quý|năm)", f"họp giao ban chuyên môn hàng {word}")
        == months
    )


# ---------------------------------------------------------------------------------------------- versions


def test_the_text_in_force_on_each_side_of_the_effective_date(amended):
    for day, threshold, version_start in (
        ("2024-06-30", "Từ 08", "2023-03-03"),
        ("2024-07-01", "Từ 09", "2024-07-01"),
        ("2024-07-02", "Từ 09", "2024-07-01"),
    ):
        provision = selectors.provision_get("4.2.a", as_of=_day(day))
        assert threshold in provision.wrap_up, day
        assert (provision.document.effective_from or provision.document.version_date) == _day(version_start)


def test_the_amendment_makes_one_consolidated_version_and_keeps_the_original(amended, seed):
    assert [v.source_format for v in amended.versions] == ["consolidated"]
    versions = list(selectors.document_versions(seed.work_uri))
    assert [(v.version_date, v.effective_to) for v in versions] == [
        (_day("2023-03-03"), EFFECTIVE - DAY),
        (EFFECTIVE, None),
    ]
    assert amended.document.title.startswith("(VĂN BẢN MINH HỌA, KHÔNG CÓ THẬT)")
    assert not amended.document.primary and versions[-1].primary


def test_notes_of_the_consolidated_text_name_the_amending_provision(amended):
    version = selectors.default_document(as_of=EFFECTIVE)
    notes = selectors.consolidation_notes(version)
    assert notes["art_4__para_2__point_a"][0]["text"].startswith(
        "Điểm này được sửa đổi, bổ sung theo quy định tại khoản 1 Điều 1 của Quyết định số 999/2024/QĐ-UBND"
    )
    assert "có hiệu lực kể từ ngày 01 tháng 7 năm 2024" in notes["art_4__para_2__point_a"][0]["text"]
    assert notes["art_5__para_5"][0]["text"].startswith("Khoản này được bổ sung")
    assert selectors.consolidation_notes(selectors.default_document(as_of=EFFECTIVE - DAY)) == {}


def test_a_later_repeal_makes_another_version_with_its_note_on_the_parent(amended):
    text = _amending_text("1. Bãi bỏ khoản 3 Điều 5.")
    result = consolidation.amending_document_import(text)
    assert [v.version_date for v in result.versions] == [EFFECTIVE, _day("2024-09-01")]
    for day, present in (("2024-08-31", True), ("2024-09-01", False), ("2024-09-02", False)):
        version = selectors.default_document(as_of=_day(day))
        assert version.provisions.filter(citation="5.3").exists() is present
        assert version.provisions.filter(citation="5.5").exists()  # the earlier insertion stays
    notes = selectors.consolidation_notes(selectors.default_document(as_of=_day("2024-09-01")))
    assert notes["art_5"][0]["text"].startswith("Khoản 3 Điều 5 được bãi bỏ theo quy định tại khoản 1 Điều 1")


def test_reimporting_the_amendment_writes_nothing_new(amended):
    counts = (Document.history.count(), Amendment.history.count(), ParameterValue.objects.count())
    again = consolidation.amending_document_import(demo.DEMO_AMENDMENT.read_text(encoding="utf-8"))
    assert not again.created
    assert (Document.history.count(), Amendment.history.count(), ParameterValue.objects.count()) == counts


def test_an_amendment_of_a_missing_document_or_provision_is_refused_and_writes_nothing(parameters):
    before = Document.objects.count()
    with pytest.raises(importer.ImportRefused, match="5/2099"):
        consolidation.amending_document_import(
            _amending_text("1. Bãi bỏ khoản 3 Điều 5.").replace("12/2023/QĐ-UBND", "5/2099/QĐ-UBND")
        )
    with pytest.raises(importer.ImportRefused, match="khoản 9 Điều 5"):
        consolidation.amending_document_import(_amending_text("1. Bãi bỏ khoản 9 Điều 5."))
    assert Document.objects.count() == before and not Amendment.objects.exists()


def test_reimporting_the_base_rebuilds_the_consolidated_version(amended, seed):
    call_command("legal", "import", str(demo.seed_path()), stdout=io.StringIO())
    assert selectors.provision_get("4.2.a", as_of=EFFECTIVE).document.source_format == "consolidated"
    assert "Từ 09" in selectors.provision_get("4.2.a", as_of=EFFECTIVE).wrap_up


# ---------------------------------------------------------------------------------------------- parameters


def test_dated_parameter_values(amended, seed):
    for day, value, amended_by in (
        ("2023-03-02", None, None),
        ("2023-03-03", 8, ""),
        ("2024-06-30", 8, ""),
        ("2024-07-01", 9, "Quyết định số 999/2024/QĐ-UBND"),
        ("2024-07-02", 9, "Quyết định số 999/2024/QĐ-UBND"),
    ):
        found = selectors.parameters_at(seed.work_uri, _day(day)).get("division-two-deputies-from")
        if value is None:
            assert found is None
        else:
            assert (found["value"], found["amended_by"], found["citation"]) == (value, amended_by, "4.2.a"), day


def test_every_parameter_is_read_from_the_seed(parameters, seed):
    values = {k: v["value"] for k, v in selectors.parameters_at(seed.work_uri, _day("2023-03-03")).items()}
    assert values == {
        "division-min-civil-servants": 5,
        "division-two-deputies-from": 8,
        "division-max-deputies": 2,
        "division-small-max-deputies": 1,
        "centre-max-deputies": 2,
        "centre-division-min-public-employees": 7,
        "centre-division-two-deputies-from": 10,
        "centre-division-max-deputies": 2,
        "centre-division-small-max-deputies": 1,
        "staffing-plan-period-months": 12,
        "briefing-meeting-period-months": 1,
    }


# ---------------------------------------------------------------------------------------------- exports


def test_akn_exports_carry_the_amendments_and_validate(amended, seed):
    amended_xml = export.to_akn(selectors.default_document(as_of=EFFECTIVE))
    assert export.akn_errors(amended_xml) == []
    assert b"<passiveModifications>" in amended_xml and b'href="#art_4__para_2__point_a"' in amended_xml
    assert b'type="amendment"' in amended_xml and b"999/2024/Q" in amended_xml
    amending_xml = export.to_akn(amended.document)
    assert export.akn_errors(amending_xml) == []
    assert b"<activeModifications>" in amending_xml
    assert f"{seed.work_uri}/!att_1#art_4__para_2__point_a".encode() in amending_xml
    original = export.to_akn(seed)
    assert export.akn_errors(original) == [] and b"Modifications" not in original


# ---------------------------------------------------------------------------------------------- CLI


def test_cli_show_at_and_diff_between_dates(amended):
    out = io.StringIO()
    call_command("legal", "show", "4.2.a", "--at", "2024-06-30", stdout=out)
    assert "Từ 08" in out.getvalue() and "999/2024" not in out.getvalue()
    out = io.StringIO()
    call_command("legal", "show", "4.2.a", "--at", "2024-07-01", stdout=out)
    assert "Từ 09" in out.getvalue() and "Điểm này được sửa đổi, bổ sung" in out.getvalue()
    out = io.StringIO()
    call_command("legal", "diff", "2024-06-30", "2024-07-01", "--format", "json", stdout=out)
    changes = {c["citation"]: c["status"] for c in json.loads(out.getvalue())}
    assert changes == {"4.2.a": "changed", "5.5": "added"}
    with pytest.raises(CommandError):
        call_command("legal", "diff", "2020-01-01", "2024-07-01", stdout=io.StringIO())
    out = io.StringIO()
    call_command("legal", "params", "--at", "2024-07-01", "--format", "json", stdout=out)
    rows = {r["key"]: r for r in json.loads(out.getvalue())}
    assert rows["division-two-deputies-from"]["value"] == 9


def test_cli_import_recognises_an_amending_document(parameters, tmp_path):
    path = tmp_path / "amending.md"
    path.write_text(demo.DEMO_AMENDMENT.read_text(encoding="utf-8"), encoding="utf-8")
    out = io.StringIO()
    call_command("legal", "import", str(path), stdout=out)
    assert "4.2.a" in out.getvalue() and "5.5" in out.getvalue()
    assert Amendment.objects.count() == 2


# ---------------------------------------------------------------------------------------------- who


@pytest.fixture
def reorganised(seed):
    entries = consolidation.load_yaml(demo.REORGANISATION)["changes"]
    consolidation.competence_changes_load(entries, work_uri=seed.work_uri)
    return seed


def test_who_holds_a_duty_on_a_date(reorganised):
    for citation, day, holder in (
        ("3.4.b", "2024-06-01", "Sở Thông tin và Truyền thông tỉnh Bình Phước"),
        ("3.4.b", "2025-02-28", "Sở Thông tin và Truyền thông tỉnh Bình Phước"),
        ("3.4.b", "2025-03-01", "Sở Văn hóa, Thể thao và Du lịch tỉnh Bình Phước"),
        ("3.4.b", "2025-03-02", "Sở Văn hóa, Thể thao và Du lịch tỉnh Bình Phước"),
        ("3.4.b", "2025-06-30", "Sở Văn hóa, Thể thao và Du lịch tỉnh Bình Phước"),
        ("3.4.b", "2025-07-01", "Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Nai"),
        ("3.4.b", "2025-07-02", "Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Nai"),
        ("3.4.b", "2026-06-01", "Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Nai"),
        ("3.14", "2025-03-01", "Sở Khoa học và Công nghệ tỉnh Bình Phước"),
        ("3.14", "2026-06-01", "Sở Khoa học và Công nghệ tỉnh Đồng Nai"),
        ("3.10.a", "2025-02-28", "Sở Thông tin và Truyền thông tỉnh Bình Phước"),
    ):
        provision = selectors.provision_get(citation, as_of=_day(day))
        assert selectors.holder_of(provision, _day(day))["holder"] == holder, (citation, day)


def test_who_cites_every_step_and_flags_the_unsure_ones(reorganised):
    answer = selectors.holder_of(selectors.provision_get("3.4.b"), _day("2026-06-01"))
    assert [step["holder"] for step in answer["history"]] == [
        "Sở Thông tin và Truyền thông tỉnh Bình Phước",
        "Sở Khoa học và Công nghệ tỉnh Bình Phước",
        "Sở Văn hóa, Thể thao và Du lịch tỉnh Bình Phước",
        "Sở Khoa học và Công nghệ tỉnh Đồng Nai",
        "Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Nai",
    ]
    assert answer["history"][0]["basis"].startswith("điểm b khoản 4 Điều 3 Quy định ban hành kèm theo")
    assert "202/2025/QH15" in answer["basis"] and answer["unsure"]


def test_cli_who_before_and_after(reorganised):
    out = io.StringIO()
    call_command("legal", "who", "3.4.b", "--at", "2024-06-01", stdout=out)
    assert "Sở Thông tin và Truyền thông tỉnh Bình Phước" in out.getvalue().splitlines()[1]
    out = io.StringIO()
    call_command("legal", "who", "3.4.b", "--at", "2026-06-01", "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["holder"] == "Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Nai" and "202/2025/QH15" in data["basis"]


# ---------------------------------------------------------------------------------------------- pages and API


def test_pages_at_a_date_show_the_version_then_with_its_notes(amended, seed, client):
    from django.urls import reverse

    consolidated = selectors.default_document(as_of=EFFECTIVE)
    for day, target in (("2024-06-30", seed), ("2024-07-01", consolidated), ("2024-07-02", consolidated)):
        response = client.get(reverse("legal:provision", args=[seed.pk, "art_4__para_2__point_a"]), {"at": day})
        assert response.status_code == 302 and response["Location"].endswith(f"/{target.pk}/art_4__para_2__point_a/")
    html = client.get(reverse("legal:provision", args=[consolidated.pk, "art_4__para_2__point_a"])).content.decode()
    assert "Từ 09" in html and 'data-testid="consolidation-note"' in html and "999/2024/QĐ-UBND" in html
    html = client.get(reverse("legal:index"), {"at": "2024-07-01"}).content.decode()
    assert html.count('data-testid="consolidation-note"') == 2 and 'data-testid="amended-by"' in html
    assert (
        'data-testid="consolidation-note"'
        not in client.get(reverse("legal:index"), {"at": "2024-06-30"}).content.decode()
    )
    assert (
        'data-testid="amendments-made"'
        in client.get(reverse("legal:document", args=[amended.document.pk])).content.decode()
    )
    assert client.get(reverse("legal:document", args=[seed.pk]), {"at": "2020-01-01"}).status_code == 404


def test_who_page_and_api(reorganised, client, django_user_model):
    from django.urls import reverse
    from rest_framework.test import APIClient

    html = client.get(reverse("legal:who"), {"c": "3.4.b", "at": "2024-06-01"}).content.decode()
    assert 'data-testid="who-holder">Sở Thông tin và Truyền thông tỉnh Bình Phước<' in html
    html = client.get(reverse("legal:who"), {"c": "3.4.b", "at": "2026-06-01"}).content.decode()
    assert 'data-testid="who-holder">Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Nai<' in html and "202/2025/QH15" in html
    assert 'role="alert"' in client.get(reverse("legal:who"), {"c": "3.99"}).content.decode()
    api = APIClient()
    api.force_authenticate(django_user_model.objects.create_user("reader", password="x"))
    data = api.get("/api/v1/legal/who/3.4.b/", {"at": "2026-06-01"}).json()
    assert data["holder"] == "Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Nai" and data["unsure"]
    assert data["history"][0]["since"] == "2023-03-03"
    assert api.get("/api/v1/legal/who/3.4.b/", {"at": "2024-06-01"}).json()["holder"].startswith("Sở Thông tin")
    bad = api.get("/api/v1/legal/who/3.4.b/", {"at": "01/06/2026"})
    assert bad.status_code == 400 and "at" in bad.json()["errors"]


def test_api_provision_and_parameters_at_a_date(amended, django_user_model):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(django_user_model.objects.create_user("reader", password="x"))
    before = api.get("/api/v1/legal/provisions/4.2.a/", {"at": "2024-06-30"}).json()
    after = api.get("/api/v1/legal/provisions/4.2.a/", {"at": "2024-07-01"}).json()
    assert "Từ 08" in before["wrap_up"] and before["notes"] == []
    assert "Từ 09" in after["wrap_up"] and after["notes"][0]["amending_number"] == "999/2024/QĐ-UBND"
    rows = {r["key"]: r for r in api.get("/api/v1/legal/parameters/", {"at": "2024-07-01"}).json()}
    assert rows["division-two-deputies-from"]["value"] == 9
    assert rows["division-two-deputies-from"]["amended_by"] == "Quyết định số 999/2024/QĐ-UBND"
    rows = {r["key"]: r for r in api.get("/api/v1/legal/parameters/", {"at": "2024-06-30"}).json()}
    assert rows["division-two-deputies-from"]["value"] == 8
