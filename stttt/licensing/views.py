"""Pages of the licensing app: the staff's registry (record, events, documents) and the public verification
page. No rules here: services decide."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stttt.core.documents import DOCX_MIME, PDF_MIME
from stttt.core.pagecache import reader_page
from stttt.core.search import search
from stttt.licensing import documents, permissions, selectors, services
from stttt.licensing.choices import LEADER_EVENTS, EventType, Status
from stttt.licensing.forms import EventForm, RecordForm, subject_from
from stttt.licensing.kinds import KINDS
from stttt.licensing.models import Licence
from stttt.org.powers import agency_of
from stttt.org.selectors import served_agency


def display(value: object) -> str:
    if value is None:
        return ""
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def _staff(request: HttpRequest) -> None:
    if not permissions.is_staff_member(request.user):
        raise PermissionDenied


def _licence(request: HttpRequest, pk: int) -> Licence:
    try:
        return selectors.licences_visible_to(request.user).prefetch_related("events").get(pk=pk)
    except Licence.DoesNotExist:
        raise Http404 from None


@login_required
@reader_page
def index(request: HttpRequest) -> HttpResponse:
    _staff(request)
    qs: Any = selectors.licences_visible_to(request.user)
    query, kind, status = request.GET.get("q", ""), request.GET.get("kind", ""), request.GET.get("status", "")
    if query:
        qs = search(qs, query)
    if kind in KINDS:
        qs = qs.filter(kind=kind)
    if status in Status.values:
        qs = selectors.with_status(qs, status)
    page = Paginator(qs.order_by("-issued_on", "-id"), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "licensing/index.html",
        {"page": page, "q": query, "kind": kind, "status": status, "kinds": KINDS.values(), "statuses": Status.choices},
    )


@login_required
def record(request: HttpRequest, kind: str) -> HttpResponse:
    _staff(request)
    spec = KINDS.get(kind)
    if spec is None:
        raise Http404
    form = RecordForm(request.POST or None, kind=spec, districts=selectors.register_districts(agency_of(request.user)))
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if not k.startswith("subject_")}
        try:
            licence = services.licence_record(
                kind, actor=request.user, data=data, subject=subject_from(form.cleaned_data, spec)
            )
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Licence %(number)s recorded.") % {"number": licence.number})
            return redirect("licensing:licence", pk=licence.pk)
    return render(request, "licensing/record.html", {"form": form, "kind": spec})


def _add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _event_types(user, licence: Licence) -> list[str]:
    types = [t for t in EventType.values if t not in LEADER_EVENTS]
    if permissions.can_decide(user, licence):
        types += [t for t in EventType.values if t in LEADER_EVENTS]
    return types


@login_required
def licence_detail(request: HttpRequest, pk: int) -> HttpResponse:
    licence = _licence(request, pk)
    today = timezone.localdate()
    form = EventForm(kind=licence.kind_spec, types=_event_types(request.user, licence), initial={"effective_on": today})
    return render(
        request,
        "licensing/licence.html",
        {
            "licence": licence,
            "events": licence.events.select_related("decided_by", "dossier"),
            "subject": [
                (str(s.label).capitalize(), display(licence.subject_on(today).get(s.name)))
                for s in licence.kind_spec.subject
            ],
            "form": form,
            "verification_url": selectors.verification_url(licence, request.build_absolute_uri("/")),
            "can_decide": permissions.can_decide(request.user, licence),
        },
    )


@login_required
@require_POST
def event_add(request: HttpRequest, pk: int) -> HttpResponse:
    licence = _licence(request, pk)
    form = EventForm(request.POST, kind=licence.kind_spec, types=list(EventType.values))
    if not form.is_valid():
        messages.error(request, _("The form is not valid: %(errors)s") % {"errors": form.errors.as_text()})
        return redirect("licensing:licence", pk=pk)
    data = form.cleaned_data
    changes = subject_from(data, licence.kind_spec)
    if data.get("holder_name"):
        changes["holder_name"] = data["holder_name"]
    try:
        services.licence_event_add(
            licence.pk,
            data["type"],
            actor=request.user,
            effective_on=data["effective_on"],
            legal_basis=data["legal_basis"],
            decision_number=data.get("decision_number") or "",
            decision_date=data.get("decision_date"),
            end_on=data.get("end_on"),
            new_valid_until=data.get("new_valid_until"),
            changes=changes,
            reason=data.get("reason") or "",
        )
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The event was recorded."))
    return redirect("licensing:licence", pk=pk)


def document_response(licence: Licence, fmt: str, verification_url: str) -> HttpResponse:
    if fmt == "pdf":
        data, mime = documents.licence_pdf(licence, verification_url), PDF_MIME
    elif fmt == "docx":
        data, mime = documents.licence_docx(licence, verification_url), DOCX_MIME
    else:
        raise Http404
    response = HttpResponse(data, content_type=mime)
    safe = licence.number.replace("/", "-")
    response["Content-Disposition"] = f'attachment; filename="giay-phep-{safe}.{fmt}"'
    return response


@login_required
def licence_document(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    licence = _licence(request, pk)
    return document_response(licence, fmt, selectors.verification_url(licence, request.build_absolute_uri("/")))


def verify(request: HttpRequest, token: str) -> HttpResponse:
    """Public: the short address on a printed licence, showing what it is and its status today; a signed
    PDF (this licence, or any document) can be uploaded to have its signatures checked."""
    try:
        licence = selectors.licence_by_token(token, agency=served_agency(request))
    except Licence.DoesNotExist:
        raise Http404 from None
    from stttt.core import signing, uploads
    from stttt.licensing.exports import public_row

    today = timezone.localdate()
    row = public_row(licence, today, request.build_absolute_uri())
    subject = [
        (str(s.label).capitalize(), display(row["subject"][s.name]))
        for s in licence.kind_spec.subject
        if s.name in row["subject"]
    ]
    context: dict[str, Any] = {"licence": licence, "row": row, "subject": subject, "today": today}
    if request.method == "POST":
        upload = request.FILES.get("file")
        name = (upload.name or "") if upload is not None else ""
        problem = (
            _("Choose a PDF file.")
            if upload is None or not name.lower().endswith(".pdf")
            else (uploads.problem(name, upload.size or 0, upload.read(16)))
        )
        if problem is None and upload is not None:
            upload.seek(0)
            try:
                reports = signing.verify_pdf(upload.read())
            except signing.UnreadablePdf as exc:
                problem = str(exc)
            else:
                context.update(signatures=reports, signature_status=signing.document_status(reports))
        context["upload_problem"] = problem
    return render(request, "licensing/verify.html", context)
