from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import get_resolver

from stttt.core.apps import capabilities
from stttt.core.audit import history_of


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """What exists in this installation: one card per capability with its figures."""
    mounted = get_resolver().namespace_dict
    cards = [c for c in capabilities() if c.nav_url and c.label in mounted]
    return render(request, "web/home.html", {"cards": cards})


@login_required
def history(request: HttpRequest, app_label: str, model_name: str, pk: str) -> HttpResponse:
    """Who changed what and when on one record; for users allowed to view that kind of record."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        raise Http404 from None
    if not hasattr(model, "history") or not request.user.has_perm(f"{app_label}.view_{model._meta.model_name}"):
        raise Http404
    record = get_object_or_404(model, pk=pk)
    return render(request, "web/history.html", {"record": record, "entries": history_of(record),
                                                "model_name": model._meta.verbose_name})
