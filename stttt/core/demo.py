"""Demo data of every installed capability, loaded by `stttt demo`.

An app takes part by having a `demo` module with `load(stdout) -> list[DemoLogin]`. Loaders must be
idempotent (get_or_create/update_or_create on natural keys), so running the command twice changes
nothing the second time.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from io import TextIOBase
from types import ModuleType
from typing import Any

from django.apps import apps
from django.db import transaction
from django.db.models import Model


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str


def ensure(model: type[Model], lookup: dict[str, Any], values: dict[str, Any] | None = None) -> Model:
    """Get or create the row with `lookup`; write `values` only where they differ.

    `update_or_create` saves every time, and each save adds an audit-history row: a second `stttt demo`
    would not be a no-op. This saves only what changed, so a re-run writes nothing.
    """
    values = values or {}
    instance = model._default_manager.filter(**lookup).first()
    if instance is None:
        return model._default_manager.create(**lookup, **values)
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    for name in changed:
        setattr(instance, name, values[name])
    if changed:
        instance.save()
    return instance


def loaders() -> list[tuple[str, ModuleType]]:
    """Each app's demo module, in INSTALLED_APPS order (lower layers first)."""
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("stttt."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.demo":
                raise
            continue
        if hasattr(module, "load"):
            found.append((config.label, module))
    return found


def load_all(stdout: TextIOBase) -> list[DemoLogin]:
    logins: list[DemoLogin] = []
    with transaction.atomic():
        for _label, module in loaders():
            logins.extend(module.load(stdout) or [])
    return logins
