"""The charts of the procedures' figures (drawn by `stttt.core.charts`), beside the tables that hold the same
numbers: the month's statistics, the applicants' ratings and the on-time share per unit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from stttt.core.charts import Series, bar_chart, stacked_bar_chart


def statistics(rows: Sequence[dict[str, Any]]) -> SafeString:
    """Each procedure's (or division's) dossiers of the month: resolved on time or late, in progress on
    time or overdue (stacked, with a legend)."""
    rows = [
        r
        for r in rows
        if r["resolved_on_time"] + r["resolved_late"] + r["in_progress_on_time"] + r["in_progress_overdue"]
    ]
    return stacked_bar_chart(
        [r["name"] for r in rows],
        [
            Series(_("Resolved on time"), [r["resolved_on_time"] for r in rows], "success"),
            Series(_("Resolved late"), [r["resolved_late"] for r in rows], "danger"),
            Series(_("In progress, on time"), [r["in_progress_on_time"] for r in rows], "primary"),
            Series(_("In progress, overdue"), [r["in_progress_overdue"] for r in rows], "warning"),
        ],
        title=_("Dossiers of the month"),
        description=_("Dossiers resolved and in progress, by deadline."),
        value_label=_("Dossiers"),
    )


def ratings(rows: Sequence[dict[str, Any]]) -> SafeString:
    """Each unit's average rating total per quarter (of 12 points, Circular 01/2018/TT-VPCP Art. 15)."""
    return bar_chart(
        [(f"{r['unit_name']} · {r['quarter']}", r["total"]) for r in rows],
        title=_("Average rating total by unit and quarter"),
        value_label=_("Points (of 12)"),
        tone="success",
    )


def on_time(units: Sequence[dict[str, Any]]) -> SafeString:
    """Each unit's share of dossiers resolved on time (units with a resolved dossier)."""
    return bar_chart(
        [(u["name"], u["on_time_pct"]) for u in units if u["on_time_pct"] is not None],
        title=_("Share of dossiers resolved on time, by unit"),
        value_label=_("Per cent on time"),
    )
