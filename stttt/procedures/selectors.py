"""Reads of the procedures app: catalogue, dossiers visible to a user, inboxes, deadlines, statistics."""

from __future__ import annotations

import calendar as month_calendar
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Min, Q, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone
from django.utils.translation import gettext as _

from stttt.core.calendar import WorkingCalendar, calendar
from stttt.core.planner import rare
from stttt.core.search import search
from stttt.org import powers
from stttt.org import selectors as org_selectors
from stttt.org.models import Agency
from stttt.procedures import filing, permissions, rules
from stttt.procedures.choices import CLOCK_STOPPED, IN_PROGRESS, Grade, Status
from stttt.procedures.models import Dossier, Procedure, Rating
from stttt.procedures.workflow import APPROVER, DESK, HEAD, Transition, available


def procedures_active(agency: Agency | None = None) -> QuerySet[Procedure]:
    """The active catalogue of `agency` (of every agency when None: administrators, the CLI)."""
    qs = Procedure.objects.filter(active=True).select_related("agency").prefetch_related("components")
    return qs.filter(agency=agency) if agency is not None else qs


def procedure_list(query: str = "", agency: Agency | None = None) -> QuerySet[Procedure]:
    qs = procedures_active(agency)
    return search(qs, query) if query else qs


def catalogue_agency(user: Any, public_agency: Agency | None) -> Agency | None:
    """Whose catalogue a page shows: a staff member's own agency, else the agency the site serves."""
    return powers.agency_of(user) or public_agency


def dossiers_visible_to(user: Any) -> QuerySet[Dossier]:
    """Applicants see their own dossiers; staff see the dossiers they need to know
    (`permissions.need_to_know`: the desk, the processing division, the assigned officer, the leaders in
    charge); administrators of the installation see all."""
    base = Dossier.objects.select_related("procedure__agency", "agency", "assignee", "received_by")
    if not getattr(user, "is_authenticated", False):
        return base.none()
    return base.filter(permissions.need_to_know(user))


def dossiers_of_agency(user: Any) -> QuerySet[Dossier]:
    """The agency's dossiers a staff member may list (registers, logbook, exports): those they need to
    know, never another agency's, nothing for people outside the Department."""
    if not powers.is_department_staff(user):
        return Dossier.objects.none()
    scoped = powers.scope_to_agency(Dossier.objects.select_related("procedure", "agency"), user)
    return scoped.filter(permissions.need_to_know(user))


# The processing division a dossier is handled by: that of the version it was filed under (the catalogue row's
# only for a dossier without a version).
HANDLED_DIVISION = Coalesce(NullIf("procedure_version__division_code", Value("")), "procedure__division_code")


def dossier_get(user: Any, pk: int) -> Dossier:
    return dossiers_visible_to(user).get(pk=pk)


def actions_for(user: Any, dossier: Dossier) -> list[Transition]:
    return available(dossier.status, permissions.roles_of(user, dossier), dossier.terms.handling)


def deadline_state(dossier: Dossier, cal: WorkingCalendar | None = None, today: dt.date | None = None) -> str:
    """`overdue`, `due_soon` (within 2 working days), `on_track`, `paused` (awaiting supplement) or `none`."""
    if dossier.status not in IN_PROGRESS:
        return "none"
    if dossier.status in CLOCK_STOPPED:
        return "paused"
    return rules.deadline_state(cal or calendar(), dossier.due_date, today or timezone.localdate())


def remaining_working_days(
    dossier: Dossier, cal: WorkingCalendar | None = None, today: dt.date | None = None
) -> int | None:
    if dossier.due_date is None or dossier.status not in IN_PROGRESS:
        return None
    return (cal or calendar()).working_days_between(today or timezone.localdate(), dossier.due_date)


# --- inboxes ------------------------------------------------------------------------------------------


@dataclass
class Inbox:
    key: str
    dossiers: list[Dossier]


def _inbox_conditions(user: Any, today: dt.date | None) -> tuple[QuerySet[Dossier], dict[str, Q]]:
    """The dossiers the user may see, and the staff inboxes as conditions on them: to receive, to transfer and
    to return (desk), to assign (division head), assigned to me, to approve (leader in charge or acting), and,
    of the dossiers the user holds a role for or is assigned, those due within 2 working days and those
    overdue. A role is held per procedure (`permissions.staff_roles`), so the roles are found once per
    procedure of the catalogue, and each inbox is counted and paged by the database."""
    today = today or timezone.localdate()
    visible = dossiers_visible_to(user).order_by("due_date", "submitted_at")
    held: dict[str, set[int]] = {DESK: set(), HEAD: set(), APPROVER: set()}
    agency_id = powers.powers_of(user, today).agency_id if getattr(user, "is_authenticated", False) else None
    catalogue = Procedure.objects.filter(agency_id=agency_id) if agency_id else Procedure.objects.none()
    for procedure in catalogue.select_related("agency"):
        for role in permissions.staff_roles(user, procedure, today) & held.keys():
            held[role].add(procedure.pk)

    def of(role: str, *statuses: str) -> Q:
        return Q(procedure_id__in=held[role], status__in=statuses)

    involved = Q(procedure_id__in=set().union(*held.values())) | Q(assignee_id=user.pk)
    return visible, {
        "to_receive": of(DESK, Status.SUBMITTED),
        "to_transfer": of(DESK, Status.RECEIVED),
        "to_assign": of(HEAD, Status.TRANSFERRED),
        "assigned": Q(assignee_id=user.pk, status=Status.IN_APPRAISAL),
        "to_approve": of(APPROVER, Status.AWAITING_APPROVAL),
        "to_return": of(DESK, Status.APPROVED, Status.REFUSED),
        "due_soon": involved & deadline_condition("due_soon", today),
        "overdue": involved & deadline_condition("overdue", today),
    }


def inbox_querysets(user: Any, today: dt.date | None = None) -> dict[str, QuerySet[Dossier]]:
    """Each inbox (`_inbox_conditions`) as a query, earliest due first."""
    visible, conditions = _inbox_conditions(user, today)
    return {key: visible.filter(condition) for key, condition in conditions.items()}


def inboxes(user: Any, today: dt.date | None = None) -> dict[str, list[Dossier]]:
    """Every dossier of each inbox (`inbox_querysets`)."""
    return {key: list(found) for key, found in inbox_querysets(user, today).items()}


def inbox_summary(user: Any, *, limit: int = 10, today: dt.date | None = None) -> list[dict[str, Any]]:
    """Each inbox's key, count and first `limit` dossiers (for the home and procedures pages): the counts in
    one query, then each inbox's first rows with only the columns the pages show."""
    visible, conditions = _inbox_conditions(user, today)
    # Every inbox holds open dossiers only: the count reads those (an index on the status), not the agency's
    # every dossier of ten years.
    counted = visible.order_by().filter(rare(Q(status__in=INBOX_STATUSES)))
    counts = counted.aggregate(**{key: Count("id", filter=q) for key, q in conditions.items()})
    shown = dossier_rows(visible)
    return [
        {"key": key, "count": counts[key], "dossiers": list(shown.filter(q)[:limit])} for key, q in conditions.items()
    ]


#: The statuses any inbox holds (`_inbox_conditions`): in progress, filed and not yet received, decided and
#: not yet returned.
INBOX_STATUSES = frozenset({*IN_PROGRESS, Status.SUBMITTED, Status.APPROVED, Status.REFUSED})

INBOX_KEYS = ("to_receive", "to_transfer", "to_assign", "assigned", "to_approve", "to_return", "due_soon", "overdue")


def home_figures(agency: Agency | None = None) -> list[tuple[str, object]]:
    from django.utils.translation import gettext as _

    today = timezone.localdate()
    in_progress = Dossier.objects.filter(status__in=IN_PROGRESS)
    if agency is not None:
        in_progress = in_progress.filter(agency=agency)
    return [
        (_("Procedures"), procedures_active(agency).count()),
        (_("Dossiers in progress"), in_progress.count()),
        (_("Overdue"), in_progress.exclude(status__in=CLOCK_STOPPED).filter(due_date__lt=today).count()),
    ]


# --- statistics ---------------------------------------------------------------------------------------

STAT_KEYS = (
    "received",
    "resolved_on_time",
    "resolved_late",
    "in_progress_on_time",
    "in_progress_overdue",
    "withdrawn",
    "average_working_days",
)


def month_bounds(month: str) -> tuple[dt.date, dt.date]:
    """`YYYY-MM` -> first and last day; ValueError for anything else."""
    year, number = (int(part) for part in month.split("-"))
    if not 1 <= number <= 12 or not 1990 <= year <= 2200 or len(month) != 7:
        raise ValueError(month)
    return dt.date(year, number, 1), dt.date(year, number, month_calendar.monthrange(year, number)[1])


def _unit_names(codes: set[str]) -> dict[str, str]:
    from stttt.org.models import Unit

    return dict(Unit.objects.filter(code__in=codes).values_list("code", "name"))


def _local_date(value: dt.datetime | None) -> dt.date | None:
    return timezone.localtime(value).date() if value else None


_DAY = dt.timedelta(days=1)


def _local_midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


def statistics(
    month: str, *, by: str = "procedure", today: dt.date | None = None, user: Any = None, agency: Agency | None = None
) -> list[dict[str, Any]]:
    """Per procedure (or per division) for one month, of the dossiers `user` may see as staff (their own
    agency's) or of `agency`; of every agency when neither is given (the installation's own reports).
    Counted from the dossiers' own dates:

    - received: received during the month;
    - resolved on time / late: resolved (approved, refused, forwarded) during the month, against the
      statutory due date (an apology does not make a late dossier on time);
    - in progress on time / overdue: received by the month's end and not resolved, withdrawn or closed by
      then, compared with the due date at the month's end (or today for the current month);
    - withdrawn: withdrawn during the month;
    - average working days: of the dossiers resolved during the month, from the start of the period.
    """
    first, last = month_bounds(month)
    today = today or timezone.localdate()
    cutoff = min(last, today)
    # Local days as UTC instants, so each count is one indexed range in SQL (times are stored in UTC).
    start, end, cutoff_end = (_local_midnight(day) for day in (first, last + _DAY, cutoff + _DAY))
    dossiers = Dossier.objects.filter(received_at__isnull=False, received_at__lt=max(end, cutoff_end))
    if user is not None:
        dossiers = powers.scope_to_agency(dossiers, user)
    if agency is not None:
        dossiers = dossiers.filter(agency=agency)
    # Only dossiers the month can count: still open at its start, or resolved/withdrawn since.
    dossiers = dossiers.filter(Q(resolved_at__isnull=True) | Q(resolved_at__gte=start)).filter(
        Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=start)
    )
    if by != "procedure":
        dossiers = dossiers.annotate(handled_division=HANDLED_DIVISION)
    key = "procedure__code" if by == "procedure" else "handled_division"
    resolved = Q(resolved_at__gte=start, resolved_at__lt=end)
    open_at_end = (
        Q(received_at__lt=cutoff_end)
        & (Q(resolved_at__isnull=True) | Q(resolved_at__gte=cutoff_end))
        & (Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=cutoff_end))
    )
    late = Q(statutory_due_date__lt=cutoff)
    counts = dossiers.values(key).annotate(
        name=Min("procedure__name"),
        division=Min(HANDLED_DIVISION),
        received=Count("pk", filter=Q(received_at__gte=start, received_at__lt=end)),
        resolved_on_time=Count("pk", filter=resolved & ~Q(closed_late=True)),
        resolved_late=Count("pk", filter=resolved & Q(closed_late=True)),
        withdrawn=Count("pk", filter=Q(withdrawn_at__gte=start, withdrawn_at__lt=end)),
        in_progress_overdue=Count("pk", filter=open_at_end & late),
        in_progress_on_time=Count("pk", filter=open_at_end & ~late),
    )
    rows: dict[str, dict[str, Any]] = {}
    for found in counts:
        code = found.pop(key)
        rows[code] = {"key": code, **found, "name": found["name"] if by == "procedure" else code}
    # The average needs the working-day calendar: only the month's resolved dossiers are read for it.
    cal = calendar()
    durations: dict[str, list[int]] = defaultdict(list)
    spans: dict[tuple[Any, Any], int] = {}
    for code, counted_from, resolved_at in dossiers.filter(resolved, counting_start__isnull=False).values_list(
        key, "counting_start", "resolved_at"
    ):
        span: tuple[Any, Any] = (counted_from, _local_date(resolved_at))
        if span not in spans:
            spans[span] = max(0, cal.working_days_between(*span))
        durations[code].append(spans[span])
    if by == "division":
        names = _unit_names(set(rows))
        for code, row in rows.items():
            row["name"] = names.get(code, code)
    for code, row in rows.items():
        values = durations.get(code)
        row["average_working_days"] = round(sum(values) / len(values), 1) if values else None
    counted = STAT_KEYS[:-1]
    return sorted((r for r in rows.values() if any(r[k] for k in counted)), key=lambda r: r["key"])


def officers_of(procedure: Procedure | permissions.Handled, at: dt.date | None = None) -> list[Any]:
    """Users holding a post in the procedure's division on `at` (whom its head may assign), from `org`; for a
    dossier, its procedure as handled (`permissions.handled_by`: the division of its version)."""
    day = at or timezone.localdate()
    rows = (
        org_selectors.assignments_at(day)
        .filter(unit__agency=procedure.agency_id, unit__code=procedure.division_code, staff__user__isnull=False)
        .select_related("staff__user")
    )
    users: list[Any] = []
    for row in rows:
        if row.staff.user not in users:
            users.append(row.staff.user)
    return users


# --- the applicants' assessment (Circular 01/2018/TT-VPCP Arts 13 and 15) ------------------------------

INDICATORS = ("indicator_1", "indicator_2", "indicator_3", "indicator_4", "indicator_6", "indicator_7")


def ratings_visible_to(user: Any) -> QuerySet[Rating]:
    """Ratings of the dossiers of the user's own agency (leaders read them; nobody else's)."""
    return powers.scope_to_agency(Rating.objects.select_related("dossier"), user, field="dossier__agency")


def can_read_ratings(user: Any) -> bool:
    """The leadership reads the assessments (Art. 15 reports them to the agency's head)."""
    if getattr(user, "is_superuser", False):
        return True
    return getattr(user, "is_authenticated", False) and powers.powers_of(user).is_leader


def rating_summary(ratings: QuerySet[Rating], quarter: str = "") -> list[dict[str, Any]]:
    """Per unit and quarter: the number of ratings, each indicator's average (Art. 15: sum / count, one
    decimal), their total and the grade it earns."""
    groups: dict[tuple[str, str], list[Rating]] = defaultdict(list)
    if quarter:
        ratings = ratings.filter(quarter=quarter)
    for rating in ratings:
        groups[(rating.unit_code, rating.quarter)].append(rating)
    rows = []
    names = _unit_names({unit for unit, _q in groups})
    for (unit, q), found in sorted(groups.items(), key=lambda item: (item[0][1], item[0][0]), reverse=True):
        averages = {name: rules.average([getattr(r, name) for r in found]) for name in INDICATORS}
        total = round(sum(v for v in averages.values() if v is not None), 1)
        rows.append(
            {
                "unit": unit,
                "unit_name": names.get(unit, unit),
                "quarter": q,
                "count": len(found),
                **averages,
                "total": total,
                "grade": rules.grade(total),
                "grade_label": Grade(rules.grade(total)).label,
            }
        )
    return rows


def rateable(dossier: Dossier) -> bool:
    """The applicant may rate now: the result is out and the dossier is not rated yet."""
    return (
        dossier.status in rules.RATEABLE_STATUSES
        and dossier.resolved_at is not None
        and not Rating.objects.filter(dossier=dossier).exists()
    )


def result_granted(dossier: Dossier) -> bool:
    """The dossier's result is granted and may be handed to the applicant: approved, or returned after an
    approval (a refusal gives no result document)."""
    return dossier.status == Status.APPROVED or (
        dossier.status == Status.RETURNED and dossier.refusal_reasons == "" and dossier.resolved_at is not None
    )


def rating_of(dossier: Dossier) -> Rating | None:
    return Rating.objects.filter(dossier=dossier).first()


# --- the dossier list ---------------------------------------------------------------------------------

LIST_SORTS = {
    "-submitted": ("-submitted_at", "-id"),
    "submitted": ("submitted_at", "id"),
    "due": ("due_date", "id"),
    "-due": ("-due_date", "-id"),
    "applicant": ("applicant_name", "id"),
    "code": ("code", "id"),
    "status": ("status", "id"),
}


def dossiers_matching(queryset: QuerySet[Any], query: str) -> QuerySet[Any]:
    """Dossiers of `queryset` whose text contains `query`, or that a reference some provider gave names (the
    portal's). The references are looked up first, so the search itself stays a condition on the dossier's
    own columns that its indexes answer (an OR across a join made PostgreSQL read every dossier)."""
    found = search(queryset, query)
    named = [pk for condition in filing.lookup(query) for pk in queryset.filter(condition).values_list("pk", flat=True)]
    return found | queryset.filter(pk__in=named) if named else found


#: What a row of the dossier list and of the inboxes shows (`procedures/dossiers.html`, the inbox summaries) and
#: `deadline_state` reads.
LIST_COLUMNS = ("code", "applicant_name", "status", "submitted_at", "due_date", "procedure__name")


def dossier_rows(queryset: QuerySet[Dossier]) -> QuerySet[Dossier]:
    """`queryset` read for the list: its shown columns and the procedure's name, not the whole dossier with its
    agency and officers (a page of 50 built the objects of five tables' rows)."""
    return queryset.select_related(None).select_related("procedure").only(*LIST_COLUMNS)


def dossiers_filtered(
    qs: QuerySet[Dossier],
    *,
    procedure: Any = None,
    unit: str = "",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    deadline: str = "",
    sort: str = "",
    today: dt.date | None = None,
) -> QuerySet[Dossier]:
    """The dossier list's filters: procedure, processing unit, filing dates (inclusive), the deadline state
    (`overdue`, `due_soon`: the same states as `rules.deadline_state`, computed in the database) and a sort."""
    if procedure is not None:
        qs = qs.filter(procedure=procedure)
    if unit:
        qs = qs.annotate(handled_division=HANDLED_DIVISION).filter(handled_division=unit)
    if date_from is not None:
        qs = qs.filter(submitted_at__date__gte=date_from)
    if date_to is not None:
        qs = qs.filter(submitted_at__date__lte=date_to)
    if deadline in ("overdue", "due_soon"):
        qs = qs.filter(deadline_condition(deadline, today or timezone.localdate()))
    return qs.order_by(*LIST_SORTS.get(sort, LIST_SORTS["-submitted"]))


def deadline_condition(deadline: str, today: dt.date) -> Q:
    """Running dossiers (in progress, clock not stopped) `overdue` or `due_soon` on `today`, as a filter: the
    same states as `rules.deadline_state`."""
    running = Q(status__in=IN_PROGRESS) & ~Q(status__in=CLOCK_STOPPED)
    if deadline == "overdue":
        return running & Q(due_date__lt=today)
    limit = calendar().add_working_days(today, rules.DUE_SOON_WORKING_DAYS + 1)  # within 2 working days
    return running & Q(due_date__gte=today, due_date__lt=limit)


def deadline_states(dossiers: list[Dossier], today: dt.date | None = None) -> dict[int, str]:
    """`deadline_state` of each dossier of a page, with one calendar."""
    cal = calendar()
    day = today or timezone.localdate()
    return {d.pk: deadline_state(d, cal, day) for d in dossiers}


def list_units(user: Any) -> list[tuple[str, str]]:
    """The processing units of the user's visible catalogue (for the list's filter)."""
    agency = powers.agency_of(user)
    codes = set(procedures_active(agency).values_list("division_code", flat=True))
    names = _unit_names(codes)
    return sorted(((c, names.get(c, c)) for c in codes), key=lambda item: item[1])


def due_date_explanation(dossier: Dossier) -> list[str]:
    """How the dossier's statutory due date was counted (`rules.due_date_explanation`), from its receipt."""
    from stttt.procedures.choices import Channel, TimeUnit

    if not (dossier.received_at and dossier.counting_start and dossier.statutory_due_date):
        return []
    terms = dossier.terms  # the version the dossier was filed under
    days, unit = terms.applicable_limit
    cal = calendar()
    received = timezone.localtime(dossier.received_at).replace(tzinfo=None)
    filed = timezone.localtime(dossier.submitted_at).replace(tzinfo=None)
    if (
        dossier.channel == Channel.ONLINE
        and not cal.is_working_day(filed.date())
        and cal.next_working_day(filed.date()) == dossier.counting_start
    ):
        received = filed  # filed online on a day off, received on the next working day
    sentences = rules.due_date_explanation(
        cal,
        received,
        dossier.counting_start,
        days,
        str(TimeUnit(unit).label),
        dossier.statutory_due_date,
        paper=dossier.channel != Channel.ONLINE,
    )
    if dossier.procedure_version is not None:
        version = dossier.procedure_version
        sentences.insert(
            0,
            _("The time limit is that of version %(number)d of the procedure, in force when it was filed: %(basis)s.")
            % {"number": version.number, "basis": version.limit_basis},
        )
    return sentences


def indicator_labels() -> list[tuple[str, Any]]:
    """(field, label) of each rated indicator, e.g. "3. contacts needed to complete the dossier"."""
    return [(name, getattr(Rating._meta.get_field(name), "verbose_name", name)) for name in INDICATORS]


def public_index(agency: Agency, since: dt.date) -> dict[str, list[dict[str, Any]]]:
    """The public figures of an agency since `since` (the index provincial portals publish): per procedure
    and per processing division, the dossiers resolved, how many on time, the share on time; per division,
    the applicants' average rating total (Circular 01/2018/TT-VPCP Art. 15) and its number of ratings.
    Counts only: nothing that names an applicant."""
    start = timezone.make_aware(dt.datetime.combine(since, dt.time.min))
    resolved = (
        Dossier.objects.filter(agency=agency, resolved_at__gte=start)
        .annotate(handled_division=HANDLED_DIVISION)
        .values("procedure__code", "procedure__name", "handled_division", "closed_late")
    )
    by_procedure: dict[str, dict[str, Any]] = {}
    by_unit: dict[str, dict[str, Any]] = {}
    for row in resolved:
        for key, name, table in (
            (row["procedure__code"], row["procedure__name"], by_procedure),
            (row["handled_division"], row["handled_division"], by_unit),
        ):
            entry = table.setdefault(key, {"key": key, "name": name, "resolved": 0, "on_time": 0})
            entry["resolved"] += 1
            entry["on_time"] += 0 if row["closed_late"] else 1
    names = _unit_names(set(by_unit))
    ratings = rating_summary(Rating.objects.filter(dossier__agency=agency, rated_at__gte=start))
    scores: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for r in ratings:
        scores[r["unit"]].append((r["total"], r["count"]))
    for unit in scores:
        by_unit.setdefault(unit, {"key": unit, "name": unit, "resolved": 0, "on_time": 0})
    for table in (by_procedure, by_unit):
        for entry in table.values():
            entry["on_time_pct"] = round(100 * entry["on_time"] / entry["resolved"]) if entry["resolved"] else None
    for unit, entry in by_unit.items():
        entry["name"] = names.get(unit, unit)
        found = scores.get(unit, [])
        count = sum(c for _t, c in found)
        entry["ratings"] = count
        entry["rating_total"] = round(sum(t * c for t, c in found) / count, 1) if count else None
    return {
        "procedures": sorted(by_procedure.values(), key=lambda e: e["name"]),
        "units": sorted(by_unit.values(), key=lambda e: e["name"]),
    }


def catalogue_fields(procedures: QuerySet[Procedure]) -> list[tuple[str, str]]:
    """The fields of state management the procedures belong to, (code, name) in the order of Article 2 (the
    taxonomy of `legal.Field`; a code the taxonomy does not hold is shown as it is)."""
    from stttt.legal.models import Field

    codes = set(procedures.values_list("field_code", flat=True))
    taxonomy = {f.code: f for f in Field.objects.filter(code__in=codes)}
    order = {code: taxonomy[code].order if code in taxonomy else len(taxonomy) + 1 for code in codes}
    names = {
        code: taxonomy[code].name[:1].upper() + taxonomy[code].name[1:] if code in taxonomy else code for code in codes
    }
    return [(code, names[code]) for code in sorted(codes, key=lambda code: (order[code], names[code]))]


def catalogue_filtered(
    procedures: QuerySet[Procedure], *, query: str = "", field: str = "", level: str = ""
) -> QuerySet[Procedure]:
    """The catalogue by field of state management, by online service level and by text (diacritics ignored)."""
    if field:
        procedures = procedures.filter(field_code=field)
    if level:
        procedures = procedures.filter(service_level=level)
    return search(procedures, query) if query else procedures
