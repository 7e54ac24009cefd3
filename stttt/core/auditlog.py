"""The append-only audit log: a hash chain of `AuditEntry` rows, written in the caller's transaction.

- `append(action, ...)` adds one entry: it locks the chain's head row (PostgreSQL `SELECT ... FOR UPDATE`;
  SQLite writers are already serialised by IMMEDIATE transactions), so two writers never fork the chain.
- Every model registered with `stttt.core.audit.track` writes an entry for each history row (create,
  update, delete; "transition" when a workflow step saved it), through simple-history's
  `post_create_historical_record` signal, which runs inside the save's transaction.
- `verify()` walks the chain and returns the first broken link.
- `install_triggers()` makes the database refuse UPDATE and DELETE on the audit table and on every
  history table (both engines); run after each `migrate` by a `post_migrate` handler.

Rule for services (docs/audit.md): take row locks (`select_for_update`) before the first audited write
of a transaction; the head lock is held until commit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction

GENESIS = "0" * 64
TRIGGER_PREFIX = "stttt_append_only"
# Values never written to the log: a password hash or a token is replaced by a marker.
SECRET_FIELDS = frozenset({"password", "key", "secret", "secret_hash", "token", "otp_secret"})
HIDDEN = "***"
HISTORY_ACTIONS = {"+": "create", "~": "update", "-": "delete"}


# --- canonical form and hash -------------------------------------------------------------------


def plain(value: Any) -> Any:
    """A JSON value that reads back identically on both engines (numbers other than int become text)."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        return value.isoformat()
    if isinstance(value, dt.date | dt.time | Decimal | float):
        return str(value) if not isinstance(value, dt.date) else value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        items = [plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, models.Model):
        return str(value.pk)
    return str(value)


def _at_text(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def content_of(entry: Any) -> dict[str, Any]:
    """The fields an entry's hash covers."""
    return {
        "sequence": entry.sequence,
        "at": _at_text(entry.at),
        "actor_id": entry.actor_id,
        "actor": entry.actor,
        "address": entry.address,
        "request_id": entry.request_id,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "changes": entry.changes,
        "reason": entry.reason,
        "previous_hash": entry.previous_hash,
    }


def canonical(content: dict[str, Any]) -> bytes:
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def hash_of(entry: Any) -> str:
    return hashlib.sha256(canonical(content_of(entry))).hexdigest()


# --- request context (filled by stttt.core.requestid.RequestIdMiddleware) ------------------------

_context = threading.local()


def current_request() -> Any:
    return getattr(_context, "request", None)


def set_current_request(request: Any) -> None:
    _context.request = request


def _actor_of(user: Any) -> tuple[int | None, str]:
    if user is None or not getattr(user, "is_authenticated", False):
        return None, ""
    return user.pk, user.get_username()


def _from_request(request: Any) -> tuple[str | None, str]:
    from stttt.core.audit import _client_address

    if request is None:
        return None, ""
    return _client_address(request), getattr(request, "request_id", "") or ""


# --- appending -----------------------------------------------------------------------------------


def append(
    action: str,
    *,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: Any = "",
    changes: dict[str, Any] | None = None,
    reason: str = "",
    user: Any = None,
    actor: str = "",
    request: Any = None,
    address: str | None = None,
    using: str | None = None,
) -> Any:
    """Add one entry to the chain inside the caller's transaction (or its own when there is none)."""
    from stttt.core.models import AuditEntry, AuditHead

    using = using or DEFAULT_DB_ALIAS
    request = request if request is not None else current_request()
    if user is None and request is not None:
        candidate = getattr(request, "user", None)
        user = candidate if candidate is not None and getattr(candidate, "is_authenticated", False) else None
    actor_id, actor_name = _actor_of(user)
    request_address, request_id = _from_request(request)
    if obj is not None:
        object_type = obj._meta.label_lower
        object_id = obj.pk
    with transaction.atomic(using=using):
        head = _locked_head(using)
        entry = AuditEntry(
            sequence=head.sequence + 1,
            at=dt.datetime.now(dt.UTC),
            actor_id=actor_id,
            actor=(actor or actor_name)[:200],
            address=address if address is not None else request_address,
            request_id=request_id[:64],
            action=action[:32],
            object_type=object_type[:100],
            object_id=str(object_id if object_id is not None else "")[:64],
            changes=plain(changes or {}),
            reason=reason or "",
            previous_hash=head.hash or GENESIS,
        )
        entry.hash = hash_of(entry)
        entry.save(using=using)
        AuditHead.objects.using(using).filter(pk=head.pk).update(sequence=entry.sequence, hash=entry.hash)
    return entry


def _locked_head(using: str) -> Any:
    from stttt.core.models import AuditEntry, AuditHead

    head = AuditHead.objects.using(using).select_for_update().filter(pk=1).first()
    if head is not None:
        return head
    # First entry, or the table was emptied: start from the last entry (if any), tolerating a racing writer.
    last = AuditEntry.objects.using(using).order_by("-sequence").first()
    AuditHead.objects.using(using).bulk_create(
        [AuditHead(pk=1, sequence=last.sequence if last else 0, hash=last.hash if last else GENESIS)],
        ignore_conflicts=True,
    )
    return AuditHead.objects.using(using).select_for_update().get(pk=1)


# --- history rows of tracked models --------------------------------------------------------------


def _field_names(history_instance: Any) -> list[str]:
    return [f.attname for f in history_instance.instance_type._meta.concrete_fields]


def _value(record: Any, name: str) -> Any:
    if name in SECRET_FIELDS:
        return HIDDEN
    return plain(getattr(record, name, None))


def changes_of(history_instance: Any) -> dict[str, dict[str, Any]]:
    """Old and new values of the fields this history row changed."""
    names = [n for n in _field_names(history_instance) if hasattr(history_instance, n)]
    kind = history_instance.history_type
    if kind == "-":
        return {n: {"old": _value(history_instance, n), "new": None} for n in names}
    previous = history_instance.prev_record if kind == "~" else None
    if previous is None:
        return {n: {"old": None, "new": _value(history_instance, n)} for n in names}
    found = {}
    for name in names:
        old, new = plain(getattr(previous, name, None)), plain(getattr(history_instance, name, None))
        if old != new:
            found[name] = {"old": _value(previous, name), "new": _value(history_instance, name)}
            if name in SECRET_FIELDS:
                found[name] = {"old": HIDDEN, "new": HIDDEN, "changed": True}
    return found


def on_history_record(
    sender: Any, *, instance: Any, history_instance: Any, using: str | None = None, **kwargs: Any
) -> None:
    action = HISTORY_ACTIONS.get(history_instance.history_type, history_instance.history_type)
    reason = history_instance.history_change_reason or ""
    if action == "update" and reason:
        action = "transition"
    append(
        action,
        object_type=instance._meta.label_lower,
        object_id=instance.pk,
        changes=changes_of(history_instance),
        reason=reason,
        user=history_instance.history_user,
        address=getattr(history_instance, "ip_address", None),
        using=using or DEFAULT_DB_ALIAS,
    )


# --- verification --------------------------------------------------------------------------------


@dataclass
class Break:
    sequence: int
    problem: str


def iter_entries(using: str = DEFAULT_DB_ALIAS) -> Iterator[Any]:
    from stttt.core.models import AuditEntry

    return AuditEntry.objects.using(using).order_by("sequence").iterator(chunk_size=2000)


def verify(using: str = DEFAULT_DB_ALIAS, progress: Any = None) -> tuple[int, Break | None]:
    """Walk the chain; return (entries checked, first broken link or None)."""
    from stttt.core.models import AuditHead

    expected_sequence, previous = 1, GENESIS
    checked = 0
    for entry in iter_entries(using):
        if entry.sequence != expected_sequence:
            return checked, Break(
                expected_sequence, f"entry #{expected_sequence} is missing (next entry is #{entry.sequence})"
            )
        if entry.previous_hash != previous:
            return checked, Break(
                entry.sequence,
                f"previous_hash {entry.previous_hash} does not match the hash "
                f"of entry #{entry.sequence - 1} ({previous})",
            )
        computed = hash_of(entry)
        if computed != entry.hash:
            return checked, Break(
                entry.sequence,
                f"content does not match its hash (stored {entry.hash}, computed {computed}): the row was changed",
            )
        previous = entry.hash
        expected_sequence += 1
        checked += 1
        if progress is not None:
            progress(checked)
    head = AuditHead.objects.using(using).filter(pk=1).first()
    if head is not None and head.sequence > checked:
        return checked, Break(
            checked + 1,
            f"the chain's head says #{head.sequence} but the log ends at #{checked}: entries were removed from the end",
        )
    if head is not None and head.sequence == checked and checked and head.hash != previous:
        return checked, Break(checked, "the last entry's hash differs from the chain's head")
    return checked, None


# --- database triggers: append-only tables -------------------------------------------------------

_maintenance = threading.local()


def maintenance_enabled() -> int:
    return 1 if getattr(_maintenance, "on", False) else 0


class maintenance:
    """Lets this thread's SQLite connections delete protected rows: only the test database flush uses it."""

    def __enter__(self) -> None:
        _maintenance.on = True

    def __exit__(self, *exc: object) -> None:
        _maintenance.on = False


def register_sqlite_function(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function("stttt_audit_maintenance", 0, maintenance_enabled)


def protected_tables() -> list[str]:
    """The audit table and every simple-history table (history of tracked models and their m2m)."""
    from simple_history.models import HistoricalChanges

    from stttt.core.models import AuditEntry

    tables = {AuditEntry._meta.db_table}
    for model in apps.get_models(include_auto_created=True):
        if issubclass(model, HistoricalChanges) or model.__name__.startswith("Historical"):
            tables.add(model._meta.db_table)
    return sorted(tables)


def _trigger_names(table: str) -> tuple[str, str]:
    digest = hashlib.sha256(table.encode()).hexdigest()[:10]
    return f"{TRIGGER_PREFIX}_{digest}_upd", f"{TRIGGER_PREFIX}_{digest}_del"


PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {TRIGGER_PREFIX}() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'stttt: % on % is refused: the table is append-only (docs/audit.md)', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


def install_triggers(using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """Create the refusing triggers where missing; returns the tables now protected."""
    connection = connections[using]
    existing = set(connection.introspection.table_names())
    tables = [t for t in protected_tables() if t in existing]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(PG_FUNCTION)
        for table in tables:
            quoted = connection.ops.quote_name(table)
            update_name, delete_name = _trigger_names(table)
            if connection.vendor == "sqlite":
                for name, operation in ((update_name, "UPDATE"), (delete_name, "DELETE")):
                    cursor.execute(
                        f"CREATE TRIGGER IF NOT EXISTS {name} BEFORE {operation} ON {quoted} "
                        f"WHEN stttt_audit_maintenance() = 0 BEGIN "
                        f"SELECT RAISE(ABORT, 'stttt: {operation} on {table} is refused: the table is append-only'); "
                        f"END"
                    )
            elif connection.vendor == "postgresql":
                for name, operation in ((update_name, "UPDATE"), (delete_name, "DELETE")):
                    cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {quoted}")
                    cursor.execute(
                        f"CREATE TRIGGER {name} BEFORE {operation} ON {quoted} "
                        f"FOR EACH ROW EXECUTE FUNCTION {TRIGGER_PREFIX}()"
                    )
    return tables


def drop_triggers(using: str = DEFAULT_DB_ALIAS) -> int:
    """Remove every append-only trigger (before migrations, which may rebuild or alter the tables)."""
    connection = connections[using]
    dropped = 0
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s", [f"{TRIGGER_PREFIX}%"]
            )
            for (name,) in cursor.fetchall():
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
                dropped += 1
        elif connection.vendor == "postgresql":
            cursor.execute(
                "SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE t.tgname LIKE %s",
                [f"{TRIGGER_PREFIX}%"],
            )
            for name, table in cursor.fetchall():
                cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {connection.ops.quote_name(table)}")
                dropped += 1
    return dropped


def on_pre_migrate(sender: Any, using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    drop_triggers(using)


def on_post_migrate(sender: Any, using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    install_triggers(using)


class triggers_off:
    """For tests that run migrations through MigrationExecutor (which sends no migrate signals): the
    triggers are removed while inside and installed again on every table afterwards."""

    def __init__(self, using: str = DEFAULT_DB_ALIAS) -> None:
        self.using = using

    def __enter__(self) -> None:
        drop_triggers(self.using)

    def __exit__(self, *exc: object) -> None:
        install_triggers(self.using)
