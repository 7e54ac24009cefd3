"""The seed imported: its exact structure (counted by hand from the text), metadata and warnings."""

import datetime

import pytest

from stttt.legal import importer, selectors, services
from stttt.legal.models import DataWarning, Document, ExternalDocument, Field, LegalBasis, Provision
from stttt.legal.tests.fixtures import portal_text, seed_markdown, strip_markdown

pytestmark = pytest.mark.django_db

# Clauses per article of the Regulation, and points per clause, counted by hand from the seed.
CLAUSES = {"1": 2, "2": 0, "3": 35, "4": 3, "5": 4, "6": 6, "7": 2}
POINTS = {
    "3.1": 4,
    "3.4": 6,
    "3.5": 6,
    "3.6": 5,
    "3.7": 3,
    "3.8": 4,
    "3.9": 2,
    "3.10": 5,
    "3.11": 4,
    "3.12": 3,
    "3.13": 4,
    "3.14": 8,
    "3.15": 9,
    "3.20": 3,
    "4.1": 2,
    "4.2": 3,
    "4.3": 2,
}


def _get(document, citation):
    return Provision.objects.get(document=document, citation=citation)


def test_chapters_and_articles(seed):
    chapters = Provision.objects.filter(document=seed, kind="chapter").order_by("position")
    assert [(c.num, c.heading) for c in chapters] == [
        ("I", "VỊ TRÍ, CHỨC NĂNG"),
        ("II", "NHIỆM VỤ VÀ QUYỀN HẠN"),
        ("III", "CƠ CẤU TỔ CHỨC, BIÊN CHẾ VÀ CHẾ ĐỘ LÀM VIỆC"),
        ("IV", "MỐI QUAN HỆ CÔNG TÁC"),
        ("V", "ĐIỀU KHOẢN THI HÀNH"),
    ]
    assert [[a.num for a in c.children.order_by("position")] for c in chapters] == [
        ["1", "2"],
        ["3"],
        ["4", "5"],
        ["6"],
        ["7"],
    ]
    articles = Provision.objects.filter(document=seed, part="regulation", kind="article").order_by("position")
    assert [(a.eid, a.heading) for a in articles] == [
        ("art_1", "Vị trí"),
        ("art_2", "Chức năng"),
        ("art_3", "Nhiệm vụ và quyền hạn của Sở"),
        ("art_4", "Cơ cấu tổ chức, biên chế"),
        ("art_5", "Chế độ làm việc của Sở"),
        ("art_6", "Mối quan hệ công tác của Sở với các ngành, các cấp"),
        ("art_7", "Tổ chức thực hiện"),
    ]


def test_clauses_and_points_counted_by_hand(seed):
    for article, count in CLAUSES.items():
        clauses = _get(seed, article).children.filter(kind="clause").order_by("position")
        assert [c.num for c in clauses] == [str(n) for n in range(1, count + 1)], article
        for clause in clauses:
            points = clause.children.filter(kind="point")
            assert points.count() == POINTS.get(clause.citation, 0), clause.citation
    assert Provision.objects.filter(document=seed).count() == 146
    assert Provision.objects.filter(document=seed, kind="point").count() == 73
    assert Provision.objects.filter(document=seed, kind="indent").count() == 4
    assert [p.num for p in _get(seed, "3.14").children.order_by("position")] == list("abcdđegh")
    assert [p.num for p in _get(seed, "3.15").children.order_by("position")] == list("abcdđeghi")


def test_decision_articles_are_separate_provisions(seed):
    decision = Provision.objects.filter(document=seed, part="decision", kind="article").order_by("position")
    assert [(a.eid, a.citation) for a in decision] == [
        ("dec__art_1", "QĐ.1"),
        ("dec__art_2", "QĐ.2"),
        ("dec__art_3", "QĐ.3"),
    ]
    assert decision[1].text.startswith("Quyết định này có hiệu lực thi hành kể từ ngày 03 tháng 3 năm 2023")
    assert _get(seed, "2").text.startswith("Sở có chức năng tham mưu")
    assert selectors.provision_get("Điều 2 Quyết định").eid == "dec__art_2"
    assert selectors.provision_get("Điều 2").eid == "art_2"


def test_repeated_point_label_is_repaired_with_a_warning(seed):
    d = _get(seed, "3.14.d")
    dd = _get(seed, "3.14.đ")
    assert d.text.startswith("Xây dựng, duy trì, cập nhật, tổ chức thực hiện")
    assert dd.text.startswith("Hướng dẫn việc quản lý, kết nối, chia sẻ dữ liệu")
    assert dd.eid == "art_3__para_14__point_dd"
    warning = DataWarning.objects.get(document=seed, code="label_repaired")
    assert warning.provision == dd


def test_paragraph_split_by_page_break_is_joined(seed):
    point = _get(seed, "4.3.b")
    assert "phối hợp với Sở Nội vụ xây dựng kế hoạch biên chế công chức, biên chế viên chức trình" in point.text
    assert "\n" not in point.text
    assert point.text.endswith("theo quy định của pháp luật.")
    assert DataWarning.objects.get(document=seed, code="paragraph_joined").provision == point


def test_intro_indents_and_closing_text(seed):
    clause = _get(seed, "3.4")
    assert clause.text.startswith("Về báo chí (bao gồm báo in")
    point = _get(seed, "4.2.a")
    assert point.text == "Các phòng chuyên môn, nghiệp vụ:"
    assert [i.text for i in point.children.order_by("position")] == [
        "Văn phòng Sở;",
        "Thanh tra Sở;",
        "Phòng Thông tin - Báo chí - Xuất bản;",
        "Phòng Bưu chính - Viễn thông - Công nghệ thông tin.",
    ]
    assert point.wrap_up.startswith("Văn phòng Sở có Chánh Văn phòng và Phó Chánh Văn phòng")
    paragraphs = _get(seed, "4.2.b").text.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0] == "Đơn vị sự nghiệp công lập trực thuộc Sở:"


def test_metadata(seed):
    assert seed.doc_type == "Quyết định"
    assert seed.number == "12/2023/QĐ-UBND"
    assert seed.issuer == "Ủy ban nhân dân tỉnh Bình Phước"
    assert seed.place == "Bình Phước"
    assert seed.signing_date == datetime.date(2023, 3, 23)  # as written in the caption (see the warning)
    assert seed.signer == "Trần Tuệ Hiền"
    assert seed.signer_capacity == "Chủ tịch"
    assert seed.signed_on_behalf == "TM. Ủy ban nhân dân"
    assert seed.effective_from == datetime.date(2023, 3, 3)
    assert seed.effective_to is None
    assert (seed.replaces.number, seed.replaces.date) == ("41/2018/QĐ-UBND", datetime.date(2018, 11, 2))
    assert seed.title.startswith("Ban hành Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức")
    assert len(seed.recipients) == 11 and seed.recipients[0] == "Văn phòng Chính phủ"
    assert seed.primary


def test_warnings(seed):
    codes = sorted(DataWarning.objects.filter(document=seed).values_list("code", flat=True))
    assert codes == [
        "date_conflict",
        "header_missing",
        "heading_levels",
        "heading_levels",
        "heading_levels",
        "label_repaired",
        "number_spacing",
        "paragraph_joined",
    ]
    conflict = DataWarning.objects.get(document=seed, code="date_conflict")
    assert "23/03/2023" in conflict.message and "03/03/2023" in conflict.message


def test_legal_bases_and_one_catalogue(seed):
    bases = LegalBasis.objects.filter(document=seed).order_by("order")
    assert [b.kind for b in bases] == ["can_cu"] * 7 + ["thuc_hien", "de_nghi"]
    decree = ExternalDocument.objects.get(number="24/2014/NĐ-CP")
    assert decree.cited_in.count() == 2  # cited directly and by Decree 107/2020, one record
    assert decree.issuer == "Chính phủ" and decree.date == datetime.date(2014, 4, 4)
    circular = ExternalDocument.objects.get(number="11/2022/TT-BTTTT")
    assert circular.issuer == "Bộ trưởng Bộ Thông tin và Truyền thông"
    law = ExternalDocument.objects.get(doc_type="Luật", date=datetime.date(2015, 6, 19))
    assert law.title == "Luật Tổ chức chính quyền địa phương" and law.issuer == "Quốc hội"
    amending = ExternalDocument.objects.get(doc_type="Luật", date=datetime.date(2020, 6, 18))
    assert amending.title == "Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật"
    submissions = ExternalDocument.objects.filter(doc_type="Tờ trình").order_by("date")
    assert [(s.number, s.issuer) for s in submissions] == [
        ("09/TTr-STTTT", "Giám đốc Sở Thông tin và Truyền thông"),
        ("282/TTr-SNV", "Giám đốc Sở Nội vụ"),
    ]
    assert ExternalDocument.objects.count() == 11


def test_reimport_updates_in_place_and_keeps_edited_tags(seed):
    clause = _get(seed, "3.4")
    services.provision_set_fields(clause, ["buu-chinh"])
    before = dict(Provision.objects.filter(document=seed).values_list("eid", "pk"))
    result = services.document_import(seed_markdown())
    assert not result.created and result.document.pk == seed.pk
    assert (result.provisions_created, result.provisions_updated, result.provisions_removed) == (0, 0, 0)
    assert dict(Provision.objects.filter(document=seed).values_list("eid", "pk")) == before
    assert Document.objects.count() == 1 and ExternalDocument.objects.count() == 11
    assert DataWarning.objects.filter(document=seed).count() == 8
    assert list(_get(seed, "3.4").fields.values_list("code", flat=True)) == ["buu-chinh"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "# Báo cáo tháng\n\nHôm nay trời đẹp.\n",
        '{"a": 1}',
        "Just some notes\n\n- a\n- b\n",
        "QUYẾT ĐỊNH\n\nVề việc gì đó\n\nKhông có căn cứ, không có điều.\n",
    ],
)
def test_not_a_legal_document_is_refused_and_nothing_written(db, text):
    with pytest.raises(importer.ImportRefused):
        services.document_import(text)
    assert Document.objects.count() == 0 and Provision.objects.count() == 0 and Field.objects.count() == 0


@pytest.mark.parametrize("width", [40, 72, 100])
@pytest.mark.parametrize("header", [True, False])
def test_plain_text_copy_imports_to_the_same_tree(seed, width, header):
    markdown_tree = selectors.document_tree(seed)
    text = portal_text(seed_markdown(), width=width, header=header)
    assert "**" not in text and "#" not in text
    parsed = importer.parse(text)
    assert parsed.source_format == "text"
    assert importer.as_tree(parsed) == markdown_tree
    result = services.document_import(text)
    assert result.document.pk == seed.pk  # the same document and version: updated in place
    assert (result.provisions_created, result.provisions_updated, result.provisions_removed) == (0, 0, 0)
    assert selectors.document_tree(result.document) == markdown_tree
    codes = {w.code for w in result.warnings}
    assert {"label_repaired", "paragraph_joined", "date_conflict"} <= codes
    assert ("header_missing" in codes) is (not header)
    document = Document.objects.get(pk=seed.pk)
    assert (document.number, document.signing_date, document.place) == (
        "12/2023/QĐ-UBND",
        datetime.date(2023, 3, 23),
        "Bình Phước",
    )


def test_stripped_markdown_without_wrapping(seed):
    assert importer.as_tree(importer.parse(strip_markdown(seed_markdown()))) == selectors.document_tree(seed)


def test_fields_taxonomy_and_tags(seed):
    fields = list(selectors.fields_of_state_management())
    assert len(fields) == 14
    assert fields[0].name == "báo chí" and fields[0].code == "bao-chi"
    assert [f.code for f in _get(seed, "3.10").fields.all()] == ["buu-chinh"]
    assert [f.code for f in _get(seed, "3.4").fields.all()] == ["bao-chi"]
    assert {f.code for f in _get(seed, "3.14").fields.all()} == {
        "ung-dung-cong-nghe-thong-tin",
        "giao-dich-dien-tu",
        "chuyen-doi-so",
    }
    assert _get(seed, "3.31").fields.count() == 14
    clauses = selectors.provisions_of_article(3).filter(kind="clause")
    assert clauses.count() == 35
    assert all(c.fields.exists() for c in clauses)
    assert _get(seed, "4.1").fields.count() == 0  # only Article 3 is tagged
    radio = [p.citation for p in selectors.provisions_in_field("tan-so-vo-tuyen-dien")]
    assert "3.12" in radio and "3.31" in radio  # its own clause and the duties across the sector
    assert not {"3.4", "3.5", "3.10", "3.11", "3.15"} & set(radio)


DECREE = """| CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
|---|---|
| Số: 99/2024/NĐ-CP | Độc lập - Tự do - Hạnh phúc |
| | Hà Nội, ngày 05 tháng 01 năm 2024 |

NGHỊ ĐỊNH
Quy định về một việc thử nghiệm

Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;

Chính phủ ban hành Nghị định quy định về một việc thử nghiệm.

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về một việc thử nghiệm.

Điều 2. Đối tượng áp dụng
1. Cơ quan nhà nước.
2. Tổ chức, cá nhân có liên quan, gồm:
a) Doanh nghiệp;
b) Hộ kinh doanh.

Chương II
ĐIỀU KHOẢN THI HÀNH

Điều 3. Hiệu lực thi hành
Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 3 năm 2024.

TM. CHÍNH PHỦ
THỦ TƯỚNG
Nguyễn Văn A

Nơi nhận:
- Các bộ, cơ quan ngang bộ;
- Lưu: VT.
"""


def test_a_decree_without_attachment(db):
    parsed = importer.parse(DECREE)
    assert (parsed.doc_type, parsed.number, parsed.issuer, parsed.place) == (
        "Nghị định",
        "99/2024/NĐ-CP",
        "Chính phủ",
        "Hà Nội",
    )
    assert parsed.signing_date == datetime.date(2024, 1, 5)
    assert parsed.effective_from == datetime.date(2024, 3, 1)
    assert (parsed.signed_on_behalf, parsed.signer_capacity, parsed.signer) == (
        "TM. Chính phủ",
        "Thủ tướng",
        "Nguyễn Văn A",
    )
    assert parsed.recipients == ["Các bộ, cơ quan ngang bộ", "Lưu: VT."]
    assert parsed.title == "Quy định về một việc thử nghiệm"
    eids = [node.eid for node in parsed.decision.walk()]
    assert eids == [
        "decision",
        "dec__chp_1",
        "dec__art_1",
        "dec__art_2",
        "dec__art_2__para_1",
        "dec__art_2__para_2",
        "dec__art_2__para_2__point_a",
        "dec__art_2__para_2__point_b",
        "dec__chp_2",
        "dec__art_3",
    ]
    assert parsed.regulation.children == []
    assert not {w.code for w in parsed.warnings} & {"header_missing", "date_conflict"}
    document = services.document_import(DECREE).document
    from stttt.legal import export

    xml = export.to_akn(document)
    assert export.akn_errors(xml) == []
    assert "Chính phủ ban hành Nghị định".encode() in xml and b'eId="dec__chp_1"' in xml
    assert not document.primary or Document.objects.count() == 1
    assert selectors.provision_get("QĐ.2.2.b", document=document).text == "Hộ kinh doanh."
