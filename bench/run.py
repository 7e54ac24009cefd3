"""Benchmarks of stttt: speed and memory against targets, results written to docs/benchmarks.md.

Run: `.venv/bin/python bench/run.py` (about a minute). Not part of the test suite: timings depend on the
machine; the targets are for the reference machine (2 cores, 24 GiB) and the results table says which
machine produced them. Each benchmark is a function returning (measured value, unit, target, passed).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import platform
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "stttt" / "legal" / "data" / "qd-12-2023-ubnd-binh-phuoc.md"
RESULTS = ROOT / "docs" / "benchmarks.md"

os.environ.setdefault("STTTT_DATA_DIR", tempfile.mkdtemp(prefix="stttt-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stttt.config.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

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
    label = (f"First import of the seed regulation into an empty database (peak Python memory "
             f"{peak / 2**20:.1f} MiB, target ≤ 64 MiB)")
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
    return statistics.quantiles(timings, n=20)[18] * 1000


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


def main() -> int:
    call_command("migrate", verbosity=0)
    rows = [function() for function in BENCHMARKS]  # on the empty database
    call_command("demo", stdout=io.StringIO())
    rows += [_page(path, user, label)() for path, user, label in PAGES]
    lines = [
        "# Benchmarks",
        "",
        "Produced by `.venv/bin/python bench/run.py` (embedded SQLite, demo data, Django test client in one "
        "process; not run by the test suite). Targets are for the reference machine: 2 cores, 24 GiB.",
        "",
        f"Last run: {dt.date.today():%d/%m/%Y} on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}.",
        "",
        "| benchmark | result | target | met |",
        "|---|---|---|---|",
    ]
    for label, value, unit, target, passed in rows:
        lines.append(f"| {label} | {value:,.1f} {unit} | {target} | {'yes' if passed else '**no**'} |")
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0 if all(row[-1] for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
