"""Who may read one record's change history: the people who may see the record itself.

Each app answers for its own records. The first answer found wins:

1. `stttt.<app>.permissions.can_view_record(user, obj)` when the app defines it (the convention for new apps);
2. the rule listed below for the app's models, built on what the app already exposes
   (`procedures.permissions.can_view`, `licensing.selectors.licences_visible_to`, `org.powers.scope_to_agency`);
3. nothing: a model without a rule is closed to everybody (the page answers 404).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from django.db.models import Model

from stttt.org import powers

Rule = Callable[[Any, Model], bool]


def _staff_of_agency(path: str) -> Rule:
    """Department staff of the agency the record belongs to (`path`: the lookup from the record to it)."""

    def rule(user: Any, obj: Model) -> bool:
        if not powers.is_department_staff(user):
            return False
        queryset = type(obj)._default_manager.filter(pk=obj.pk)
        return powers.scope_to_agency(queryset, user, field=path).exists()

    return rule


def _department_staff(user: Any, obj: Model) -> bool:
    """Shared reference data (the regulation, the working calendar): any member of an agency."""
    return powers.is_department_staff(user)


def _through(attribute: str, model_label: str) -> Rule:
    """Visible when its parent record (`attribute`, a record of `model_label`) is."""

    def rule(user: Any, obj: Model) -> bool:
        parent = getattr(obj, attribute, None)
        return parent is not None and can_view_record(user, parent, expect=model_label)

    return rule


def _dossier(user: Any, obj: Model) -> bool:
    from stttt.procedures import permissions

    return permissions.can_view(user, obj)


def _licence(user: Any, obj: Model) -> bool:
    from stttt.licensing import selectors

    return selectors.licences_visible_to(user).filter(pk=obj.pk).exists()


def _administrator(user: Any, obj: Model) -> bool:
    """Messages to applicants and staff carry their contacts: the administrators who run the outbox."""
    return bool(getattr(user, "is_superuser", False))


def _user(user: Any, obj: Model) -> bool:
    return bool(getattr(user, "is_superuser", False) or getattr(user, "pk", None) == obj.pk)


RULES: dict[str, Rule] = {
    "procedures.dossier": _dossier,
    "procedures.procedure": _staff_of_agency("agency"),
    "procedures.component": _staff_of_agency("procedure__agency"),
    "procedures.procedureversion": _staff_of_agency("procedure__agency"),
    "procedures.rating": _through("dossier", "procedures.dossier"),
    "portal.submission": _through("dossier", "procedures.dossier"),
    "licensing.licence": _licence,
    "licensing.licenceevent": _through("licence", "licensing.licence"),
    "org.agency": _staff_of_agency("pk"),
    "org.district": _staff_of_agency("agency"),
    "org.unit": _staff_of_agency("agency"),
    "org.unitfunction": _staff_of_agency("unit__agency"),
    "org.staff": _staff_of_agency("agency"),
    "org.assignment": _staff_of_agency("unit__agency"),
    "org.duty": _staff_of_agency("agency"),
    "org.areaincharge": _staff_of_agency("staff__agency"),
    "org.staffingquota": _staff_of_agency("unit__agency"),
    "org.reorgevent": _staff_of_agency("agency"),
    "legal.document": _department_staff,
    "legal.field": _department_staff,
    "legal.externaldocument": _department_staff,
    "legal.provision": _department_staff,
    "legal.amendment": _department_staff,
    "legal.competencechange": _department_staff,
    "core.calendarday": _department_staff,
    "core.outboundmessage": _administrator,
    "accounts.user": _user,
}


def rule_for(model: type[Model]) -> Rule | None:
    """The visibility rule of `model`, or None (closed) when no app gives one."""
    app_label = model._meta.app_label
    try:
        module = importlib.import_module(f"stttt.{app_label}.permissions")
    except ModuleNotFoundError as exc:
        if exc.name != f"stttt.{app_label}.permissions":
            raise
        module = None
    own = getattr(module, "can_view_record", None)
    if callable(own):
        return own
    return RULES.get(model._meta.label_lower)


def can_view_record(user: Any, obj: Model, expect: str | None = None) -> bool:
    """True when `user` may see `obj`; False for anonymous visitors and for models without a rule."""
    if not getattr(user, "is_authenticated", False):
        return False
    if expect is not None and obj._meta.label_lower != expect:
        return False
    rule = rule_for(type(obj))
    return bool(rule is not None and rule(user, obj))
