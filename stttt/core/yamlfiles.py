"""YAML given to stttt by a user or an operator, read with limits: a size cap and no anchors or aliases.

A YAML alias repeats a node; a few nested aliases expand into billions of items (an "alias bomb": 700
bytes ran 120 s and took 3 GB in `org import`). stttt's data files never need them, so the loader refuses
any alias or anchor instead of expanding it, and refuses a text over the size cap before parsing it.
"""

from __future__ import annotations

from typing import Any

import yaml

MAX_BYTES = 5 * 1024 * 1024


class TooLarge(ValueError):
    def __init__(self, limit: int) -> None:
        super().__init__(f"YAML text larger than {limit} bytes")
        self.limit = limit


class AliasRefused(ValueError):
    """An anchor (`&name`) or alias (`*name`) at `mark` (line and column, from 0)."""

    def __init__(self, mark: Any) -> None:
        super().__init__("YAML anchors and aliases are not accepted")
        self.mark = mark


class LimitedLoader(yaml.SafeLoader):
    """The safe loader, refusing aliases and anchors."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise AliasRefused(self.peek_event().start_mark)
        event = self.peek_event()
        if getattr(event, "anchor", None):
            raise AliasRefused(event.start_mark)
        return super().compose_node(parent, index)


def load(text: str | bytes, *, max_bytes: int = MAX_BYTES) -> Any:
    """Parse YAML text; raises TooLarge, AliasRefused or yaml.YAMLError."""
    size = len(text.encode("utf-8") if isinstance(text, str) else text)
    if size > max_bytes:
        raise TooLarge(max_bytes)
    return yaml.load(text, Loader=LimitedLoader)  # a SafeLoader subclass
