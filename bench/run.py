"""Benchmarks of stttt: speed and memory against targets, results written to docs/benchmarks.md.

Run: `.venv/bin/python bench/run.py` (about a minute: micro-benchmarks and pages on the demo data, in one
process), or at a scale, on an engine, with pages served by gunicorn (2 workers) and loaded by wrk:

    .venv/bin/python bench/run.py --scale province-decade --engine postgresql

`--scale` writes the named scale's data (`stttt.testing.scale`) after the demo, unless the database already
holds it (`--database-url`/`--data-dir` to keep one between runs), then measures the statistics, the register
search, the bulk due-date recomputation, the memory of exports, and every page's p95 and throughput as a
share of a hello-world view served by the same server in the same run (bench/urls.py). `--licences N` adds
licences (copies made in SQL) up to N first (the search target is for 1,000,000). Each run replaces its own section of
docs/benchmarks.md (`--label` names it, e.g. "before"). Not part of the test suite: timings depend on the
machine; the targets are for the reference machine (2 cores).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "stttt" / "legal" / "data" / "qd-12-2023-ubnd-binh-phuoc.md"
RESULTS = ROOT / "docs" / "benchmarks.md"
RUNS_END = "<!-- end of runs -->"
PORT = int(os.environ.get("BENCH_PORT", "8103"))

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--scale", choices=["demo", "province-decade", "national"], help="Data at a named scale.")
parser.add_argument("--engine", choices=["sqlite", "postgresql"], default="sqlite")
parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/stttt_bench")
parser.add_argument("--data-dir", help="SQLite: the data folder to use (kept), default a new temporary one.")
parser.add_argument("--seed", type=int, default=1)
parser.add_argument("--licences", type=int, default=0, help="Copy licences up to this total before measuring.")
parser.add_argument("--seconds", type=int, default=8, help="wrk duration per page.")
parser.add_argument("--label", default="", help="Names this run's section, e.g. before/after.")
parser.add_argument("--no-pages", action="store_true", help="Skip the served pages.")
parser.add_argument(
    "--pages-only", action="store_true", help="At a scale: only the served pages (no search, statistics, exports)."
)
parser.add_argument("--only", help="Only the served pages whose path matches this regular expression.")
parser.add_argument("--skip-demo", action="store_true", help="The database already holds the demo: do not run it.")
parser.add_argument("--no-write", action="store_true", help="Print the results; leave docs/benchmarks.md alone.")
ARGS = parser.parse_args()

if ARGS.engine == "postgresql":
    os.environ["DATABASE_URL"] = ARGS.database_url
else:
    os.environ.pop("DATABASE_URL", None)
    os.environ["STTTT_DATA_DIR"] = ARGS.data_dir or tempfile.mkdtemp(prefix="stttt-bench-")
    Path(os.environ["STTTT_DATA_DIR"]).mkdir(parents=True, exist_ok=True)
os.environ.setdefault("STTTT_DATA_DIR", tempfile.mkdtemp(prefix="stttt-bench-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
os.environ["STTTT_MFA_ENFORCED"] = "false"  # the pages are measured for signed-in leaders without a second factor
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

Result = tuple[str, float, str, str, bool]
BENCHMARKS: list[Callable[[], Result]] = []


def benchmark(function: Callable[[], Result]) -> Callable[[], Result]:
    BENCHMARKS.append(function)
    return function


def _per_second(function: Callable[[], object], repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        function()
    return repeat / (time.perf_counter() - start)


def _p95(timings: list[float]) -> float:
    return statistics.quantiles(timings, n=20)[18] * 1000 if len(timings) > 1 else timings[0] * 1000


@benchmark
def search_folding() -> Result:
    from stttt.core.text import fold

    text = "Cấp, thu hồi giấy phép hoạt động in; xác nhận đăng ký hoạt động cơ sở in"
    rate = _per_second(lambda: fold(text), 50_000)
    # Folding runs on every save of a searchable record and on every query: 10,000 a second re-indexes a
    # register of 10,000 records in a second.
    label = "Diacritic folding of a 70-character provision (`core.text.fold`)"
    return (label, rate, "calls/s", "≥ 10,000", rate >= 10_000)


@benchmark
def working_days() -> Result:
    from stttt.core.calendar import calendar

    working = calendar()
    start = dt.date(2026, 1, 2)
    rate = _per_second(lambda: working.add_working_days(start, 15), 5_000)
    return ("Due date 15 working days ahead across Tết (`core.calendar`)", rate, "calls/s", "≥ 2,000", rate >= 2_000)


@benchmark
def regulation_import() -> Result:
    from stttt.legal.services import document_import

    text = SEED.read_text(encoding="utf-8")
    tracemalloc.start()
    start = time.perf_counter()
    document_import(text)
    elapsed = time.perf_counter() - start
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    label = (
        f"First import of the seed regulation into an empty database (peak Python memory "
        f"{peak / 2**20:.1f} MiB, target ≤ 64 MiB)"
    )
    return (label, elapsed, "s", "≤ 5 s", elapsed <= 5 and peak <= 64 * 2**20)


def _page_p95(path: str, username: str | None) -> float:
    client = Client()
    if username:
        from stttt.accounts.models import User

        client.force_login(User.objects.get(username=username))
    client.get(path)  # warm caches
    timings = []
    for _ in range(30):
        start = time.perf_counter()
        response = client.get(path)
        timings.append(time.perf_counter() - start)
        assert response.status_code == 200, (path, response.status_code)
    return _p95(timings)


def _page(path: str, username: str | None, label: str) -> Callable[[], Result]:
    def run() -> Result:
        p95 = _page_p95(path, username)
        return (f"{label} (`GET {path}`, p95 of 30)", p95, "ms", "≤ 300 ms", p95 <= 300)

    run.__name__ = f"page_{path}"
    return run


PAGES = [
    ("/", "giamdoc", "Home page of the Director"),
    ("/van-ban/", None, "The whole regulation, public"),
    ("/van-ban/tim-kiem/?q=giay+phep+xuat+ban+ban+tin", None, "Regulation search"),
    ("/to-chuc/", "giamdoc", "Organisation chart"),
    ("/thu-tuc/", "giamdoc", "Procedures: the Director's inboxes"),
    ("/cong-khai/so-dang-ky/", None, "Public registers, index"),
    ("/cong-viec/lanh-dao/", "giamdoc", "Tasks: leadership dashboard"),
]

# Served pages at scale: (path, user, label). Every staff list, inbox and dashboard, the public registers,
# the regulation and the home pages.
SERVED = [
    ("/", "giamdoc", "Home page of the Director"),
    ("/thu-tuc/", "giamdoc", "Procedures: the Director's inboxes"),
    ("/thu-tuc/", "chuyenvien_vp", "Procedures: the one-stop desk's inbox"),
    ("/thu-tuc/ho-so/", "giamdoc", "Dossiers: list"),
    ("/thu-tuc/ho-so/?q=nguyen", "giamdoc", "Dossiers: search"),
    ("/thu-tuc/thong-ke/", "giamdoc", "Dossiers: monthly statistics"),
    ("/giay-phep/", "giamdoc", "Licences: list"),
    ("/cong-viec/don-vi/TTBCXB/", "chuyenvien_ttbcxb", "Tasks: a unit's board"),
    ("/cong-viec/lanh-dao/", "giamdoc", "Tasks: leadership dashboard"),
    ("/cong-viec/nhiem-vu/", "giamdoc", "Tasks: list"),
    ("/cong-viec/bao-cao/", "giamdoc", "Reports upward: list"),
    ("/cong-viec/bao-cao-huyen/", "giamdoc", "District reports: list"),
    ("/to-chuc/", "giamdoc", "Organisation chart"),
    ("/van-ban/", None, "The whole regulation, public"),
    ("/cong-khai/", None, "Public portal home"),
    ("/cong-khai/so-dang-ky/", None, "Public registers, index"),
    ("/cong-khai/so-dang-ky/hoat-dong-in/", None, "Public register of printing establishments"),
    ("/cong-khai/so-dang-ky/hoat-dong-in/?q=nguyen", None, "Public register search"),
]
HELLO = "/bench-hello/"


# --- data at scale --------------------------------------------------------------------------------------


def _ensure_scale() -> list[Result]:
    from stttt.core.progress import Progress
    from stttt.procedures.models import Dossier
    from stttt.testing.scale import SCALES, populate

    scale = SCALES[ARGS.scale]
    wanted = scale.counts.dossiers * scale.agencies
    rows: list[Result] = []
    if Dossier.objects.count() < wanted * 0.9:
        progress = Progress(f"data {ARGS.scale}", scale.counts.total * scale.agencies)
        start = time.perf_counter()
        written = populate(
            scale.counts,
            seed=ARGS.seed,
            agencies=scale.agencies,
            progress=progress,
            workers=os.cpu_count() or 1,
            resume=True,  # an interrupted run's agencies are kept (the time below is then of the rest)
        )
        progress.finish()
        elapsed = time.perf_counter() - start
        total = sum(written.values())
        limit = 900 if ARGS.scale == "national" else 300
        label = f"Generating {ARGS.scale} ({total:,} rows, {total / elapsed:,.0f} rows/s)"
        rows.append((label, elapsed, "s", f"≤ {limit} s", elapsed <= limit))
    if ARGS.licences:
        rows += _multiply_licences(ARGS.licences)
    return rows


def _multiply_licences(target: int) -> list[Result]:
    """Copies of the generated licences, in SQL, up to `target` rows (numbers, codes and search texts made
    distinct by the copy's number): a register of a million for the search benchmark in a minute or two,
    where generating each licence would take an hour on the reference machine."""
    from django.core.management.color import no_style
    from django.db import connection

    from stttt.core import caching
    from stttt.licensing import selectors
    from stttt.licensing.models import Licence

    count, top = Licence.objects.count(), Licence.objects.order_by("-pk").values_list("pk", flat=True).first()
    if not count or count >= target:
        return []
    copies = -(-(target - count) // count)
    changed = ("id", "number", "token", "search_text", "dossier_id")  # a dossier has one licence: copies have none
    columns = ", ".join(f.column for f in Licence._meta.concrete_fields if f.column not in changed)
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO licensing_licence (id, number, token, search_text, dossier_id, {columns}) "
            f"WITH RECURSIVE copy(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM copy WHERE n < {copies}) "
            f"SELECT id + {top} * n, number || '-' || n, token || '-' || n, search_text || ' ' || n, NULL, {columns} "
            f"FROM licensing_licence CROSS JOIN copy WHERE id <= {top}"
        )
        for statement in connection.ops.sequence_reset_sql(no_style(), [Licence]):
            cursor.execute(statement)
        cursor.execute("ANALYZE")
    caching.bump(selectors.REVISION)  # rows written in SQL send no signal
    added = Licence.objects.count() - count
    return [(f"Copying licences in SQL up to {count + added:,}", time.perf_counter() - start, "s", "minutes", True)]


def _register_search() -> list[Result]:
    """p95 of the public register's query (status annotated, first page) for typical searches, in a process
    settled as a served one is (`config.warmup`: what it holds for life out of the garbage collector's walks)."""
    from stttt.config.warmup import settle
    from stttt.core.search import search
    from stttt.licensing import selectors
    from stttt.licensing.models import Licence
    from stttt.org.models import Agency

    settle()
    agency = Agency.objects.order_by("pk").first()
    total = Licence.objects.count()
    queries = ["nguyen van", "cong ty tnhh minh phat", "Đồng Xoài", "GP-STTTT", "thiet bi ve tinh", "hoang gia", "17/"]
    rows = []
    for label, run in (
        (
            "one agency's register of printing establishments",
            lambda q: selectors.register(["printing"], agency=agency, query=q),
        ),
        ("every licence of every agency", lambda q: search(Licence.objects.order_by("-issued_on", "-id"), q)),
    ):
        # One call of each query first, reported apart: the process's first calls read the column's sample,
        # plan cold and may find the pages out of memory; the p95 is of the calls after it.
        warm_up = []
        for query in queries:
            start = time.perf_counter()
            list(run(query)[:25])
            warm_up.append(time.perf_counter() - start)
        timings = []
        for _ in range(5):
            for query in queries:
                start = time.perf_counter()
                list(run(query)[:25])
                timings.append(time.perf_counter() - start)
        p95 = _p95(timings)
        rows.append(
            (
                f"Register search, first page, {label}, {total:,} licences in all (p95 of {len(timings)} after "
                f"one warm-up call per query, the slowest of which took {max(warm_up) * 1000:.0f} ms)",
                p95,
                "ms",
                "≤ 20 ms",
                p95 <= 20,
            )
        )
    return rows


def _statistics() -> list[Result]:
    from stttt.org.models import Agency
    from stttt.procedures import selectors

    agency = Agency.objects.order_by("pk").first()
    month = f"{timezone.localdate() - dt.timedelta(days=31):%Y-%m}"
    rows = []
    for label, kwargs in (("of the first agency", {"agency": agency}), ("of every agency", {})):
        # The process's first call reads the calendar, the catalogue and cold pages: reported apart, as the
        # search's warm-up calls are; a served process has made it long before.
        start = time.perf_counter()
        selectors.statistics(month, **kwargs)
        first = time.perf_counter() - start
        start = time.perf_counter()
        selectors.statistics(month, **kwargs)
        elapsed = time.perf_counter() - start
        rows.append(
            (
                f"Monthly dossier statistics {label} (`procedures.selectors.statistics`; the process's first call "
                f"{first * 1000:,.0f} ms)",
                elapsed * 1000,
                "ms",
                "≤ 1,000 ms",
                elapsed <= 1,
            )
        )
    year_stats = getattr(selectors, "yearly_statistics", None)
    if year_stats:
        start = time.perf_counter()
        year_stats(timezone.localdate().year - 1)
        elapsed = time.perf_counter() - start
        rows.append(("Yearly dossier statistics of every agency", elapsed * 1000, "ms", "≤ 1,000 ms", elapsed <= 1))
    return rows


def _due_dates() -> list[Result]:
    """A day off announced for tomorrow: every open dossier's due dates counted again (then undone)."""
    from stttt.core.models import CalendarDay
    from stttt.procedures.choices import IN_PROGRESS
    from stttt.procedures.models import Dossier

    try:
        from stttt.procedures.due_dates import due_dates_recompute
    except ImportError:  # a tree from before the bulk recount (a "before" run)
        return [("Due dates counted again after a day off: no bulk recount in this tree", 0.0, "s", "≤ 10 s", False)]

    day = timezone.localdate() + dt.timedelta(days=1)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    total, open_count = Dossier.objects.count(), Dossier.objects.filter(status__in=IN_PROGRESS).count()
    extra = CalendarDay.objects.create(date=day, kind="day_off", name="Nghỉ (benchmark)")
    start = time.perf_counter()
    changed = due_dates_recompute()
    elapsed = time.perf_counter() - start
    extra.delete()
    due_dates_recompute()
    label = (
        f"Due dates counted again after a day off is announced: {open_count:,} open of {total:,} dossiers, "
        f"{changed:,} changed"
    )
    return [(label, elapsed, "s", "≤ 10 s", elapsed <= 10)]


def _export_memory() -> list[Result]:
    client = Client()
    rows = []
    for fmt in ("csv", "xlsx"):
        tracemalloc.start()
        start = time.perf_counter()
        response = client.get(f"/cong-khai/so-dang-ky/hoat-dong-in.{fmt}")
        size = sum(len(chunk) for chunk in response) if response.streaming else len(response.content)
        elapsed = time.perf_counter() - start
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rows.append(
            (
                f"Register export {fmt.upper()} ({size / 2**20:.1f} MiB in {elapsed:.1f} s), peak Python memory",
                peak / 2**20,
                "MiB",
                "≤ 64 MiB",
                peak <= 64 * 2**20 and response.status_code == 200,
            )
        )
    return rows


# --- served pages -----------------------------------------------------------------------------------------


def _session(username: str) -> str:
    from stttt.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username=username))
    return client.cookies["sessionid"].value


#: Asks a page kept for its reader to be rendered, as a browser's hard reload does (`core.pagecache`).
RENDERED = "Cache-Control: no-cache"


def _wrk(path: str, cookie: str | None, header: str = "") -> tuple[float, float, int]:
    """(requests/s, p95 ms, errors) of `path` under wrk: 2 threads, 4 connections (two per worker)."""
    command = ["wrk", "-t2", "-c4", f"-d{ARGS.seconds}s", "--timeout", "60s", "-s", str(ROOT / "bench" / "report.lua")]
    if cookie:
        command += ["-H", f"Cookie: sessionid={cookie}"]
    if header:
        command += ["-H", header]
    output = subprocess.run([*command, f"http://127.0.0.1:{PORT}{path}"], capture_output=True, text=True).stdout
    found = re.search(r"BENCH (\d+) ([\d.]+) ([\d.]+) ([\d.]+) (\d+)", output)
    if not found:
        raise RuntimeError(output)
    requests, seconds, _p50, p95, errors = found.groups()
    return int(requests) / float(seconds), float(p95), int(errors)


def _one(path: str, cookie: str | None, header: str = "") -> float:
    """Milliseconds of one request of `path`."""
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}")
    if cookie:
        request.add_header("Cookie", f"sessionid={cookie}")
    if header:
        request.add_header(*header.split(": ", 1))
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=600) as response:
        response.read()
    return (time.perf_counter() - start) * 1000


def _drain() -> None:
    """Wait until the workers have finished what wrk left them (a slow page's last requests), so that each
    page is measured on idle workers: the floor answers twice in a row within half a second."""
    quick = 0
    deadline = time.monotonic() + 600
    while quick < 2 and time.monotonic() < deadline:
        quick = quick + 1 if _one(HELLO, None) < 500 else 0


def _serve() -> subprocess.Popen:
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "stttt.config.wsgi",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
            "--timeout",  # a slow page is measured, not killed
            "300",
            "--graceful-timeout",
            "5",
            "--pythonpath",
            str(ROOT),
        ],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"},
        cwd=ROOT,
    )
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}{HELLO}", timeout=2)
            return server
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise RuntimeError("gunicorn did not start")


def _served_pages() -> list[tuple[str, str, float, float, float, int]]:
    """(label, path, p95 ms, requests/s, share of the hello-world floor, errors) for every page."""
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed for served pages: apt-get install wrk (or --no-pages)")
    served = [page for page in SERVED if not ARGS.only or re.search(ARGS.only, page[0])]
    cookies = {user: _session(user) for _path, user, _label in served if user}
    server = _serve()
    try:
        failing = {}
        for path, user, _label in served:  # each page once before measuring: caches warm, 200 checked
            request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}")
            if user:
                request.add_header("Cookie", f"sessionid={cookies[user]}")
            try:
                with urllib.request.urlopen(request, timeout=300) as response:
                    if response.url != request.full_url:  # wrk does not follow: it would measure the redirect
                        landed = urllib.parse.urlsplit(response.url).path
                        failing[path, user] = f"{response.status} after a redirect to {landed}"
                    elif response.status != 200:
                        failing[path, user] = response.status
            except urllib.error.HTTPError as error:
                failing[path, user] = error.code
        floor_before = _wrk(HELLO, None)
        rows = []
        # A staff page is measured twice: as its reader gets it again while nothing changed (kept whole), and
        # rendered each time, as after any change of data.
        measured = [(path, user, label, "") for path, user, label in served]
        measured += [(path, user, f"{label}, rendered", RENDERED) for path, user, label in served if user]
        for path, user, label, header in measured:
            name = f"{label}" + (f" ({user})" if user else "")
            if (path, user) in failing:  # reported, not measured: the page does not answer 200 in this tree
                rows.append((f"{name}: HTTP {failing[path, user]}, not measured", path, 0.0, 0.0, 0.0, 1))
                continue
            _drain()
            rate, p95, errors = _wrk(path, cookies.get(user) if user else None, header)
            if not rate:  # slower than the run: one request alone, timed
                _drain()
                p95 = _one(path, cookies.get(user) if user else None, header)
                name += f": no answer within {ARGS.seconds} s under load; one request alone"
            rows.append((name, path, p95, rate, 0.0, errors))
        _drain()
        floor_after = _wrk(HELLO, None)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:  # a worker still busy with a slow page
            server.kill()
            server.wait()
    floor = (floor_before[0] + floor_after[0]) / 2
    rows = [(label, path, p95, rate, rate / floor, errors) for label, path, p95, rate, _share, errors in rows]
    return [
        (
            "Hello-world floor (mean of before and after)",
            HELLO,
            (floor_before[1] + floor_after[1]) / 2,
            floor,
            1.0,
            floor_before[2] + floor_after[2],
        ),
        *rows,
    ]


# --- report ---------------------------------------------------------------------------------------------


def _machine() -> str:
    from django.db import connection

    engine = connection.vendor
    with connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_version()" if engine == "sqlite" else "SHOW server_version")
        version = cursor.fetchone()[0]
    load = os.getloadavg()[0]
    return (
        f"{dt.datetime.now(dt.UTC):%d/%m/%Y %H:%M} UTC on {platform.machine()}, {os.cpu_count()} cores "
        f"(load average {load:.1f} at the end: the cores are shared), Python {platform.python_version()}, "
        f"{engine} {version}"
    )


def _section(results: list[Result], pages: list[tuple[str, str, float, float, float, int]]) -> str:
    name = f"{ARGS.engine} · {ARGS.scale or 'demo (test client)'}" + (f" · {ARGS.label}" if ARGS.label else "")
    lines = [f"### {name}", "", f"Run: {_machine()}.", ""]
    if results:
        lines += ["| benchmark | result | target | met |", "|---|---|---|---|"]
        for label, value, unit, target, passed in results:
            lines.append(f"| {label} | {value:,.1f} {unit} | {target} | {'yes' if passed else '**no**'} |")
        lines.append("")
    if pages:
        lines += ["| page | path | p95 | requests/s | share of floor | errors |", "|---|---|---|---|---|---|"]
        for label, path, p95, rate, share, errors in pages:
            lines.append(f"| {label} | `{path}` | {p95:,.0f} ms | {rate:,.1f} | {share:.3f}× | {errors} |")
        lines.append("")
    return "\n".join(lines)


def _write(section: str) -> None:
    """Replace this run's section of docs/benchmarks.md (between its markers), or add it at the end."""
    key = f"{ARGS.engine}:{ARGS.scale or 'test-client'}" + (f":{ARGS.label}" if ARGS.label else "")
    start, end = f"<!-- bench {key} -->", f"<!-- /bench {key} -->"
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmarks\n"
    block = f"{start}\n{section}\n{end}"
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _m: block, text)
    elif RUNS_END in text:  # new runs go at the end of the runs, before the sections written by hand
        text = text.replace(RUNS_END, f"{block}\n\n{RUNS_END}")
    else:
        text = text.rstrip("\n") + f"\n\n{block}\n"
    RESULTS.write_text(text, encoding="utf-8")


def main() -> int:
    from stttt.legal.models import Document

    call_command("migrate", verbosity=0)
    fresh = not Document.objects.exists()
    rows = [function() for function in BENCHMARKS] if fresh else []  # on the empty database
    if not ARGS.skip_demo:
        call_command("demo", stdout=io.StringIO())
    pages: list[tuple[str, str, float, float, float, int]] = []
    if ARGS.scale:
        rows += _ensure_scale()
        if not ARGS.pages_only:
            rows += [*_register_search(), *_statistics(), *_due_dates(), *_export_memory()]
        if not ARGS.no_pages:
            pages = _served_pages()
    else:
        rows += [_page(path, user, label)() for path, user, label in PAGES]
    section = _section(rows, pages)
    if not ARGS.no_write:
        _write(section)
    print(section)
    return 0 if all(row[-1] for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
