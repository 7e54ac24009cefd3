"""`core.pagecache.public_page` keeps a page only when nothing in it is its reader's own."""

import pytest
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory

from stttt.core.pagecache import public_page

pytestmark = pytest.mark.django_db


def _reader(path: str = "/trang/"):
    request = RequestFactory().get(path)
    SessionMiddleware(lambda r: HttpResponse()).process_request(request)
    MessageMiddleware(lambda r: HttpResponse()).process_request(request)
    request.user = AnonymousUser()
    return request


def _page(extra=lambda request: None):
    calls = []

    @public_page(lambda request: '"v1"')
    def view(request):
        calls.append(request)
        extra(request)
        return HttpResponse(f"trang {len(calls)}")

    return view, calls


def test_a_plain_page_is_rendered_once_then_served_kept():
    view, calls = _page()
    first, second = view(_reader()), view(_reader())
    assert len(calls) == 1 and second.content == first.content == b"trang 1"
    assert second["ETag"] == '"v1"'
    view(_reader("/trang/?page=2"))
    view(_reader("/trang/?q=tim"))
    view(_reader("/trang/?q=tim"))
    assert len(calls) == 4, "another page number is kept apart; a search is rendered each time"


def _no_op(request):
    return None


@pytest.mark.parametrize(
    ("personal", "kept"),
    [
        pytest.param(get_token, False, id="a CSRF token"),
        pytest.param(lambda request: messages.info(request, "Đã lưu"), False, id="a notice"),
        pytest.param(lambda request: request.session.__setitem__("k", 1), False, id="a session write"),
        pytest.param(_no_op, True, id="nothing of the reader's"),
    ],
)
def test_a_page_holding_something_of_its_reader_is_never_kept(personal, kept):
    view, calls = _page(personal)
    view(_reader())
    view(_reader())
    assert (len(calls) == 1) is kept


def test_a_reader_with_a_session_is_rendered(settings):
    view, calls = _page()
    with_session = _reader()
    with_session.COOKIES[settings.SESSION_COOKIE_NAME] = "x"
    view(with_session)
    view(with_session)
    assert len(calls) == 2
