"""What every app's `api.py` shares, at the bottom layer so that no app imports the interface package:
the conflict error (HTTP 409), the shape of every error response, and the schema of a one-object `list`."""

from __future__ import annotations

from typing import Any

from rest_framework import exceptions, serializers, status

from stttt.core.apischema import AutoSchema


class Conflict(exceptions.APIException):
    """Someone else changed the record first; the client should reload and try again."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


class ErrorSerializer(serializers.Serializer):
    """The shape of every error response: {"code", "message", "errors"}; a 500 adds the `request_id` to quote."""

    code = serializers.CharField()
    message = serializers.CharField()
    errors = serializers.DictField(  # type: ignore[assignment]  # the field is named like the API's key
        child=serializers.ListField(child=serializers.CharField())
    )
    request_id = serializers.CharField(required=False)


class OneObjectSchema(AutoSchema):
    """For a `list` route that answers one object (a report, the signed-in user), not an array."""

    def _is_list_view(self, serializer: Any = None) -> bool:
        return False
