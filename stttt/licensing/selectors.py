"""Reads of the licensing app: licences with their status computed in SQL, public registers, verification.

Staff reads are scoped to the user's agency (`org.powers.scope_to_agency`); public reads (registers,
verification) take the agency explicitly (`request.agency` of the portal and the API), so a register holds
only its agency's rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import Case, CharField, Count, Exists, F, Func, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce, ExtractYear, Least
from django.urls import reverse
from django.utils import timezone

from stttt.core import caching
from stttt.core.search import search
from stttt.licensing import permissions
from stttt.licensing.choices import Status
from stttt.licensing.kinds import KINDS, LISTS_38C
from stttt.licensing.models import Licence, LicenceEvent
from stttt.org import powers
from stttt.org.models import Agency, District

# Ranks of the statuses, in `rules.status_on`'s order of precedence (a revocation before an expiry, before a
# suspension, before "valid").
_RANKED = (Status.REVOKED, Status.EXPIRED, Status.SUSPENDED, Status.VALID)
_RANK = {status: rank for rank, status in enumerate(_RANKED, start=1)}


class _StatusOfRank(Func):
    """The status of a rank, as a simple `CASE rank WHEN 1 THEN ...`: the rank (and the subquery in it) is
    evaluated once per row, where a searched CASE would repeat it in each branch."""

    template = (
        "(CASE %(expressions)s "
        + " ".join(f"WHEN {rank} THEN '{status.value}'" for status, rank in _RANK.items() if status != Status.VALID)
        + f" ELSE '{Status.VALID.value}' END)"
    )
    output_field = CharField()


def _events_in_force(day: dt.date) -> QuerySet[Any]:
    """The events of the outer licence that have taken effect by `day`."""
    return LicenceEvent.objects.filter(licence=OuterRef("pk"), effective_on__lte=day)


def licences_with_status(today: dt.date | None = None) -> QuerySet[Any]:
    """Every licence annotated with `current_until` and `current_status` on `today`, computed in SQL the
    same way as `rules.status_on` (a test keeps the two in step).

    The events that decide a status are read by one correlated subquery per licence, answered from the
    licence's events index for the rows of a page only: EXISTS subqueries were turned by PostgreSQL into hashes
    of every agency's events, read in full for each page (50–80 ms at the national scale)."""
    day = today or timezone.localdate()
    events = _events_in_force(day)
    extension = events.filter(type="extend").order_by("-effective_on", "-id").values("new_valid_until")[:1]
    district = District.objects.filter(agency=OuterRef("agency"), code=OuterRef("district")).values("name")[:1]
    event_rank = Case(
        When(type="revoke", then=Value(_RANK[Status.REVOKED])),
        When(type="expire", then=Value(_RANK[Status.EXPIRED])),
        default=Value(_RANK[Status.SUSPENDED]),
    )
    deciding_event = (
        events.filter(Q(type__in=["revoke", "expire"]) | Q(type="suspend", end_on__gte=day))
        .annotate(rank=event_rank)
        .order_by("rank")
        .values("rank")[:1]
    )
    term_rank = Case(When(current_until__lt=day, then=Value(_RANK[Status.EXPIRED])), default=Value(_RANK[Status.VALID]))
    return (
        Licence.objects.all()
        .annotate(district_label=Coalesce(Subquery(district), Value("")))
        .annotate(current_until=Coalesce(Subquery(extension), F("valid_until")))
        .annotate(
            current_status=_StatusOfRank(
                Least(Coalesce(Subquery(deciding_event), Value(_RANK[Status.VALID])), term_rank)
            )
        )
    )


def with_status(queryset: QuerySet[Any], status: str, today: dt.date | None = None) -> QuerySet[Any]:
    """The licences of `queryset` (from `licences_with_status(today)`) in one status, in `rules.status_on`'s
    order of precedence, written as EXISTS conditions that the database joins once: filtering on the
    `current_status` annotation would run its subqueries for every licence of the agency (300 ms for 50,000)."""
    day = today or timezone.localdate()
    events = _events_in_force(day)
    revoked = Q(Exists(events.filter(type="revoke")))
    ended = Q(Exists(events.filter(type="expire"))) | Q(current_until__lt=day)
    suspended = Q(Exists(events.filter(type="suspend", end_on__gte=day)))
    conditions = {
        Status.REVOKED: revoked,
        Status.EXPIRED: ~revoked & ended,
        Status.SUSPENDED: ~revoked & ~ended & suspended,
        Status.VALID: ~revoked & ~ended & ~suspended,
    }
    return queryset.filter(conditions[Status(status)]) if status in Status.values else queryset.none()


def licences_visible_to(user: Any) -> QuerySet[Any]:
    """Staff pages and API: the staff of an agency see its licences with their personal data; others
    nothing."""
    if not permissions.is_staff_member(user):
        return Licence.objects.none()
    return powers.scope_to_agency(licences_with_status(), user)


def citing_visible_to(user: Any, queryset: QuerySet[Any]) -> QuerySet[Any]:
    """Licences citing a provision, as listed on the provision's page: the user's agency's, for its staff."""
    if not permissions.is_staff_member(user):
        return queryset.none()
    return powers.scope_to_agency(queryset, user)


SORTS = {
    "number": ("year", "sequence", "number"),
    "-number": ("-year", "-sequence", "-number"),
    "holder": ("holder_name",),
    "-holder": ("-holder_name",),
    "issued": ("issued_on", "id"),
    "-issued": ("-issued_on", "-id"),
    "expiry": ("current_until", "id"),
    "-expiry": ("-current_until", "-id"),
}
DEFAULT_SORT = "-issued"


def _agency_id(agency: Agency | None) -> int | None:
    """The agency's id; None for no agency (also a lazy `request.agency` of an installation without one)."""
    return getattr(agency, "pk", None)


def _in_register(queryset: QuerySet[Any], agency: Agency | None) -> QuerySet[Any]:
    """The rows of the agency's register (none without an agency)."""
    agency_id = _agency_id(agency)
    return queryset.filter(agency_id=agency_id) if agency_id is not None else queryset.none()


def register(
    kinds: list[str],
    *,
    agency: Agency | None,
    query: str = "",
    status: str = "",
    district: str = "",
    year: int | None = None,
    sort: str = DEFAULT_SORT,
    today: dt.date | None = None,
) -> QuerySet[Any]:
    """The public register of `agency`: its licences of `kinds`, filtered and sorted (no agency: nothing).
    Unknown filter values are ignored by the caller's form; here they simply match nothing."""
    qs = _in_register(licences_with_status(today), agency).filter(kind__in=kinds)
    qs = qs.select_related("agency").prefetch_related("events")  # each row links to its agency's host
    if query:
        qs = search(qs, query)
    if status:
        qs = with_status(qs, status, today)
    if district:
        qs = qs.filter(district=district)
    if year:
        qs = qs.annotate(issued_year=ExtractYear("issued_on")).filter(issued_year=year)
    return qs.order_by(*SORTS.get(sort, SORTS[DEFAULT_SORT]))


#: The revision (`core.caching`) of every licence and licence event: bumped by each save or delete
#: (`LicensingConfig.ready`), so what is kept of the registers is read again after any change.
REVISION = "licences"


def register_version(kinds: list[str], agency: Agency | None) -> tuple[Any, ...]:
    """What a public register page shows changes with: its licences and their events (the licences' revision),
    the agency (host names of the verification links) and the day (statuses and validity depend on it); read
    by the conditional check before anything is rendered, without a query over the register."""
    return (_agency_id(agency), getattr(agency, "updated_at", None), timezone.localdate(), caching.revision(REVISION))


def register_kinds(slug: str) -> tuple[str, list[str]] | None:
    """(title key, kinds) of a register slug: one kind, or the 3.8.c list ("danh-sach-3-8-c")."""
    if slug == LIST_38C_SLUG:
        return "3.8.c", list(LISTS_38C)
    for kind in KINDS.values():
        if kind.slug == slug:
            return kind.code, [kind.code]
    return None


LIST_38C_SLUG = "danh-sach-3-8-c"


def register_years(kinds: list[str], *, agency: Agency | None) -> list[int]:
    """Years of issue in the agency's register of `kinds`, newest first (kept until a licence changes)."""

    def build() -> list[int]:
        found = _in_register(Licence.objects.all(), agency).filter(kind__in=kinds)
        return [day.year for day in found.dates("issued_on", "year", order="DESC")]

    key = f"register-years:{_agency_id(agency)}:{','.join(sorted(kinds))}"
    return caching.remember(key, build, revisions_of=[REVISION])


def register_counts(today: dt.date | None = None, *, agency: Agency | None) -> dict[str, int]:
    """Licences per kind in the agency's registers."""
    rows = _in_register(Licence.objects.all(), agency).order_by().values("kind").annotate(count=Count("id"))
    return {row["kind"]: row["count"] for row in rows}


def register_districts(agency: Agency | None) -> list[tuple[str, str]]:
    """(code, name) of the districts of the agency, for a register's district filter."""
    return [(d.code, d.name) for d in _in_register(District.objects.filter(active=True), agency)]


def licence_by_token(token: str, *, agency: Agency | None) -> Licence:
    """The licence a printed verification code names, in the agency's register (raises DoesNotExist)."""
    return (
        _in_register(licences_with_status(), agency)
        .select_related("dossier")
        .prefetch_related("events")
        .get(token=token.lower())
    )


def public_base_url() -> str:
    return str(settings.STTTT_PUBLIC_BASE_URL).rstrip("/")


def _hosts(agency: Agency | None) -> list[str]:
    return [h.strip().lower() for h in (getattr(agency, "host_names", "") or "").split(",") if h.strip()]


def verification_url(licence: Licence, base_url: str = "") -> str:
    """The short public address printed (and QR-encoded) on the licence. It is on a host name of the
    licence's agency, since the verification page answers for the agency of the host it is asked on."""
    from urllib.parse import urlsplit

    base = (base_url or public_base_url()).rstrip("/")
    hosts = _hosts(licence.agency)
    parts = urlsplit(base)
    if hosts and (parts.hostname or "").lower() not in hosts:
        base = f"{parts.scheme or 'https'}://{hosts[0]}"
    return base + reverse("licensing:verify", kwargs={"token": licence.token})


def district_name(agency: Agency, code: str) -> str:
    """The name of the agency's district `code` ("" when it has none)."""
    return next(iter(District.objects.filter(agency=agency, code=code).values_list("name", flat=True)), "")


def home_figures(user: Any, today: dt.date | None = None) -> list[tuple[str, object]]:
    """Figures of the user's agency; none for anyone who is not staff. The same counts as filtering
    `licences_with_status` (a test keeps them equal), without computing every licence's status in SQL: the
    licences are counted by their dates in one aggregate, then the few with an event in force are counted
    again from their events (`rules.status_on`)."""
    from collections import defaultdict

    from django.db.models import Q
    from django.utils.translation import gettext as _

    from stttt.licensing import rules

    if user is None or not permissions.is_staff_member(user):
        return []
    day = today or timezone.localdate()
    soon = day + dt.timedelta(days=30)
    licences = powers.scope_to_agency(Licence.objects.all(), user)
    figures = licences.aggregate(
        total=Count("id"),
        valid=Count("id", filter=Q(valid_until__isnull=True) | Q(valid_until__gte=day)),
        expiring=Count("id", filter=Q(valid_until__gte=day, valid_until__lte=soon)),
    )
    facts: dict[int, list[rules.EventFact]] = defaultdict(list)
    terms: dict[int, tuple[dt.date, dt.date | None]] = {}
    in_force = LicenceEvent.objects.filter(licence__in=licences.values("pk"), effective_on__lte=day).order_by()
    columns = ("licence__valid_from", "licence__valid_until", "type", "effective_on", "end_on", "new_valid_until")
    for licence_id, pk, valid_from, valid_until, kind, effective_on, end_on, new_valid_until in in_force.values_list(
        "licence_id", "id", *columns
    ):
        terms[licence_id] = (valid_from, valid_until)
        facts[licence_id].append(rules.EventFact(kind, effective_on, end_on, new_valid_until, order=pk))
    for licence_id, (valid_from, valid_until) in terms.items():
        if valid_until is None or valid_until >= day:  # counted by its dates above: counted again here
            figures["valid"] -= 1
            figures["expiring"] -= valid_until is not None and valid_until <= soon
        if rules.status_on(day, valid_from, valid_until, facts[licence_id]) == Status.VALID:
            until = rules.effective_until(valid_until, facts[licence_id], day)
            figures["valid"] += 1
            figures["expiring"] += until is not None and until <= soon
    return [
        (_("Licences"), figures["total"]),
        (_("Valid"), figures["valid"]),
        (_("Expiring within 30 days"), figures["expiring"]),
    ]
