"""Root URLs: the API, the admin, then every capability's pages under its `url_prefix`."""

from django.contrib import admin
from django.urls import include, path

from stttt.core.apps import capabilities

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("stttt.api.urls")),
    path("admin/", admin.site.urls),
    *[
        path(config.url_prefix, include((f"{config.name}.urls", config.label), namespace=config.label))
        for config in capabilities()
        if config.url_prefix is not None
    ],
]
