"""Reads of the digital app, scoped to the user's agency (`stttt.org.powers`), and the figures computed from
the records: province values per indicator, the DTI per year, online-service shares from the dossiers."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from stttt.core.calendar import calendar
from stttt.core.deadlines import deadline_state
from stttt.digital import rules
from stttt.digital.choices import (
    APPRAISAL_OPEN,
    AccessLevel,
    EnterpriseStatus,
    SharingStatus,
    SignatureStatus,
    SubmissionStatus,
)
from stttt.digital.models import (
    Appraisal,
    Collection,
    Dataset,
    Indicator,
    ITEnterprise,
    Programme,
    PublishedScore,
    SharingRequest,
    SignatureRequest,
    Submission,
)
from stttt.org.powers import agency_of, is_department_staff, scope_to_agency

DUE_SOON_WORKING_DAYS = 3


def today() -> dt.date:
    return timezone.localdate()


def working_agency(user: Any) -> Any:
    """The agency a member of staff works for; an administrator without a post works for the first agency."""
    found = agency_of(user)
    if found is None and getattr(user, "is_superuser", False):
        from stttt.org.models import Agency

        found = Agency.objects.order_by("pk").first()
    return found


def _staff_scope(queryset: QuerySet, user: Any, field: str = "agency") -> QuerySet:
    if not is_department_staff(user):
        return queryset.none()
    return scope_to_agency(queryset, user, field)


# --- IT enterprises (3.13) --------------------------------------------------------------------------------


def it_enterprises(agency: Any) -> QuerySet[ITEnterprise]:
    """The IT and digital-technology enterprises registered by `agency` (3.13.b), by name.

    A stable interface for other apps (the sector supervision app reads it): each row has `name`,
    `tax_code`, `address`, `field_of_activity` (with `get_field_of_activity_display()`), `status`,
    `district` and `get_absolute_url()`."""
    return ITEnterprise.objects.filter(agency=agency).select_related("district").order_by("name", "pk")


def enterprises_visible_to(user: Any) -> QuerySet[ITEnterprise]:
    """The enterprises of the user's agency (Department staff; superusers see every agency's)."""
    return _staff_scope(ITEnterprise.objects.select_related("district"), user).order_by("name", "pk")


def industry_by_year(agency: Any) -> list[dict[str, Any]]:
    """Per year: enterprises reporting, staff and revenue (3.13.b: the periodic industry report)."""
    from django.db.models import Sum

    from stttt.digital.models import EnterpriseYear

    rows = (
        EnterpriseYear.objects.filter(enterprise__agency=agency)
        .values("year")
        .annotate(enterprises=Count("enterprise"), staff=Sum("staff"), revenue=Sum("revenue"))
        .order_by("year")
    )
    return [dict(r) for r in rows]


# --- Programme and collection (3.14.a-b) ------------------------------------------------------------------


def programmes_visible_to(user: Any) -> QuerySet[Programme]:
    return _staff_scope(Programme.objects.all(), user)


def indicators_visible_to(user: Any) -> QuerySet[Indicator]:
    return _staff_scope(Indicator.objects.all(), user)


def collections_visible_to(user: Any) -> QuerySet[Collection]:
    return _staff_scope(Collection.objects.all(), user)


def submissions_visible_to(user: Any) -> QuerySet[Submission]:
    """Staff: their agency's submissions; a district officer: their district's."""
    base = Submission.objects.select_related("collection", "entity", "entity__district")
    if is_department_staff(user):
        return scope_to_agency(base, user, "collection__agency")
    from stttt.digital.permissions import district_of

    district = district_of(user)
    if district is None:
        return base.none()
    return base.filter(entity__district=district, collection__agency_id=district.agency_id)


def indicator_defs(collection: Collection, kind: str | None = None) -> list[rules.IndicatorDef]:
    """The indicators of a collection an entity of `kind` fills (all when None), as rule inputs."""
    found = []
    for ind in collection.indicators.all().order_by("order", "code"):
        if kind is not None and kind not in ind.reporter_kinds:
            continue
        found.append(
            rules.IndicatorDef(ind.code, ind.name, ind.formula, "decimal", ind.numerator_label, ind.denominator_label)
        )
    return found


def _submitted_on(sub: Submission) -> dt.date | None:
    return (
        timezone.localdate(sub.submitted_at) if sub.submitted_at and sub.status == SubmissionStatus.SUBMITTED else None
    )


def collection_board(collection: Collection, *, on: dt.date | None = None) -> dict[str, Any]:
    """One collection: each entity's status and lateness, the late list, completion by kind, and the
    province's value of each indicator by its formula (submitted figures only)."""
    day = on or today()
    indicators = list(collection.indicators.all().order_by("order", "code"))
    subs = list(collection.submissions.select_related("entity", "entity__district"))
    rows: list[dict[str, Any]] = []
    for sub in subs:
        submitted_on = _submitted_on(sub)
        rows.append(
            {
                "submission": sub,
                "entity": sub.entity,
                "status_label": sub.get_status_display(),
                "submitted_on": submitted_on,
                "late": rules.is_late(collection.deadline, submitted_on, day),
            }
        )
    submitted = [s.values for s in subs if s.status == SubmissionStatus.SUBMITTED]
    values = [{"indicator": ind, "value": rules.province_value(ind.formula, ind.code, submitted)} for ind in indicators]
    by_kind: dict[str, dict[str, int]] = defaultdict(lambda: {"count": 0, "submitted": 0})
    for row in rows:
        bucket = by_kind[row["entity"].get_kind_display()]
        bucket["count"] += 1
        bucket["submitted"] += int(row["submission"].status == SubmissionStatus.SUBMITTED)
    return {
        "collection": collection,
        "rows": rows,
        "late": [r for r in rows if r["late"] and r["submission"].status != SubmissionStatus.SUBMITTED],
        "late_count": sum(1 for r in rows if r["late"]),
        "count": len(rows),
        "submitted": sum(1 for s in subs if s.status == SubmissionStatus.SUBMITTED),
        "values": values,
        "by_kind": dict(by_kind),
    }


def province_values(agency: Any, year: int) -> dict[str, float | None]:
    """Each indicator's province value for `year`, from the submitted figures of that year's collections."""
    subs = Submission.objects.filter(
        collection__agency=agency, collection__year=year, status=SubmissionStatus.SUBMITTED
    ).values_list("values", flat=True)
    figures = list(subs)
    return {
        ind.code: rules.province_value(ind.formula, ind.code, figures)
        for ind in Indicator.objects.filter(agency=agency)
    }


def dti_for_year(agency: Any, year: int) -> dict[str, Any]:
    """The DTI computed for `year`: each indicator's value and points, each main index's points, the groups,
    total and pillars (Decision 922/QĐ-BTTTT 2022, Annex 1 [verify method])."""
    values = province_values(agency, year)
    points: dict[str, float] = defaultdict(float)
    lines = []
    for ind in Indicator.objects.filter(agency=agency).exclude(pillar="").order_by("order", "code"):
        value = values.get(ind.code)
        got = rules.sub_index_points(value, float(ind.benchmark) if ind.benchmark else None, float(ind.max_points))
        points[ind.pillar] += got
        lines.append({"indicator": ind, "value": value, "points": got})
    result = rules.dti(points)
    return {"year": year, "lines": lines, "result": result}


def dti_comparison(agency: Any, year: int) -> dict[str, Any]:
    """This year's computed DTI against the previous year's and against the published figures."""
    current, previous = dti_for_year(agency, year), dti_for_year(agency, year - 1)
    published = {(p.year, p.index): p for p in PublishedScore.objects.filter(agency=agency, year__in=(year, year - 1))}
    rows = []
    for key in ("total", "government", "economy", "society"):
        now = current["result"].index if key == "total" else current["result"].pillars[key]
        before = previous["result"].index if key == "total" else previous["result"].pillars[key]
        pub = published.get((year, key))
        pub_before = published.get((year - 1, key))
        rows.append(
            {
                "key": key,
                "computed": now,
                "previous": before,
                "change": rules.change(now, before),
                "published": float(pub.value) if pub else None,
                "rank": pub.rank if pub else None,
                "of_provinces": pub.of_provinces if pub else None,
                "previous_rank": pub_before.rank if pub_before else None,
            }
        )
    return {"current": current, "previous": previous, "rows": rows}


# --- Online public services (computed from the procedures app's dossiers) ------------------------------


def online_services(agency: Any, year: int) -> dict[str, Any]:
    """Per procedure and per month of `year`: received, filed online, fully online, resolved on time, and
    their shares (Decree 45/2020/NĐ-CP; Decree 42/2022/NĐ-CP Art. 11(1)). Paid online is not recorded by
    stttt's dossiers, so it is not given."""
    from django.db.models.functions import ExtractMonth

    from stttt.procedures.models import Dossier

    dossiers = Dossier.objects.filter(agency=agency, received_at__year=year)
    full = Q(procedure__service_level="full") & Q(channel="online")
    online = Q(channel="online")
    rows = (
        dossiers.annotate(month=ExtractMonth("received_at", tzinfo=timezone.get_current_timezone()))
        .values("month", "procedure__code", "procedure__name")
        .annotate(
            received=Count("pk"),
            online=Count("pk", filter=online),
            full_online=Count("pk", filter=full),
            resolved_on_time=Count("pk", filter=Q(resolved_at__isnull=False, closed_late=False)),
            resolved_late=Count("pk", filter=Q(resolved_at__isnull=False, closed_late=True)),
        )
        .order_by("month", "procedure__code")
    )
    months: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    procedures: dict[str, dict[str, Any]] = {}
    keys = ("received", "online", "full_online", "resolved_on_time", "resolved_late")
    for raw in rows:
        row: dict[str, Any] = dict(raw)
        for k in keys:
            months[row["month"]][k] += row[k]
        proc = procedures.setdefault(
            row["procedure__code"],
            {"code": row["procedure__code"], "name": row["procedure__name"]} | dict.fromkeys(keys, 0),
        )
        for k in keys:
            proc[k] += row[k]
    month_rows: list[dict[str, Any]] = [
        {"month": m, **counts, **_shares(counts)} for m, counts in sorted(months.items())
    ]
    proc_rows = [p | _shares(p) for p in procedures.values()]
    totals = {k: sum(m[k] for m in month_rows) for k in keys}
    return {"months": month_rows, "procedures": proc_rows, "totals": totals | _shares(totals)}


def _shares(counts: dict[str, Any]) -> dict[str, float | None]:
    return {f"{k}_share": v for k, v in rules.online_shares(counts).items()}


# --- Data catalogue and sharing (3.14.đ) ------------------------------------------------------------------


def datasets_visible_to(user: Any) -> QuerySet[Dataset]:
    return _staff_scope(Dataset.objects.all(), user)


def open_datasets(agency: Any) -> QuerySet[Dataset]:
    """The datasets marked open, published with their metadata (Decree 47/2020/NĐ-CP, Chapter IV)."""
    return Dataset.objects.filter(agency=agency, access_level=AccessLevel.OPEN).order_by("code")


def dcat_catalogue(agency: Any, base_url: str = "") -> dict[str, Any]:
    """The open datasets as a DCAT-AP style JSON-LD catalogue."""
    datasets = []
    for d in open_datasets(agency):
        datasets.append(
            {
                "@type": "dcat:Dataset",
                "dct:identifier": d.code,
                "dct:title": d.name,
                "dct:description": d.content,
                "dct:publisher": {"@type": "foaf:Agent", "foaf:name": d.owner},
                "dct:accrualPeriodicity": d.frequency,
                "dct:issued": d.issued_on.isoformat() if d.issued_on else None,
                "dct:modified": d.modified_on.isoformat() if d.modified_on else None,
                "dct:license": d.licence or None,
                "dcat:keyword": [k.strip() for k in d.keywords.split(",") if k.strip()],
                "dcat:landingPage": base_url + d.get_absolute_url() if base_url else None,
                "dcat:distribution": [{"@type": "dcat:Distribution", "dcat:accessURL": d.access_url}]
                if d.access_url
                else [],
            }
        )
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
        },
        "@type": "dcat:Catalog",
        "dct:title": getattr(agency, "name", ""),
        "dcat:dataset": datasets,
    }


def sharing_visible_to(user: Any) -> QuerySet[SharingRequest]:
    return _staff_scope(SharingRequest.objects.select_related("dataset"), user)


def sharing_state(request: SharingRequest, on: dt.date | None = None, cal: Any = None) -> str:
    """`none` once decided; else overdue / due soon / on track against the legal time limit."""
    return deadline_state(
        cal or calendar(),
        request.due_on,
        on or today(),
        soon=DUE_SOON_WORKING_DAYS,
        is_open=request.status == SharingStatus.RECEIVED,
    )


def sharing_report(agency: Any, year: int) -> dict[str, int]:
    """Requests of the year: received, agreed, refused, answered in time, answered late, open overdue."""
    day = today()
    found = {"received": 0, "agreed": 0, "refused": 0, "in_time": 0, "late": 0, "overdue": 0}
    for r in SharingRequest.objects.filter(agency=agency, received_on__year=year):
        found["received"] += 1
        found["agreed"] += int(r.status == SharingStatus.AGREED)
        found["refused"] += int(r.status == SharingStatus.REFUSED)
        verdict = rules.answered_in_time(r.due_on, r.decided_on, day)
        if r.decided_on is not None:
            found["in_time" if verdict else "late"] += 1
        elif verdict is False and r.status == SharingStatus.RECEIVED:
            found["overdue"] += 1
    return found


# --- Appraisals (3.14.c, 3.22) -----------------------------------------------------------------------------


def appraisals_visible_to(user: Any) -> QuerySet[Appraisal]:
    return _staff_scope(Appraisal.objects.all(), user)


def appraisal_state(appraisal: Appraisal, on: dt.date | None = None, cal: Any = None) -> str:
    return deadline_state(
        cal or calendar(),
        appraisal.due_on,
        on or today(),
        soon=DUE_SOON_WORKING_DAYS,
        is_open=appraisal.status in APPRAISAL_OPEN,
    )


# --- Digital signatures (3.14.h) ---------------------------------------------------------------------------


def signatures_visible_to(user: Any) -> QuerySet[SignatureRequest]:
    return _staff_scope(SignatureRequest.objects.all(), user)


def expiring_certificates(agency: Any, on: dt.date | None = None) -> list[SignatureRequest]:
    day = on or today()
    issued = SignatureRequest.objects.filter(agency=agency, status=SignatureStatus.ISSUED, expires_on__isnull=False)
    return [s for s in issued.order_by("expires_on") if rules.certificate_expiring(s.expires_on, day)]


# --- Home ------------------------------------------------------------------------------------------------


def home_figures(agency: Any) -> list[tuple[str, object]]:
    from django.utils.translation import gettext as _

    day = today()
    return [
        (_("IT enterprises operating"), it_enterprises(agency).filter(status=EnterpriseStatus.ACTIVE).count()),
        (
            _("Data-sharing requests overdue"),
            SharingRequest.objects.filter(agency=agency, status=SharingStatus.RECEIVED, due_on__lt=day).count(),
        ),
        (
            _("Appraisals open"),
            Appraisal.objects.filter(agency=agency, status__in=APPRAISAL_OPEN).count(),
        ),
    ]
