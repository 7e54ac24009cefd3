"""A public register page is kept whole for anonymous readers (`core.pagecache`): the next reader of the same
version is answered without rendering; a new version, a signed-in reader, a search, a reader with a session
or a page that set a cookie is rendered (issue 13)."""

import datetime as dt

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stttt.licensing import selectors, services
from stttt.licensing.kinds import KINDS
from stttt.testing.departments import SmallDepartment
from stttt.testing.scale import Counts, populate

pytestmark = pytest.mark.django_db


@pytest.fixture
def register():
    dept = SmallDepartment()
    populate(Counts(dossiers=0, licences=30, tasks=0, years=1), seed=5)
    licence = selectors.licences_with_status().filter(agency=dept.agency, current_status="valid").first()
    assert licence is not None
    host = dept.agency.host_names.split(",")[0]
    return dept, licence, host, reverse("portal:register", args=[KINDS[licence.kind].slug])


def rendered(response) -> bool:
    return bool(response.templates)


def test_the_next_anonymous_reader_gets_the_kept_page_until_a_licence_changes(register):
    dept, licence, host, url = register
    first = Client(HTTP_HOST=host).get(url)
    assert first.status_code == 200 and rendered(first) and not first.cookies
    second = Client(HTTP_HOST=host).get(url)
    assert second.status_code == 200 and not rendered(second)
    assert second.content == first.content and second["ETag"] == first["ETag"]
    assert second["Content-Type"] == first["Content-Type"] and "no-cache" in second["Cache-Control"]
    # a 304 still answers a reader that holds the page
    assert Client(HTTP_HOST=host).get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    _suspend(dept, licence)
    changed = Client(HTTP_HOST=host).get(url)
    assert rendered(changed) and changed["ETag"] != first["ETag"]


def test_each_language_and_page_is_kept_apart(register):
    _dept, _licence, host, url = register
    Client(HTTP_HOST=host).get(url)
    reader = Client(HTTP_HOST=host)
    reader.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = reader.get(url)
    assert rendered(english) and 'lang="en"' in english.content.decode()
    assert not rendered(reader.get(url)) and 'lang="vi"' in Client(HTTP_HOST=host).get(url).content.decode()
    assert rendered(Client(HTTP_HOST=host).get(url + "?page=2"))
    assert not rendered(Client(HTTP_HOST=host).get(url + "?page=2"))


@pytest.mark.parametrize(
    "reader",
    [
        pytest.param(lambda host, dept: _signed_in(host, dept).get, id="signed in"),
        pytest.param(lambda host, dept: _with_cookie(host, settings.SESSION_COOKIE_NAME).get, id="a session"),
        pytest.param(lambda host, dept: _with_cookie(host, "messages").get, id="a notice waiting"),
    ],
)
def test_readers_with_something_of_their_own_are_rendered(register, reader):
    dept, _licence, host, url = register
    get = reader(host, dept)
    for _ in range(2):
        response = get(url)
        assert response.status_code == 200 and rendered(response)


def _signed_in(host: str, dept) -> Client:
    client = Client(HTTP_HOST=host)
    client.force_login(dept.officer)
    return client


def _with_cookie(host: str, name: str) -> Client:
    client = Client(HTTP_HOST=host)
    client.cookies[name] = "x"
    return client


def test_a_search_is_rendered_each_time(register):
    _dept, _licence, host, url = register
    for _ in range(2):
        assert rendered(Client(HTTP_HOST=host).get(url, {"q": "cong"}))


def test_the_language_switch_needs_no_token_and_public_pages_carry_none(register):
    _dept, _licence, host, url = register
    page = Client(HTTP_HOST=host).get(url).content.decode()
    assert "csrfmiddlewaretoken" not in page
    visitor = Client(HTTP_HOST=host, enforce_csrf_checks=True)
    switched = visitor.post(reverse("set_language"), {"language": "en", "next": url})
    assert switched.status_code == 302 and visitor.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def test_the_index_of_registers_is_kept_until_a_licence_changes(register):
    dept, licence, host, _url = register
    index = reverse("portal:registers")
    first = Client(HTTP_HOST=host).get(index)
    assert rendered(first) and first["ETag"] and "no-cache" in first["Cache-Control"]
    assert not rendered(Client(HTTP_HOST=host).get(index))
    _suspend(dept, licence)
    assert rendered(Client(HTTP_HOST=host).get(index))


def _suspend(dept, licence) -> None:
    services.licence_event_add(
        licence.pk,
        "suspend",
        actor=dept.director,
        effective_on=timezone.localdate() - dt.timedelta(days=1),
        end_on=timezone.localdate() + dt.timedelta(days=30),
        legal_basis="Điều 3 Quyết định số 01/2024/QĐ-UBND",
    )
