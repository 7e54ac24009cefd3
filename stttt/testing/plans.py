"""The query plans of what a piece of code asks the database (issue 13): which indexes SQLite's planner
chooses. SQLite keeps no histogram of a column's values, so it cannot know that open dossiers or one person's
tasks are rare; where it chose an index that read an agency's every row, a plan test names the index it must
use instead."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext


def sqlite_plans(run: Callable[[], Any]) -> list[str]:
    """Each query `run` makes, with SQLite's plan of it (EXPLAIN QUERY PLAN), one string per query."""
    with CaptureQueriesContext(connection) as captured:
        run()
    plans = []
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            plans.append(sql + "\n" + "\n".join(str(row[-1]) for row in cursor.fetchall()))
    return plans
