"""The regulation pages are rendered once per version of the data and revalidated with 304 (issue 13)."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stttt.legal import services
from stttt.legal.models import Field, Provision

pytestmark = pytest.mark.django_db


def _queries(client, url, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
    return response, len(captured)


def test_conditional_get_answers_304_without_rendering(seed, client):
    for url in (reverse("legal:index"), reverse("legal:document", args=[seed.pk])):
        first = client.get(url)
        assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
        assert "no-cache" in first["Cache-Control"]
        again, queries = _queries(client, url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304 and again.content == b""
        assert queries <= 3, "the check reads the document, not the tree"
        since, _count = _queries(client, url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert since.status_code == 304
        assert client.get(url, HTTP_IF_NONE_MATCH='"stale"').status_code == 200


def test_the_tree_is_rendered_once_per_version(seed, client):
    url = reverse("legal:index")
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        second = client.get(url)
    assert second.status_code == 200 and "art_3__para_14__point_dd" in second.content.decode()
    tree_reads = [q["sql"] for q in captured.captured_queries if "legal_provision" in q["sql"]]
    assert tree_reads == [], "provisions and their fields are read once per version, then kept"


def test_a_change_through_the_services_shows_at_once(seed, client):
    url = reverse("legal:index")
    field = Field.objects.create(code="thu-nghiem-bo-nho", name="Lĩnh vực thử nghiệm bộ nhớ đệm", order=99)
    clause = Provision.objects.filter(document=seed, kind="clause").first()
    first = client.get(url)
    assert field.name not in first.content.decode()
    services.provision_set_fields(clause, [field.code])
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    assert field.name in changed.content.decode()


def test_signed_in_readers_get_no_validators(seed, client):
    client.force_login(get_user_model().objects.create_user("reader", password="x-12345678"))
    response = client.get(reverse("legal:index"))
    assert response.status_code == 200 and not response.has_header("ETag")


def test_the_whole_page_is_kept_for_the_next_anonymous_reader(seed, client):
    """`core.pagecache`: the next reader of the same version gets the page without any template rendered;
    a reader asking for another day (`?as_of`) is rendered."""
    url = reverse("legal:index")
    first = client.get(url)
    again, queries = _queries(client, url)
    assert again.status_code == 200 and not again.templates and again.content == first.content
    assert queries <= 3, "the kept page is found from the version alone"
    assert client.get(url, {"as_of": "2024-01-01"}).templates
