"""Facts taken from Vietnamese law that the code relies on (time limits, thresholds, competences, fines),
each stored with the provision it comes from and flagged where the source is unsure.

A capability lists its facts in `stttt/<app>/facts.py` as `FACTS: list[LegalFact]`; its rules read the value
from there (`fact("inspection.plan_approval_deadline").value`), so a figure and its citation live in one
place. `all_facts()` gathers every app's list for the page and command that show them
(`/van-ban/can-cu/`, `stttt legal facts`), unsure ones first to be checked against the official text.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

from stttt.core.apps import capabilities


@dataclass(frozen=True)
class LegalFact:
    """One fact of law. `key` is "<app>.<name>"; `unit` says how to read `value` ("days", "working_days",
    "months", "hours", "VND", "level", "text"...); `basis` cites the provision ("Law on Inspection 2022
    Art. 47(1)"); `unsure` is set when the source could not be checked against the official text or sources
    disagree, and `note` then says what is unsure."""

    key: str
    label: str | Promise
    value: Any
    unit: str
    basis: str
    unsure: bool = False
    note: str | Promise = ""


def _facts_modules() -> list[Any]:
    found = []
    for config in capabilities():
        name = f"{config.name}.facts"
        try:
            found.append(importlib.import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    return found


def all_facts() -> list[LegalFact]:
    """Every capability's facts, in app order; a key given twice is an error."""
    seen: dict[str, LegalFact] = {}
    for module in _facts_modules():
        for item in module.FACTS:
            if item.key in seen:
                raise ValueError(f"legal fact {item.key} is declared twice")
            seen[item.key] = item
    return list(seen.values())


def fact(key: str) -> LegalFact:
    """The fact named `key` ("<app>.<name>"), read from its app's `facts.py`."""
    app = key.split(".", 1)[0]
    module = importlib.import_module(f"stttt.{app}.facts")
    for item in module.FACTS:
        if item.key == key:
            return item
    raise KeyError(key)
