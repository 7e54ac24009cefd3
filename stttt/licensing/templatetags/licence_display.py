"""Display filters of the licensing pages: `{% load licence_display %}`.

`{{ event.changes|subject_changes:licence.kind }}` gives (label, value) pairs of an amendment in the kind's
words (never the stored field names); `{{ value|day }}` prints a date, or an ISO date string of a register
row, as dd/mm/yyyy."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.utils.translation import pgettext

from stttt.licensing.documents import _value
from stttt.licensing.kinds import KINDS

register = template.Library()


@register.filter
def subject_changes(changes: dict[str, Any] | None, kind_code: str) -> list[tuple[str, str]]:
    kind = KINDS.get(kind_code)
    out = []
    for name, value in (changes or {}).items():
        spec = kind.subject_field(name) if kind else None
        if spec is not None:
            out.append((str(spec.label).capitalize(), _value(value, spec.type)))
        elif name == "holder_name":
            out.append((str(pgettext("licence", "holder")).capitalize(), _value(value)))
        else:
            out.append((name, _value(value)))
    return out


@register.filter
def day(value: object) -> str:
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, str) and value:
        try:
            return f"{dt.date.fromisoformat(value[:10]):%d/%m/%Y}"
        except ValueError:
            return value
    return "" if value is None else str(value)
