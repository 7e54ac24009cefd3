"""Renderings of the organisation: the org chart as SVG, the staffing plan (4.3.b) as XLSX and DOCX."""

from __future__ import annotations

import datetime
import io
from typing import Any
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _

from stttt.core import documents, spreadsheets
from stttt.org.choices import UnitKind

BOX_W, BOX_H, GAP_X, GAP_Y, MARGIN = 220, 104, 20, 48, 16
KIND_COLOURS = {
    UnitKind.LEADERSHIP: "#a51d24",
    UnitKind.OFFICE: "#0b5394",
    UnitKind.INSPECTORATE: "#7d4e00",
    UnitKind.DIVISION: "#1b7f3b",
    UnitKind.PUBLIC_SERVICE_UNIT: "#5b3f8c",
    UnitKind.CENTRE_DIVISION: "#6f5aa6",
}


def _wrap(text: str, width: int = 30) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return lines[:2] if len(lines) <= 2 else [*lines[:1], lines[1][: width - 1] + "…"]


def chart_svg(chart: dict[str, Any]) -> str:
    """The chart from `selectors.chart` as a self-contained SVG (no scripts, no external fonts)."""
    board = [u for u in chart["units"] if u["kind"] == UnitKind.LEADERSHIP]
    others = [u for u in chart["units"] if u["kind"] != UnitKind.LEADERSHIP]

    def leaves(node: dict[str, Any]) -> int:
        return max(1, sum(leaves(c) for c in node["children"]))

    placed: list[tuple[dict[str, Any], float, float]] = []
    edges: list[tuple[float, float, float, float]] = []
    total = max(1, sum(leaves(u) for u in others))
    width = MARGIN * 2 + total * BOX_W + (total - 1) * GAP_X
    top_y = MARGIN
    for index, unit in enumerate(board):
        x = width / 2 - BOX_W / 2 + (index - (len(board) - 1) / 2) * (BOX_W + GAP_X)
        placed.append((unit, x, top_y))
    row_y = top_y + (BOX_H + GAP_Y if board else 0)
    bus_y = row_y - GAP_Y / 2

    def place(node: dict[str, Any], left: float, y: float) -> float:
        span = leaves(node) * BOX_W + (leaves(node) - 1) * GAP_X
        x = left + span / 2 - BOX_W / 2
        placed.append((node, x, y))
        child_left = left
        for child in node["children"]:
            child_x = place(child, child_left, y + BOX_H + GAP_Y)
            edges.append((x + BOX_W / 2, y + BOX_H, child_x + BOX_W / 2, y + BOX_H + GAP_Y))
            child_left += leaves(child) * BOX_W + leaves(child) * GAP_X
        return x

    left = MARGIN
    for unit in others:
        x = place(unit, left, row_y)
        if board:
            edges.append((width / 2, top_y + BOX_H, x + BOX_W / 2, row_y))
        left += leaves(unit) * (BOX_W + GAP_X)
    height = max(y for _n, _x, y in placed) + BOX_H + MARGIN if placed else 2 * MARGIN
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" '
        f'height="{height:.0f}" role="img" aria-label="{escape(chart["name"])}" font-family="DejaVu Sans, Arial, '
        f'sans-serif" font-size="12">',
        f"<title>{escape(chart['name'])} — {escape(chart['at'])}</title>",
    ]
    for x1, y1, x2, y2 in edges:
        mid = (y1 + y2) / 2 if y1 != top_y + BOX_H else bus_y
        parts.append(f'<path d="M{x1:.0f},{y1:.0f} V{mid:.0f} H{x2:.0f} V{y2:.0f}" fill="none" stroke="#8a949c"/>')
    for node, x, y in placed:
        colour = KIND_COLOURS.get(node["kind"], "#1d2327")
        parts.append(f'<g data-unit="{escape(node["code"])}">')
        parts.append(
            f'<rect x="{x:.0f}" y="{y:.0f}" width="{BOX_W}" height="{BOX_H}" rx="6" fill="#fff" '
            f'stroke="{colour}" stroke-width="2"/>'
        )
        parts.append(f'<rect x="{x:.0f}" y="{y:.0f}" width="{BOX_W}" height="6" fill="{colour}"/>')
        line_y = y + 24
        for line in _wrap(node["name"]):
            parts.append(
                f'<text x="{x + BOX_W / 2:.0f}" y="{line_y:.0f}" text-anchor="middle" font-weight="bold">'
                f"{escape(line)}</text>"
            )
            line_y += 15
        head = next((leader for leader in node["leaders"] if leader["position"] in ("director", "head")), None)
        if head:
            parts.append(
                f'<text x="{x + BOX_W / 2:.0f}" y="{line_y + 2:.0f}" text-anchor="middle" fill="#5b6770" '
                f'font-size="11">{escape(head["title"])}</text>'
            )
            parts.append(
                f'<text x="{x + BOX_W / 2:.0f}" y="{line_y + 16:.0f}" text-anchor="middle">'
                f"{escape(head['name'])}</text>"
            )
        counts = _("civil servants %(cs)d · public employees %(pe)d") % {
            "cs": node["civil_servants"],
            "pe": node["public_employees"],
        }
        parts.append(
            f'<text x="{x + BOX_W / 2:.0f}" y="{y + BOX_H - 10:.0f}" text-anchor="middle" '
            f'fill="#5b6770" font-size="10">{escape(counts)}</text>'
        )
        parts.append("</g>")
    parts.append("</svg>")
    return "\n".join(parts)


def _plan_rows(rows: list[dict[str, Any]]) -> list[list[str]]:
    def cell(value: Any) -> str:
        return "—" if value is None else str(value)

    return [
        [
            str(i),
            r["name"],
            cell(r["quota_civil_servants"]),
            cell(r["actual_civil_servants"]),
            cell(r["proposed_civil_servants"]),
            cell(r["quota_public_employees"]),
            cell(r["actual_public_employees"]),
            cell(r["proposed_public_employees"]),
        ]
        for i, r in enumerate(rows, start=1)
    ]


def plan_headers(year: int) -> list[str]:
    return [
        _("No."),
        _("Unit"),
        _("Civil servant quota %(year)d") % {"year": year},
        _("Civil servants now"),
        _("Civil servants proposed %(year)d") % {"year": year + 1},
        _("Public employee quota %(year)d") % {"year": year},
        _("Public employees now"),
        _("Public employees proposed %(year)d") % {"year": year + 1},
    ]


def _totals(rows: list[dict[str, Any]]) -> list[str]:
    keys = (
        "quota_civil_servants",
        "actual_civil_servants",
        "proposed_civil_servants",
        "quota_public_employees",
        "actual_public_employees",
        "proposed_public_employees",
    )
    return ["", _("Total"), *[str(sum(r[k] or 0 for r in rows)) for k in keys]]


def plan_xlsx(agency_name: str, year: int, rows: list[dict[str, Any]]) -> bytes:
    """The staffing plan as a workbook an HR officer can edit and send on (4.3.b)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(year)
    spreadsheets.append(sheet, [_("Staffing plan %(year)d — %(agency)s") % {"year": year + 1, "agency": agency_name}])
    sheet["A1"].font = Font(bold=True, size=13)
    spreadsheets.append(sheet, [_("Basis: clause 3 of Article 4 of the regulation (4.3.b).")])
    spreadsheets.append(sheet, [])
    spreadsheets.append(sheet, plan_headers(year))
    for cell in sheet[4]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in _plan_rows(rows):
        spreadsheets.append(sheet, [int(v) if v.isdigit() else v for v in row])
    spreadsheets.append(sheet, [int(v) if v.isdigit() else v for v in _totals(rows)])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEFGH", (6, 48, 14, 14, 14, 14, 14, 14), strict=True):
        sheet.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def plan_document(
    agency_name: str, year: int, rows: list[dict[str, Any]], *, day: datetime.date, place: str = "", signer: str = ""
) -> documents.Document:
    return documents.Document(
        issuer=agency_name.upper(),
        issuer_parent="UBND TỈNH" if "tỉnh" in agency_name.lower() else "",
        title=_("STAFFING PLAN"),
        summary=_("Civil servants and public employees for %(year)d") % {"year": year + 1},
        date=day,
        place=place,
        landscape=True,
        blocks=[
            documents.Paragraph(
                _(
                    "Pursuant to point b, clause 3, Article 4 of the regulation, the Department "
                    "proposes the following staffing for %(year)d."
                )
                % {"year": year + 1}
            ),
            documents.Table(
                headers=plan_headers(year),
                rows=[*_plan_rows(rows), _totals(rows)],
                widths=[0.5, 4, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2],
            ),
        ],
        signatures=[documents.Signature(title=_("DIRECTOR"), name=signer)],
        recipients=[_("Provincial People's Committee;"), _("Department of Home Affairs;"), _("Archived.")],
    )


def plan_docx(
    agency_name: str, year: int, rows: list[dict[str, Any]], *, day: datetime.date, place: str = "", signer: str = ""
) -> bytes:
    """The staffing plan in the administrative format, for submission (4.3.b)."""
    return documents.to_docx(plan_document(agency_name, year, rows, day=day, place=place, signer=signer))
