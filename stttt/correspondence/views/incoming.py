"""Incoming documents: inboxes with search, registration, routing steps, files, the register (book)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from stttt.core import documents, spreadsheets
from stttt.core.http import file_response
from stttt.core.pagecache import reader_page
from stttt.correspondence import permissions, selectors, services, workflow
from stttt.correspondence import render as rendering
from stttt.correspondence.forms import (
    AssignForm,
    AttachForm,
    ImportForm,
    IncomingForm,
    ProposeForm,
    ResultForm,
    RouteForm,
)
from stttt.correspondence.models import Incoming, IncomingFile
from stttt.correspondence.views.common import PAGE_SIZE, department, refuse, upload_list

BOXES = [
    ("all", _("All")),
    ("register", _("To propose")),
    ("route", _("To route")),
    ("unit", _("Routed to my unit")),
    ("mine", _("Assigned to me")),
    ("overdue", _("Overdue")),
]


@login_required
@require_GET
@reader_page
def index(request: HttpRequest) -> HttpResponse:
    """The inboxes of incoming documents, with a search that ignores diacritics (files' text included)."""
    department(request)
    box = request.GET.get("box", "all")
    if box not in selectors.INBOXES:
        box = "all"
    query = request.GET.get("q", "")
    found = selectors.incoming_inbox(request.user, box, query)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(doc, selectors.incoming_state(doc)) for doc in page.object_list]
    return render(
        request,
        "correspondence/index.html",
        {
            "page": page,
            "rows": rows,
            "box": box,
            "boxes": [(key, str(label)) for key, label in BOXES],
            "q": query,
            "is_clerk": permissions.is_clerk(request.user),
            "year": selectors.today().year,
        },
    )


@login_required
def incoming_new(request: HttpRequest) -> HttpResponse:
    department(request)
    if not permissions.is_clerk(request.user):
        raise PermissionDenied
    form = IncomingForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("attachments", None)
        try:
            doc = services.incoming_register(actor=request.user, files=upload_list(request, "attachments"), **data)
        except (ValidationError, PermissionDenied) as exc:
            refuse(request, exc, form)
        else:
            messages.success(request, _("Registered as arrival number %(n)s.") % {"n": f"{doc.arrival_number:02d}"})
            return redirect(doc)
    return render(
        request,
        "correspondence/form.html",
        {"form": form, "title": _("Register an incoming document"), "multipart": True},
    )


@login_required
def incoming_import(request: HttpRequest) -> HttpResponse:
    """Register an electronic document received as a file (JSON form or edXML)."""
    department(request)
    if not permissions.is_clerk(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            doc = services.incoming_import(
                actor=request.user,
                content=upload.read(),
                name=upload.name,
                allow_duplicate=form.cleaned_data["allow_duplicate"],
            )
        except (ValidationError, PermissionDenied) as exc:
            refuse(request, exc, form)
        else:
            messages.success(request, _("Registered as arrival number %(n)s.") % {"n": f"{doc.arrival_number:02d}"})
            return redirect(doc)
    return render(
        request,
        "correspondence/form.html",
        {"form": form, "title": _("Receive an electronic document"), "multipart": True},
    )


def _visible(request: HttpRequest, pk: int) -> Incoming:
    department(request)
    doc = get_object_or_404(selectors.incoming_visible_to(request.user), pk=pk)
    return doc


@login_required
@require_GET
def incoming(request: HttpRequest, pk: int) -> HttpResponse:
    doc = _visible(request, pk)
    actions = {t.action for t in workflow.actions_for("incoming", request.user, doc)}
    agency = doc.agency
    return render(
        request,
        "correspondence/incoming.html",
        {
            "doc": doc,
            "state": selectors.incoming_state(doc),
            "actions": actions,
            "propose_form": ProposeForm(agency=agency, initial={"unit": doc.proposed_unit_id})
            if "propose" in actions
            else None,
            "route_form": RouteForm(agency=agency, initial={"lead_unit": doc.proposed_unit_id})
            if "route" in actions
            else None,
            "assign_form": AssignForm(agency=agency) if "assign" in actions else None,
            "result_form": ResultForm() if "complete" in actions else None,
            "attach_form": AttachForm() if permissions.is_clerk(request.user) else None,
            "files": doc.files.all(),
            "coordinating": doc.coordinating_units.all(),
            "replies": doc.replies.all(),
            "can_reply": permissions.can_draft(request.user, doc.lead_unit) if doc.lead_unit_id else False,
            "duplicates": selectors.duplicates_of(doc.agency_id, doc.duplicate_key, exclude=doc.pk),
            "table": workflow.INCOMING.describe(),
        },
    )


@login_required
@require_POST
def incoming_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    doc = _visible(request, pk)
    agency = doc.agency
    form: forms.Form
    try:
        if action == "propose":
            form = ProposeForm(request.POST, agency=agency)
            if form.is_valid():
                services.incoming_propose(doc, actor=request.user, **form.cleaned_data)
        elif action == "route":
            form = RouteForm(request.POST, agency=agency)
            if form.is_valid():
                services.incoming_route(doc, actor=request.user, **form.cleaned_data)
        elif action == "assign":
            form = AssignForm(request.POST, agency=agency)
            if form.is_valid():
                services.incoming_assign(doc, actor=request.user, **form.cleaned_data)
        elif action == "complete":
            form = ResultForm(request.POST)
            if form.is_valid():
                services.incoming_complete(doc, actor=request.user, **form.cleaned_data)
        elif action == "attach":
            form = AttachForm(request.POST, request.FILES)
            if form.is_valid():
                services.incoming_attach(doc, actor=request.user, upload=form.cleaned_data["file"])
        else:
            raise Http404
        if not form.is_valid():
            messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        else:
            messages.success(request, _("Saved."))
    except (ValidationError, PermissionDenied) as exc:
        refuse(request, exc)
    return redirect(doc)


@login_required
@require_GET
def incoming_file(request: HttpRequest, pk: int, file_pk: int) -> HttpResponse:
    doc = _visible(request, pk)
    item = get_object_or_404(IncomingFile, pk=file_pk, document=doc)
    with item.file.open("rb") as handle:
        return file_response(handle.read(), item.name, item.content_type or "application/octet-stream")


@login_required
@require_GET
def incoming_book(request: HttpRequest, year: int, fmt: str) -> HttpResponse:
    """The incoming register of the year as DOCX, PDF or XLSX (Art. 22(3): printed with all its fields)."""
    department(request)
    agency = selectors.working_agency(request.user)
    if agency is None or not (permissions.is_clerk(request.user) or permissions.is_leader(request.user)):
        raise PermissionDenied
    return _book(agency, year, fmt, "incoming")


def _book(agency: Any, year: int, fmt: str, direction: str) -> HttpResponse:
    if not 2000 <= year <= selectors.today().year + 1:
        raise Http404
    name = f"so-van-ban-{'den' if direction == 'incoming' else 'di'}-{year}"
    doc = rendering.book(agency, year, direction)
    if fmt == "docx":
        return file_response(documents.to_docx(doc), f"{name}.docx", documents.DOCX_MIME)
    if fmt == "pdf":
        return file_response(documents.to_pdf(doc), f"{name}.pdf", documents.PDF_MIME)
    if fmt == "xlsx":
        table = doc.blocks[0]
        content = spreadsheets.xlsx_file([(doc.title[:31], [table.headers, *table.rows])]).read()  # type: ignore[union-attr]
        return file_response(
            content, f"{name}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    raise Http404
