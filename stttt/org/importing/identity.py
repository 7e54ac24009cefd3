"""The `agency:` mapping (code, name, caps and the agency's identity) and the `districts:` list.

Nothing about a province is written in code (DESIGN §5): its name, parent body, letterhead, place, national
agency code, desk unit, portal path and host names, the regulation that empowers it and its district-level
units all arrive here as data. A key left out of the file keeps the stored value.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.utils.translation import gettext as _

from stttt.org.choices import DistrictKind
from stttt.org.models import Agency

# identity field -> longest text accepted (the model's max_length)
IDENTITY_TEXT = {
    "province": 100,
    "parent_body": 255,
    "letterhead_parent": 255,
    "letterhead_issuer": 255,
    "council_name": 255,
    "ministry_name": 255,
    "place": 100,
    "national_code": 30,
    "one_stop_unit_code": 30,
    "slug": 40,
    "host_names": 255,
    "organisation_source": 500,
}
AGENCY_KEYS = {
    "code",
    "name",
    "short_name",
    "deputy_director_cap",
    "deputy_director_cap_basis",
    "regulation",
    *IDENTITY_TEXT,
}
DISTRICT_KEYS = {"code", "name", "kind", "office_name", "order", "active"}


def _host_names(value: Any) -> str:
    """Host names as a list or a comma-separated text, stored lower-case and comma-separated."""
    items = value if isinstance(value, list) else str(value).split(",")
    return ",".join(dict.fromkeys(str(item).strip().lower() for item in items if str(item).strip()))


def check_agency(c: Any, raw: dict) -> dict[str, Any]:
    """The checked values of the `agency:` mapping; identity keys only when the file gives them."""
    for key in sorted(set(raw) - AGENCY_KEYS, key=str):
        c.add("agency", str(key), _("Unknown key."))
    values: dict[str, Any] = {
        "code": c.text(raw, "agency", "code", max_length=30),
        "name": c.text(raw, "agency", "name"),
        "short_name": c.text(raw, "agency", "short_name", required=False, max_length=60),
        "deputy_director_cap": c.number(raw, "agency", "deputy_director_cap"),
        "deputy_director_cap_basis": c.text(raw, "agency", "deputy_director_cap_basis", required=False),
    }
    for key, max_length in IDENTITY_TEXT.items():
        if key not in raw:
            continue
        if key == "host_names":
            hosts = _host_names(raw[key] or "")
            if len(hosts) > max_length:
                c.add("agency", key, _("Too long (at most %(max)d characters).") % {"max": max_length})
            values[key] = hosts
            continue
        values[key] = c.text(raw, "agency", key, required=False, max_length=max_length)
    if values.get("slug"):
        try:
            validate_slug(values["slug"])
        except ValidationError:
            c.add("agency", "slug", _("Use only letters a-z, digits and hyphens, e.g. so-tttt."))
    if "regulation" in raw:
        values["regulation"] = _regulation(c, raw)
    code = values["code"]
    others = Agency.objects.exclude(code=code)
    if values.get("slug") and others.filter(slug=values["slug"]).exists():
        c.add("agency", "slug", _("Another agency already uses the path %(slug)s.") % {"slug": values["slug"]})
    for host in (values.get("host_names") or "").split(","):
        if host and any(
            host in _host_names(o) for o in others.exclude(host_names="").values_list("host_names", flat=True)
        ):
            c.add("agency", "host_names", _("Another agency already serves %(host)s.") % {"host": host})
    return values


def _regulation(c: Any, raw: dict) -> Any:
    """The legal document a number names (`01/2024/QĐ-UBND`), or None when the value is empty."""
    number = c.text(raw, "agency", "regulation", required=False, max_length=60)
    if not number:
        return None
    from stttt.legal.selectors import document_find

    document = document_find(number)
    if document is None:
        c.add(
            "agency",
            "regulation",
            _("No legal document numbered %(number)s has been imported (import it in the legal app first).")
            % {"number": number},
        )
    return document


def check_one_stop_unit(c: Any, values: dict[str, Any], unit_codes: set[str]) -> None:
    code = values.get("one_stop_unit_code")
    if code and code not in unit_codes:
        c.add("agency", "one_stop_unit_code", _("Unknown unit %(code)s.") % {"code": code})


def _active(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"true", "yes", "1", "co", "có"}:
        return True
    if text in {"false", "no", "0", "khong", "không"}:
        return False
    raise ValueError(_("“%(value)s” is not true or false.") % {"value": value})


def check_districts(c: Any, items: Any) -> list[tuple[str, dict[str, Any]]]:
    """The checked rows of `districts:` (code, name, kind, office_name, order, active)."""
    rows: list[tuple[str, dict[str, Any]]] = []
    seen: set[str] = set()
    for row, item in items:
        for key in sorted(set(item) - DISTRICT_KEYS, key=str):
            c.add(row, str(key), _("Unknown key."))
        code = c.text(item, row, "code", max_length=40)
        if code:
            try:
                validate_slug(code)
            except ValidationError:
                c.add(row, "code", _("Use only letters a-z, digits and hyphens, e.g. so-tttt."))
            if code in seen:
                c.add(row, "code", _("District %(code)s appears twice.") % {"code": code})
            seen.add(code)
        kind = c.choice(item, row, "kind", _district_kind)
        active = True
        if item.get("active") not in (None, ""):
            try:
                active = _active(item["active"])
            except ValueError as exc:
                c.add(row, "active", str(exc))
        rows.append(
            (
                row,
                {
                    "code": code,
                    "name": c.text(item, row, "name", max_length=120),
                    "kind": kind,
                    "office_name": c.text(item, row, "office_name", required=False),
                    "order": c.number(item, row, "order"),
                    "active": active,
                },
            )
        )
    return rows


def _district_kind(value: Any) -> str:
    if str(value) in DistrictKind.values:
        return str(value)
    raise ValueError(
        _("“%(value)s” is not a kind of district (%(kinds)s).")
        % {"value": value, "kinds": ", ".join(DistrictKind.values)}
    )
