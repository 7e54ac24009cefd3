"""The real URLs plus two views that fail: one in DRF, one plain Django view, both under /api/."""

from django.http import HttpRequest, HttpResponse
from django.urls import path
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.request import Request

from stttt.config.urls import handler404, handler500
from stttt.config.urls import urlpatterns as real_urlpatterns

__all__ = ["handler404", "handler500", "urlpatterns"]


@api_view(["GET"])
@permission_classes([AllowAny])
def drf_boom(request: Request) -> HttpResponse:
    raise RuntimeError("a bug in an API view")


def plain_boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug outside DRF")


urlpatterns = [
    path("api/test-boom/drf/", drf_boom),
    path("api/test-boom/plain/", plain_boom),
    path("test-boom/page/", plain_boom),
    *real_urlpatterns,
]
