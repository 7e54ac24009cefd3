"""Small charts drawn on the server as inline SVG: horizontal bars and stacked bars with a legend, axis labels
and an accessible name (`<title>`) and description (`<desc>`, the data in words).

No JavaScript, no external file, no `style` attribute (colours and fonts are SVG presentation attributes), so
the charts pass a Content-Security-Policy of `'self'` and print as they are shown. Pages put a chart beside
the table that holds the same numbers; the chart is a reading aid, the table stays the reference.

    bar_chart([("Văn phòng", 3), ("Phòng A", 5)], title=..., value_label=...)
    stacked_bar_chart(["Văn phòng", "Phòng A"], [Series("Quá hạn", [1, 0]), Series("Đúng hạn", [2, 5])], ...)
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Colours distinguishable by most colour-blind readers and dark enough for white text around them.
PALETTE = ("#1f5fa8", "#b3261e", "#c77700", "#2e7d32", "#6a4c93", "#00838f", "#5d4037")
TONES = {"primary": PALETTE[0], "danger": PALETTE[1], "warning": PALETTE[2], "success": PALETTE[3], "muted": "#8a8f98"}

WIDTH = 640
LABEL_WIDTH = 190
COMPACT_WIDTH = 340
COMPACT_LABEL_WIDTH = 140
RIGHT = 48
ROW = 26
BAR = 16
FONT = 'font-family="Liberation Sans, Arial, sans-serif"'


@dataclass(frozen=True)
class Series:
    """One stacked part: its legend label, one value per category and a colour (a `TONES` key or a hex)."""

    label: str
    values: Sequence[float]
    tone: str = ""


def _number(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")  # Vietnamese groups thousands with a dot
    return f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def nice_ticks(maximum: float, count: int = 4) -> list[float]:
    """Round tick values from 0 covering `maximum` (steps of 1, 2 or 5 times a power of ten)."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    if maximum >= 1 and step < 1:
        step = 1
    top = math.ceil(maximum / step) * step
    return [round(i * step, 10) for i in range(round(top / step) + 1)]


def _colour(tone: str, index: int) -> str:
    if tone.startswith("#"):
        return tone
    return TONES.get(tone) or PALETTE[index % len(PALETTE)]


def _short(label: str, limit: int = 30) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _ident(*parts: object) -> str:
    return "chart-" + hashlib.sha1(repr(parts).encode()).hexdigest()[:10]


def stacked_bar_chart(
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    title: str,
    description: str = "",
    value_label: str = "",
    category_label: str = "",
    show_total: bool = True,
    compact: bool = False,
) -> SafeString:
    """Horizontal stacked bars, one per category, a legend above naming each series by colour, the value axis
    below with its label. `compact` draws it narrower, for a card (its text stays readable when the chart
    is scaled down to the card's width). Empty string when there is nothing to draw."""
    chart_width, label_width = (COMPACT_WIDTH, COMPACT_LABEL_WIDTH) if compact else (WIDTH, LABEL_WIDTH)
    categories = [str(c) for c in categories]
    if not categories or not series:
        return mark_safe("")  # a constant
    totals = [sum(float(s.values[i] or 0) for s in series) for i in range(len(categories))]
    ticks = nice_ticks(max(totals, default=0))
    scale = (chart_width - label_width - RIGHT) / ticks[-1]
    legend = len(series) > 1
    top = 34 if legend or category_label else 10
    height = top + ROW * len(categories) + (44 if value_label else 28)
    ident = _ident(title, categories, [(s.label, list(s.values)) for s in series])
    words = "; ".join(
        f"{c}: "
        + (", ".join(f"{s.label} {_number(float(s.values[i] or 0))}" for s in series) if legend else _number(totals[i]))
        for i, c in enumerate(categories)
    )
    desc = f"{description} {words}." if description else f"{words}."
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {chart_width} {height}" width="100%" '
        f'role="img" aria-labelledby="{ident}-t {ident}-d" {FONT} font-size="12">',
        f'<title id="{ident}-t">{escape(title)}</title>',
        f'<desc id="{ident}-d">{escape(desc)}</desc>',
    ]
    if legend:
        x: float = label_width
        for index, s in enumerate(series):
            out.append(
                f'<rect x="{x}" y="8" width="12" height="12" fill="{_colour(s.tone, index)}"/>'
                f'<text x="{x + 16}" y="18" fill="#222">{escape(s.label)}</text>'
            )
            x += 28 + int(len(s.label) * 6.6)
    bottom = top + ROW * len(categories)
    for tick in ticks:  # grid lines and their values
        x = label_width + tick * scale
        out.append(
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom}" stroke="#d9dce1" stroke-width="1"/>'
            f'<text x="{x:.1f}" y="{bottom + 16}" text-anchor="middle" fill="#555">{_number(tick)}</text>'
        )
    for row, category in enumerate(categories):
        y = top + row * ROW + (ROW - BAR) / 2
        out.append(
            f'<text x="{label_width - 8}" y="{y + BAR - 4:.1f}" text-anchor="end" fill="#222">'
            f"{escape(_short(category, int(label_width / 6.5)))}</text>"
        )
        x = float(label_width)
        for index, s in enumerate(series):
            value = float(s.values[row] or 0)
            if value <= 0:
                continue
            width = value * scale
            out.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{BAR}" '
                f'fill="{_colour(s.tone, index)}"><title>{escape(category)} – {escape(s.label)}: '
                f"{_number(value)}</title></rect>"
            )
            x += width
        if show_total:
            out.append(f'<text x="{x + 4:.1f}" y="{y + BAR - 4:.1f}" fill="#222">{_number(totals[row])}</text>')
    out.append(f'<line x1="{label_width}" y1="{top}" x2="{label_width}" y2="{bottom}" stroke="#555"/>')
    if value_label:
        out.append(
            f'<text x="{label_width + (chart_width - label_width - RIGHT) / 2:.1f}" y="{height - 6}" '
            f'text-anchor="middle" fill="#222">{escape(value_label)}</text>'
        )
    if category_label:
        out.append(
            f'<text x="{label_width - 8}" y="18" text-anchor="end" '
            f'font-weight="bold" fill="#222">{escape(category_label)}</text>'
        )
    out.append("</svg>")
    return mark_safe("".join(out))  # every text above is escaped


def bar_chart(
    pairs: Sequence[tuple[str, float]],
    *,
    title: str,
    description: str = "",
    value_label: str = "",
    category_label: str = "",
    tone: str = "primary",
    compact: bool = False,
) -> SafeString:
    """Horizontal bars, one per (label, value) pair, in one colour (no legend needed)."""
    pairs = list(pairs)
    return stacked_bar_chart(
        [label for label, _value in pairs],
        [Series(title, [v for _label, v in pairs], tone)],
        title=title,
        description=description,
        value_label=value_label,
        category_label=category_label,
        compact=compact,
    )


def numeric_pairs(pairs: Sequence[tuple[object, object]]) -> list[tuple[str, float]]:
    """The (label, value) pairs whose value is a number (figures lists mix numbers and text)."""
    out = []
    for label, value in pairs:
        if isinstance(value, bool):
            continue
        if isinstance(value, int | float):
            out.append((str(label), float(value)))
    return out
