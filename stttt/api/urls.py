"""API root `/api/v1/`: each app adds its routes with `register(router)` in its `api.py`."""

import importlib

from django.apps import apps
from django.urls import include, path
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from stttt.api.views import CachedSchemaView, MeViewSet, TokenView


def build_router() -> DefaultRouter:
    router = DefaultRouter()
    router.register("me", MeViewSet, basename="me")
    for config in apps.get_app_configs():
        if not config.name.startswith("stttt.") or config.label == "api":
            continue
        try:
            module = importlib.import_module(f"{config.name}.api")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.api":
                raise
            continue
        module.register(router)
    return router


urlpatterns = [
    path("v1/", include(build_router().urls)),
    path("v1/auth/token/", TokenView.as_view(), name="api-token"),
    path("schema/", CachedSchemaView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]
