"""Reads of the licensing app: licences with their status computed in SQL, public registers, verification."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import Case, CharField, Exists, F, OuterRef, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce, ExtractYear
from django.urls import reverse
from django.utils import timezone

from stttt.core.search import search
from stttt.licensing import permissions
from stttt.licensing.choices import Status
from stttt.licensing.kinds import DISTRICT_NAMES, KINDS, LISTS_38C
from stttt.licensing.models import Licence, LicenceEvent


def licences_with_status(today: dt.date | None = None) -> QuerySet[Any]:
    """Every licence annotated with `current_until` and `current_status` on `today`, computed in SQL the
    same way as `rules.status_on` (a test keeps the two in step)."""
    day = today or timezone.localdate()
    events = LicenceEvent.objects.filter(licence=OuterRef("pk"), effective_on__lte=day)
    extension = events.filter(type="extend").order_by("-effective_on", "-id").values("new_valid_until")[:1]
    return (
        Licence.objects.all()
        .annotate(current_until=Coalesce(Subquery(extension), F("valid_until")))
        .annotate(current_status=Case(
            When(Exists(events.filter(type="revoke")), then=Value(Status.REVOKED.value)),
            When(Exists(events.filter(type="expire")), then=Value(Status.EXPIRED.value)),
            When(current_until__lt=day, then=Value(Status.EXPIRED.value)),
            When(Exists(events.filter(type="suspend", end_on__gte=day)), then=Value(Status.SUSPENDED.value)),
            default=Value(Status.VALID.value), output_field=CharField()))
    )


def licences_visible_to(user: Any) -> QuerySet[Any]:
    """Staff pages: the Department's staff see every licence with its personal data; others nothing."""
    if not permissions.is_staff_member(user):
        return Licence.objects.none()
    return licences_with_status()


SORTS = {
    "number": ("year", "sequence", "number"), "-number": ("-year", "-sequence", "-number"),
    "holder": ("holder_name",), "-holder": ("-holder_name",),
    "issued": ("issued_on", "id"), "-issued": ("-issued_on", "-id"),
    "expiry": ("current_until", "id"), "-expiry": ("-current_until", "-id"),
}
DEFAULT_SORT = "-issued"


def register(kinds: list[str], *, query: str = "", status: str = "", district: str = "", year: int | None = None,
             sort: str = DEFAULT_SORT, today: dt.date | None = None) -> QuerySet[Any]:
    """A public register: the licences of `kinds`, filtered and sorted. Unknown filter values are ignored
    by the caller's form; here they simply match nothing."""
    qs = licences_with_status(today).filter(kind__in=kinds).prefetch_related("events")
    if query:
        qs = search(qs, query)
    if status:
        qs = qs.filter(current_status=status)
    if district:
        qs = qs.filter(district=district)
    if year:
        qs = qs.annotate(issued_year=ExtractYear("issued_on")).filter(issued_year=year)
    return qs.order_by(*SORTS.get(sort, SORTS[DEFAULT_SORT]))


def register_kinds(slug: str) -> tuple[str, list[str]] | None:
    """(title key, kinds) of a register slug: one kind, or the 3.8.c list ("danh-sach-3-8-c")."""
    if slug == LIST_38C_SLUG:
        return "3.8.c", list(LISTS_38C)
    for kind in KINDS.values():
        if kind.slug == slug:
            return kind.code, [kind.code]
    return None


LIST_38C_SLUG = "danh-sach-3-8-c"


def register_years(kinds: list[str]) -> list[int]:
    return sorted({d.year for d in Licence.objects.filter(kind__in=kinds).values_list("issued_on", flat=True)},
                  reverse=True)


def register_counts(today: dt.date | None = None) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in licences_with_status(today).values("kind"):
        counts[row["kind"]] = counts.get(row["kind"], 0) + 1
    return counts


def licence_by_token(token: str) -> Licence:
    return licences_with_status().select_related("dossier").prefetch_related("events").get(token=token.lower())


def public_base_url() -> str:
    return str(settings.STTTT_PUBLIC_BASE_URL).rstrip("/")


def verification_url(licence: Licence, base_url: str = "") -> str:
    """The short public address printed (and QR-encoded) on the licence."""
    base = (base_url or public_base_url()).rstrip("/")
    return base + reverse("licensing:verify", kwargs={"token": licence.token})


def district_name(code: str) -> str:
    return DISTRICT_NAMES.get(code, "")


def home_figures() -> list[tuple[str, object]]:
    from django.utils.translation import gettext as _

    qs: QuerySet[Any] = licences_with_status()
    return [
        (_("Licences"), qs.count()),
        (_("Valid"), qs.filter(current_status=Status.VALID).count()),
        (_("Expiring within 30 days"), qs.filter(
            current_status=Status.VALID, current_until__lte=timezone.localdate() + dt.timedelta(days=30)).count()),
    ]
