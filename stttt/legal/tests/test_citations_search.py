"""Finding provisions by citation, suggestions for unknown ones, search ranking and highlighting."""

import pytest
from django.utils import translation

from stttt.legal import selectors
from stttt.legal.highlight import highlight, snippet

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("typed", ["3.14.đ", "3.14.dd", "art_3__para_14__point_dd", "điểm đ khoản 14 Điều 3"])
def test_provision_get_every_form(seed, typed):
    provision = selectors.provision_get(typed)
    assert provision.eid == "art_3__para_14__point_dd"
    assert provision.citation == "3.14.đ"
    assert provision.kind == "point" and provision.num == "đ"
    assert provision.parent.citation == "3.14"


def test_full_and_spoken_citation(seed):
    provision = selectors.provision_get("3.14.dd")
    assert selectors.spoken_citation(provision) == "điểm đ khoản 14 Điều 3"
    assert selectors.full_citation(provision) == (
        "điểm đ khoản 14 Điều 3 Quy định ban hành kèm theo Quyết định số 12/2023/QĐ-UBND ngày 23 tháng 3 năm "
        "2023 của Ủy ban nhân dân tỉnh Bình Phước"
    )
    assert selectors.full_citation(selectors.provision_get("QĐ.2")) == (
        "Điều 2 Quyết định số 12/2023/QĐ-UBND ngày 23 tháng 3 năm 2023 của Ủy ban nhân dân tỉnh Bình Phước"
    )


def test_unknown_citation_suggests_the_nearest(seed):
    with translation.override("vi"), pytest.raises(selectors.ProvisionNotFound) as caught:
        selectors.provision_get("3.14.k")
    error = caught.value
    assert isinstance(error, LookupError)
    assert error.suggestions and all(s.startswith("3.14.") for s in error.suggestions)
    assert "3.14.h" in error.suggestions
    assert "không có" in error.message and "3.14.h" in error.message
    with pytest.raises(selectors.ProvisionNotFound) as caught:
        selectors.provision_get("3.36")
    assert "3.35" in caught.value.suggestions
    with translation.override("vi"), pytest.raises(selectors.ProvisionNotFound) as caught:
        selectors.provision_get("hello")
    assert "không phải là trích dẫn" in caught.value.message


def test_nothing_imported(db):
    with pytest.raises(selectors.ProvisionNotFound):
        selectors.provision_get("3")


def test_provisions_of_article_3(seed):
    provisions = list(selectors.provisions_of_article(3))
    assert provisions[0].citation == "3.1" and provisions[1].citation == "3.1.a"
    assert len([p for p in provisions if p.kind == "clause"]) == 35
    assert len([p for p in provisions if p.kind == "point"]) == 66
    assert [p.citation for p in selectors.provisions_of_article(4, kinds=("indent",))] == [
        "4.2.a.1",
        "4.2.a.2",
        "4.2.a.3",
        "4.2.a.4",
    ]


def test_search_ignores_diacritics_and_ranks_the_exact_phrase_first(seed):
    hits = selectors.provision_search("giay phep xuat ban ban tin")
    assert hits[0]["citation"] == "3.4.b"
    assert hits[0]["eid"] == "art_3__para_4__point_b"
    assert "<mark>giấy phép xuất bản bản tin</mark>" in hits[0]["snippet"]
    broader = [hit["citation"] for hit in selectors.provision_search("giay phep xuat ban")]
    assert broader[0] == "3.4.b" and "3.5.a" in broader
    assert selectors.provision_search("GIẤY PHÉP xuất bản bản tin")[0]["citation"] == "3.4.b"
    assert selectors.provision_search("bưu chính công ích")[0]["citation"] == "3.10.đ"
    assert selectors.provision_search("zzzz") == []
    assert selectors.provision_search("   ") == []


def test_highlight_escapes_and_marks():
    assert highlight("Giấy phép <b>", "giay phep") == "<mark>Giấy phép</mark> &lt;b&gt;"
    assert str(highlight("bản tin, bản tin", "ban tin")) == "<mark>bản tin</mark>, <mark>bản tin</mark>"
    assert snippet("abc " * 200, "zzz").endswith("…")


def test_basis_sentence_of_the_imported_document(seed):
    assert selectors.basis_sentence(seed) == (
        "Căn cứ Quyết định số 12/2023/QĐ-UBND ngày 23 tháng 3 năm 2023 của Ủy ban nhân dân tỉnh Bình Phước"
    )


def test_basis_sentence_is_read_from_the_documents_fields(seed):
    seed.number, seed.issuer = "01/2024/QĐ-UBND", "Ủy ban nhân dân tỉnh Ví Dụ"
    seed.signing_date = seed.signing_date.replace(year=2024, month=1, day=5)
    assert selectors.basis_sentence(seed) == (
        "Căn cứ Quyết định số 01/2024/QĐ-UBND ngày 05 tháng 01 năm 2024 của Ủy ban nhân dân tỉnh Ví Dụ"
    )
    seed.signing_date = None
    assert selectors.basis_sentence(seed) == "Căn cứ Quyết định số 01/2024/QĐ-UBND của Ủy ban nhân dân tỉnh Ví Dụ"
