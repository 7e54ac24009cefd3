"""The press app's figures in the work app's indicators registry (the monthly briefing and periodic reports)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext_lazy as _


def _summary(start: dt.date, end: dt.date, agency: Any) -> dict[str, Any]:
    from stttt.press import selectors
    from stttt.work.indicators import read_once

    return read_once(("press.picture", agency.pk, start, end), lambda: selectors.picture(agency, start, end))


def _figure(name: str):
    def read(start: dt.date, end: dt.date, unit_code: str | None, *, agency: Any = None) -> int | None:
        if agency is None or unit_code is not None:
            return None
        return int(_summary(start, end, agency)[name])

    return read


def register() -> None:
    from stttt.work import indicators

    for code, label, name in [
        ("press.deposited", _("Items deposited"), "deposited"),
        ("press.late", _("Deposits late"), "late"),
        ("press.missing", _("Deposits missing"), "missing"),
        ("press.read", _("Deposits read and reviewed"), "read"),
        ("press.violations", _("Violations referred to the Inspectorate"), "violations"),
    ]:
        indicators.register(code, label, _figure(name), source="press", per_unit=False, agency_aware=True)
