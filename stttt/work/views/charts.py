"""The charts of the work boards (drawn by `stttt.core.charts`), beside the tables that hold the same numbers."""

from __future__ import annotations

from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from stttt.core.charts import Series, bar_chart, stacked_bar_chart

MAX_INDICATOR_CHARTS = 4


def tasks_by_unit(units: list[dict[str, Any]]) -> SafeString:
    """Each unit's open tasks split into overdue, due soon and on schedule (stacked, with a legend)."""
    rows = [u for u in units if u["open"]]
    on_schedule = [max(0, u["open"] - u["overdue"] - u["due_soon"]) for u in rows]
    return stacked_bar_chart(
        [u["name"] for u in rows],
        [
            Series(_("Overdue"), [u["overdue"] for u in rows], "danger"),
            Series(_("Due soon"), [u["due_soon"] for u in rows], "warning"),
            Series(_("On schedule"), on_schedule, "success"),
        ],
        title=_("Open tasks by unit"),
        description=_("Units with open tasks, by deadline state."),
        value_label=_("Open tasks"),
        category_label=_("Unit"),
    )


def task_counts(counts: dict[str, int], completed: int) -> SafeString:
    """A unit's open, overdue, due-soon and recently completed tasks, side by side."""
    return bar_chart(
        [
            (_("Open tasks"), counts["open"]),
            (_("Overdue"), counts["overdue"]),
            (_("Due soon"), counts["due_soon"]),
            (_("Completed this month"), completed),
        ],
        title=_("Tasks of the unit"),
        value_label=_("Tasks"),
    )


def submissions(boards: list[dict[str, Any]]) -> SafeString:
    """How many districts have submitted each request and how many have not yet (stacked, with a legend)."""
    boards = [b for b in boards if b["count"]]
    return stacked_bar_chart(
        [b["request"].title for b in boards],
        [
            Series(_("Submitted"), [b["submitted"] for b in boards], "success"),
            Series(_("Not submitted yet"), [b["count"] - b["submitted"] for b in boards], "muted"),
        ],
        title=_("District reports submitted by request"),
        value_label=_("Districts"),
        category_label=_("Request"),
    )


def _number(value: object) -> float | None:
    if isinstance(value, bool) or value in (None, ""):
        return None
    try:
        return float(str(value).replace(",", "."))
    except ValueError:
        return None


def district_indicators(board: dict[str, Any]) -> list[SafeString]:
    """One bar chart per numeric indicator of a district request (submitted districts only), the first few."""
    out: list[SafeString] = []
    for index, indicator in enumerate(board["indicators"][:MAX_INDICATOR_CHARTS]):
        pairs = []
        for row in board["rows"]:
            value = _number(row["values"][index]) if row["submitted"] else None
            if value is not None:
                pairs.append((row["district"].name, value))
        if not pairs:
            continue
        label = f"{indicator.label} ({indicator.unit})" if indicator.unit else indicator.label
        out.append(
            bar_chart(
                pairs,
                title=label,
                description=_("Figures of the districts that have submitted."),
                value_label=label,
                category_label=_("District"),
            )
        )
    return out
