"""Organisation files as YAML text, read with limits: a size cap, and no aliases or anchors.

A YAML alias repeats a node; a few nested aliases expand into billions of items (an "alias bomb"). An
organisation file never needs them, so the loader refuses any alias or anchor instead of expanding it.
"""

from __future__ import annotations

from typing import Any

import yaml
from django.utils.translation import gettext as _

from stttt.org.importing.problems import ImportFailed, ImportReport, Problem
from stttt.org.importing.writers import import_data
from stttt.org.models import Agency

MAX_BYTES = 5 * 1024 * 1024


class _NoAliases(Exception):
    def __init__(self, mark: Any) -> None:
        super().__init__()
        self.mark = mark


class LimitedLoader(yaml.SafeLoader):
    """The safe loader, refusing aliases (`*name`) and anchors (`&name`)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise _NoAliases(self.peek_event().start_mark)
        event = self.peek_event()
        if getattr(event, "anchor", None):
            raise _NoAliases(event.start_mark)
        return super().compose_node(parent, index)


def _where(mark: Any) -> tuple[str, str]:
    if mark is None:
        return "", ""
    return _("line %(line)d") % {"line": mark.line + 1}, _("column %(column)d") % {"column": mark.column + 1}


def load_yaml(text: str | bytes) -> Any:
    """Parse YAML text; a syntax error, a file too large or an alias becomes a problem with its place."""
    size = len(text.encode("utf-8") if isinstance(text, str) else text)
    if size > MAX_BYTES:
        raise ImportFailed(
            [Problem("", "", _("The file is too large (at most %(size)d MB).") % {"size": MAX_BYTES // (1024 * 1024)})]
        )
    try:
        return yaml.load(text, Loader=LimitedLoader)  # a SafeLoader subclass
    except _NoAliases as refused:
        row, column = _where(refused.mark)
        raise ImportFailed(
            [Problem(row, column, _("YAML anchors and aliases (& and *) are not accepted: write each value out."))]
        ) from None
    except yaml.YAMLError as exc:
        row, column = _where(getattr(exc, "problem_mark", None))
        raise ImportFailed(
            [Problem(row, column, _("Not valid YAML: %(error)s") % {"error": getattr(exc, "problem", None) or exc})]
        ) from None


def import_yaml(text: str | bytes, *, actor: Any = None, agency: Agency | None = None) -> ImportReport:
    """Import a YAML file; with `agency`, only into that agency (a file for another one is refused)."""
    return import_data(load_yaml(text), actor=actor, agency=agency)
