"""Template filter for the charts of `stttt.core.charts`: `{% load stttt_charts %}`, then
`{{ figures|figures_chart:title }}` draws the numeric (label, value) pairs of a figures list as bars (nothing
when fewer than two numbers are there to compare)."""

from __future__ import annotations

from collections.abc import Sequence

from django import template
from django.utils.safestring import SafeString, mark_safe

from stttt.core import charts

register = template.Library()


@register.filter
def figures_chart(figures: Sequence[tuple[object, object]] | None, title: object = "") -> SafeString:
    pairs = charts.numeric_pairs(figures or [])
    if len(pairs) < 2:
        return mark_safe("")  # a constant
    return charts.bar_chart(pairs, title=str(title), compact=True)
