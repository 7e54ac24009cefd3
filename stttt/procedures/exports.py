"""Exports of the procedures app: statistics as XLSX."""

from __future__ import annotations

import io
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from stttt.core import spreadsheets


def stat_headers() -> list[str]:
    return [
        _("Code"),
        _("Procedure or division"),
        _("Division"),
        _("Received"),
        _("Resolved on time"),
        _("Resolved late"),
        _("In progress, on time"),
        _("In progress, overdue"),
        _("Withdrawn"),
        _("Average working days"),
    ]


def stat_row(row: dict[str, Any]) -> list[Any]:
    return [
        row["key"],
        row["name"],
        row["division"],
        row["received"],
        row["resolved_on_time"],
        row["resolved_late"],
        row["in_progress_on_time"],
        row["in_progress_overdue"],
        row["withdrawn"],
        row["average_working_days"],
    ]


def statistics_xlsx(month: str, rows: list[dict[str, Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = month
    spreadsheets.append(sheet, stat_headers())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        spreadsheets.append(sheet, stat_row(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
