"""Pages that write versions of a procedure: import a national export (or an announcement's annex) as a
draft, and publish a draft. Input only: who may do it and what is checked live in `permissions` and the
services (`services.version_import`, `services.version_publish`)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from stttt.org.selectors import served_agency
from stttt.procedures import permissions, selectors, services, versions
from stttt.procedures.models import Procedure

MAX_EXPORT = 5 * 1024 * 1024  # one procedure's export; a larger file is not one


class VersionImportForm(forms.Form):
    export = forms.FileField(
        label=gettext_lazy("National database export (JSON or XLSX) or the annex table of a decision"),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,.xlsx"}),
    )
    decision = forms.CharField(
        label=gettext_lazy("Announcing decision (when the file is its annex)"), max_length=300, required=False
    )


class VersionPublishForm(forms.Form):
    valid_from = forms.DateField(
        label=gettext_lazy("In force from"), widget=forms.DateInput(attrs={"type": "date"}), required=False
    )


def _procedure(request: HttpRequest, code: str) -> Procedure:
    catalogue = selectors.procedures_active(selectors.catalogue_agency(request.user, served_agency(request)))
    return get_object_or_404(catalogue, code=code)


@login_required
@require_POST
def version_import(request: HttpRequest, code: str) -> HttpResponse:
    """The Office or the processing division imports a national export as a draft; the page then shows
    what it changes against the version in force."""
    procedure = _procedure(request, code)
    if not permissions.may_draft_versions(request.user, procedure):
        raise PermissionDenied
    form = VersionImportForm(request.POST, request.FILES)
    if not form.is_valid() or form.cleaned_data["export"].size > MAX_EXPORT:
        messages.error(request, _("Choose the export file (at most 5 MB)."))
        return redirect("procedures:procedure", code=procedure.code)
    try:
        draft, diff = services.version_import(
            procedure,
            form.cleaned_data["export"].read(),
            decision=form.cleaned_data["decision"].strip(),
            actor=request.user,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Draft version %(number)s: %(count)s changes to review.") % {"number": draft.number, "count": len(diff)},
        )
    return redirect("procedures:procedure", code=procedure.code)


@login_required
@require_POST
def version_publish(request: HttpRequest, code: str, number: int) -> HttpResponse:
    """The Director or the Deputy Director in charge publishes a draft, from the day given."""
    procedure = _procedure(request, code)
    if not permissions.may_publish_versions(request.user, procedure):
        raise PermissionDenied
    version = get_object_or_404(versions.versions_of(procedure), number=number)
    form = VersionPublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the date as dd/mm/yyyy."))
        return redirect("procedures:procedure", code=procedure.code)
    try:
        services.version_publish(version, actor=request.user, valid_from=form.cleaned_data["valid_from"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Version %(number)s published.") % {"number": version.number})
    return redirect("procedures:procedure", code=procedure.code)
