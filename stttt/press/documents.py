"""Documents of the press app, described once and rendered by `stttt.core.documents` (DOCX, PDF) or
`stttt.core.spreadsheets` (XLSX): the press picture for the leadership and the deposit book."""

from __future__ import annotations

import datetime as dt
from typing import IO, Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from stttt.core.documents import Document, Paragraph, Signature, Table
from stttt.core.spreadsheets import xlsx_file
from stttt.org.selectors import letterhead
from stttt.press.choices import ItemKind


def _head(agency: Any) -> dict[str, Any]:
    found = letterhead(agency)
    return {"issuer": found["issuer"], "issuer_parent": found["issuer_parent"], "place": found["place"]}


def _d(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def picture_document(agency: Any, data: dict[str, Any], *, period: str) -> Document:
    """The weekly or monthly press report for the leadership (Art. 3.4.a, 3.5.d of the regulation)."""
    start, end = data["start"], data["end"]
    title = _("REPORT ON THE PRESS PICTURE")
    summary = _("Press and publishing, %(period)s from %(start)s to %(end)s") % {
        "period": period,
        "start": _d(start),
        "end": _d(end),
    }
    blocks: list[Any] = [
        Paragraph(_("1. Legal deposit"), bold=True),
        Paragraph(
            _(
                "Items deposited: %(deposited)s (on time %(on_time)s, late %(late)s); deposits due and not received: "
                "%(missing)s; flagged at intake (licence): %(flagged)s; read and reviewed: %(read)s."
            )
            % {
                "deposited": data["deposited"],
                "on_time": data["on_time"],
                "late": data["late"],
                "missing": data["missing"],
                "flagged": data["flagged_at_intake"],
                "read": data["read"],
            }
        ),
        Table(
            _outlet_headings(),
            [[str(value) for value in _outlet_figures(r)] for r in data["rows"]],
            widths=[4, 1, 1, 1, 1, 1, 1],
        ),
        Paragraph(
            _("2. Violations referred to the Inspectorate: %(count)s") % {"count": data["violations"]}, bold=True
        ),
    ]
    for item in data["referred"]:
        reading = getattr(item, "reading", None)
        blocks.append(
            Paragraph(
                f"- {item} ({item.outlet_name}, {_d(item.release_date)}): "
                f"{reading.findings if reading else ''} [{reading.provision_violated if reading else ''}]"
            )
        )
    blocks.append(
        Paragraph(_("3. Articles flagged by readers: %(count)s") % {"count": len(data["articles"])}, bold=True)
    )
    if data["articles"]:
        blocks.append(
            Table(
                [_("Date"), _("Outlet"), _("Title"), _("Topic"), _("Tone"), pgettext("URL", "Link")],
                [
                    [_d(a.published_on), a.outlet.name, a.title, a.topic, str(a.get_tone_display()), a.url]
                    for a in data["articles"]
                ],
                widths=[1.2, 2, 4, 1.5, 1.2, 2.5],
            )
        )
    return Document(
        **_head(agency),
        title=title,
        summary=summary,
        date=timezone.localdate(),
        blocks=blocks,
        signatures=[Signature(title=_("HEAD OF THE DIVISION"), note=_("(Signed, full name)"))],
        recipients=[_("The Director and Deputy Directors;"), _("Filed.")],
    )


def book_document(agency: Any, kind: str, year: int, items: list[Any]) -> Document:
    """The deposit book of a kind and a year (sổ lưu chiểu), one row per item in order of receipt."""
    return Document(
        **_head(agency),
        title=_("DEPOSIT BOOK"),
        summary=f"{ItemKind(kind).label} — {year}",
        date=timezone.localdate(),
        landscape=True,
        blocks=[
            Table(
                [
                    _("No."),
                    _("Received"),
                    _("Outlet"),
                    _("Title"),
                    _("Issue"),
                    _("Released"),
                    _("Copies"),
                    _("Timeliness"),
                    _("Licence"),
                    _("Status"),
                ],
                [book_row(n, i) for n, i in enumerate(items, 1)],
                widths=[0.6, 1.6, 2.5, 3, 0.8, 1.2, 0.8, 1.2, 1.5, 1.5],
            )
        ],
    )


def book_row(n: int, item: Any) -> list[str]:
    return [
        str(n),
        timezone.localtime(item.received_at).strftime("%H:%M %d/%m/%Y"),
        item.outlet_name,
        item.title,
        item.issue_number,
        _d(item.release_date),
        "" if item.copies is None else str(item.copies),
        str(item.get_timeliness_display()),
        item.licence.number if item.licence_id else "",
        str(item.get_status_display()),
    ]


#: An outlet's deposit figures, in the order of their headings (the press picture and the deposit book).
OUTLET_FIGURES = ("expected", "deposited", "on_time", "late", "missing", "violations")


def _outlet_headings() -> list[Any]:
    return [
        _("Outlet"),
        _("Expected"),
        _("Deposited"),
        _("On time"),
        _("Late"),
        pgettext("deposit", "Missing"),
        _("Violations"),
    ]


def _outlet_figures(row: dict[str, Any]) -> list[Any]:
    return [row["outlet"], *(row.get(name, 0) for name in OUTLET_FIGURES)]


def book_xlsx(kind: str, year: int, items: list[Any], statistics: list[dict[str, Any]]) -> IO[bytes]:
    header = [
        _("No."),
        _("Received"),
        _("Outlet"),
        _("Title"),
        _("Issue"),
        _("Released"),
        _("Copies"),
        _("Timeliness"),
        _("Licence"),
        _("Status"),
    ]
    stats_header = [_("Month"), *_outlet_headings()]
    stats = [[r["month"], *_outlet_figures(r)] for r in statistics]
    return xlsx_file(
        [
            (f"{kind}-{year}"[:31], [header, *[book_row(n, i) for n, i in enumerate(items, 1)]]),
            (str(_("Statistics"))[:31], [stats_header, *stats]),
        ]
    )
