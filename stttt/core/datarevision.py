"""One revision for all of the Department's data: a new token after every committed write.

Pages kept whole for their signed-in reader (`core.pagecache.reader_page`) are stored under this revision, so
no write, of any table, by any process that writes through Django (pages, the API, the CLI, jobs), leaves a
kept page standing. Writes are seen where every statement passes, the connections' execute wrappers, so a
`QuerySet.update()`, a bulk insert or raw SQL counts as much as a `save()`: no service has to remember to say
what it changed. Only the tables that record visits rather than data are left out (sessions, rate counters,
sign-in attempts): a plain page view writes them.

The token is renewed when the transaction that wrote commits. A reader reads the token before building its
page, so a page built from rows older than a commit is stored under a token that the commit has replaced.
Within one transaction (the test suite's, which never commits) the token is also renewed at a write that
follows a read of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.db.backends.base.base import BaseDatabaseWrapper

from stttt.core import caching

NAME = "data"

#: Tables written by visits, not by changes of data: a page view may write them (the idle timeout renewed in
#: the session, a page limit counted, a sign-in attempt), and no kept page shows them.
VISIT_TABLES = frozenset(
    {"django_session", "core_ratecounter", "axes_accessattempt", "axes_accessfailurelog", "axes_accesslog"}
)

#: Statements that change nothing: reads, and the transaction's own bookkeeping.
_READ = re.compile(r"\s*\(?\s*(SELECT|SAVEPOINT|RELEASE|ROLLBACK|BEGIN|COMMIT|SET|SHOW|EXPLAIN|PRAGMA)\b", re.I)
_WITH_WRITE = re.compile(r"\b(INSERT|UPDATE|DELETE)\b", re.I)
_TARGET = re.compile(r'\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.I)

_seen = False


def current() -> str:
    """The revision to store a page under: read before the page's rows are."""
    global _seen
    _seen = True
    return caching.revision(NAME)


def writes_data(sql: str) -> bool:
    """Whether the statement may change data a page shows (anything not known to be a read, or a visit)."""
    if _READ.match(sql):
        return False
    if sql.lstrip()[:4].upper() == "WITH" and not _WITH_WRITE.search(sql):
        return False
    target = _TARGET.match(sql)
    return not (target and target.group(1).lower() in VISIT_TABLES)


def renew() -> None:
    """A new revision now (a transaction's writes committed)."""
    global _seen
    _seen = False
    caching.renew(NAME)


def changed(connection: BaseDatabaseWrapper) -> None:
    """`connection` wrote data: a new revision once it commits (now, outside a transaction)."""
    if not connection.in_atomic_block:
        renew()
        return
    if _seen:  # a page may have been built inside this transaction, from its own uncommitted rows
        renew()
    # Django keeps the callbacks as (savepoints, callback, robust): one renewal per transaction is enough.
    if not any(entry[1] is renew for entry in connection.run_on_commit):
        transaction.on_commit(renew, using=connection.alias)


def _watch(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict[str, Any]) -> Any:
    result = execute(sql, params, many, context)
    if writes_data(sql):
        changed(context["connection"])
    return result


def watch(connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """Connected to `connection_created`: the connection's statements are watched for writes (once, although
    the signal comes at every reconnection)."""
    if _watch not in connection.execute_wrappers:
        connection.execute_wrappers.append(_watch)
