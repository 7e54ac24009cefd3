"""What each capability declares for the shared access tests, in its own `stttt/<app>/matrix.py`.

The permission matrix (`permission_matrix.py`) and the two-agency matrix (`tests/test_agency_matrix.py`)
ask every route of the installation. The routes of the first apps are written in those files; an app added
since declares its own in `stttt/<app>/matrix.py`, so that apps built side by side never edit one shared
table. A `matrix.py` may define:

- `EXPECTED`: route -> answers per role, as in `permission_matrix.EXPECTED`;
- `RECORDS`: route -> `f(agency) -> kwargs` naming a record of that agency (the agency matrix asks them as a
  user of the other agency and expects 404; the permission matrix asks them as "own" and "other");
- `UNIT_RECORDS`: route -> `f(agency, unit_code) -> kwargs`, a record of the home agency held by another
  unit than the head's and officer's (the permission matrix's "unit");
- `ONCE`: route -> `f(home_agency) -> kwargs` for routes whose parameter is not a record of one agency (asked once);
- `NOT_RECORDS` / `NOT_ASKED`: route -> why the agency matrix / the permission matrix does not ask it;
- `MARKERS`: `f(agency) -> set[str]`, texts only that agency's records carry (no list of another agency
  may show them).
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from stttt.core.apps import capabilities


def _modules() -> list[ModuleType]:
    found = []
    for config in capabilities():
        name = f"{config.name}.matrix"
        try:
            found.append(importlib.import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    return found


def declared(attribute: str) -> dict[str, Any]:
    """The union of `attribute` (a dict) over every capability's `matrix.py`; a route declared twice is an
    error."""
    merged: dict[str, Any] = {}
    for module in _modules():
        for route, value in getattr(module, attribute, {}).items():
            if route in merged:
                raise AssertionError(f"{route} is declared twice in {attribute}")
            merged[route] = value
    return merged


def markers() -> list[Any]:
    """Every capability's `MARKERS` function."""
    return [module.MARKERS for module in _modules() if hasattr(module, "MARKERS")]


def joined(outer: str, inner: str | None) -> str:
    """The namespace of an included URLconf inside `outer`, joined as `reverse` expects ("cyber:owner")."""
    if not inner:
        return outer
    return f"{outer}:{inner}" if outer else inner
