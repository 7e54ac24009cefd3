"""Pages of the press app. No rules here: services decide, selectors read."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from stttt.core.charts import Series, bar_chart, stacked_bar_chart
from stttt.core.documents import DOCX_MIME, PDF_MIME, to_docx, to_pdf
from stttt.core.http import file_response, form_errors
from stttt.core.pagecache import reader_page
from stttt.core.search import search
from stttt.core.spreadsheets import XLSX_MIME
from stttt.licensing.selectors import licences_visible_to
from stttt.press import documents, facts, permissions, rules, selectors, services, workflow
from stttt.press.choices import ItemKind, ItemStatus, Timeliness
from stttt.press.forms import (
    ArticleForm,
    AssignForm,
    ConferenceForm,
    IntakeForm,
    OfficeChangeForm,
    OfficeForm,
    OutletForm,
    ReadingForm,
)


def _viewer(request: HttpRequest) -> None:
    if not permissions.may_view(request.user):
        raise PermissionDenied


def _manager(request: HttpRequest) -> None:
    if not permissions.may_manage(request.user):
        raise PermissionDenied


def _get(qs: Any, pk: int) -> Any:
    try:
        return qs.get(pk=pk)
    except qs.model.DoesNotExist:
        raise Http404 from None


def _agency(request: HttpRequest) -> Any:
    agency = selectors.working_agency(request.user)
    if agency is None:
        raise PermissionDenied
    return agency


def _day(value: str | None) -> dt.date:
    try:
        return dt.date.fromisoformat(value) if value else timezone.localdate()
    except ValueError:
        return timezone.localdate()


def _press_licences(request: HttpRequest) -> Any:
    return licences_visible_to(request.user).filter(kind__in=["bulletin", "non_business_publication"])


@login_required  # rendered each time: a deposit turns from awaited to missing at its hour, with no write
def index(request: HttpRequest) -> HttpResponse:
    """The daily list: what was due on a day by the outlets' schedules and whether it came."""
    _viewer(request)
    day = _day(request.GET.get("day"))
    rows = selectors.due_list(_agency(request), day)
    return render(
        request,
        "press/index.html",
        {
            "day": day,
            "previous": day - dt.timedelta(days=1),
            "following": day + dt.timedelta(days=1),
            "rows": rows,
            "missing": sum(1 for r in rows if r["state"] == "missing"),
            "can_manage": permissions.may_manage(request.user),
            "rule": rules.intake_rule(ItemKind.PRESS_PRINT),
        },
    )


@login_required
@require_POST
def remind(request: HttpRequest) -> HttpResponse:
    _manager(request)
    day = _day(request.POST.get("day"))
    sent = services.reminders_send(_agency(request), day)
    messages.success(request, _("%(count)s reminder(s) written to the outbox.") % {"count": sent})
    return redirect(reverse("press:index") + f"?day={day.isoformat()}")


@login_required
@reader_page
def items(request: HttpRequest) -> HttpResponse:
    _viewer(request)
    qs: Any = selectors.items_visible_to(request.user)
    q, kind, status, timeliness = (request.GET.get(k, "") for k in ("q", "kind", "status", "timeliness"))
    if q:
        qs = search(qs, q)
    if kind in ItemKind.values:
        qs = qs.filter(kind=kind)
    if status in ItemStatus.values:
        qs = qs.filter(status=status)
    if timeliness in Timeliness.values:
        qs = qs.filter(timeliness=timeliness)
    if request.GET.get("flagged"):
        qs = qs.exclude(flags=[])
    page = Paginator(qs.order_by("-release_date", "-id"), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "press/items.html",
        {
            "page": page,
            "q": q,
            "kind": kind,
            "status": status,
            "timeliness": timeliness,
            "flagged": request.GET.get("flagged", ""),
            "kinds": ItemKind.choices,
            "statuses": ItemStatus.choices,
            "timelinesses": Timeliness.choices,
            "can_manage": permissions.may_manage(request.user),
        },
    )


@login_required
def intake(request: HttpRequest) -> HttpResponse:
    _manager(request)
    form = IntakeForm(
        request.POST or None,
        outlets=selectors.outlets_visible_to(request.user).filter(active=True),
        licences=_press_licences(request),
        initial={
            "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "release_date": timezone.localdate().isoformat(),
        },
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            item = services.item_receive(
                actor=request.user, outlet=data.pop("outlet"), **{k: v for k, v in data.items() if v not in (None, "")}
            )
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, _("Deposit recorded."))
            return redirect(item.get_absolute_url())
    rules_table = [rules.intake_rule(k) for k in ItemKind.values]
    return render(request, "press/intake.html", {"form": form, "rules": rules_table, "kinds": dict(ItemKind.choices)})


def _item_context(request: HttpRequest, item: Any) -> dict[str, Any]:
    from stttt.inspection.selectors import referrals_for

    actions = [t.action for t in workflow.actions_for("item", request.user, item)]
    reading = selectors.reading_of(item)
    see_reading = permissions.may_see_reading(request.user, item)
    editing = item.reader_id == request.user.pk and item.status in (ItemStatus.ASSIGNED, ItemStatus.RETURNED)
    initial = {k: getattr(reading, k) for k in services.READING_FIELDS} if reading else {}
    return {
        "item": item,
        "flags": [(f, dict(_flag_choices())[f]) for f in item.flags],
        "rule": rules.intake_rule(item.kind),
        "actions": actions,
        "reading": reading if see_reading else None,
        "editing": editing,
        "reading_form": ReadingForm(initial=initial) if editing else None,
        "assign_form": AssignForm(readers=selectors.readers(item.agency_id)) if "assign" in actions else None,
        "article_form": ArticleForm(initial={"published_on": item.release_date})
        if permissions.may_manage(request.user)
        else None,
        "articles": item.articles.all(),
        "referrals": list(referrals_for(item)),
        "late_by": rules.late_by(item.deadline, rules.deposit_moment(item.received_at, item.postmarked_at)),
    }


def _flag_choices() -> list[tuple[str, str]]:
    from stttt.press.choices import Flag

    return [(v, str(label)) for v, label in Flag.choices]


@login_required
def item(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer(request)
    record = _get(selectors.items_visible_to(request.user), pk)
    return render(request, "press/item.html", _item_context(request, record))


@login_required
@require_POST
def item_action(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer(request)
    record = _get(selectors.items_visible_to(request.user), pk)
    action = request.POST.get("action", "")
    try:
        if action == "assign":
            assign = AssignForm(request.POST, readers=selectors.readers(record.agency_id))
            if not assign.is_valid():
                raise ValidationError(_("Choose a reader."))
            services.item_assign(record, actor=request.user, reader=assign.cleaned_data["reader"])
        elif action in ("save", "submit"):
            reading = ReadingForm(request.POST)
            if not reading.is_valid():
                raise ValidationError(_("Check the reading form."))
            if action == "save":
                services.reading_save(record, actor=request.user, data=reading.cleaned_data)
            else:
                services.reading_submit(record, actor=request.user, data=reading.cleaned_data)
        elif action in ("return", "approve", "refer"):
            services.reading_review(record, action, actor=request.user, note=request.POST.get("note", ""))
        elif action == "article":
            article = ArticleForm(request.POST)
            if not article.is_valid():
                raise ValidationError(_("Check the article's fields."))
            services.article_flag(actor=request.user, outlet=record.outlet, item=record, **article.cleaned_data)
        else:
            raise ValidationError(_("Unknown action."))
    except ValidationError as exc:
        for text in exc.messages:
            messages.error(request, text)
    else:
        messages.success(request, _("Saved."))
    return redirect(record.get_absolute_url())


@login_required
@reader_page
def readings(request: HttpRequest) -> HttpResponse:
    _viewer(request)
    qs = selectors.readings_visible_to(request.user).order_by("reading_due_on", "release_date", "id")
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "press/readings.html", {"page": page, "all": permissions.sees_all_readings(request.user)})


# --- Outlets ------------------------------------------------------------------------------------------------


@login_required
@reader_page
def outlets(request: HttpRequest) -> HttpResponse:
    _viewer(request)
    qs: Any = selectors.outlets_visible_to(request.user)
    q = request.GET.get("q", "")
    if q:
        qs = search(qs, q)
    page = Paginator(qs.order_by("name", "id"), 50).get_page(request.GET.get("page"))
    return render(
        request, "press/outlets.html", {"page": page, "q": q, "can_manage": permissions.may_manage(request.user)}
    )


def _outlet_form(request: HttpRequest, outlet: Any = None) -> HttpResponse:
    initial = {}
    if outlet is not None:
        initial = {name: getattr(outlet, name) for name in services.OUTLET_FIELDS}
        initial["release_monthdays"] = ", ".join(map(str, outlet.release_monthdays or []))
    form = OutletForm(request.POST or None, licences=_press_licences(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            outlet = services.outlet_save(actor=request.user, data=form.cleaned_data, outlet=outlet)
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect(outlet.get_absolute_url())
    return render(request, "press/form.html", {"form": form, "title": outlet or _("New outlet")})


@login_required
def outlet_new(request: HttpRequest) -> HttpResponse:
    _manager(request)
    return _outlet_form(request)


@login_required
def outlet(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer(request)
    record = _get(selectors.outlets_visible_to(request.user), pk)
    if request.method == "POST" or request.GET.get("edit"):
        _manager(request)
        return _outlet_form(request, record)
    recent = selectors.items_visible_to(request.user).filter(outlet=record).order_by("-release_date", "-id")[:20]
    return render(
        request,
        "press/outlet.html",
        {"outlet": record, "recent": recent, "can_manage": permissions.may_manage(request.user)},
    )


# --- Offices and resident reporters -------------------------------------------------------------------------


@login_required
def offices(request: HttpRequest) -> HttpResponse:
    _viewer(request)
    page = Paginator(selectors.offices_visible_to(request.user).order_by("press_agency", "id"), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "press/offices.html", {"page": page, "can_manage": permissions.may_manage(request.user)})


@login_required
def office_new(request: HttpRequest) -> HttpResponse:
    _manager(request)
    form = OfficeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            record = services.office_save(actor=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            return redirect(record.get_absolute_url())
    return render(request, "press/form.html", {"form": form, "title": _("New representative office or reporter")})


@login_required
def office(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer(request)
    record = _get(selectors.offices_visible_to(request.user), pk)
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "change":
                form = OfficeChangeForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(_("Check the change's fields."))
                services.office_change_record(record, actor=request.user, **form.cleaned_data)
            else:
                services.office_act(record, action, actor=request.user, opinion=request.POST.get("opinion", ""))
        except ValidationError as exc:
            for text in exc.messages:
                messages.error(request, text)
        else:
            messages.success(request, _("Saved."))
        return redirect(record.get_absolute_url())
    changes = [
        (c, rules.change_notice_in_time(c.notified_on, c.effective_on))
        for c in record.changes.select_related("recorded_by")
    ]
    return render(
        request,
        "press/office.html",
        {
            "office": record,
            "changes": changes,
            "notice_in_time": rules.office_notice_in_time(record.notified_on, record.starts_on),
            "actions": workflow.actions_for("office", request.user, record),
            "change_form": OfficeChangeForm() if permissions.may_manage(request.user) else None,
        },
    )


# --- Press conferences --------------------------------------------------------------------------------------


@login_required
def conferences(request: HttpRequest) -> HttpResponse:
    _viewer(request)
    page = Paginator(selectors.conferences_visible_to(request.user).order_by("-starts_at", "-id"), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "press/conferences.html", {"page": page, "can_manage": permissions.may_manage(request.user)})


@login_required
def conference_new(request: HttpRequest) -> HttpResponse:
    _manager(request)
    form = ConferenceForm(
        request.POST or None, initial={"notified_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M")}
    )
    if request.method == "POST" and form.is_valid():
        try:
            record = services.conference_notify(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            return redirect(record.get_absolute_url())
    return render(request, "press/form.html", {"form": form, "title": _("Press conference notice")})


@login_required
def conference(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer(request)
    record = _get(selectors.conferences_visible_to(request.user), pk)
    if request.method == "POST":
        try:
            services.conference_act(
                record,
                request.POST.get("action", ""),
                actor=request.user,
                answer=request.POST.get("answer", ""),
                report=request.POST.get("report", ""),
            )
        except ValidationError as exc:
            for text in exc.messages:
                messages.error(request, text)
        else:
            messages.success(request, _("Saved."))
        return redirect(record.get_absolute_url())
    return render(
        request,
        "press/conference.html",
        {
            "conference": record,
            "actions": workflow.actions_for("conference", request.user, record),
            "silence": rules.may_hold_without_answer(record.answered_at is not None, timezone.now(), record.starts_at),
        },
    )


# --- The press picture and the registers --------------------------------------------------------------------


def _period(request: HttpRequest) -> tuple[str, dt.date, dt.date]:
    day = _day(request.GET.get("day"))
    period = "month" if request.GET.get("period") == "month" else "week"
    start, end = rules.month_of(day) if period == "month" else rules.week_of(day)
    return period, start, end


@login_required
def picture(request: HttpRequest) -> HttpResponse:
    _viewer(request)
    period, start, end = _period(request)
    data = selectors.picture(_agency(request), start, end)
    rows = data["rows"]
    chart = stacked_bar_chart(
        [r["outlet"] for r in rows],
        [
            Series(_("On time"), [r.get("on_time", 0) for r in rows], "success"),
            Series(_("Late"), [r.get("late", 0) for r in rows], "warning"),
            Series(pgettext("deposit", "Missing"), [r.get("missing", 0) for r in rows], "danger"),
        ],
        title=_("Deposits by outlet"),
        value_label=_("issues"),
    )
    tones = bar_chart(data["tones"], title=_("Articles flagged, by tone"), value_label=_("articles"))
    return render(
        request,
        "press/picture.html",
        {
            "data": data,
            "period": period,
            "chart": chart,
            "tones": tones,
            "day": start,
            "previous": start - dt.timedelta(days=1),
            "following": end + dt.timedelta(days=1),
        },
    )


@login_required
def picture_file(request: HttpRequest, fmt: str) -> HttpResponse:
    _viewer(request)
    if fmt not in ("docx", "pdf"):
        raise Http404
    period, start, end = _period(request)
    agency = _agency(request)
    label = _("month") if period == "month" else _("week")
    doc = documents.picture_document(agency, selectors.picture(agency, start, end), period=label)
    name = f"bao-chi-{period}-{start.isoformat()}.{fmt}"
    if fmt == "pdf":
        return file_response(to_pdf(doc), name, PDF_MIME)
    return file_response(to_docx(doc), name, DOCX_MIME)


@login_required
@reader_page
def register(request: HttpRequest) -> HttpResponse:
    _viewer(request)
    kind = request.GET.get("kind", ItemKind.PRESS_PRINT)
    kind = kind if kind in ItemKind.values else ItemKind.PRESS_PRINT
    year = int(request.GET["year"]) if request.GET.get("year", "").isdigit() else timezone.localdate().year
    agency = _agency(request)
    page = Paginator(selectors.deposit_book(agency, kind, year), 100).get_page(request.GET.get("page"))
    return render(
        request,
        "press/register.html",
        {
            "page": page,
            "kind": kind,
            "year": year,
            "kinds": ItemKind.choices,
            "statistics": selectors.statistics(agency, year) if request.GET.get("stats") else None,
            "facts": facts.FACTS,
        },
    )


@login_required
def register_file(request: HttpRequest, fmt: str) -> HttpResponse | FileResponse:
    _viewer(request)
    if fmt not in ("docx", "xlsx"):
        raise Http404
    kind = request.GET.get("kind", ItemKind.PRESS_PRINT)
    kind = kind if kind in ItemKind.values else ItemKind.PRESS_PRINT
    year = int(request.GET["year"]) if request.GET.get("year", "").isdigit() else timezone.localdate().year
    agency = _agency(request)
    items_ = list(selectors.deposit_book(agency, kind, year))
    name = f"so-luu-chieu-{kind}-{year}.{fmt}"
    if fmt == "xlsx":
        return FileResponse(
            documents.book_xlsx(kind, year, items_, selectors.statistics(agency, year)),
            as_attachment=True,
            filename=name,
            content_type=XLSX_MIME,
        )
    return file_response(to_docx(documents.book_document(agency, kind, year, items_)), name, DOCX_MIME)
