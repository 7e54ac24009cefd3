"""Rows written once for all the tests of a module, where writing them for each test took seconds (the
organisation's demo: 9,000 queries).

The rows are written in a transaction held open until the module's last test and then rolled back. Each test
asks for `db` as usual: its own transaction nests in that one as a savepoint, so what a test writes is undone
before the next, and the shared rows stay. Not for tests that need `transactional_db` or a live server, which
would not see rows that were never committed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from django.db import transaction

T = TypeVar("T")


def written_once(django_db_blocker: Any, write: Callable[[], T]) -> Iterator[T]:
    """For a module-scoped fixture (`yield from written_once(django_db_blocker, load)`): the value of `write`,
    its rows kept until the module's tests are done."""
    block = transaction.atomic()
    with django_db_blocker.unblock():
        block.__enter__()
        try:
            value = write()
        except BaseException as error:
            block.__exit__(type(error), error, error.__traceback__)
            raise
    try:
        yield value
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            block.__exit__(None, None, None)
