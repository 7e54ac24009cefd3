"""Outgoing documents: boxes, drafts with versions and comments, the approval path, signing, numbering and
issue, the rendered document (DOCX/PDF), exchange files, dispatch log and the outgoing register."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from stttt.core import documents
from stttt.core.http import file_response
from stttt.core.pagecache import reader_page
from stttt.correspondence import exchange, permissions, selectors, services, workflow
from stttt.correspondence.forms import CommentForm, DispatchForm, EditForm, OutgoingForm
from stttt.correspondence.models import Outgoing
from stttt.correspondence.render import document_of
from stttt.correspondence.views.common import PAGE_SIZE, department, refuse
from stttt.correspondence.views.incoming import _book

BOXES = [
    ("all", _("All")),
    ("drafts", _("My drafts")),
    ("review", _("To review")),
    ("sign", _("To sign")),
    ("issue", _("To issue")),
    ("issued", _("Issued")),
]


@login_required
@require_GET
@reader_page
def outgoing_list(request: HttpRequest) -> HttpResponse:
    department(request)
    box = request.GET.get("box", "all")
    if box not in selectors.OUTBOXES:
        box = "all"
    query = request.GET.get("q", "")
    page = Paginator(selectors.outgoing_box(request.user, box, query), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "correspondence/outgoing_list.html",
        {
            "page": page,
            "box": box,
            "boxes": [(k, str(v)) for k, v in BOXES],
            "q": query,
            "year": selectors.today().year,
            "is_clerk": permissions.is_clerk(request.user),
        },
    )


@login_required
def outgoing_new(request: HttpRequest) -> HttpResponse:
    department(request)
    agency = selectors.working_agency(request.user)
    reply_to = None
    if request.GET.get("reply_to") or request.POST.get("reply_to"):
        pk = request.GET.get("reply_to") or request.POST.get("reply_to")
        if not str(pk).isdigit():
            raise Http404
        reply_to = get_object_or_404(selectors.incoming_visible_to(request.user), pk=pk)
    from stttt.org.powers import powers_of

    initial: dict[str, Any] = {"drafting_unit": reply_to.lead_unit_id if reply_to else None}
    if not initial["drafting_unit"]:
        primary = powers_of(request.user).primary_unit_code
        initial["drafting_unit"] = (
            agency.units.filter(code=primary).values_list("pk", flat=True).first() if agency and primary else None
        )
    if reply_to:
        initial["recipients"] = f"{reply_to.issuer}\nLưu: VT"
    form = OutgoingForm(request.POST or None, agency=agency, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            doc = services.outgoing_create(actor=request.user, reply_to=reply_to, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as exc:
            refuse(request, exc, form)
        else:
            return redirect(doc)
    return render(
        request,
        "correspondence/form.html",
        {
            "form": form,
            "title": _("New draft"),
            "hidden": {"reply_to": reply_to.pk} if reply_to else {},
            "reply_to": reply_to,
        },
    )


def _visible(request: HttpRequest, pk: int) -> Outgoing:
    department(request)
    return get_object_or_404(selectors.outgoing_visible_to(request.user), pk=pk)


@login_required
@require_GET
def outgoing(request: HttpRequest, pk: int) -> HttpResponse:
    doc = _visible(request, pk)
    actions = {t.action for t in workflow.actions_for("outgoing", request.user, doc)}
    return render(
        request,
        "correspondence/outgoing.html",
        {
            "doc": doc,
            "actions": actions,
            "path": selectors.approval_path(doc) if doc.status != "issued" else [],
            "versions": doc.versions.select_related("author"),
            "comments": doc.comments.select_related("author"),
            "dispatches": doc.dispatches.all(),
            "comment_form": CommentForm() if permissions.can_comment(request.user, doc) else None,
            "dispatch_form": DispatchForm() if doc.status == "issued" and permissions.is_clerk(request.user) else None,
            "can_edit": permissions.can_edit_draft(request.user, doc),
            "table": workflow.OUTGOING.describe(),
        },
    )


@login_required
def outgoing_edit(request: HttpRequest, pk: int) -> HttpResponse:
    doc = _visible(request, pk)
    if not permissions.can_edit_draft(request.user, doc):
        raise PermissionDenied
    form = EditForm(
        request.POST or None,
        initial={"doc_type": doc.doc_type, "summary": doc.summary, "body": doc.body, "recipients": doc.recipients_text},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.outgoing_save(doc, actor=request.user, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as exc:
            refuse(request, exc, form)
        else:
            messages.success(request, _("A new version was saved."))
            return redirect(doc)
    return render(request, "correspondence/form.html", {"form": form, "title": _("Edit the draft")})


STEPS = {
    "submit": services.outgoing_submit,
    "review": services.outgoing_review,
    "sign": services.outgoing_sign,
    "issue": services.outgoing_issue,
}


@login_required
@require_POST
def outgoing_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    doc = _visible(request, pk)
    try:
        if action in STEPS:
            STEPS[action](doc, actor=request.user)
            if action == "issue":
                doc.refresh_from_db()
                messages.success(request, _("Issued as %(number)s.") % {"number": doc.number_symbol})
        elif action == "return":
            services.outgoing_return(doc, actor=request.user, comment=request.POST.get("comment", ""))
        elif action == "comment":
            services.outgoing_comment(doc, actor=request.user, text=request.POST.get("text", ""))
        elif action == "dispatch":
            form = DispatchForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Name the recipient and the channel."))
            services.outgoing_dispatch(doc, actor=request.user, **form.cleaned_data)
        else:
            raise Http404
    except (ValidationError, PermissionDenied) as exc:
        refuse(request, exc)
    return redirect(doc)


@login_required
@require_GET
def outgoing_file(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The document in the Decree 30 format (DOCX, PDF), or its exchange file (JSON, edXML)."""
    doc = _visible(request, pk)
    name = (doc.number_symbol or f"du-thao-{doc.pk}").replace("/", "-")
    if fmt == "docx":
        return file_response(documents.to_docx(document_of(doc)), f"{name}.docx", documents.DOCX_MIME)
    if fmt == "pdf":
        return file_response(documents.to_pdf(document_of(doc)), f"{name}.pdf", documents.PDF_MIME, inline=True)
    if fmt in ("json", "xml"):
        if doc.status != "issued":
            raise Http404
        item = exchange.of_outgoing(doc)
        if fmt == "json":
            return file_response(exchange.to_json(item), f"{name}.json", "application/json")
        return file_response(exchange.to_edxml(item), f"{name}.edxml.xml", "application/xml")
    raise Http404


@login_required
@require_GET
def outgoing_book(request: HttpRequest, year: int, fmt: str) -> HttpResponse:
    """The outgoing register of the year (Art. 16(2))."""
    department(request)
    agency = selectors.working_agency(request.user)
    if agency is None or not (permissions.is_clerk(request.user) or permissions.is_leader(request.user)):
        raise PermissionDenied
    return _book(agency, year, fmt, "outgoing")
