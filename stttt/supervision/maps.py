"""The offline map: sites and postal service points drawn as a plain SVG on the server.

No tiles, no script, no external file: an equirectangular projection of the points' own bounding box with a
graticule every 0.1 degree, a marker per point (a circle per site, coloured by owner; a square per postal point),
each a link to its record with a `<title>` for its name. It passes the Content-Security-Policy `'self'` and
prints as shown. A table beside it lists the same points for readers who cannot see the picture.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from stttt.core.charts import PALETTE

WIDTH, HEIGHT, MARGIN = 760, 560, 36
FONT = 'font-family="Liberation Sans, Arial, sans-serif"'


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float
    label: str
    group: str  # legend entry (the operator)
    url: str = ""
    square: bool = False
    muted: bool = False  # out of service, dismantled


def bounds(points: Sequence[Point]) -> tuple[float, float, float, float]:
    """(south, west, north, east) around the points, padded, never empty."""
    if not points:
        return (10.0, 106.0, 12.0, 108.0)
    south = min(p.latitude for p in points)
    north = max(p.latitude for p in points)
    west = min(p.longitude for p in points)
    east = max(p.longitude for p in points)
    pad = max(north - south, east - west, 0.05) * 0.08
    return (south - pad, west - pad, north + pad, east + pad)


def project(lat: float, lon: float, box: tuple[float, float, float, float]) -> tuple[float, float]:
    """Screen x, y of a point: longitudes scaled by the cosine of the mid latitude so shapes keep their look."""
    south, west, north, east = box
    k = math.cos(math.radians((south + north) / 2))
    span_x, span_y = (east - west) * k, north - south
    scale = min((WIDTH - 2 * MARGIN) / span_x, (HEIGHT - 2 * MARGIN) / span_y)
    x = MARGIN + (lon - west) * k * scale
    y = HEIGHT - MARGIN - (lat - south) * scale
    return round(x, 1), round(y, 1)


def render(
    points: Sequence[Point],
    *,
    title: str,
    description: str = "",
    labels: Sequence[tuple[float, float, str]] = (),
) -> SafeString:
    """The SVG: graticule, `labels` (latitude, longitude, text: the districts' names at their points' centre),
    the markers, the legend of owners."""
    box = bounds(points)
    south, west, north, east = box
    groups = sorted({p.group for p in points})
    colour = {g: PALETTE[i % len(PALETTE)] for i, g in enumerate(groups)}
    legend_h = 18 * ((len(groups) + 3) // 4) + 8
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT + legend_h}" role="img" '
        f'aria-labelledby="map-title map-desc" class="map" {FONT} font-size="11">',
        f'<title id="map-title">{escape(title)}</title><desc id="map-desc">{escape(description)}</desc>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#f4f7f4" stroke="#9aa39a"/>',
    ]
    step = 0.1 if max(north - south, east - west) < 2 else 0.5
    lat = math.ceil(south / step) * step
    while lat < north:
        _x, y = project(lat, west, box)
        out.append(f'<line x1="0" y1="{y}" x2="{WIDTH}" y2="{y}" stroke="#d5dbd5"/>')
        out.append(f'<text x="4" y="{y - 2}" fill="#5f665f">{lat:.1f}°N</text>')
        lat += step
    lon = math.ceil(west / step) * step
    while lon < east:
        x, _y = project(south, lon, box)
        out.append(f'<line x1="{x}" y1="0" x2="{x}" y2="{HEIGHT}" stroke="#d5dbd5"/>')
        out.append(f'<text x="{x + 2}" y="{HEIGHT - 4}" fill="#5f665f">{lon:.1f}°E</text>')
        lon += step
    for lat_, lon_, text in labels:
        x, y = project(lat_, lon_, box)
        out.append(
            f'<text x="{x}" y="{y - 12}" text-anchor="middle" fill="#3d4a3d" font-size="12" '
            f'font-weight="bold">{escape(text)}</text>'
        )
    for p in points:
        x, y = project(p.latitude, p.longitude, box)
        fill = "#8a8f98" if p.muted else colour[p.group]
        shape = (
            f'<rect x="{x - 4}" y="{y - 4}" width="8" height="8" fill="{fill}" stroke="#fff"/>'
            if p.square
            else f'<circle cx="{x}" cy="{y}" r="5" fill="{fill}" stroke="#fff"/>'
        )
        inner = f"<title>{escape(p.label)}</title>{shape}"
        out.append(f'<a href="{escape(p.url)}">{inner}</a>' if p.url else f"<g>{inner}</g>")
    for i, g in enumerate(groups):
        x = 10 + (i % 4) * 185
        y = HEIGHT + 14 + (i // 4) * 18
        out.append(f'<circle cx="{x}" cy="{y - 4}" r="5" fill="{colour[g]}"/>')
        out.append(f'<text x="{x + 10}" y="{y}">{escape(g[:28])}</text>')
    out.append("</svg>")
    return mark_safe("".join(out))  # every text above is escaped
