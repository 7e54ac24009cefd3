"""Data at scale for benchmarks: dossiers with their control sheets and files' metadata, licences with their
events, tasks, and years of district and periodic reports, written through bulk inserts.

`populate(Counts(...), seed=1, agencies=1)` fills the first `agencies` agencies (existing ones first, in
id order, so the demo agency and its people get the data; new small Departments are made for the rest).
Deterministic: the same seed, counts and `until` day give the same rows. Dates spread over `years` years
before `until`, denser in recent years; due dates come from the real calendar and rules
(`procedures.rules.due_date`, `stage_due_date`); statuses follow each dossier's path through the
workflow table, cut at `until`, so recent dossiers are open and old ones closed, as in real life.

Named scales (`SCALES`): demo, province-decade (one Department over ten years) and national (34 of them).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import multiprocessing
import random
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, wait
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml
from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.test import override_settings
from django.utils import timezone, translation

from stttt.accounts.models import User
from stttt.core import caching, searchindex
from stttt.core.calendar import WorkingCalendar, calendar
from stttt.licensing import rules as licensing_rules
from stttt.licensing import selectors as licensing_selectors
from stttt.licensing.choices import EventType, HolderType, Issuer
from stttt.licensing.kinds import KINDS
from stttt.licensing.models import TOKEN_ALPHABET, Licence, LicenceEvent
from stttt.org.choices import Position, UnitKind
from stttt.org.models import Agency, Assignment, District
from stttt.procedures import rules as procedure_rules
from stttt.procedures.choices import Channel, Handling, Status
from stttt.procedures.models import Component, DailySequence, Dossier, DossierFile, DossierStep, Procedure, Rating
from stttt.procedures.workflow import STAGE_OF_STATUS, TRANSITIONS
from stttt.testing import vietnamese as vn
from stttt.testing import workers as workers_
from stttt.testing.bulkwrite import BulkWriter
from stttt.work.choices import Periodicity, ReportStatus, SourceKind, TaskStatus
from stttt.work.models import DistrictReport, DistrictRequest, Report, ReportType, RequestIndicator, Task

VIETNAM = dt.timezone(dt.timedelta(hours=7))  # Asia/Ho_Chi_Minh has had no daylight saving since 1975
CATALOGUE = Path(__file__).resolve().parents[1] / "procedures" / "data" / "procedures.yaml"
PROVINCES = [
    "Bình Phước",
    "Bình Dương",
    "Đồng Nai",
    "Tây Ninh",
    "Long An",
    "Lâm Đồng",
    "Đắk Lắk",
    "Gia Lai",
    "Khánh Hòa",
    "Quảng Ngãi",
    "Nghệ An",
    "Thanh Hóa",
    "Ninh Bình",
    "Hưng Yên",
    "Hải Phòng",
    "Quảng Ninh",
    "Lạng Sơn",
    "Cao Bằng",
    "Tuyên Quang",
    "Lào Cai",
    "Thái Nguyên",
    "Phú Thọ",
    "Bắc Ninh",
    "Hà Tĩnh",
    "Quảng Trị",
    "Huế",
    "Đà Nẵng",
    "Cần Thơ",
    "Vĩnh Long",
    "Đồng Tháp",
    "An Giang",
    "Cà Mau",
    "Sơn La",
    "Điện Biên",
]


@dataclass(frozen=True)
class Counts:
    """How many records to write for each agency."""

    dossiers: int
    licences: int
    tasks: int
    years: int = 10  # of monthly district requests and periodic reports, and the span of every date

    @property
    def total(self) -> int:
        return self.dossiers + self.licences + self.tasks + 12 * self.years


@dataclass(frozen=True)
class Scale:
    counts: Counts
    agencies: int


PROVINCE_DECADE = Counts(dossiers=60_000, licences=25_000, tasks=30_000, years=10)
SCALES = {
    "demo": Scale(Counts(dossiers=600, licences=250, tasks=300, years=2), 1),
    "province-decade": Scale(PROVINCE_DECADE, 1),
    "national": Scale(PROVINCE_DECADE, 34),
}


def populate(
    counts: Counts,
    *,
    seed: int = 1,
    agencies: int = 1,
    progress: Callable[[int], None] | None = None,
    until: dt.date | None = None,
    workers: int = 1,
    resume: bool = False,
) -> dict[str, int]:
    """Write `counts` records for each of `agencies` agencies; returns rows written per model label.

    `progress(done)` is called as records are generated (out of `counts.total * agencies`). With `workers` > 1
    on PostgreSQL, agencies are filled by that many processes at once (each agency's rows are the same as in one
    process, their ids not). With `resume`, an agency that already holds its counts is left as it is: each agency
    is written in one transaction, so an interrupted run leaves whole agencies, and running it again finishes
    the rest with the rows it would have written."""
    until = until or timezone.localdate()
    targets = [_agency(index).pk for index in range(agencies)]  # made one at a time, before any data
    jobs = [(index, agency_id, counts, seed, until) for index, agency_id in enumerate(targets)]
    written: Counter[str] = Counter()
    done = 0

    def tick(records: int) -> None:
        nonlocal done
        done += records
        if progress:
            progress(done)

    if resume:
        filled = {job for job in jobs if _holds(job[1], counts)}
        jobs = [job for job in jobs if job not in filled]
        tick(counts.total * len(filled))

    if workers > 1 and len(jobs) > 1 and connection.vendor == "postgresql":
        written = _fill_in_parallel(jobs, workers, tick)
    else:
        for job in jobs:
            written += fill_agency(*job, tick=tick)
    caching.bump(licensing_selectors.REVISION)  # bulk writes send no signals: the registers are read anew
    _analyze(written)
    return dict(written)


_TICK_EVERY = 500


def fill_agency(
    index: int, agency_id: int, counts: Counts, seed: int, until: dt.date, *, tick: Callable[[int], None]
) -> Counter[str]:
    """One agency's records, in one transaction; `tick(n)` as every n records are generated."""
    agency = Agency.objects.get(pk=agency_id)
    rng = random.Random(f"{seed}:{index}")
    generated = 0
    with transaction.atomic():
        writer = BulkWriter()
        context = _Context(agency, rng, calendar(), until, counts.years, writer)
        for step in (_dossiers, _licences, _tasks, _reports):
            for _ in step(context, counts):
                generated += 1
                if generated % _TICK_EVERY == 0:
                    tick(_TICK_EVERY)
        written = writer.close()
    tick(generated % _TICK_EVERY)
    return written


def _fill_in_parallel(jobs: list[tuple], workers: int, tick: Callable[[int], None]) -> Counter[str]:
    """Fill agencies in `workers` processes (`testing.workers`), each with its own connection; their progress
    comes back through a queue."""
    context = multiprocessing.get_context("spawn")
    ticks = context.Queue()
    database = dict(connections[DEFAULT_DB_ALIAS].settings_dict)
    written: Counter[str] = Counter()
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=workers_.start, initargs=(ticks, database)
    ) as pool:
        pending = {pool.submit(workers_.fill, *job) for job in jobs}
        while pending:
            finished, pending = wait(pending, timeout=0.3)
            while not ticks.empty():
                tick(ticks.get())
            for future in finished:
                written += future.result()
    while not ticks.empty():
        tick(ticks.get())
    return written


def _holds(agency_id: int, counts: Counts) -> bool:
    """Whether the agency already holds `counts` dossiers, licences and tasks (a filled agency)."""
    return (
        Dossier.objects.filter(agency_id=agency_id).count() >= counts.dossiers
        and Licence.objects.filter(agency_id=agency_id).count() >= counts.licences
        and Task.objects.filter(agency_id=agency_id).count() >= counts.tasks
    )


def _analyze(written: dict[str, int]) -> None:
    """Refresh the planner's statistics of the tables just filled: a bulk load leaves them describing the empty
    tables until autovacuum passes (never, where it is off), and the planner then guesses a few dozen rows
    where there are sixty thousand and sorts them all for a first page."""
    tables = sorted({apps.get_model(label)._meta.db_table for label in written})
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
    searchindex.forget_samples()  # this process's searches estimate their words from the new samples


# --- agencies and people -----------------------------------------------------------------------------


def _agency(index: int) -> Agency:
    """The index-th agency by id, made (a small Department with the catalogue) when there are fewer."""
    existing = list(Agency.objects.order_by("pk")[index : index + 1])
    if existing:
        agency = existing[0]
    else:
        from stttt.testing.departments import SmallDepartment

        prefix = f"S{index:02d}"
        province = PROVINCES[index % len(PROVINCES)]
        # Its people never sign in: a fast hasher while they are made, then no usable password at all.
        with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
            department = SmallDepartment(prefix, code="STTTT", province=province)
        agency = department.agency
        User.objects.filter(username__startswith=prefix.lower()).update(password="!")
        _catalogue(agency, prefix)
    if not Procedure.objects.filter(agency=agency).exists():
        _catalogue(agency, "")
    return agency


def _catalogue(agency: Agency, prefix: str) -> None:
    """The procedures of the data file, their divisions mapped to the agency's units (codes with `prefix`)."""
    for order, entry in enumerate(yaml.safe_load(CATALOGUE.read_text(encoding="utf-8")), start=1):
        fields = {f.name for f in Procedure._meta.concrete_fields}
        values = {k: v for k, v in entry.items() if k in fields}
        values["division_code"] = prefix + values["division_code"]
        procedure = Procedure.objects.create(agency=agency, order=order * 10, **values)
        Component.objects.bulk_create(
            Component(procedure=procedure, order=i, name=c["name"], copy_kind=c.get("copy_kind", "original"))
            for i, c in enumerate(entry.get("components", []), start=1)
        )


class _Context:
    """What every generator of one agency needs: its people, catalogue, districts, the calendar, memos."""

    def __init__(
        self, agency: Agency, rng: random.Random, cal: WorkingCalendar, until: dt.date, years: int, writer: BulkWriter
    ) -> None:
        self.agency, self.rng, self.cal, self.until, self.writer = agency, rng, cal, until, writer
        self.start = until - dt.timedelta(days=365 * years)
        self.years = years
        self.place = agency.province or agency.place or "tỉnh"
        self.procedures = list(Procedure.objects.filter(agency=agency, active=True).order_by("order", "pk"))
        self.components = {
            p.pk: list(Component.objects.filter(procedure=p).values_list("pk", flat=True)) for p in self.procedures
        }
        self.districts = list(District.objects.filter(agency=agency).order_by("order", "pk"))
        people: dict[tuple[str, str], list[int]] = {}
        for unit_code, kind, position, user_id in (
            Assignment.objects.filter(staff__agency=agency, end_on__isnull=True, staff__user__isnull=False)
            .order_by("pk")
            .values_list("unit__code", "unit__kind", "position", "staff__user_id")
        ):
            people.setdefault((unit_code, position), []).append(user_id)
            people.setdefault((kind, position), []).append(user_id)
        self.people = people
        everyone = sorted({u for ids in people.values() for u in ids})
        self.everyone: list[int | None] = [*everyone] or [None]
        self.leaders = people.get((UnitKind.LEADERSHIP, Position.DIRECTOR), []) + people.get(
            (UnitKind.LEADERSHIP, Position.DEPUTY_DIRECTOR), []
        )
        desk_unit = agency.one_stop_unit_code
        self.desk = people.get((desk_unit, Position.STAFF)) or people.get((UnitKind.OFFICE, Position.STAFF)) or []
        self.due = lru_cache(maxsize=None)(lambda start, days, unit: procedure_rules.due_date(cal, start, days, unit))
        self.add_working = lru_cache(maxsize=None)(cal.add_working_days)
        self.is_working = lru_cache(maxsize=None)(cal.is_working_day)

    def pick(self, *keys: tuple[str, str]) -> int | None:
        for key in keys:
            if self.people.get(key):
                return self.rng.choice(self.people[key])
        return self.rng.choice(self.everyone)

    def day(self, recent_bias: bool = True) -> dt.date:
        """A day in the span, more of them in recent years (activity grows)."""
        share = math.sqrt(self.rng.random()) if recent_bias else self.rng.random()
        return self.start + dt.timedelta(days=int(share * (self.until - self.start).days))

    def moment(self, day: dt.date, earliest: int = 7 * 60 + 30, latest: int = 17 * 60) -> dt.datetime:
        minutes = self.rng.randint(earliest, latest)
        local = dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60), VIETNAM)
        return local.astimezone(dt.UTC)


# --- dossiers ----------------------------------------------------------------------------------------

# The path of a dossier: actions with their working day after the start of the period (None: same day).
_DECIDED = ["receive", "transfer", "assign", "propose", "approve", "return_result"]
_FORWARDED = ["receive", "transfer", "assign", "propose", "forward"]
_REFUSED = ["receive", "transfer", "assign", "refuse", "return_result"]
_WITHDRAWN = ["receive", "withdraw"]
_REJECTED = ["reject"]


@cache
def _basis(action: str) -> str:
    with translation.override("vi"):  # the control sheet is kept in Vietnamese, as the service writes it
        return str(TRANSITIONS[action].basis)


def _path(ctx: _Context, procedure: Procedure) -> tuple[list[str], bool]:
    """The actions of one dossier's life and whether it takes a supplement round."""
    r = ctx.rng.random()
    if r < 0.02:
        return _REJECTED, False
    if r < 0.05:
        return _WITHDRAWN, False
    if r < 0.09:
        return _REFUSED, False
    path = _DECIDED if procedure.handling == Handling.DECIDE else _FORWARDED
    return path, ctx.rng.random() < 0.08


def _dossiers(ctx: _Context, counts: Counts) -> Any:
    rng, cal, writer, agency = ctx.rng, ctx.cal, ctx.writer, ctx.agency
    weights = [3 if p.online else 1 for p in ctx.procedures]
    sequences = dict(DailySequence.objects.filter(agency=agency).values_list("day", "last"))
    now = dt.datetime.combine(ctx.until, dt.time(17, 0), VIETNAM).astimezone(dt.UTC)
    for _ in range(counts.dossiers):
        procedure = rng.choices(ctx.procedures, weights)[0]
        channel = rng.choices([Channel.ONLINE, Channel.DESK, Channel.POST], [6, 3, 1])[0]
        day = ctx.day()
        if channel != Channel.ONLINE and not ctx.is_working(day):
            day = cal.next_working_day(day)
        submitted = ctx.moment(day, 0, 23 * 60 + 59) if channel == Channel.ONLINE else ctx.moment(day)
        if submitted > now:
            submitted = now - dt.timedelta(minutes=rng.randint(1, 600))
        organisation = rng.random() < 0.7
        applicant = vn.organisation(rng) if organisation else vn.person(rng)
        dossier = Dossier(
            agency=agency,
            procedure=procedure,
            status=Status.SUBMITTED,
            channel=channel,
            applicant_name=applicant,
            applicant_id_number=str(
                rng.randint(10**9, 10**10 - 1) if organisation else rng.randint(10**11, 10**12 - 1)
            ),
            applicant_address=vn.address(rng, ctx.place),
            applicant_phone=vn.phone(rng),
            subject=rng.choice(vn.PRODUCTS),
            submitted_at=submitted,
            created_at=submitted,
        )
        dossier.pk = writer.new_id(Dossier)
        _walk(ctx, dossier, procedure, sequences, now)
        dossier.search_text = dossier.build_search_text()
        writer.add(dossier)
        for number in range(rng.choice((1, 1, 2, 3))):
            components: list[int | None] = [*ctx.components.get(procedure.pk, [])] or [None]
            digest = hashlib.sha256(f"{dossier.pk}:{number}".encode()).hexdigest()
            writer.add(
                DossierFile(
                    dossier_id=dossier.pk,
                    component_id=components[number % len(components)],
                    file=f"procedures/{dossier.pk}/{digest[:32]}",
                    original_name=f"ho-so-{number + 1}.pdf",
                    content_type="application/pdf",
                    size=rng.randint(40_000, 4_000_000),
                    sha256=digest,
                    uploaded_at=submitted,
                )
            )
        yield dossier
    if sequences:
        DailySequence.objects.bulk_create(
            [DailySequence(agency=agency, day=day, last=last) for day, last in sequences.items()],
            update_conflicts=True,
            unique_fields=["agency", "day"],
            update_fields=["last"],
            batch_size=2000,
        )


def _walk(ctx: _Context, dossier: Dossier, procedure: Procedure, sequences: dict[dt.date, int], now: Any) -> None:
    """Take the dossier along its path up to `now`, writing its control-sheet rows and dates."""
    rng, cal = ctx.rng, ctx.cal
    path, supplement = _path(ctx, procedure)
    days, unit = procedure.applicable_limit
    limit_wd = days if unit == "working" else max(1, days * 5 // 7)
    late = rng.random() < 0.08
    resolve_wd = limit_wd + rng.randint(1, 8) if late else rng.randint(max(1, limit_wd * 2 // 5), max(1, limit_wd))
    offsets = {
        "receive": 0,
        "reject": 0,
        "transfer": 0,
        "assign": min(1, resolve_wd),
        "withdraw": rng.randint(1, max(1, limit_wd)),
        "propose": max(1, resolve_wd * 7 // 10),
        "approve": resolve_wd,
        "forward": resolve_wd,
        "refuse": resolve_wd,
        "return_result": resolve_wd + rng.choice((0, 0, 1, 2, 3)),
    }
    submitted_local = dossier.submitted_at.astimezone(VIETNAM)
    paper = dossier.channel != Channel.ONLINE
    received_day = submitted_local.date() if paper else cal.counting_start(submitted_local.replace(tzinfo=None))
    if not paper:  # online dossiers wait for the desk a day or two
        received_day = ctx.add_working(received_day, rng.choice((0, 0, 1, 2)))
    start = received_day
    previous_at = dossier.submitted_at
    if supplement:
        path = [*path[:3], "request_supplement", "supplement_received", *path[3:]]
        offsets["request_supplement"] = min(3, offsets["assign"] + 1)
        offsets["supplement_received"] = offsets["request_supplement"] + rng.randint(2, 15)
    for action in path:
        if action in ("receive", "reject"):
            when = max(ctx.moment(received_day), dossier.submitted_at + dt.timedelta(minutes=5))
        else:
            when = max(ctx.moment(ctx.add_working(start, offsets[action])), previous_at + dt.timedelta(minutes=10))
        if when > now:
            break
        transition = TRANSITIONS[action]
        source = dossier.status
        stage_due, stage_started = dossier.stage_due_date, dossier.stage_started_at
        today = when.astimezone(VIETNAM).date()
        actor = _actor(ctx, action, procedure)
        if action == "receive":
            sequences[today] = sequences.get(today, 0) + 1
            dossier.code = procedure_rules.dossier_code(
                ctx.agency.national_code or "000.00.00.H00", today, sequences[today]
            )
            dossier.received_at, dossier.received_by_id = when, actor
            start = cal.counting_start(when.astimezone(VIETNAM).replace(tzinfo=None), paper=paper)
            dossier.counting_start = start
            dossier.statutory_due_date = dossier.due_date = ctx.due(start, days, unit)
        elif action == "assign":
            dossier.assignee_id = _actor(ctx, "propose", procedure)
        elif action == "request_supplement":
            dossier.supplement_requested_at = when
            dossier.supplement_reasons = "Bổ sung bản sao quyết định thành lập có chứng thực."
        elif action == "supplement_received":
            # Decree 61/2018 Art. 19: the period restarts from the complete supplement; later steps count
            # from the new start.
            start = cal.counting_start(when.astimezone(VIETNAM).replace(tzinfo=None), paper=paper)
            dossier.counting_start = start
            dossier.statutory_due_date = dossier.due_date = ctx.due(start, days, unit)
            division_due = ctx.add_working(start, procedure.division_days)
            dossier.stage_due_date, dossier.stage_started_at = min(division_due, dossier.due_date), when
        elif action in ("approve", "forward", "refuse"):
            dossier.resolved_at = when
            dossier.closed_late = not procedure_rules.on_time(today, dossier.statutory_due_date)
            if action == "refuse":
                dossier.refusal_reasons = "Hồ sơ không đáp ứng điều kiện theo quy định."
            else:
                dossier.result_number = f"{rng.randint(1, 999)}/GP-STTTT"
        elif action == "return_result":
            dossier.returned_at = when
        elif action == "withdraw":
            dossier.withdrawn_at = when
        elif action == "reject":
            dossier.refusal_reasons = "Hồ sơ không thuộc thẩm quyền giải quyết của Sở."
        dossier.status = transition.target or dossier.status
        _enter_stage(ctx, dossier, procedure, when)
        ctx.writer.add(
            DossierStep(
                dossier_id=dossier.pk,
                action=action,
                from_status=source,
                to_status=dossier.status,
                actor_id=actor,
                at=when,
                started_at=stage_started,
                due_date=stage_due,
                on_time=procedure_rules.on_time(today, stage_due),
                basis=_basis(action),
            )
        )
        dossier.version += 1
        previous_at = when
    dossier.updated_at = previous_at
    if dossier.status == Status.RETURNED and rng.random() < 0.3:
        _rating(ctx, dossier, procedure)


def _enter_stage(ctx: _Context, dossier: Dossier, procedure: Procedure, when: dt.datetime) -> None:
    """The current step's due date, as `procedures.services` sets it when a stage begins."""
    stage = STAGE_OF_STATUS.get(dossier.status)
    if stage is None:
        return
    day = when.astimezone(VIETNAM).date()
    start = max(day, dossier.counting_start or day)
    if stage == "return":
        dossier.stage_due_date = max(dossier.due_date or start, start)
    else:
        allotment = {"desk": procedure.desk_days, "division": procedure.division_days, "leader": procedure.leader_days}
        due = ctx.add_working(start, allotment[stage])
        dossier.stage_due_date = min(due, dossier.due_date) if dossier.due_date else due
    dossier.stage_started_at = when


def _actor(ctx: _Context, action: str, procedure: Procedure) -> int | None:
    division = procedure.division_code
    if action in ("receive", "reject", "transfer", "return_result", "supplement_received", "withdraw"):
        return ctx.rng.choice(ctx.desk) if ctx.desk else ctx.pick()
    if action == "assign":
        return ctx.pick((division, Position.HEAD), (division, Position.DEPUTY_HEAD))
    if action in ("propose", "request_supplement"):
        return ctx.pick((division, Position.STAFF), (division, Position.HEAD))
    return ctx.rng.choice(ctx.leaders) if ctx.leaders else ctx.pick()


def _rating(ctx: _Context, dossier: Dossier, procedure: Procedure) -> None:
    rng = ctx.rng
    returned = (dossier.returned_at or dossier.submitted_at).astimezone(VIETNAM)
    score = lambda: rng.choices((0, 1, 2), (1, 3, 16))[0]  # noqa: E731 - most applicants are satisfied
    ctx.writer.add(
        Rating(
            dossier_id=dossier.pk,
            unit_code=procedure.division_code,
            quarter=f"{returned.year}-Q{(returned.month - 1) // 3 + 1}",
            indicator_1=0 if dossier.closed_late else 2,
            indicator_2=0 if dossier.closed_late else 2,
            indicator_3=score(),
            indicator_4=score(),
            indicator_6=score(),
            indicator_7=score(),
            rated_at=dossier.returned_at or dossier.submitted_at,
        )
    )


# --- licences ----------------------------------------------------------------------------------------


def _subject(rng: random.Random, kind: Any, ctx: _Context) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for spec in kind.subject:
        if spec.type == "int":
            values[spec.name] = rng.randint(1, 5000)
        elif spec.type == "date":
            values[spec.name] = ctx.day().isoformat()
        elif spec.type == "list":
            values[spec.name] = [f"{rng.choice(vn.BUSINESS_WORDS)} {rng.randint(100, 999)}" for _ in range(2)]
        elif "address" in spec.name:
            values[spec.name] = vn.address(rng, ctx.place)
        elif spec.name in ("responsible_person", "publisher"):
            values[spec.name] = vn.person(rng)
        else:
            values[spec.name] = rng.choice(vn.PRODUCTS)
    return values


def _licences(ctx: _Context, counts: Counts) -> Any:
    rng, writer, agency = ctx.rng, ctx.writer, ctx.agency
    kinds = list(KINDS.values())
    taken = set(Licence.objects.filter(agency=agency).values_list("issuer_name", "year", "number"))
    tokens = set(Licence.objects.values_list("token", flat=True))
    sequences: dict[tuple[str, int, str], int] = {}
    issuers: dict[str, str] = {
        Issuer.DEPARTMENT: agency.name,
        Issuer.MINISTRY: agency.ministry_name or "Bộ Thông tin và Truyền thông",
        Issuer.PROVINCE: agency.parent_body or f"Ủy ban nhân dân tỉnh {ctx.place}",
    }
    for _ in range(counts.licences):
        kind = rng.choice(kinds)
        district = rng.choice(ctx.districts) if ctx.districts else None
        issuer: str
        if kind.issuer == Issuer.DISTRICT and district:
            issuer, issuer_name = Issuer.DISTRICT, f"Ủy ban nhân dân {district.name}"
        else:
            issuer = kind.issuer if kind.issuer in issuers else Issuer.DEPARTMENT
            issuer_name = issuers[issuer]
        issued = ctx.day()
        key = (issuer_name, issued.year, kind.symbol)
        while True:
            sequences[key] = sequences.get(key, 0) + 1
            number = licensing_rules.number(sequences[key], kind.symbol)
            if (issuer_name, issued.year, number) not in taken:
                break
        token = "".join(rng.choice(TOKEN_ALPHABET) for _ in range(10))
        while token in tokens:
            token = "".join(rng.choice(TOKEN_ALPHABET) for _ in range(10))
        tokens.add(token)
        person = rng.random() < 0.25
        until = licensing_rules.add_months(issued, kind.validity_months) if kind.validity_months else None
        licence = Licence(
            agency=agency,
            kind=kind.code,
            number=number,
            year=issued.year,
            sequence=sequences[key],
            issuer=issuer,
            issuer_name=issuer_name,
            holder_type=HolderType.PERSON if person else HolderType.ORGANISATION,
            holder_name=vn.person(rng) if person else vn.organisation(rng),
            holder_id_number=str(rng.randint(10**9, 10**10 - 1)),
            holder_address=vn.address(rng, ctx.place),
            holder_phone=vn.phone(rng),
            district=district.code if district else "",
            subject=_subject(rng, kind, ctx),
            issued_on=issued,
            valid_from=issued,
            valid_until=until,
            citation=kind.citation,
            token=token,
            signer_title="Giám đốc",
            signer_name=vn.person(rng),
            created_at=ctx.moment(issued),
        )
        licence.pk = writer.new_id(Licence)
        events = _licence_events(ctx, licence)
        # The search text reads the events as amended: given here, as a prefetch would, with no query.
        licence._prefetched_objects_cache = {"events": events}  # type: ignore[attr-defined]
        licence.subject_text = licence.build_subject_text()
        licence.district_label = district.name if district else ""  # type: ignore[attr-defined]
        licence.search_text = licence.build_search_text()
        writer.add(licence)
        for event in events:
            writer.add(event)
        yield licence


def _licence_events(ctx: _Context, licence: Licence) -> list[LicenceEvent]:
    """Some licences are amended, extended, suspended or revoked during their life (about one in six)."""
    rng = ctx.rng
    r = rng.random()
    if r > 0.17:
        return []
    span = ((licence.valid_until or ctx.until) - licence.issued_on).days
    effective = licence.issued_on + dt.timedelta(
        days=rng.randint(1, max(1, min(span, (ctx.until - licence.issued_on).days)))
    )
    values: dict[str, Any] = {"effective_on": effective, "legal_basis": "Quyết định của Giám đốc Sở"}
    if r < 0.07:
        values.update(type=EventType.AMEND, changes={"holder_name": vn.organisation(rng)})
    elif r < 0.12 and licence.valid_until:
        values.update(type=EventType.EXTEND, new_valid_until=licensing_rules.add_months(licence.valid_until, 12))
    elif r < 0.15:
        values.update(type=EventType.SUSPEND, end_on=effective + dt.timedelta(days=rng.randint(30, 180)))
        values["reason"] = "Vi phạm quy định về hoạt động được cấp phép."
    else:
        values.update(type=EventType.REVOKE, reason="Không còn đủ điều kiện hoạt động.")
    values["decision_number"] = f"{rng.randint(1, 999)}/QĐ-STTTT"
    values["decision_date"] = effective
    event = LicenceEvent(licence_id=licence.pk, created_at=ctx.moment(effective), **values)
    event.pk = ctx.writer.new_id(LicenceEvent)
    return [event]


# --- tasks -------------------------------------------------------------------------------------------

_SOURCES = [
    (SourceKind.PPC, "Ủy ban nhân dân tỉnh", "UBND-VX", 30),
    (SourceKind.PPC_CHAIRMAN, "Chủ tịch Ủy ban nhân dân tỉnh", "UBND-TH", 10),
    (SourceKind.MINISTRY, "Bộ Thông tin và Truyền thông", "BTTTT-KHTC", 15),
    (SourceKind.COUNCIL, "Hội đồng nhân dân tỉnh", "HĐND-VP", 5),
    (SourceKind.DIRECTOR, "Giám đốc Sở", "STTTT-VP", 30),
    (SourceKind.HEAD, "Trưởng phòng", "", 10),
]


def _tasks(ctx: _Context, counts: Counts) -> Any:
    rng, writer, agency = ctx.rng, ctx.writer, ctx.agency
    units = list(agency.units.filter(kind__in=[UnitKind.DIVISION, UnitKind.OFFICE]).order_by("pk"))
    director = ctx.pick((UnitKind.LEADERSHIP, Position.DIRECTOR))
    for _ in range(counts.tasks):
        kind, body, symbol, _weight = rng.choices(_SOURCES, [s[3] for s in _SOURCES])[0]
        given = ctx.day()
        deadline = ctx.add_working(given, rng.choice((5, 10, 15, 20, 30, 45, 60)))
        unit = rng.choice(units)
        late_share = rng.random()
        if deadline < ctx.until - dt.timedelta(days=30):
            status = (
                TaskStatus.COMPLETED
                if late_share < 0.93
                else TaskStatus.CANCELLED
                if late_share < 0.96
                else TaskStatus.IN_PROGRESS
            )
        else:
            status = rng.choice((TaskStatus.NEW, TaskStatus.IN_PROGRESS, TaskStatus.IN_PROGRESS, TaskStatus.COMPLETED))
        completed = None
        if status == TaskStatus.COMPLETED:
            # Most tasks are done by their deadline; about one in eight late by a few working days.
            done = ctx.add_working(deadline, rng.randint(1, 10)) if late_share > 0.88 else deadline
            completed = max(given, min(done - dt.timedelta(days=rng.randint(0, 10) * (done == deadline)), ctx.until))
        task = Task(
            agency=agency,
            source_kind=kind,
            source_body=body,
            source_number=f"{rng.randint(1, 4999)}/{symbol}" if symbol else "",
            source_date=given,
            title=vn.task_title(rng),
            content=f"Thực hiện theo chỉ đạo; báo cáo kết quả về {body}.",
            deadline=deadline,
            lead_unit_id=unit.pk,
            person_in_charge_id=ctx.pick((unit.code, Position.HEAD), (unit.code, Position.STAFF)),
            status=status,
            created_by_id=director,
            completed_on=completed,
            completion_report="Đã hoàn thành, có báo cáo kèm theo." if completed else "",
            created_at=ctx.moment(given),
        )
        task.search_text = task.build_search_text()
        writer.add(task)
        yield task


# --- reports -----------------------------------------------------------------------------------------

_INDICATORS = [
    ("dai-ly-internet", "Số đại lý Internet, điểm trò chơi công cộng", "điểm"),
    ("kiem-tra", "Số cuộc kiểm tra", "cuộc"),
    ("vi-pham", "Số vụ vi phạm phát hiện", "vụ"),
    ("ho-so-mot-cua", "Số hồ sơ tiếp nhận tại bộ phận một cửa", "hồ sơ"),
]


def _month(first: dt.date, months: int) -> dt.date:
    total = first.year * 12 + first.month - 1 + months
    return dt.date(total // 12, total % 12 + 1, 1)


def _reports(ctx: _Context, counts: Counts) -> Any:
    """Each month of the span: a request for figures to every district, answered; and the agency's
    periodic reports of each active report type, sent."""
    rng, writer, agency = ctx.rng, ctx.writer, ctx.agency
    report_types = list(ReportType.objects.filter(agency=agency, active=True).order_by("pk")) or [
        ReportType.objects.create(agency=agency, code=code, name=name, recipient=recipient, periodicity=periodicity)
        for code, name, recipient, periodicity in (
            ("bao-cao-thang", "Báo cáo tình hình hoạt động tháng", "ppc", Periodicity.MONTHLY),
            ("bao-cao-quy", "Báo cáo thống kê quý gửi Bộ", "ministry", Periodicity.QUARTERLY),
            ("bao-cao-nam", "Báo cáo tổng kết năm", "ppc", Periodicity.ANNUAL),
        )
    ]
    existing = set(Report.objects.filter(agency=agency).values_list("report_type_id", "period_start", "period_end"))
    months_per: dict[str, int] = {
        Periodicity.MONTHLY: 1,
        Periodicity.QUARTERLY: 3,
        Periodicity.SIX_MONTH: 6,
        Periodicity.ANNUAL: 12,
    }
    first = _month(dt.date(ctx.until.year, ctx.until.month, 1), -12 * counts.years)
    for number in range(12 * counts.years):
        start = _month(first, number)
        end = _month(start, 1) - dt.timedelta(days=1)
        request = writer.add(
            DistrictRequest(
                agency=agency,
                title=f"Số liệu tháng {start:%m/%Y}",
                number=f"{rng.randint(1, 999)}/STTTT-VP",
                period_start=start,
                period_end=end,
                deadline=end + dt.timedelta(days=5),
                created_at=ctx.moment(end),
            )
        )
        for order, (code, label, unit) in enumerate(_INDICATORS):
            writer.add(RequestIndicator(request_id=request.pk, code=code, label=label, unit=unit, order=order))
        for district in ctx.districts:
            values = {code: rng.randint(0, 60) for code, *_ in _INDICATORS}
            submitted = ctx.moment(end + dt.timedelta(days=rng.randint(1, 7)))
            writer.add(
                DistrictReport(
                    request_id=request.pk,
                    district_id=district.pk,
                    status="submitted",
                    raw={k: str(v) for k, v in values.items()},
                    values=values,
                    submitted_at=submitted,
                    created_at=submitted,
                )
            )
        for report_type in report_types:
            months = months_per.get(report_type.periodicity)
            if not months or (start.month - 1) % months != months - 1:
                continue
            period_start = _month(start, 1 - months)
            if (report_type.pk, period_start, end) in existing:
                continue
            writer.add(
                Report(
                    agency=agency,
                    report_type_id=report_type.pk,
                    period_start=period_start,
                    period_end=end,
                    due_on=end + dt.timedelta(days=report_type.due_offset_days),
                    status=ReportStatus.SENT,
                    values={code: rng.randint(0, 500) for code, *_ in _INDICATORS},
                    number=f"{rng.randint(1, 999)}/BC-STTTT",
                    sent_on=end + dt.timedelta(days=max(1, report_type.due_offset_days)),
                    created_at=ctx.moment(end),
                )
            )
        yield request
