"""Complaints, denunciations and petitions; citizen reception."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stttt.core.http import form_errors
from stttt.core.pagecache import reader_page
from stttt.core.search import search
from stttt.inspection import documents, permissions, rules, selectors, services, workflow
from stttt.inspection.forms import LetterForm, ReceptionDayForm, ReceptionEntryForm
from stttt.inspection.models import Letter
from stttt.inspection.views.common import act, action_forms, department, letters_gate, refusal
from stttt.org.powers import agency_of
from stttt.org.selectors import today

DOCUMENT_LABELS = {
    rules.LETTER_ACCEPTANCE: gettext_lazy("Notice of acceptance"),
    rules.LETTER_RETURN: gettext_lazy("Notice of refusal or return"),
    rules.LETTER_FORWARD: gettext_lazy("Forwarding note"),
}
RESOLUTION_LABELS = {
    "complaint": gettext_lazy("Decision on the complaint"),
    "denunciation": gettext_lazy("Conclusion on the denunciation"),
    "petition": gettext_lazy("Reply to the petition"),
}


def _documents(letter: Letter) -> list[tuple[str, str]]:
    """The letter's documents its state allows, with their labels, for the page's links."""
    return [
        (doc, str(RESOLUTION_LABELS[letter.kind] if doc == rules.LETTER_RESOLUTION else DOCUMENT_LABELS[doc]))
        for doc in documents.letter_documents(letter)
    ]


@reader_page
def letters(request: HttpRequest) -> HttpResponse:
    letters_gate(request)
    items = selectors.letters_visible_to(request.user)
    query = (request.GET.get("q") or "").strip()
    if query:
        items = search(items, query)
    kind = request.GET.get("kind") or ""
    if kind:
        items = items.filter(kind=kind)
    return render(
        request, "inspection/letters.html", {"items": items[:200], "q": query, "kind": kind, "today": today()}
    )


def letter_create(request: HttpRequest) -> HttpResponse:
    letters_gate(request)
    agency = agency_of(request.user)
    if agency is None or not permissions.can_act(request.user, agency.pk):
        raise PermissionDenied
    form = LetterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            letter = services.letter_receive(agency=agency, actor=request.user, **form.cleaned_data)
            return redirect(letter.get_absolute_url())
        except (ValidationError, PermissionDenied) as exc:
            if isinstance(exc, ValidationError):
                form_errors(form, exc)
            else:
                messages.error(request, refusal(exc))
    return render(request, "inspection/form.html", {"form": form, "title": _("Log a letter")})


def letter_detail(request: HttpRequest, pk: int) -> HttpResponse:
    letters_gate(request)
    letter = get_object_or_404(selectors.letters_visible_to(request.user), pk=pk)
    steps = workflow.actions_for(workflow.LETTERS, request.user, letter)
    return render(
        request,
        "inspection/letter.html",
        {
            "letter": letter,
            "record": letter,
            "may_see_identity": permissions.can_see_identity(request.user, letter),
            "forms": action_forms("letter", steps),
            "documents": _documents(letter),
            "inspectors": [u for u in selectors.inspectors_of(letter.agency_id) if u.pk != letter.denounced_id],
            "base": f"{letter.get_absolute_url()}",
            "today": today(),
        },
    )


def letter_identity(request: HttpRequest, pk: int) -> HttpResponse:
    """The denouncer's identity, shown once per request to those allowed; every attempt is logged."""
    letters_gate(request)
    letter = get_object_or_404(selectors.letters_visible_to(request.user), pk=pk, kind="denunciation")
    if request.method != "POST":
        raise PermissionDenied
    identity = services.identity_reveal(letter, actor=request.user)
    if identity is None:
        raise Http404
    return render(request, "inspection/identity.html", {"letter": letter, "identity": identity})


def letter_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    letters_gate(request)
    agency = agency_of(request.user)
    users = {u.pk: u for u in selectors.inspectors_of(agency.pk)} if agency else {}
    return act(
        request,
        "letter",
        selectors.letters_visible_to(request.user),
        pk,
        action,
        services.letter_transition,
        users=users.get,
    )


@reader_page
def reception(request: HttpRequest) -> HttpResponse:
    department(request)
    agency = agency_of(request.user)
    can_book = agency is not None and permissions.can_act(request.user, agency.pk)
    can_schedule = agency is not None and (
        permissions.is_chief_inspector(request.user, agency.pk) or permissions.is_director(request.user, agency.pk)
    )
    if request.method == "POST" and not (can_book or can_schedule):
        raise PermissionDenied
    leaders = [(str(u.pk), u.full_name or u.username) for u in selectors.board_of(agency.pk)] if agency else []
    day_form = ReceptionDayForm(request.POST if "schedule" in request.POST else None, leaders=leaders)
    entry_form = ReceptionEntryForm(request.POST if "book" in request.POST else None)
    if request.method == "POST" and agency is not None:
        try:
            if "schedule" in request.POST and day_form.is_valid():
                data = dict(day_form.cleaned_data)
                people = {str(u.pk): u for u in selectors.board_of(agency.pk)}
                data["leader"] = people[data["leader"]]
                services.reception_day_schedule(agency=agency, actor=request.user, **data)
                return redirect("inspection:reception")
            if "book" in request.POST and entry_form.is_valid():
                services.reception_entry_add(agency=agency, actor=request.user, **entry_form.cleaned_data)
                return redirect("inspection:reception")
        except (ValidationError, PermissionDenied) as exc:
            if isinstance(exc, ValidationError):
                form_errors(day_form if "schedule" in request.POST else entry_form, exc)
            else:
                messages.error(request, refusal(exc))
    return render(
        request,
        "inspection/reception.html",
        {
            "days": selectors.reception_days_visible_to(request.user)[:50],
            "entries": selectors.reception_entries_visible_to(request.user)[:100],
            "day_form": day_form if can_schedule else None,
            "entry_form": entry_form if can_book else None,
        },
    )
