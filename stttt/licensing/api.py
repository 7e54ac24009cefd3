"""API of the licensing app.

- `/api/v1/registers/` (public, no login, rate-limited): the public registers of the agency served at the
  request's host (`request.agency`), one row per licence in the documented open-data schema
  (`exports.COLUMNS`), with the register filters;
- `/api/v1/licences/` (the agency's staff): the licences of the user's agency with their personal data and
  events.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import permissions as drf_permissions
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from stttt.core.throttle import AnonThrottle
from stttt.licensing import exports, selectors
from stttt.licensing.choices import Status
from stttt.licensing.kinds import KINDS
from stttt.licensing.models import Licence, LicenceEvent
from stttt.org.selectors import served_agency


class RegisterThrottle(AnonThrottle):
    """The public registers: 60 requests a minute per client address (counted atomically, shared)."""

    scope = "registers"
    rate = "60/min"


class PublicLicenceSerializer(serializers.Serializer):
    """One licence as published: the fields of the open-data schema, nothing else."""

    kind = serializers.CharField()
    kind_name = serializers.CharField()
    number = serializers.CharField()
    issuer = serializers.CharField()
    holder_type = serializers.CharField()
    holder_name = serializers.CharField()
    holder_code = serializers.CharField(help_text="Enterprise code of an organisation; empty for individuals.")
    holder_address = serializers.CharField(help_text="Head-office address of an organisation; empty for individuals.")
    district = serializers.CharField()
    district_name = serializers.CharField()
    subject = serializers.DictField(child=serializers.JSONField())
    issued_on = serializers.CharField()
    valid_from = serializers.CharField()
    valid_until = serializers.CharField()
    status = serializers.CharField(help_text="valid, suspended, revoked or expired")
    status_name = serializers.CharField()
    suspended_until = serializers.CharField()
    revoked_on = serializers.CharField()
    citation = serializers.CharField()
    verification_url = serializers.CharField()

    def to_representation(self, instance: Licence) -> dict[str, Any]:
        request = self.context.get("request")
        base = request.build_absolute_uri("/") if request else ""
        return exports.public_row(instance, timezone.localdate(), selectors.verification_url(instance, base))


REGISTER_PARAMETERS = [
    OpenApiParameter("kind", str, description="Kind code; several separated by commas."),
    OpenApiParameter("q", str, description="Search (diacritics ignored)."),
    OpenApiParameter("status", str, description="valid, suspended, revoked or expired"),
    OpenApiParameter("district", str, description="Code of a district of the agency (organisation data)."),
    OpenApiParameter("year", {"type": "integer", "minimum": 1, "maximum": 9999}, description="Year of issue."),
    OpenApiParameter("sort", str, description="One of: " + ", ".join(selectors.SORTS)),
]


@extend_schema(tags=["registers"])
class RegisterViewSet(viewsets.GenericViewSet):
    """Public registers of licences (open data), without login; rate-limited."""

    serializer_class = PublicLicenceSerializer
    permission_classes = [drf_permissions.AllowAny]
    authentication_classes: list[Any] = []
    throttle_classes = [RegisterThrottle]
    filter_backends: list[Any] = []
    queryset = Licence.objects.none()

    def get_queryset(self):
        params = self.request.query_params
        kinds = [k for k in params.get("kind", "").split(",") if k in KINDS] or list(KINDS)
        year = params.get("year", "")
        if year and not (year.isdigit() and 1 <= int(year) <= 9999):
            raise ValidationError({"year": [_("A year, such as 2024.")]})
        agency = served_agency(self.request)
        districts = {code for code, _name in selectors.register_districts(agency)}
        return selectors.register(
            kinds,
            agency=agency,
            query=params.get("q", ""),
            status=params.get("status", "") if params.get("status") in Status.values else "",
            district=params.get("district", "") if params.get("district") in districts else "",
            year=int(year) if year else None,
            sort=params.get("sort", selectors.DEFAULT_SORT),
        )

    @extend_schema(parameters=REGISTER_PARAMETERS)
    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class EventSerializer(serializers.ModelSerializer):
    type = serializers.CharField(help_text="amend, extend, suspend, revoke or expire")
    decided_by: serializers.StringRelatedField = serializers.StringRelatedField(allow_null=True)

    class Meta:
        model = LicenceEvent
        fields = [
            "type",
            "effective_on",
            "end_on",
            "new_valid_until",
            "changes",
            "legal_basis",
            "decision_number",
            "decision_date",
            "reason",
            "decided_by",
        ]


class LicenceSerializer(serializers.ModelSerializer):
    # Plain strings, not enums: names such as "kind" are used by other apps' choice sets too.
    kind = serializers.CharField(help_text="Kind code (see docs/licensing.md)")
    issuer = serializers.CharField(help_text="department, province, district or ministry")
    holder_type = serializers.CharField(help_text="organisation or person")
    district = serializers.CharField(help_text="Code of a district of the agency (organisation data)")
    status = serializers.SerializerMethodField()
    current_until = serializers.SerializerMethodField()
    dossier: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True
    )
    events = EventSerializer(many=True, read_only=True)

    class Meta:
        model = Licence
        fields = [
            "id",
            "kind",
            "number",
            "issuer",
            "issuer_name",
            "holder_type",
            "holder_name",
            "holder_id_number",
            "holder_address",
            "holder_phone",
            "holder_email",
            "district",
            "subject",
            "issued_on",
            "valid_from",
            "valid_until",
            "current_until",
            "status",
            "conditions",
            "dossier",
            "citation",
            "token",
            "events",
        ]

    @extend_schema_field(OpenApiTypes.STR)
    def get_status(self, obj: Licence) -> str:
        return getattr(obj, "current_status", "")

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_current_until(self, obj: Licence) -> Any:
        return getattr(obj, "current_until", None)


@extend_schema(tags=["licences"])
class LicenceViewSet(viewsets.ReadOnlyModelViewSet):
    """Licences of the user's agency with their personal data, for its staff."""

    serializer_class = LicenceSerializer
    filterset_fields = ["kind", "issuer", "district"]
    ordering_fields = ["issued_on", "number"]

    def get_queryset(self):
        return selectors.licences_visible_to(self.request.user).prefetch_related("events").select_related("dossier")


def register(router: Any) -> None:
    router.register("registers", RegisterViewSet, basename="registers")
    router.register("licences", LicenceViewSet, basename="licences")
