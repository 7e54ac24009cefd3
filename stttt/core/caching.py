"""The shared cache of what rarely changes: the regulation's rendering, the organisation's routing, catalogues.

Each kind of data has a *revision* in the shared cache (Redis in production, the file cache in the embedded
default), a token that the services changing that data replace (`bump`). Everything kept for that data is
stored under a key that includes its revisions and the code version, so one bump makes it stale in every
process at once, and nothing is ever deleted by hand. A lost revision (cache cleared, evicted) is simply a
new one: everything is built again, never served stale.

- `revision(name)` and `revision_time(name)`: the current token and when it was set (Last-Modified);
- `renew(name)`: a new token now; `bump(name)`: a new token now and again when the transaction commits (a
  reader inside the window cannot keep what it built from the old rows);
- `remember(key, build, revisions=...)`: build once, keep in the shared cache and in this process;
- `bump_on_change(name, *models)`: every save or delete of those models' rows bumps `name` (for data
  written from several places; bulk writes and raw SQL send no signal and bump it themselves).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from django.core.cache import cache
from django.db import transaction
from django.db.models import Model

T = TypeVar("T")

PREFIX = "stttt:rev:"
#: Kept values live a week unless a revision replaces them first.
TIMEOUT = 7 * 24 * 3600
#: How many built values each process keeps beside the shared cache (oldest dropped first).
LOCAL_SIZE = 256

#: What a kept value's key may be as given; any other key is kept under its digest.
_PLAIN_KEY = re.compile(r"[\w.:,/=-]{1,150}")

_local: OrderedDict[str, Any] = OrderedDict()
_lock = threading.Lock()


@functools.cache
def code_version() -> str:
    """The package version plus a fingerprint of its code and templates: a deployment or an edit builds anew."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = version("stttt")
    except PackageNotFoundError:
        release = "dev"
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted([*root.rglob("*.py"), *root.rglob("*.html")]):
        stat = path.stat()
        digest.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return f"{release}-{digest.hexdigest()[:16]}"


def fingerprint(*parts: Any) -> str:
    """A short stable digest of `parts` (with the code version): an ETag, or a key for a kept value."""
    return hashlib.sha256(repr((*parts, code_version())).encode()).hexdigest()[:32]


def _new_token() -> str:
    return f"{time.time():.6f}-{uuid.uuid4().hex[:12]}"


def revision(name: str) -> str:
    """The current revision of `name` (made on first use)."""
    key = PREFIX + name
    token = cache.get(key)
    if token is None:
        cache.add(key, _new_token(), timeout=None)
        token = cache.get(key) or _new_token()
    return str(token)


def revisions(names: Iterable[str]) -> str:
    """Several revisions as one string, in one read of the shared cache."""
    names = list(names)
    found = cache.get_many([PREFIX + name for name in names])
    return "|".join(str(found.get(PREFIX + name) or revision(name)) for name in names)


def revision_time(name: str) -> dt.datetime:
    """When the current revision of `name` was made (UTC): the data may have changed then."""
    return dt.datetime.fromtimestamp(float(revision(name).split("-", 1)[0]), tz=dt.UTC)


def renew(name: str) -> None:
    """A new revision of `name` now."""
    cache.set(PREFIX + name, _new_token(), timeout=None)


def bump(name: str) -> None:
    """`name`'s data changed: a new revision now, and another once the transaction commits."""
    renew(name)
    transaction.on_commit(functools.partial(renew, name))


def bump_on_change(name: str, *models: type[Model]) -> None:
    """Bump `name` whenever a row of `models` is saved or deleted (connect once, from an app's `ready`)."""
    from django.db.models.signals import post_delete, post_save

    def changed(**kwargs: Any) -> None:
        bump(name)

    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(changed, sender=model, weak=False, dispatch_uid=f"stttt.caching.{name}.{model._meta.label}")


def remember(
    key: str, build: Callable[[], T], *, revisions_of: Iterable[str] = (), timeout: int = TIMEOUT, local: bool = True
) -> T:
    """`build()` once per `key`, revisions of `revisions_of` and code version; kept in the shared cache and,
    for the values this process reads often (unless `local` is False: then `timeout` bounds its life), in its
    memory too. The value must be picklable."""
    if not _PLAIN_KEY.fullmatch(key):  # spaces, quotes or length that a memcached-style store refuses
        key = fingerprint(key)
    full = f"stttt:memo:{code_version()}:{revisions(revisions_of)}:{key}"
    with _lock:
        if local and full in _local:
            _local.move_to_end(full)
            return _local[full]
    kept = cache.get(full)  # a 1-tuple, so that a built None is kept too
    if kept is None:
        kept = (build(),)
        cache.set(full, kept, timeout=timeout)
    value = kept[0]
    if local:
        with _lock:
            _local[full] = value
            while len(_local) > LOCAL_SIZE:
                _local.popitem(last=False)
    return value
