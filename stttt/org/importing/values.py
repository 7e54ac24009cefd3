"""Single values as people write them in a file or a sheet: dates, staff categories, positions."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.translation import gettext as _

from stttt.core.text import fold
from stttt.org.choices import Position, StaffCategory, UnitKind


def parse_date(value: Any) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(_("“%(value)s” is not a date (write 2025-01-31 or 31/01/2025).") % {"value": text})


CATEGORY_WORDS = {
    "civil_servant": StaffCategory.CIVIL_SERVANT,
    "cong chuc": StaffCategory.CIVIL_SERVANT,
    "public_employee": StaffCategory.PUBLIC_EMPLOYEE,
    "vien chuc": StaffCategory.PUBLIC_EMPLOYEE,
    "contract_worker": StaffCategory.CONTRACT_WORKER,
    "hop dong": StaffCategory.CONTRACT_WORKER,
    "nguoi lao dong": StaffCategory.CONTRACT_WORKER,
    "lao dong hop dong": StaffCategory.CONTRACT_WORKER,
    "nhan vien hop dong": StaffCategory.CONTRACT_WORKER,
}


def parse_category(value: Any) -> str:
    found = CATEGORY_WORDS.get(fold(str(value or "")).replace("-", " "))
    if found is None:
        raise ValueError(
            _("“%(value)s” is not a category: civil servant, public employee or contract worker.") % {"value": value}
        )
    return found


def parse_position(value: Any, unit_kind: str) -> str:
    """A position code (`head`) or a title as an HR officer writes it (`Phó Trưởng phòng`)."""
    text = fold(str(value or "")).replace("_", " ")
    codes = {p.value.replace("_", " "): p.value for p in Position}
    if text in codes:
        return codes[text]
    deputy = text.startswith("pho ")
    if deputy or any(word in text for word in ("giam doc", "truong phong", "chanh")):
        generic = Position.DEPUTY_HEAD if deputy else Position.HEAD
    elif text in {
        "chuyen vien",
        "nhan vien",
        "vien chuc",
        "thanh tra vien",
        "can bo",
        "ke toan",
        "van thu",
        "lai xe",
        "bao ve",
        "tap vu",
        "cong chuc",
    }:
        return Position.STAFF
    else:
        raise ValueError(_("“%(value)s” is not a position.") % {"value": value})
    if unit_kind == UnitKind.LEADERSHIP:
        return Position.DEPUTY_DIRECTOR if deputy else Position.DIRECTOR
    return generic
