"""The REST API and the pages."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from stttt.legal import citing
from stttt.legal.models import DataWarning, Provision

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(db):
    client = APIClient()
    user = get_user_model().objects.create_user("reader", password="x-12345678")
    client.force_authenticate(user)
    return client


def test_api_provision_by_citation_or_eid_with_children(seed, api):
    for ref in ("3.14.dd", "3.14.đ", "art_3__para_14__point_dd"):
        response = api.get(f"/api/v1/legal/provisions/{ref}/")
        assert response.status_code == 200, ref
        assert response.json()["eid"] == "art_3__para_14__point_dd"
    clause = api.get("/api/v1/legal/provisions/3.14/").json()
    assert [c["citation"] for c in clause["children"]] == [f"3.14.{x}" for x in "abcdđegh"]
    assert clause["full_citation"].startswith("khoản 14 Điều 3 Quy định ban hành kèm theo")
    assert "chuyen-doi-so" in clause["field_codes"]
    assert all(set(entry) == {"label", "count", "records"} for entry in clause["cited_by"])


def test_api_unknown_provision(seed, api):
    response = api.get("/api/v1/legal/provisions/3.14.k/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found" and "3.14.h" in response.json()["message"]


def test_api_lists(seed, api):
    documents = api.get("/api/v1/legal/documents/").json()["results"]
    assert documents[0]["number"] == "12/2023/QĐ-UBND" and documents[0]["effective_from"] == "2023-03-03"
    tree = api.get(f"/api/v1/legal/documents/{documents[0]['id']}/tree/").json()
    assert [root["eid"] for root in tree] == ["decision", "regulation"]
    hits = api.get("/api/v1/legal/search/", {"q": "giay phep xuat ban ban tin"}).json()
    assert hits[0]["citation"] == "3.4.b" and "<mark>" in hits[0]["snippet"]
    assert api.get("/api/v1/legal/search/").status_code == 400
    references = api.get("/api/v1/legal/references/").json()["results"]
    assert "24/2014/NĐ-CP" in {r["number"] for r in references}
    points = api.get("/api/v1/legal/provisions/", {"kind": "point"}).json()
    assert len(points) == 73
    assert len(api.get("/api/v1/legal/fields/").json()["results"]) == 14


def test_api_requires_login(seed):
    assert APIClient().get("/api/v1/legal/provisions/3/").status_code in (401, 403)


def test_whole_regulation_page_with_toc_and_anchors(seed, client):
    response = client.get(reverse("legal:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="art_3__para_14__point_dd"' in html
    assert 'href="#art_3"' in html  # table of contents
    assert reverse("legal:provision", args=[seed.pk, "art_3__para_14__point_dd"]) in html  # permalink
    assert "Hướng dẫn việc quản lý, kết nối, chia sẻ dữ liệu" in html
    assert 'data-testid="legal-warnings"' not in html  # warnings only for editors


def test_warnings_shown_to_staff(seed, client):
    staff = get_user_model().objects.create_user("editor", password="x-12345678", is_staff=True)
    client.force_login(staff)
    html = client.get(reverse("legal:index")).content.decode()
    assert 'data-testid="legal-warnings"' in html and "3.14.đ" in html
    page = client.get(reverse("legal:provision", args=[seed.pk, "art_4__para_3__point_b"])).content.decode()
    assert 'data-testid="legal-warnings"' in page


def test_search_page_highlights_ignoring_diacritics(seed, client):
    html = client.get(reverse("legal:search"), {"q": "giay phep xuat ban ban tin"}).content.decode()
    first = html.index('data-testid="legal-hits"')
    assert "3.4.b" in html[first : first + 400]
    assert "<mark>giấy phép xuất bản bản tin</mark>" in html
    assert 'data-testid="goto"' not in html
    html = client.get(reverse("legal:search"), {"q": "3.14.dd"}).content.decode()
    assert 'data-testid="goto"' in html


def test_provision_page_and_citing_registry(seed, client):
    url = reverse("legal:provision", args=[seed.pk, "art_3__para_14__point_dd"])
    html = client.get(url).content.decode()
    assert "Điểm đ khoản 14 Điều 3 Quy định ban hành kèm theo Quyết định số 12/2023/QĐ-UBND" in html
    assert "Hướng dẫn việc quản lý" in html
    # Another app registers a model with a foreign key to Provision; the page fills itself.
    citing.register(DataWarning, "provision", "Registered records")
    try:
        html = client.get(url).content.decode()
        assert "Registered records (1)" in html
        warning = DataWarning.objects.get(provision__eid="art_3__para_14__point_dd")
        assert str(warning) in html
    finally:
        citing.unregister(DataWarning, "provision")
    with pytest.raises(ValueError):
        citing.register(DataWarning, "document")
    citing.register(DataWarning, "provision__parent", "Warnings below")  # a lookup path
    try:
        clause = reverse("legal:provision", args=[seed.pk, "art_3__para_14"])
        assert "Warnings below (1)" in client.get(clause).content.decode()
    finally:
        citing.unregister(DataWarning, "provision__parent")
    assert client.get(reverse("legal:provision", args=[seed.pk, "art_99"])).status_code == 404
    response = client.get(reverse("legal:provision", args=[seed.pk, "3.14.dd"]))
    assert response.status_code == 302 and response["Location"].endswith("/art_3__para_14__point_dd/")


def test_other_pages(seed, client):
    for name in ("legal:documents", "legal:references", "legal:fields"):
        assert client.get(reverse(name)).status_code == 200
    assert "Nghị định" in client.get(reverse("legal:references")).content.decode()
    assert Provision.objects.exists()


def test_empty_page(db, client):
    assert client.get(reverse("legal:index")).status_code == 200


def test_index_as_of_a_date(seed, client):
    assert "Hướng dẫn việc quản lý" in client.get(reverse("legal:index"), {"as_of": "2024-01-01"}).content.decode()
    html = client.get(reverse("legal:index"), {"as_of": "2020-01-01"}).content.decode()
    assert 'id="art_3"' not in html
    assert client.get(reverse("legal:index"), {"as_of": "not-a-date"}).status_code == 200


def _second_request_queries(client, url: str) -> int:
    """Queries of a page asked a second time (what a page keeps between requests is counted as a busy server
    sees it)."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def test_query_counts_do_not_grow_with_the_tree(seed, client, api, settings):
    """The same pages of a small decree and of the 146-provision seed cost the same queries.

    Abuse-limit counters are counted apart (core's tests): in the embedded store the first request of a
    window makes the counter row, later ones update it, so an absolute number here would be about the clock.
    """
    from stttt.legal.services import document_import
    from stttt.legal.tests.test_import import DECREE

    settings.STTTT_COUNTER_STORE = "cache"
    # a legal basis with a number, as the seed has, so both pages list their bases
    decree = document_import(DECREE.replace("Chính phủ ngày", "Chính phủ số 76/2015/QH13 ngày")).document
    assert decree.bases.filter(references__isnull=False).exists()
    assert Provision.objects.filter(document=decree).count() < Provision.objects.filter(document=seed).count() / 10
    costs = {
        document.pk: [
            _second_request_queries(client, reverse("legal:document", args=[document.pk])),
            _second_request_queries(api, f"/api/v1/legal/provisions/?document={document.pk}"),
            _second_request_queries(api, f"/api/v1/legal/provisions/{article}/?document={document.pk}"),
            _second_request_queries(api, f"/api/v1/legal/documents/{document.pk}/tree/"),
        ]
        for document, article in ((decree, "dec__art_2"), (seed, "3"))  # an article with clauses in each
    }
    assert costs[decree.pk] == costs[seed.pk]
    assert costs[seed.pk][2] <= 6 + 2 * len(citing.sources())  # a count and a page per citing app


def test_decree_page(db, client):
    from stttt.legal.services import document_import
    from stttt.legal.tests.test_import import DECREE

    document = document_import(DECREE).document
    html = client.get(reverse("legal:document", args=[document.pk])).content.decode()
    assert 'href="#dec__chp_1"' in html and 'id="dec__art_2__para_2__point_b"' in html
    assert "Chính phủ ban hành Nghị định" in html
    assert 'id="regulation"' not in html
