"""What an import reports: the problems that stop it, and what it created or updated."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Problem:
    """What is wrong, where: `row` (a sheet row number, or a YAML item such as `staff #3`), `column`."""

    row: str
    column: str
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"row": self.row, "column": self.column, "reason": self.reason}

    def __str__(self) -> str:
        where = ", ".join(part for part in (self.row, self.column) if part)
        return f"{where}: {self.reason}" if where else self.reason


class ImportFailed(Exception):
    """Nothing was imported; `problems` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(_("Nothing was imported: %(count)d problems.") % {"count": len(problems)})
        self.problems = problems


@dataclass
class ImportReport:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    def count(self, what: str, created: bool) -> None:
        target = self.created if created else self.updated
        target[what] = target.get(what, 0) + 1

    def as_dict(self) -> dict[str, Any]:
        return {"created": self.created, "updated": self.updated}
