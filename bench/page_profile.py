"""Where one page spends its time: queries (count, total, the slowest with their SQL) and, with `--cprofile`,
the Python functions. For finding what to fix, not for measuring (that is bench/run.py).

    .venv/bin/python bench/page_profile.py /thu-tuc/ --user giamdoc \
        --database-url postgres://postgres@127.0.0.1:5432/stttt_perf_bench
    .venv/bin/python bench/page_profile.py /van-ban/ --data-dir /tmp/perf-sqlite --cprofile

`--explain` prints PostgreSQL's EXPLAIN ANALYZE (SQLite's EXPLAIN QUERY PLAN) of the slowest queries.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("paths", nargs="+")
parser.add_argument("--user", help="Username to sign in as (anonymous by default).")
parser.add_argument("--database-url")
parser.add_argument("--data-dir")
parser.add_argument("--repeat", type=int, default=3)
parser.add_argument("--slowest", type=int, default=5)
parser.add_argument("--cprofile", action="store_true")
parser.add_argument("--explain", action="store_true")
parser.add_argument("--callers", help="With --cprofile: who calls the functions matching this pattern.")
ARGS = parser.parse_args()

if ARGS.database_url:
    os.environ["DATABASE_URL"] = ARGS.database_url
else:
    os.environ.pop("DATABASE_URL", None)
if ARGS.data_dir:
    os.environ["STTTT_DATA_DIR"] = ARGS.data_dir
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
os.environ["STTTT_MFA_ENFORCED"] = "false"
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def main() -> None:
    client = Client()
    if ARGS.user:
        from stttt.accounts.models import User

        client.force_login(User.objects.get(username=ARGS.user))
    for path in ARGS.paths:
        response = client.get(path)  # warm
        print(f"== {path}: HTTP {response.status_code}")
        timings = []
        for _ in range(ARGS.repeat):
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                client.get(path)
                timings.append((time.perf_counter() - start) * 1000)
        queries = captured.captured_queries
        in_sql = sum(float(q["time"]) for q in queries) * 1000
        print(f"   {min(timings):.0f}–{max(timings):.0f} ms, {len(queries)} queries, {in_sql:.0f} ms in SQL (last)")
        for query in sorted(queries, key=lambda q: -float(q["time"]))[: ARGS.slowest]:
            print(f"   {float(query['time']) * 1000:7.1f} ms  {query['sql'][:600]}")
            if ARGS.explain:
                prefix = "EXPLAIN ANALYZE " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
                with connection.cursor() as cursor:
                    cursor.execute(prefix + query["sql"])
                    for row in cursor.fetchall():
                        print("        ", " | ".join(str(c) for c in row))
        if ARGS.cprofile:
            profile = cProfile.Profile()
            profile.enable()
            client.get(path)
            profile.disable()
            stats = pstats.Stats(profile).sort_stats(os.environ.get("SORT", "cumulative"))
            if ARGS.callers:
                stats.print_callers(ARGS.callers)
            else:
                stats.print_stats(35)


if __name__ == "__main__":
    main()
