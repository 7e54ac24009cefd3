"""Pages whose cost does not grow with the data (issue 13): a list, inbox, dashboard or register page makes the
same number of queries at 10 and at 1,000 records of each kind.

Each app's test names its pages, one line each, as (who asks, address) built from a `SmallDepartment`:

    def test_list_pages_cost_the_same_at_10_and_1000_rows(db):
        assert_constant_queries(lambda d: [(d.director, reverse("work:tasks")), (None, reverse("portal:index"))])

The records come from `stttt.testing.scale.populate` (bulk inserts, realistic statuses and dates), first 10 of
each kind, then 1,000. Every page is asked twice at each size and the second answer counted, so what a page
keeps between requests (powers, the rendered regulation) is counted the way a busy server sees it; the second
asks to be rendered (`Cache-Control: no-cache`), so a page kept whole for its reader is counted as built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from stttt.testing.departments import SmallDepartment
from stttt.testing.scale import Counts, populate

SMALL = Counts(dossiers=10, licences=10, tasks=10, years=1)
LARGE = Counts(dossiers=1000, licences=1000, tasks=1000, years=3)

Page = tuple[Any, str]  # (user, or None for an anonymous visitor; address)


def _count(pages: Iterable[Page], host: str) -> dict[str, tuple[int, list[str]]]:
    """(status, queries) of each page, asked a second time by its user."""
    found: dict[str, tuple[int, list[str]]] = {}
    clients: dict[Any, Client] = {}
    for user, url in pages:
        client = clients.get(user)
        if client is None:
            client = clients[user] = Client(HTTP_HOST=host)
            if user is not None:
                client.force_login(user)
        client.get(url)
        with CaptureQueriesContext(connection) as captured:  # rendered, as a hard reload is: not a kept page
            response = client.get(url, headers={"cache-control": "no-cache"})
        sql = [query["sql"] for query in captured.captured_queries]
        found[f"{getattr(user, 'username', 'anonymous')} {url}"] = (response.status_code, sql)
    return found


def assert_constant_queries(
    pages: Callable[[SmallDepartment], list[Page]], rows: Callable[[SmallDepartment, int], Any] | None = None
) -> SmallDepartment:
    """Build a small Department, then assert each of its `pages` answers 200 with as many queries at 10 as at
    1,000 records of each kind. An app whose records the shared generator does not write passes `rows`, which
    writes n records of its own for the Department (bulk, realistic statuses); it is called with 10, then 1,000.
    Returns the Department (for further checks)."""
    department = SmallDepartment()
    listed = pages(department)
    host = department.agency.host_names.split(",")[0].strip()
    with transaction.atomic():  # the small size is rolled back before the large one is written
        populate(SMALL, seed=1)
        if rows is not None:
            rows(department, 10)
        small = _count(listed, host)
        transaction.set_rollback(True)
    populate(LARGE, seed=1)
    if rows is not None:
        rows(department, 1000)
    large = _count(listed, host)
    problems = [
        f"{page}: {len(small[page][1])} queries at 10 rows, {len(large[page][1])} at 1,000; only at one size:\n  "
        + "\n  ".join(sorted(set(small[page][1]) ^ set(large[page][1])))[:3000]
        for page in small
        if len(small[page][1]) != len(large[page][1])
    ]
    problems += [f"{page}: status {status}" for page, (status, _n) in [*small.items(), *large.items()] if status != 200]
    assert not problems, "\n".join(problems)
    return department
