"""Public pages kept whole for anonymous readers, per version.

A public page that has an ETag (the regulation, a register) is the same for every anonymous reader of the
same version, path, language and host. Its ETag already lets a browser that holds it revalidate (304); this
keeps the rendered page in the shared cache so that the next reader without it is answered without rendering
either. The key holds the ETag, so a new version (licences or regulation changed, a new deployment) is never
answered from an old page.

A page is kept only when nothing in it is the reader's own: the request carries no session or messages cookie
(a signed-out reader with a notice waiting is rendered); the page asked for no CSRF token, wrote no session,
showed no notice and set no cookie (any of them would be someone else's in the next reader's page); and the
query string holds at most the page number (free-text searches vary without end and are rendered each time)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import condition

from stttt.core import caching

TIMEOUT = 3600
KEPT_HEADERS = ("Content-Type", "Content-Language", "Cache-Control", "Vary", "Last-Modified")
PLAIN_QUERY = {"page"}
PRIVATE_COOKIES = ("SESSION_COOKIE_NAME", "CSRF_COOKIE_NAME")


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
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    notices = getattr(request, "_messages", None)
    return not (notices is not None and len(notices))


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
            found = cache.get(key) if key else None
            if found is not None:
                content, headers = found
                response = HttpResponse(content)
                for name, value in headers.items():
                    response[name] = value
                return response
            response = view(request, *args, **kwargs)
            if etag is not None:
                patch_cache_control(response, no_cache=True)  # kept by the browser, revalidated on each visit
            if key and _keepable_response(request, response):
                headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
                cache.set(key, (response.content, headers), timeout=TIMEOUT)
            return response

        return condition(etag_func=once, last_modified_func=last_modified_func)(kept)

    return decorator
