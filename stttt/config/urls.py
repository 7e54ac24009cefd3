"""Root URLs: the API, the admin, then every capability's pages.

A capability's pages are its `urls.py`, mounted at its `url_prefix` (namespace = app label), like the
admin's autodiscovery: an app without a `urls.py` simply has no pages.
"""

import importlib
from types import ModuleType

from django.contrib import admin
from django.core.exceptions import ImproperlyConfigured
from django.urls import URLPattern, URLResolver, include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from stttt.core.apps import CapabilityConfig, capabilities


def _pages(config: CapabilityConfig) -> ModuleType | None:
    module_name = f"{config.name}.urls"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        return None
    if config.url_prefix is None:
        raise ImproperlyConfigured(f"{config.name} has pages but no url_prefix in its AppConfig.")
    return module


def capability_urls() -> list[URLPattern | URLResolver]:
    mounted: list[URLPattern | URLResolver] = []
    for config in capabilities():
        module = _pages(config)
        if module is not None:
            mounted.append(path(config.url_prefix or "", include((module, config.label), namespace=config.label)))
    return mounted


# Under /api/ an unknown address and an unexpected error are answered in the API's error format,
# elsewhere with the HTML page.
handler404 = "stttt.api.errors.page_not_found"
handler500 = "stttt.api.errors.server_error"

urlpatterns = [
    # The language switch is a display preference, not an act on the visitor's data: without a CSRF token,
    # the public pages hold nothing of their reader's and are kept whole (`core.pagecache`).
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("api/", include("stttt.api.urls")),
    path("admin/", admin.site.urls),
    *capability_urls(),
]
