"""Titles of posts: a generic position (`head`) takes its name from the kind of unit (Chánh Văn phòng)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from stttt.org.choices import AssignmentKind, Position, StaffCategory, UnitKind

TITLES = {
    (UnitKind.LEADERSHIP, Position.DIRECTOR): _("Director of the Department"),
    (UnitKind.LEADERSHIP, Position.DEPUTY_DIRECTOR): _("Deputy Director of the Department"),
    (UnitKind.OFFICE, Position.HEAD): _("Chief of Office"),
    (UnitKind.OFFICE, Position.DEPUTY_HEAD): _("Deputy Chief of Office"),
    (UnitKind.INSPECTORATE, Position.HEAD): _("Chief Inspector"),
    (UnitKind.INSPECTORATE, Position.DEPUTY_HEAD): _("Deputy Chief Inspector"),
    (UnitKind.DIVISION, Position.HEAD): _("Head of Division"),
    (UnitKind.DIVISION, Position.DEPUTY_HEAD): _("Deputy Head of Division"),
    (UnitKind.PUBLIC_SERVICE_UNIT, Position.HEAD): _("Director of the Centre"),
    (UnitKind.PUBLIC_SERVICE_UNIT, Position.DEPUTY_HEAD): _("Deputy Director of the Centre"),
    (UnitKind.CENTRE_DIVISION, Position.HEAD): pgettext_lazy("centre division", "Head of Division"),
    (UnitKind.CENTRE_DIVISION, Position.DEPUTY_HEAD): pgettext_lazy("centre division", "Deputy Head of Division"),
}

STAFF_TITLES = {
    StaffCategory.CIVIL_SERVANT: _("Specialist"),
    StaffCategory.PUBLIC_EMPLOYEE: _("Public employee"),
    StaffCategory.CONTRACT_WORKER: _("Contract worker"),
}


def position_title(kind: str, position: str, category: str | None = None, assignment_kind: str = "") -> str:
    """The title of `position` in a unit of `kind`, e.g. ("office", "head") -> "Chánh Văn phòng"."""
    if position == Position.STAFF:
        title = str(STAFF_TITLES.get(StaffCategory(category), _("Staff")) if category else _("Staff"))
    else:
        title = str(TITLES.get((UnitKind(kind), Position(position)), Position(position).label))
    if assignment_kind == AssignmentKind.ACTING:
        return str(_("%(title)s (acting)") % {"title": title})
    if assignment_kind == AssignmentKind.CONCURRENT:
        return str(_("%(title)s (concurrent)") % {"title": title})
    return title
