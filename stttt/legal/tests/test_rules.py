"""Pure rules, without the database."""

import datetime

import pytest

from stttt.legal import rules


def test_point_letters_follow_the_vietnamese_sequence():
    assert rules.next_letter(None) == "a"
    assert rules.next_letter("d") == "đ"
    assert rules.next_letter("đ") == "e"
    assert rules.next_letter("e") == "g"  # no f
    assert rules.next_letter("i") == "k"  # no j
    assert rules.next_letter("y") is None
    assert rules.next_letter("f") is None


def test_repeated_label_is_read_as_the_next_letter():
    assert rules.repair_point_label("d", "d") == "đ"
    assert rules.repair_point_label("c", "d") == "d"
    assert rules.repair_point_label(None, "a") == "a"
    assert rules.repair_point_label("y", "y") == "y"  # nothing after y: kept


@pytest.mark.parametrize(
    "typed",
    [
        "3.14.đ",
        "3.14.dd",
        "3.14.Đ",
        " 3 . 14 . đ ",
        "art_3__para_14__point_dd",
        "điểm đ khoản 14 Điều 3",
        "diem dd khoan 14 dieu 3",
        "Điểm đ, khoản 14, Điều 3",
    ],
)
def test_every_form_of_a_point_citation(typed):
    ref = rules.parse_reference(typed)
    assert ref == rules.Reference("regulation", (("article", "3"), ("clause", "14"), ("point", "đ")))
    assert rules.eid_for(ref.part, ref.path) == "art_3__para_14__point_dd"
    assert rules.citation_for(ref.part, ref.path) == "3.14.đ"


def test_decision_articles_have_their_own_ids():
    ref = rules.parse_reference("Điều 2 Quyết định")
    assert ref == rules.Reference("decision", (("article", "2"),))
    assert rules.eid_for(ref.part, ref.path) == "dec__art_2"
    assert rules.citation_for(ref.part, ref.path) == "QĐ.2"
    assert rules.parse_reference("QĐ.2") == ref
    assert rules.parse_reference("dec__art_2") == ref
    assert rules.eid_for("regulation", (("article", "2"),)) == "art_2"


def test_chapters_and_indents():
    assert rules.parse_reference("Chương II") == rules.Reference("regulation", (("chapter", "II"),))
    assert rules.parse_reference("chp_2") == rules.Reference("regulation", (("chapter", "II"),))
    assert rules.eid_for("regulation", (("chapter", "II"),)) == "chp_2"
    ref = rules.parse_reference("4.2.a.1")
    assert rules.eid_for(ref.part, ref.path) == "art_4__para_2__point_a__indent_1"
    assert rules.spoken_for(ref.path) == "gạch đầu dòng thứ 1 điểm a khoản 2 Điều 4"


@pytest.mark.parametrize("typed", ["", "xyz", "3.a", "3.14.z", "khoản 14", "art_3__point_a", "Điều 3 Điều 4"])
def test_not_citations(typed):
    assert rules.parse_reference(typed) is None


def test_full_citation_in_vietnamese_legal_style():
    text = rules.full_citation(
        "regulation",
        (("article", "3"), ("clause", "14"), ("point", "đ")),
        doc_type="Quyết định",
        number="12/2023/QĐ-UBND",
        date=datetime.date(2023, 3, 23),
        issuer="Ủy ban nhân dân tỉnh Bình Phước",
    )
    assert text == (
        "điểm đ khoản 14 Điều 3 Quy định ban hành kèm theo Quyết định số 12/2023/QĐ-UBND "
        "ngày 23 tháng 3 năm 2023 của Ủy ban nhân dân tỉnh Bình Phước"
    )


def test_date_written_with_leading_zeros_only_where_required():
    assert rules.vietnamese_date(datetime.date(2023, 3, 3)) == "ngày 03 tháng 3 năm 2023"
    assert rules.vietnamese_date(datetime.date(2023, 2, 10)) == "ngày 10 tháng 02 năm 2023"
    assert rules.vietnamese_date(datetime.date(2023, 12, 31)) == "ngày 31 tháng 12 năm 2023"


def test_dates_found_in_text():
    assert rules.first_date("có hiệu lực kể từ ngày 03 tháng 3 năm 2023") == datetime.date(2023, 3, 3)
    assert rules.first_date("ngày 31/01/2023") == datetime.date(2023, 1, 31)
    assert rules.first_date("ngày 31 tháng 02 năm 2023") is None


def test_entry_into_force_at_least_ten_days_after_signing_a_local_document():
    """LPLD 2015 art. 151(1): provincial documents enter into force no earlier than 10 days after signing."""
    signed, local = datetime.date(2023, 2, 21), "12/2023/QĐ-UBND"
    assert rules.date_conflicts(signed, datetime.date(2023, 3, 3), local) == []  # 10 days
    assert rules.date_conflicts(signed, datetime.date(2023, 3, 2), local) == ["too_early"]  # 9 days
    assert rules.date_conflicts(signed, signed, local) == ["too_early"]
    assert rules.date_conflicts(datetime.date(2023, 3, 23), datetime.date(2023, 3, 3), local) == ["before_signing"]
    assert rules.date_conflicts(None, datetime.date(2023, 3, 3), local) == []


@pytest.mark.parametrize("number", ["80/2025/QH15", "304/2025/NĐ-CP", "36/2025/TT-BXD", "01/2025/QĐ-TTg"])
def test_central_documents_wait_45_days(number):
    """LPLD 2025 art. 53(1): 45 days for a document of a central state body; 10 for a local government's."""
    signed = datetime.date(2025, 7, 1)
    assert rules.min_days_before_force(number, signed) == rules.ForceDelay(45, "Luật 64/2025/QH15, Điều 53 khoản 1")
    assert rules.date_conflicts(signed, datetime.date(2025, 8, 15), number) == []  # 45 days
    assert rules.date_conflicts(signed, datetime.date(2025, 8, 14), number) == ["too_early"]


def test_force_delay_by_the_law_in_force_when_signed():
    for number in ("80/2025/NQ-HĐND", "72/2025/QĐ-UBND"):
        assert rules.min_days_before_force(number, datetime.date(2025, 4, 1)).days == 10
    assert rules.min_days_before_force("12/2023/QĐ-UBND", datetime.date(2025, 3, 31)).basis.startswith("Luật 80/2015")
    assert rules.min_days_before_force("12/2023/QĐ-UBND", datetime.date(2025, 4, 1)).basis.startswith("Luật 64/2025")
    assert rules.min_days_before_force("không số", datetime.date(2025, 4, 1)) is None
    assert rules.date_conflicts(datetime.date(2025, 7, 1), datetime.date(2025, 7, 2), "không số") == []


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("BỘ XÂY DỰNG", "Bộ Xây dựng"),
        ("BỘ KHOA HỌC VÀ CÔNG NGHỆ", "Bộ Khoa học và Công nghệ"),
        ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Bộ Văn hóa, Thể thao và Du lịch"),
        ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và Xã hội"),
        ("BỘ GIAO THÔNG VẬN TẢI", "Bộ Giao thông vận tải"),
        ("BỘ CÔNG THƯƠNG", "Bộ Công Thương"),
        ("QUỐC HỘI", "Quốc hội"),
        ("ỦY BAN THƯỜNG VỤ QUỐC HỘI", "Ủy ban Thường vụ Quốc hội"),
        ("CHÍNH PHỦ", "Chính phủ"),
        ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"),
        ("ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC", "Ủy ban nhân dân tỉnh Bình Phước"),
        ("HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "Hội đồng nhân dân thành phố Hồ Chí Minh"),
        ("ỦY BAN NHÂN DÂN XÃ TÂN  LẬP", "Ủy ban nhân dân xã Tân Lập"),
        ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH BÌNH PHƯỚC", "Sở Thông tin và Truyền thông tỉnh Bình Phước"),
    ],
)
def test_issuer_names_capitalised_as_vietnamese_writes_them(header, name):
    assert rules.issuer_name(header) == name


ARTICLE_2 = (
    "Sở có chức năng tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về báo chí; xuất bản, in, "
    "phát hành; phát thanh, truyền hình; thông tin điện tử; thông tin đối ngoại; thông tin cơ sở; bưu "
    "chính; viễn thông; tần số vô tuyến điện; công nghiệp công nghệ thông tin; ứng dụng công nghệ thông "
    "tin; an toàn thông tin mạng; giao dịch điện tử, chuyển đổi số tại địa phương (sau đây gọi tắt là "
    "thông tin và truyền thông)."
)


def test_fields_of_state_management_from_article_2():
    fields = rules.fields_from_functions(ARTICLE_2)
    assert len(fields) == 14
    assert fields[0] == "báo chí"
    assert fields[1] == "xuất bản, in, phát hành"
    assert fields[-2:] == ["giao dịch điện tử", "chuyển đổi số"]
    assert rules.fields_from_functions("Không có danh sách") == []


def test_clause_fields():
    names = rules.fields_from_functions(ARTICLE_2)
    fields = [(str(i), rules.field_keywords(n)) for i, n in enumerate(names)]
    by_name = dict(zip([str(i) for i in range(len(names))], names, strict=True))

    def named(intro):
        return [by_name[c] for c in rules.fields_of_clause(intro, fields)]

    assert named("Về báo chí (bao gồm báo in, phát thanh, truyền hình, bản tin)") == ["báo chí"]
    assert named("Về xuất bản, in và phát hành") == ["xuất bản, in, phát hành"]
    assert named("Về bưu chính") == ["bưu chính"]
    assert named("Về quảng cáo") == ["báo chí", "xuất bản, in, phát hành", "thông tin điện tử"]
    assert set(named("Về chuyển đổi số, ứng dụng công nghệ thông tin, giao dịch điện tử")) == {
        "chuyển đổi số",
        "ứng dụng công nghệ thông tin",
        "giao dịch điện tử",
    }
    assert named("Thực hiện công tác thi đua, khen thưởng") == names  # a duty across the sector
