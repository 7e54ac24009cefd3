"""What a user may do, derived from their posts in `org` on a date (never from hand-edited flags).

This is the one home of powers and approval routing; every app asks here and nowhere else:

- `powers_of(user, at=None) -> Powers` (computed once per request and day, kept on the user object);
- `is_department_staff(user)`, `agency_of(user)` and `scope_to_agency(queryset, user)`: who belongs to
  which agency, and the records of that agency only (fail closed: nobody's agency sees nothing);
- `leader_in_charge(citation_or_unit_code, at=None, agency=None) -> User | None`;
- `approvers_for(unit_code, at=None) -> list[User]`; `director_user(at, agency)`.

Unknown references raise `OrgNotFound`; callers decide what that means, nothing here falls back silently.

Acting appointments (5.2: a Deputy Director runs the Department while the Director is away; 5.3: a
Deputy Head runs the division while the Head is away) are dated assignments of kind "acting": inside
their range, what goes to the Director or a head goes to the acting person; outside it, to the holder.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db.models import Model, QuerySet

from stttt.core import caching
from stttt.org import selectors
from stttt.org.choices import AssignmentKind, Position, UnitKind
from stttt.org.models import Agency, AreaInCharge, DistrictOfficer, Observer, Staff, Unit

M = TypeVar("M", bound=Model)
T = TypeVar("T")


@dataclass(frozen=True)
class Powers:
    """A user's powers on `at`.

    - `unit_codes`: units where the user holds a post (primary, concurrent or acting);
    - `headed_unit_codes`: units the user heads, acting head included (the leadership board for the
      Director and for a Deputy Director acting as Director);
    - `is_director`: Director, or Deputy Director acting as Director on that date (5.2);
    - `areas_in_charge`: citations of the duties in the user's charge (5.2), `units_in_charge` the units.
    """

    at: datetime.date
    staff: Staff | None = None
    agency_code: str = ""
    unit_codes: frozenset[str] = frozenset()
    primary_unit_code: str | None = None
    headed_unit_codes: frozenset[str] = frozenset()
    deputy_unit_codes: frozenset[str] = frozenset()
    is_director: bool = False
    is_acting_director: bool = False
    is_deputy_director: bool = False
    areas_in_charge: frozenset[str] = frozenset()
    units_in_charge: frozenset[str] = frozenset()
    acting_for: tuple[str, ...] = field(default_factory=tuple)
    agency_id: int | None = None
    is_district_officer: bool = False
    district_code: str | None = None
    # A PPC observer reads one agency's figures and reports to the PPC; `agency_id` stays None so that no
    # list scoped to an agency (`scope_to_agency`) opens to them.
    observed_agency_id: int | None = None

    @property
    def is_leader(self) -> bool:
        """Director, Deputy Director, or head of a unit (acting included)."""
        return self.is_director or self.is_deputy_director or bool(self.headed_unit_codes)

    def heads(self, unit_code: str) -> bool:
        return unit_code in self.headed_unit_codes


def _day(at: datetime.date | None) -> datetime.date:
    return at or selectors.today()


_CACHE_ATTRIBUTE = "_stttt_powers"
_AGENCY_ATTRIBUTE = "_stttt_agency"
#: The shared-cache revision of the organisation (posts, units, duties, areas in charge): the org services
#: bump it on every write, and what is derived from posts (powers, approvers) is kept under it.
REVISION = "org"
#: Derived powers also expire after this many seconds, for writes made outside the services (data loads).
SHARED_TIMEOUT = 300


def remember(key: str, build: Callable[[], T]) -> T:
    """A value derived from the organisation on a day, kept in the shared cache until the org changes."""
    return caching.remember(key, build, revisions_of=[REVISION], timeout=SHARED_TIMEOUT, local=False)


def powers_of(user: Any, at: datetime.date | None = None) -> Powers:
    """The powers `user` has on `at` (today by default), from their assignments then.

    Kept on the user object (a request asks many times and computes once) and in the shared cache per user
    and day until the organisation changes (`REVISION`)."""
    day = _day(at)
    if user is None or not getattr(user, "is_authenticated", False):
        return Powers(at=day)
    cache: dict[datetime.date, Powers] = user.__dict__.setdefault(_CACHE_ATTRIBUTE, {})
    if day not in cache:
        cache[day] = remember(f"org:powers:{user.pk}:{day.isoformat()}", lambda: _compute_powers(user, day))
    return cache[day]


def forget_powers(user: Any) -> None:
    """Drop the powers kept on `user` and in the shared cache (after posts changed within the same request or
    test, or outside the org services)."""
    user.__dict__.pop(_CACHE_ATTRIBUTE, None)
    user.__dict__.pop(_AGENCY_ATTRIBUTE, None)
    caching.bump(REVISION)


def _compute_powers(user: Any, day: datetime.date) -> Powers:
    staff = selectors.staff_of_user(user)
    if staff is None:
        post = DistrictOfficer.objects.filter(user=user).select_related("district").first()
        if post is None:
            observer = Observer.objects.filter(user=user).first()
            return Powers(at=day, observed_agency_id=observer.agency_id if observer else None)
        return Powers(
            at=day,
            agency_id=post.district.agency_id,
            agency_code="",
            is_district_officer=True,
            district_code=post.district.code,
        )
    current = list(selectors.assignments_at(day).filter(staff=staff).select_related("unit", "acting_for"))
    units = frozenset(a.unit.code for a in current if a.unit.exists_on(day))
    primary = next((a.unit.code for a in current if a.kind == AssignmentKind.PRIMARY), None)
    headed: set[str] = set()
    deputy_of: set[str] = set()
    is_director = is_acting_director = is_deputy = False
    acting_for: list[str] = []
    for a in current:
        if not a.unit.exists_on(day):
            continue
        if a.position in (Position.DIRECTOR, Position.HEAD):
            headed.add(a.unit.code)
        if a.position in (Position.DEPUTY_DIRECTOR, Position.DEPUTY_HEAD):
            deputy_of.add(a.unit.code)
        if a.position == Position.DIRECTOR and a.unit.kind == UnitKind.LEADERSHIP:
            is_director = True
            is_acting_director = is_acting_director or a.kind == AssignmentKind.ACTING
        if a.position == Position.DEPUTY_DIRECTOR and a.kind != AssignmentKind.ACTING:
            is_deputy = True
        if a.kind == AssignmentKind.ACTING and a.acting_for is not None:
            acting_for.append(a.acting_for.code)
    areas = (
        AreaInCharge.objects.filter(staff=staff, start_on__lte=day)
        .exclude(end_on__lt=day)
        .select_related("duty", "unit")
    )
    return Powers(
        at=day,
        staff=staff,
        agency_code=staff.agency.code,
        agency_id=staff.agency_id,
        unit_codes=units,
        primary_unit_code=primary,
        headed_unit_codes=frozenset(headed),
        deputy_unit_codes=frozenset(deputy_of),
        is_director=is_director,
        is_acting_director=is_acting_director,
        is_deputy_director=is_deputy,
        areas_in_charge=frozenset(a.duty.citation for a in areas if a.duty is not None),
        units_in_charge=frozenset(a.unit.code for a in areas if a.unit is not None),
        acting_for=tuple(acting_for),
    )


def is_department_staff(user: Any) -> bool:
    """Holds a post in an agency today, or administers the installation (superuser)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_superuser or powers_of(user).staff is not None)


def observed_agency(user: Any) -> Agency | None:
    """The agency a PPC observer follows (None for everyone else)."""
    agency_id = powers_of(user).observed_agency_id if getattr(user, "is_authenticated", False) else None
    return selectors.agency_by_pk(agency_id) if agency_id else None


def agency_of(user: Any) -> Agency | None:
    """The agency a user works for (staff) or reports to (district officer); None for everyone else.

    Kept on the user object like the powers: a staff page asks several times (catalogue, filters, scope)."""
    agency_id = powers_of(user).agency_id if getattr(user, "is_authenticated", False) else None
    if not agency_id:
        return None
    kept = user.__dict__.get(_AGENCY_ATTRIBUTE)
    if kept is None or kept.pk != agency_id:
        kept = user.__dict__[_AGENCY_ATTRIBUTE] = selectors.agency_by_pk(agency_id)
    return kept


def scope_to_agency(queryset: QuerySet[M], user: Any, field: str = "agency") -> QuerySet[M]:
    """Rows of `queryset` that belong to the user's agency (`field` is the path to the agency).

    Superusers administer the installation and see every agency; anyone without an agency sees nothing."""
    if getattr(user, "is_superuser", False):
        return queryset
    agency_id = powers_of(user).agency_id if getattr(user, "is_authenticated", False) else None
    if agency_id is None:
        return queryset.none()
    return queryset.filter(**{field: agency_id})


def same_agency(user: Any, agency_id: int | None) -> bool:
    """True when a record of `agency_id` belongs to the user's agency (superusers: always)."""
    if getattr(user, "is_superuser", False):
        return True
    return agency_id is not None and powers_of(user).agency_id == agency_id


def _agency_for(reference: str, agency: Agency | None) -> Agency:
    if agency is not None:
        return agency
    unit = Unit.objects.filter(code=reference).select_related("agency").first()
    return unit.agency if unit else selectors.agency_get()


def director_user(at: datetime.date | None = None, agency_code: str | None = None) -> Any:
    """The user who receives the Director's business on `at` (the acting Deputy Director in range)."""
    staff = selectors.director_at(selectors.agency_get(agency_code), _day(at))
    return staff.user if staff else None


def leader_in_charge(citation_or_unit_code: str, at: datetime.date | None = None, agency: Agency | None = None) -> Any:
    """The user a matter goes up to: the Deputy Director in charge of the duty (a citation such as
    `3.8.a`) or of the unit (a unit code), else the Director; acting replacement applied (5.2).
    A citation is looked up in `agency` (needed when the installation holds several agencies).
    None when nobody with a login holds the post. Raises `OrgNotFound` for an unknown reference."""
    staff = selectors.leader_in_charge(_agency_for(citation_or_unit_code, agency), citation_or_unit_code, _day(at))
    return staff.user if staff else None


def approvers_for(unit_code: str, at: datetime.date | None = None) -> list[Any]:
    """Who approves for a unit on `at`, lowest first: its head (or the deputy acting as head, 5.3), the
    Deputy Director in charge of it (5.2), and the Director (or the Deputy Director acting, 5.2).
    People without a login are skipped; nobody appears twice. Raises `OrgNotFound` for an unknown unit."""
    day = _day(at)
    unit = selectors.unit_get(unit_code)
    chain: list[Staff | None] = []
    if unit.kind != UnitKind.LEADERSHIP:
        chain.append(selectors.head_at(unit, day))
        chain.append(selectors.area_leader(unit.agency, unit=unit, at=day))
    chain.append(selectors.director_at(unit.agency, day))
    users: list[Any] = []
    for staff in chain:
        if staff is not None and staff.user is not None and staff.user not in users:
            users.append(staff.user)
    return users
