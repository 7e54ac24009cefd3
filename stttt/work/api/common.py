"""What the work API's modules share: agency-scoped unit and user fields, the
error responses, and the workflow actions a user may take on a record."""

from __future__ import annotations

from typing import Any, cast

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from stttt.accounts.models import User
from stttt.core.apierrors import ErrorSerializer
from stttt.org.powers import scope_to_agency
from stttt.work import workflow

ERRORS = {400: ErrorSerializer, 403: ErrorSerializer, 404: ErrorSerializer}


def _user(field: serializers.Field) -> Any:
    request = field.context.get("request") if hasattr(field, "context") else None
    return getattr(request, "user", None)


class UnitCodeField(serializers.SlugRelatedField):
    """A unit by its code, among the units of the user's agency only."""

    def __init__(self, **kwargs: Any) -> None:
        from stttt.org.models import Unit

        kwargs.setdefault("queryset", Unit.objects.all())
        super().__init__(slug_field="code", **kwargs)

    def get_queryset(self) -> Any:
        return scope_to_agency(cast(QuerySet, super().get_queryset()), _user(self))


class StaffUserField(serializers.SlugRelatedField):
    """An active user by user name, among the staff of the user's agency only."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("queryset", User.objects.filter(is_active=True))
        super().__init__(slug_field="username", **kwargs)

    def get_queryset(self) -> Any:
        return scope_to_agency(
            cast(QuerySet, super().get_queryset()).filter(staff__isnull=False), _user(self), field="staff__agency"
        )


ACTIONS_SCHEMA = {
    "type": "array",
    "items": {"type": "string"},
    "description": "Workflow actions the requesting user may take on the record now.",
}


@extend_schema_field(ACTIONS_SCHEMA)
class ActionsField(serializers.SerializerMethodField):
    """The workflow actions the requesting user may take on the record now (from the table)."""

    def __init__(self, kind: str, **kwargs: Any) -> None:
        self.kind = kind
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> list[str]:
        user = _user(self.parent)
        if user is None:
            return []
        return [t.action for t in workflow.actions_for(self.kind, user, value)]
