"""Charts of the digital pages (`stttt.core.charts`); each sits beside the table with the same numbers."""

from __future__ import annotations

from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from stttt.core.charts import Series, bar_chart, stacked_bar_chart
from stttt.digital.choices import Pillar, PublishedIndex


def dti_pillars(comparison: dict[str, Any], year: int) -> SafeString:
    """The DTI and its three pillars, this year beside the previous year (values 0-1, shown as %)."""
    labels = [str(PublishedIndex(row["key"]).label) for row in comparison["rows"]]
    series = [
        Series(str(year - 1), [round(100 * (row["previous"] or 0), 1) for row in comparison["rows"]], "muted"),
        Series(str(year), [round(100 * (row["computed"] or 0), 1) for row in comparison["rows"]], "primary"),
    ]
    return _grouped(
        labels,
        series,
        _("DTI by pillar, %(year)s against %(before)s") % {"year": year, "before": year - 1},
        _("value × 100"),
    )


def _grouped(labels: list[str], series: list[Series], title: str, value_label: str) -> SafeString:
    """Bars side by side: one bar per category and series (the shared chart draws one bar per row)."""
    pairs = []
    for i, label in enumerate(labels):
        for s in series:
            pairs.append((f"{label} · {s.label}", s.values[i]))
    return bar_chart(pairs, title=title, value_label=value_label)


def dti_points(comparison: dict[str, Any], year: int) -> SafeString:
    points = comparison["current"]["result"].points
    before = comparison["previous"]["result"].points
    labels = [str(Pillar(p).label) for p in points]
    series = [Series(str(year - 1), [before[p] for p in points], "muted"), Series(str(year), list(points.values()))]
    return _grouped(labels, series, _("Points by main index"), _("points"))


def completion(board: dict[str, Any]) -> SafeString:
    """Indicator completion by reporting entity: submitted, late or still open."""
    rows = board["rows"]
    labels = [r["entity"].name for r in rows]
    submitted = [1 if r["submission"].status == "submitted" and not r["late"] else 0 for r in rows]
    late = [1 if r["late"] else 0 for r in rows]
    pending = [1 if r["submission"].status != "submitted" and not r["late"] else 0 for r in rows]
    return stacked_bar_chart(
        labels,
        [
            Series(_("Submitted on time"), submitted, "success"),
            Series(_("Late"), late, "danger"),
            Series(_("Not yet submitted"), pending, "muted"),
        ],
        title=_("Indicator completion by reporting entity"),
        value_label=_("submission"),
    )


def online_months(online: dict[str, Any]) -> SafeString:
    months = online["months"]
    labels = [f"{m['month']:02d}" for m in months]
    series = [
        Series(_("Filed online"), [m["online_share"] or 0 for m in months], "primary"),
        Series(_("Fully online"), [m["full_online_share"] or 0 for m in months], "success"),
        Series(_("Resolved on time"), [m["on_time_share"] or 0 for m in months], "warning"),
    ]
    return _grouped(labels, series, _("Online public services by month (%)"), "%")
