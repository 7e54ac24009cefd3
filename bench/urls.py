"""The product's URLs plus `/bench-hello/`: a hello-world Django view through the same middleware, served by the
same server in the same run, so each page's throughput is read as a share of the framework's floor."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from stttt.config.urls import urlpatterns as product


def hello(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Hello, world", content_type="text/plain")


urlpatterns = [path("bench-hello/", hello), *product]
