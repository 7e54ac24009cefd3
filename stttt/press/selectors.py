"""Reads of the press app, scoped to the user's agency (`org.powers.scope_to_agency`) and to who may see them
(`permissions`): the registers, the reading queue, the daily list of deposits due, the statistics and the press
picture. Lists are built with a fixed number of queries whatever the number of rows."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils import timezone

from stttt.core.calendar import calendar
from stttt.org import powers
from stttt.org.selectors import assignments_at
from stttt.press import permissions, rules
from stttt.press.choices import Conclusion, ItemKind, ItemStatus, OutletKind, Timeliness, Tone
from stttt.press.models import (
    DepositItem,
    FlaggedArticle,
    Outlet,
    PressConference,
    Reading,
    Reminder,
    RepresentativeOffice,
)

# The kind of item an outlet's scheduled issue is, for the outlets whose deposits have a deadline by schedule.
SCHEDULED: dict[str, str] = {OutletKind.PRINT: ItemKind.PRESS_PRINT, OutletKind.BULLETIN: ItemKind.BULLETIN}
WEEKEND_REASONS = ("Thứ Bảy", "Chủ nhật")  # core.calendar's reasons for an ordinary weekend day
OPEN_READING = (ItemStatus.ASSIGNED, ItemStatus.SUBMITTED, ItemStatus.RETURNED)


def _scoped(qs: QuerySet[Any], user: Any) -> QuerySet[Any]:
    if not permissions.may_view(user):
        return qs.none()
    return powers.scope_to_agency(qs, user)


def items_visible_to(user: Any) -> QuerySet[DepositItem]:
    return _scoped(DepositItem.objects.select_related("outlet", "reader", "licence"), user)


def readings_visible_to(user: Any) -> QuerySet[DepositItem]:
    """The reading queue: a reader's own assignments; the head's and the leadership's, the division's."""
    qs = items_visible_to(user).filter(status__in=[*OPEN_READING, ItemStatus.RECEIVED])
    if permissions.sees_all_readings(user):
        return qs
    return qs.filter(reader=user).exclude(status=ItemStatus.RECEIVED)


def outlets_visible_to(user: Any) -> QuerySet[Outlet]:
    return _scoped(Outlet.objects.select_related("licence"), user)


def offices_visible_to(user: Any) -> QuerySet[RepresentativeOffice]:
    return _scoped(RepresentativeOffice.objects.all(), user)


def conferences_visible_to(user: Any) -> QuerySet[PressConference]:
    return _scoped(PressConference.objects.select_related("dossier"), user)


def articles_visible_to(user: Any) -> QuerySet[FlaggedArticle]:
    return _scoped(FlaggedArticle.objects.select_related("outlet", "flagged_by"), user)


def working_agency(user: Any) -> Any:
    from stttt.org.models import Agency
    from stttt.org.selectors import OrgNotFound, agency_get

    agency_id = powers.powers_of(user).agency_id if getattr(user, "is_authenticated", False) else None
    if agency_id is not None:
        return Agency.objects.get(pk=agency_id)
    if not getattr(user, "is_superuser", False):
        return None
    try:
        return agency_get()
    except OrgNotFound:  # an installation with no agency yet: nothing to show
        return None


def readers(agency_id: int) -> QuerySet[Any]:
    """Who may be assigned a reading: the users holding a post in the agency's press division today."""
    code = permissions.division_code(agency_id)
    if code is None:
        return get_user_model().objects.none()
    user_ids = (
        assignments_at(timezone.localdate())
        .filter(unit__agency_id=agency_id, unit__code=code, staff__user__isnull=False)
        .values("staff__user_id")
    )
    return get_user_model().objects.filter(pk__in=user_ids).order_by("username")


def reading_of(item: DepositItem) -> Reading | None:
    return Reading.objects.filter(item=item).select_related("reader", "reviewed_by").first()


# --- What was due -------------------------------------------------------------------------------------------------


def _expected(outlets: list[Outlet], days: list[dt.date], cal: Any = None) -> list[tuple[Outlet, str, dt.date]]:
    cal = cal or calendar()
    found: list[tuple[Outlet, str, dt.date]] = []
    for day in days:
        reason = cal.day_off_reason(day)
        holiday = reason is not None and reason not in WEEKEND_REASONS
        for outlet in outlets:
            if rules.expected_on(
                day,
                outlet.release_weekdays or [],
                outlet.release_monthdays or [],
                skips_days_off=outlet.skips_days_off,
                day_off=holiday,
            ):
                found.append((outlet, SCHEDULED[outlet.kind], day))
    return found


def _scheduled_outlets(agency: Any) -> list[Outlet]:
    return list(Outlet.objects.filter(agency=agency, active=True, kind__in=list(SCHEDULED)).order_by("name"))


def due_list(agency: Any, day: dt.date, *, now: dt.datetime | None = None) -> list[dict[str, Any]]:
    """What was due on `day` by the outlets' schedules (Press Law 2016 Art. 52.1.b), each with its deadline and
    state: received (on time or late), awaited (deadline not passed) or missing; and whether a reminder went."""
    now = now or timezone.now()
    cal = calendar()  # read once: it holds the agency's extra days off
    expected = _expected(_scheduled_outlets(agency), [day], cal)
    remind_on = rules.reminder_day(day, cal.is_working_day)
    received = {
        (i.outlet_id, i.kind): i
        for i in DepositItem.objects.filter(agency=agency, release_date=day, reprint=False).order_by("received_at")
    }
    reminded = set(Reminder.objects.filter(agency=agency, due_date=day).values_list("outlet_id", "kind"))
    rows = []
    for outlet, kind, _day in expected:
        deadline = rules.deposit_deadline(kind, day)
        item = received.get((outlet.pk, kind))
        if item is not None:
            state = item.timeliness
        else:
            state = "missing" if deadline is not None and now > deadline else "awaited"
        rows.append(
            {
                "outlet": outlet,
                "kind": kind,
                "deadline": deadline,
                "item": item,
                "state": state,
                "reminded": (outlet.pk, kind) in reminded,
                "remind_on": remind_on,
            }
        )
    return rows


def deposit_summary(agency: Any, start: dt.date, end: dt.date, *, now: dt.datetime | None = None) -> dict[str, Any]:
    """Per outlet over a period: expected, on time, late, missing (expected and not received), violations."""
    now = now or timezone.now()
    outlets = _scheduled_outlets(agency)
    expected = _expected(outlets, rules.days_between(start, end))
    items = list(
        DepositItem.objects.filter(agency=agency, release_date__range=(start, end), reprint=False)
        .select_related("outlet")
        .order_by("release_date", "id")
    )
    got = {(i.outlet_id, i.kind, i.release_date) for i in items}
    per_outlet: dict[int, Counter[str]] = defaultdict(Counter)
    names: dict[int, str] = {}
    missing = []
    for outlet, kind, day in expected:
        names[outlet.pk] = outlet.name
        per_outlet[outlet.pk]["expected"] += 1
        deadline = rules.deposit_deadline(kind, day)
        if (outlet.pk, kind, day) not in got and deadline is not None and now > deadline:
            per_outlet[outlet.pk]["missing"] += 1
            missing.append({"outlet": outlet, "kind": kind, "day": day})
    for item in items:
        names[item.outlet_id] = item.outlet_name
        per_outlet[item.outlet_id]["deposited"] += 1
        per_outlet[item.outlet_id][item.timeliness] += 1
        if item.status == ItemStatus.REFERRED:
            per_outlet[item.outlet_id]["violations"] += 1
        if item.flags:
            per_outlet[item.outlet_id]["flagged"] += 1
    rows = [{"outlet": names[pk], **counts} for pk, counts in sorted(per_outlet.items(), key=lambda p: names[p[0]])]
    return {"rows": rows, "missing": missing, "items": items}


def statistics(agency: Any, year: int, *, now: dt.datetime | None = None) -> list[dict[str, Any]]:
    """Per publisher and month of `year`: deposited on time, late, missing, violations."""
    rows = []
    for month in range(1, 13):
        start = dt.date(year, month, 1)
        if start > timezone.localdate():
            break
        end = rules.month_of(start)[1]
        for row in deposit_summary(agency, start, end, now=now)["rows"]:
            rows.append({"month": f"{month:02d}/{year}", **row})
    return rows


def deposit_book(agency: Any, kind: str, year: int) -> QuerySet[DepositItem]:
    """The deposit book of a kind and year, in order of receipt."""
    return (
        DepositItem.objects.filter(agency=agency, kind=kind, received_at__year=year)
        .select_related("outlet", "licence", "reader")
        .order_by("received_at", "id")
    )


def picture(agency: Any, start: dt.date, end: dt.date) -> dict[str, Any]:
    """The press picture of a period for the leadership: deposits and their timeliness, readings done,
    violations referred, articles flagged (by tone and topic)."""
    summary = deposit_summary(agency, start, end)
    items = summary["items"]
    articles = list(
        FlaggedArticle.objects.filter(agency=agency, published_on__range=(start, end))
        .select_related("outlet")
        .order_by("published_on", "id")
    )
    referred = [i for i in items if i.status == ItemStatus.REFERRED]
    by_kind = Counter(i.get_kind_display() for i in items)
    tone = Counter(a.tone for a in articles)
    return {
        "start": start,
        "end": end,
        "deposited": len(items),
        "on_time": sum(1 for i in items if i.timeliness == Timeliness.ON_TIME),
        "late": sum(1 for i in items if i.timeliness == Timeliness.LATE),
        "missing": len(summary["missing"]),
        "flagged_at_intake": sum(1 for i in items if i.flags),
        "read": sum(1 for i in items if i.status in (ItemStatus.REVIEWED, ItemStatus.REFERRED)),
        "violations": len(referred),
        "referred": referred,
        "by_kind": sorted(by_kind.items()),
        "rows": summary["rows"],
        "missing_rows": summary["missing"],
        "articles": articles,
        "tones": [(str(label), tone.get(value, 0)) for value, label in Tone.choices],
        "topics": Counter(a.topic for a in articles).most_common(),
    }


def violations_between(agency: Any, start: dt.date, end: dt.date) -> int:
    return Reading.objects.filter(
        item__agency=agency,
        conclusion=Conclusion.VIOLATION,
        item__status=ItemStatus.REFERRED,
        reviewed_at__date__range=(start, end),
    ).count()


def home_figures(user: Any) -> list[tuple[Any, object]]:
    from django.utils.translation import gettext_lazy as _

    if not permissions.may_view(user):
        return []
    agency = working_agency(user)
    if agency is None:
        return []
    rows = due_list(agency, timezone.localdate())
    return [
        (_("Deposits due today not received"), sum(1 for r in rows if r["state"] in ("missing", "awaited"))),
        (_("Readings open"), readings_visible_to(user).exclude(status=ItemStatus.RECEIVED).count()),
    ]
