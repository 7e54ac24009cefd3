"""Pages of the public portal (no login needed, except an applicant's own list). No rules here."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stttt.core import caching
from stttt.core.documents import DOCX_MIME, PDF_MIME, to_docx, to_pdf
from stttt.core.http import file_response, form_errors
from stttt.core.pagecache import public_page
from stttt.core.spreadsheets import XLSX_MIME
from stttt.core.throttle import limit
from stttt.licensing import exports as register_exports
from stttt.licensing import selectors as licensing
from stttt.licensing.kinds import KINDS, LISTS_38C, kind_for_procedure
from stttt.licensing.views import display, document_response
from stttt.org.selectors import served_agency
from stttt.portal import selectors, services
from stttt.portal.forms import (
    CatalogFilterForm,
    RatingForm,
    RegisterFilterForm,
    RegisterSearchForm,
    SignupForm,
    SubmitForm,
    SupplementForm,
    TrackForm,
    WithdrawForm,
)
from stttt.portal.models import Submission
from stttt.procedures import charts as procedure_charts
from stttt.procedures import selectors as procedure_selectors
from stttt.procedures import services as procedure_services
from stttt.procedures import slips
from stttt.procedures import versions as procedure_versions
from stttt.procedures.workflow import applicant_may, public_steps, supplement_action

GRANTS = "portal_grants"
NEW_SECRET = "portal_new_secret"
FORM_KEYS = "portal_form_keys"


def _form_key(request: HttpRequest, code: str) -> str:
    """The filing form's key for `code` in this session: the same on every rendering until the applicant asks
    for a new filing (`?new=<the consumed key>`), so that the back button and a reload give the form the key
    its first submission consumed, and submitting it again shows that dossier instead of filing another."""
    keys = dict(request.session.get(FORM_KEYS, {}))
    key = keys.get(code)
    if key is None or (request.GET.get("new") and request.GET.get("new") == key):
        key = uuid.uuid4().hex
        keys = {**dict(list(keys.items())[-9:]), code: key}
        request.session[FORM_KEYS] = keys
    return str(key)


def _grants(request: HttpRequest) -> list[int]:
    return list(request.session.get(GRANTS, []))


def _grant(request: HttpRequest, submission: Submission) -> None:
    grants = _grants(request)
    if submission.pk not in grants:
        request.session[GRANTS] = [*grants[-19:], submission.pk]


def _agency(request: HttpRequest):
    """The agency this site serves (by host name), or None on an installation without agency."""
    return served_agency(request)


def _submission(request: HttpRequest, reference: str) -> Submission:
    try:
        return selectors.submission_for(reference, user=request.user, granted=_grants(request), agency=_agency(request))
    except Submission.DoesNotExist:
        raise Http404 from None


_form_errors = form_errors


def index(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/index.html", {"track_form": TrackForm()})


def catalog(request: HttpRequest) -> HttpResponse:
    """The catalogue, looked up by text, field and online service level."""
    procedures = selectors.procedures_online(_agency(request))
    form = CatalogFilterForm(request.GET or None, fields=procedure_selectors.catalogue_fields(procedures))
    data = form.cleaned_data if form.is_valid() else {}
    found = procedure_selectors.catalogue_filtered(
        procedures, query=data.get("q") or "", field=data.get("field") or "", level=data.get("level") or ""
    )
    return render(request, "portal/catalog.html", {"procedures": found, "form": form})


def procedure_detail(request: HttpRequest, code: str) -> HttpResponse:
    procedure = get_object_or_404(selectors.procedures_online(_agency(request)), code=code)
    version = procedure_versions.version_in_force(procedure)
    closed = ""
    if version is None and procedure.versions.exists():  # repealed or transferred: say why and where to go
        closed = procedure_versions.filing_refusal(procedure, timezone.localdate())
    return render(
        request,
        "portal/procedure.html",
        {
            "procedure": procedure,
            "version": version,
            "terms": version or procedure,  # the facts of the version in force
            "components": procedure_versions.components_of(version or procedure),
            "closed": closed,
            "kind": kind_for_procedure(procedure.code),
        },
    )


@limit("submit", "10/10min", methods=("POST",))
def submit(request: HttpRequest, code: str) -> HttpResponse:
    procedure = get_object_or_404(selectors.procedures_online(_agency(request)).filter(online=True), code=code)
    kind = kind_for_procedure(procedure.code)
    key = request.POST.get("idempotency_key") or _form_key(request, procedure.code)
    already = selectors.submission_by_form_key(procedure, key)
    if already is not None and request.method == "POST":
        _grant(request, already)
        return redirect("portal:done", reference=already.reference)
    pending = services.pending_uploads(key) if request.method == "POST" else {}
    form = SubmitForm(
        request.POST or None, request.FILES or None, procedure=procedure, key=key, user=request.user, pending=pending
    )
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                submission, secret = services.submission_create(
                    procedure,
                    user=request.user,
                    data=data,
                    uploads=form.uploads(),
                    idempotency_key=data["idempotency_key"],
                    particulars=form.particulars(),
                )
            except (ValidationError, PermissionDenied) as exc:
                if isinstance(exc, PermissionDenied):
                    form.add_error(None, str(exc))
                else:
                    _form_errors(form, exc)
            else:
                services.pending_discard(key)
                if secret is not None:
                    _grant(request, submission)
                    request.session[NEW_SECRET] = [submission.reference, secret]
                return redirect("portal:done", reference=submission.reference)
        # sent back with an error: keep the documents chosen, so that they need not be chosen again
        services.pending_keep(key, form.chosen())
        pending = services.pending_uploads(key)
    return render(
        request,
        "portal/submit.html",
        {
            "procedure": procedure,
            "form": form,
            "kind": kind,
            "already": already,
            "key": key,
            "kept": sorted(pending.values(), key=lambda p: p.component_id),
        },
    )


def done(request: HttpRequest, reference: str) -> HttpResponse:
    submission = _submission(request, reference)
    pair = request.session.get(NEW_SECRET) or ["", ""]
    secret = pair[1] if pair[0] == reference else ""
    return render(request, "portal/done.html", {"submission": submission, "secret": secret})


@limit("tracking", "20/min", methods=("POST",))
def track(request: HttpRequest) -> HttpResponse:
    form = TrackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            submission = selectors.submission_by_credentials(
                form.cleaned_data["reference"], form.cleaned_data["secret"], _agency(request)
            )
        except Submission.DoesNotExist:
            form.add_error(None, _("No dossier matches this reference and secret. Check both and try again."))
        else:
            _grant(request, submission)
            return redirect("portal:status", reference=submission.reference)
    return render(request, "portal/track.html", {"form": form}, status=200)


def status(request: HttpRequest, reference: str) -> HttpResponse:
    submission = _submission(request, reference)
    dossier = submission.dossier
    steps = public_steps(list(dossier.steps.all()))
    licence = getattr(dossier, "licence", None) if procedure_selectors.result_granted(dossier) else None
    can_supplement = supplement_action(dossier.status) is not None
    can_withdraw = applicant_may("withdraw", dossier.status, dossier.terms.handling)
    return render(
        request,
        "portal/status.html",
        {
            "submission": submission,
            "dossier": dossier,
            "steps": steps,
            "licence": licence,
            "supplement_form": SupplementForm() if can_supplement else None,
            "withdraw_form": WithdrawForm(initial={"version": dossier.version}) if can_withdraw else None,
            "rating_form": RatingForm() if procedure_selectors.rateable(dossier) else None,
            "rating": procedure_selectors.rating_of(dossier),
            "files": dossier.files.all(),
        },
    )


def _uploads(request: HttpRequest, form: SupplementForm) -> list[services.Upload]:
    found = []
    for name in ("file", "file2"):
        upload = form.cleaned_data.get(name)
        if upload:
            found.append(services.Upload(None, upload.name, upload.read()))
    return found


@require_POST
def supplement(request: HttpRequest, reference: str) -> HttpResponse:
    submission = _submission(request, reference)
    form = SupplementForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect("portal:status", reference=reference)
    try:
        services.supplement_answer(
            submission, user=request.user, uploads=_uploads(request, form), note=form.cleaned_data.get("note") or ""
        )
    except (ValidationError, PermissionDenied) as exc:
        for message in getattr(exc, "messages", [str(exc)]):
            messages.error(request, str(message))
    else:
        messages.success(request, _("Your documents were sent. The dossier is back with the Department."))
    return redirect("portal:status", reference=reference)


@require_POST
def withdraw(request: HttpRequest, reference: str) -> HttpResponse:
    submission = _submission(request, reference)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect("portal:status", reference=reference)
    try:
        services.withdraw(
            submission,
            user=request.user,
            expected_version=form.cleaned_data["version"],
            reasons=form.cleaned_data.get("reasons") or "",
        )
    except (ValidationError, PermissionDenied) as exc:
        for message in getattr(exc, "messages", [str(exc)]):
            messages.error(request, str(message))
    else:
        messages.success(request, _("The dossier was withdrawn. The Department no longer processes it."))
    return redirect("portal:status", reference=reference)


@require_POST
def rate(request: HttpRequest, reference: str) -> HttpResponse:
    submission = _submission(request, reference)
    form = RatingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Answer every question."))
        return redirect("portal:status", reference=reference)
    try:
        procedure_services.rating_save(submission.dossier, **form.cleaned_data)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Thank you for your rating."))
    return redirect("portal:status", reference=reference)


def receipt(request: HttpRequest, reference: str, fmt: str) -> HttpResponse:
    """The applicant's slip as PDF (or DOCX): the filing acknowledgement until the desk receives the dossier,
    then the receipt and appointment slip (form 01)."""
    submission = _submission(request, reference)
    if fmt not in ("pdf", "docx"):
        raise Http404
    name, document = slips.applicant_receipt(submission.dossier)
    data, mime = (to_pdf(document), PDF_MIME) if fmt == "pdf" else (to_docx(document), DOCX_MIME)
    return file_response(data, f"{name}.{fmt}", mime)


def result(request: HttpRequest, reference: str, fmt: str) -> HttpResponse:
    submission = _submission(request, reference)
    dossier = submission.dossier
    licence = getattr(dossier, "licence", None)
    if licence is None or not procedure_selectors.result_granted(dossier):
        raise Http404
    return document_response(licence, fmt, licensing.verification_url(licence, request.build_absolute_uri("/")))


@limit("signup", "5/10min", methods=("POST",))
def signup(request: HttpRequest) -> HttpResponse:
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.account_create(
                email=form.cleaned_data["email"],
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password"],
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            login(request, user, backend="stttt.accounts.backends.CeilingModelBackend")
            messages.success(request, _("Your account was created."))
            return redirect("portal:mine")
    return render(request, "portal/signup.html", {"form": form})


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    return render(
        request, "portal/mine.html", {"submissions": selectors.submissions_of(request.user, _agency(request))}
    )


@login_required
@require_POST
def claim(request: HttpRequest, reference: str) -> HttpResponse:
    submission = _submission(request, reference)
    try:
        services.submission_claim(submission, user=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The dossier is now in your account."))
    return redirect("portal:status", reference=reference)


# --- public registers ---------------------------------------------------------------------------------


def _register_title(key: str) -> str:
    if key == "3.8.c":
        return _("Public video-game service points and licensed online games (3.8.c)")
    return str(KINDS[key].label)


def _licences_etag(request: HttpRequest, kinds: list[str]) -> str | None:
    """Anonymous readers revalidate a page of registers: same licences, events, day, query and language, same
    page (signed-in pages are never stored)."""
    if request.user.is_authenticated:
        return None
    version = licensing.register_version(kinds, _agency(request))
    return caching.fingerprint(version, request.get_full_path(), translation.get_language())


def _registers_etag(request: HttpRequest) -> str | None:
    """The index counts every register's licences."""
    return _licences_etag(request, list(KINDS))


@public_page(_registers_etag)
def registers(request: HttpRequest) -> HttpResponse:
    counts = licensing.register_counts(agency=_agency(request))
    entries = [(k, counts.get(k.code, 0)) for k in KINDS.values()]
    return render(
        request,
        "portal/registers.html",
        {
            "entries": entries,
            "list_slug": licensing.LIST_38C_SLUG,
            "list_count": sum(counts.get(k, 0) for k in LISTS_38C),
            "search_form": RegisterSearchForm(),
        },
    )


@limit("register-search", "30/min")
def register_search(request: HttpRequest) -> HttpResponse:
    """One box across every public register; the hits grouped by register, each row as its register shows it."""
    form = RegisterSearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    today = timezone.localdate()
    base = request.build_absolute_uri("/")
    groups = []
    for hits in selectors.register_search(_agency(request), query):
        rows = []
        for licence in hits.licences:
            row = register_exports.public_row(licence, today, licensing.verification_url(licence, base))
            row["subject_display"] = "; ".join(display(v) for v in row["subject"].values())
            rows.append((licence, row))
        groups.append({"kind": hits.kind, "count": hits.count, "rows": rows})
    return render(request, "portal/register_search.html", {"form": form, "query": query, "groups": groups})


def _register_query(request: HttpRequest, slug: str):
    found = licensing.register_kinds(slug)
    if found is None:
        raise Http404
    key, kinds = found
    agency = _agency(request)
    form = RegisterFilterForm(
        request.GET or None,
        years=licensing.register_years(kinds, agency=agency),
        districts=licensing.register_districts(agency),
    )
    filters = form.cleaned_data if form.is_valid() else {}
    qs = licensing.register(
        kinds,
        agency=agency,
        query=filters.get("q") or "",
        status=filters.get("status") or "",
        district=filters.get("district") or "",
        year=filters.get("year"),
        sort=filters.get("sort") or licensing.DEFAULT_SORT,
    )
    return key, kinds, form, qs


def _register_etag(request: HttpRequest, slug: str) -> str | None:
    found = licensing.register_kinds(slug)
    return None if found is None else _licences_etag(request, found[1])


@public_page(_register_etag)
def register(request: HttpRequest, slug: str) -> HttpResponse:
    key, kinds, form, qs = _register_query(request, slug)
    page = Paginator(qs, 25).get_page(request.GET.get("page"))
    today = timezone.localdate()
    base = request.build_absolute_uri("/")
    rows = []
    for licence in page:
        row = register_exports.public_row(licence, today, licensing.verification_url(licence, base))
        row["subject_display"] = "; ".join(display(v) for v in row["subject"].values())
        rows.append((licence, row))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "portal/register.html",
        {
            "title": _register_title(key),
            "slug": slug,
            "form": form,
            "page": page,
            "rows": rows,
            "query": query.urlencode(),
            "kinds": [KINDS[k] for k in kinds],
            "multiple": len(kinds) > 1,
        },
    )


@limit("register-export", "10/min")
def register_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponseBase:
    if fmt not in ("csv", "json", "xlsx"):
        raise Http404
    key, _kinds, _form, qs = _register_query(request, slug)
    today = timezone.localdate()
    base = request.build_absolute_uri("/")
    agency = _agency(request)
    # Rows read in chunks as the file is written: CSV streams and XLSX is built in write-only mode, so memory
    # stays flat however large the register. Every row is the served agency's: it is given that one instance
    # rather than a copy of the agency read with each licence.
    rows = (
        register_exports.public_row(_of_agency(licence, agency), today, licensing.verification_url(licence, base))
        for licence in qs.select_related(None)[:10000].iterator(chunk_size=500)
    )
    title = _register_title(key)
    response: HttpResponseBase
    if fmt == "csv":
        response = StreamingHttpResponse(register_exports.csv_chunks(rows), content_type="text/csv; charset=utf-8")
    elif fmt == "json":
        response = HttpResponse(
            register_exports.to_json(list(rows), title=title, generated=today), content_type="application/json"
        )
    else:
        response = FileResponse(register_exports.xlsx_file(rows, title=title), content_type=XLSX_MIME)
    response["Content-Disposition"] = f'attachment; filename="so-dang-ky-{slug}-{today:%Y%m%d}.{fmt}"'
    return response


def _of_agency(licence: Any, agency: Any) -> Any:
    licence.agency = agency
    return licence


@login_required
def ratings(request: HttpRequest) -> HttpResponse:
    """For the leadership: ratings per unit and quarter."""
    if not procedure_selectors.can_read_ratings(request.user):
        raise PermissionDenied
    quarter = request.GET.get("quarter", "")
    rows = procedure_selectors.rating_summary(procedure_selectors.ratings_visible_to(request.user), quarter)
    labels = procedure_selectors.indicator_labels()
    table = [(r, [r[name] for name, _label in labels]) for r in rows]
    return render(
        request,
        "portal/ratings.html",
        {
            "rows": table,
            "quarter": quarter,
            "labels": labels,
            "next": reverse("portal:ratings"),
            "chart": procedure_charts.ratings(rows),
        },
    )


def figures(request: HttpRequest) -> HttpResponse:
    """Public: how the agency keeps its deadlines and how applicants rate it, this year (counts only)."""
    agency = _agency(request)
    if agency is None:
        raise Http404
    since = timezone.localdate().replace(month=1, day=1)
    index = procedure_selectors.public_index(agency, since)
    return render(request, "portal/figures.html", {"since": since, **index})
