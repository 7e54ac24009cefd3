import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from stttt.core.text import canonical, fold, matches


def test_fold_removes_diacritics_and_maps_d_stroke():
    assert fold("Giấy phép xuất bản bản tin") == "giay phep xuat ban ban tin"
    assert fold("ĐIỂM đ") == "diem d"


def test_nfd_and_nfc_fold_the_same():
    text = "Thông tin và Truyền thông"
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text))


def test_matches_ignores_case_diacritics_and_order():
    assert matches("giay phep", "Cấp Giấy phép hoạt động in")
    assert matches("phep GIAY", "Cấp Giấy phép hoạt động in")
    assert matches("dang ky", "Đăng ký")
    assert not matches("giay phep bao chi", "Cấp Giấy phép hoạt động in")


def test_canonical_collapses_whitespace_and_composes():
    assert canonical("  Sở\u00a0Thông   tin ") == "Sở Thông tin"
    assert canonical(unicodedata.normalize("NFD", "Sở")) == "Sở"


VIETNAMESE = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ ĐÂ")


@given(VIETNAMESE)
def test_fold_is_idempotent_and_ascii(text):
    folded = fold(text)
    assert fold(folded) == folded
    assert folded.isascii()


@given(VIETNAMESE)
def test_text_always_matches_itself_in_any_normal_form(text):
    assert matches(unicodedata.normalize("NFD", text), unicodedata.normalize("NFC", text))
