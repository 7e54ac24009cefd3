"""Public pages kept whole for anonymous readers, per version.

A public page that has an ETag (the regulation, a register) is the same for every anonymous reader of the
same version, path, language and host. Its ETag already lets a browser that holds it revalidate (304); this
keeps the rendered page in the pages cache so that the next reader without it is answered without rendering
either. The key holds the ETag, so a new version (licences or regulation changed, a new deployment) is never
answered from an old page.

A page is kept only when nothing in it is the reader's own: the request carries no session or messages cookie
(a signed-out reader with a notice waiting is rendered); the page asked for no CSRF token, wrote no session,
showed no notice and set no cookie (any of them would be someone else's in the next reader's page); and the
query string holds at most the page number (free-text searches vary without end and are rendered each time).

Staff lists, inboxes and dashboards are kept whole for their own reader (`reader_page`): per session, path,
language and day, until any data changes (`core.datarevision`: every committed write renews its token) or
`READER_TIMEOUT` passes (the bound for writes made outside Django). A reader asking again before anything
changed is answered without rendering; the page's CSRF tokens are minted anew for each answer. A reader who
reloads with `Cache-Control: no-cache` (a browser's hard reload) is always rendered."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import condition

from stttt.core import caching, datarevision

#: The cache alias kept pages live in (settings: Redis, or each process's memory; keys hold shared revisions).
PAGES = "pages"
TIMEOUT = 3600
KEPT_HEADERS = ("Content-Type", "Content-Language", "Cache-Control", "Vary", "Last-Modified")
PLAIN_QUERY = {"page"}
PRIVATE_COOKIES = ("SESSION_COOKIE_NAME", "CSRF_COOKIE_NAME")
#: A reader's kept page lives at most this long (seconds): what bounds a change made outside Django.
READER_TIMEOUT = 600
#: The CSRF token of each form (`{% csrf_token %}`), stored as a mark and minted anew for each answer.
_FORM_TOKEN = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
_TOKEN_MARK = b"\x00csrf\x00"


def _keepable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
        return False
    private = [getattr(settings, name) for name in PRIVATE_COOKIES] + [CookieStorage.cookie_name]
    if any(name in request.COOKIES for name in private):
        return False
    return set(request.GET) <= PLAIN_QUERY


def _keepable_response(request: HttpRequest, response: Any) -> bool:
    """Nothing of the reader's went into the page: no CSRF token asked for (its cookie is set after the view),
    no session written, no notice shown, no cookie set."""
    return _plain_page(request, response) and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")


def _plain_page(request: HttpRequest, response: Any, session_before: dict[str, Any] | None = None) -> bool:
    """A whole page that set no cookie, showed no notice and wrote nothing in the session (nothing since
    `session_before`, when given: what the middleware wrote before the view, such as the idle timeout's
    renewal, is not the page's)."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    session: Any = getattr(request, "session", None)
    written = session is not None and session.modified
    if written and (session_before is None or dict(session.items()) != session_before):
        return False
    notices = getattr(request, "_messages", None)
    return not (notices is not None and len(notices))


def _kept_response(found: tuple[bytes, dict[str, str]]) -> HttpResponse:
    content, headers = found
    response = HttpResponse(content)
    for name, value in headers.items():
        response[name] = value
    return response


def _kept_headers(response: Any) -> dict[str, str]:
    return {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}


def _key(request: HttpRequest, etag: str) -> str:
    return "stttt:page:" + caching.fingerprint(
        etag, request.get_host(), request.get_full_path(), translation.get_language()
    )


def public_page(
    etag_func: Callable[..., str | None], last_modified_func: Callable[..., Any] | None = None
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """`django.views.decorators.http.condition` (a reader holding the version gets 304; the browser is told to
    revalidate, `no-cache`), and the page kept whole for the next anonymous reader of the same version.
    `etag_func` returns None for pages never stored (signed-in readers); it is called once per request."""

    def once(request: HttpRequest, *args: Any, **kwargs: Any) -> str | None:
        if not hasattr(request, "_stttt_etag"):
            request._stttt_etag = etag_func(request, *args, **kwargs)  # type: ignore[attr-defined]
        return request._stttt_etag  # type: ignore[attr-defined]

    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def kept(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            etag = once(request, *args, **kwargs)
            key = _key(request, etag) if etag is not None and _keepable_request(request) else None
            found = caches[PAGES].get(key) if key else None
            if found is not None:
                return _kept_response(found)
            response = view(request, *args, **kwargs)
            if etag is not None:
                patch_cache_control(response, no_cache=True)  # kept by the browser, revalidated on each visit
            if key and _keepable_response(request, response):
                caches[PAGES].set(key, (response.content, _kept_headers(response)), timeout=TIMEOUT)
            return response

        return condition(etag_func=once, last_modified_func=last_modified_func)(kept)

    return decorator


def _reader_key(request: HttpRequest) -> str | None:
    """The key of a signed-in reader's page, or None when it is rendered each time: not a GET, a hard reload,
    or a notice waiting to be shown (in its cookie or in the session)."""
    if request.method not in ("GET", "HEAD") or not request.user.is_authenticated:
        return None
    if "no-cache" in request.headers.get("Cache-Control", ""):
        return None
    session = request.session
    if request.COOKIES.get(CookieStorage.cookie_name) or "_messages" in session:
        return None
    return "stttt:reader:" + caching.fingerprint(
        datarevision.current(),
        request.user.pk,
        session.session_key,
        request.get_host(),
        request.get_full_path(),
        translation.get_language(),
        timezone.localdate(),  # what is due or late moves with the day
    )


def reader_page(view: Callable[..., Any]) -> Callable[..., Any]:
    """A signed-in reader's list, inbox or dashboard, kept whole for that reader until any data changes
    (see the module's text). Goes below the view's access checks, which run on every request."""

    @wraps(view)
    def kept(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        key = _reader_key(request)
        found = caches[PAGES].get(key) if key else None
        if found is not None:
            response = _kept_response(found)
            if _TOKEN_MARK in response.content:
                response.content = response.content.replace(_TOKEN_MARK, get_token(request).encode())
            return response
        session_before = dict(request.session.items()) if key else None
        response = view(request, *args, **kwargs)
        if key and _plain_page(request, response, session_before) and response["Content-Type"].startswith("text/html"):
            content = _FORM_TOKEN.sub(rb"\g<1>" + _TOKEN_MARK + rb"\g<2>", response.content)
            caches[PAGES].set(key, (content, _kept_headers(response)), timeout=READER_TIMEOUT)
        return response

    return kept
