"""Reports from the districts (6.6): `/api/v1/work/district-requests/` and `district-reports/`."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from stttt.core.apifields import choice
from stttt.work import permissions, selectors, services
from stttt.work.api.common import ERRORS, ActionsField
from stttt.work.choices import Aggregate, DistrictReportStatus, ValueType
from stttt.work.models import DistrictReport, DistrictRequest, RequestIndicator


class IndicatorSerializer(serializers.ModelSerializer):
    value_type = choice(ValueType.choices, default=ValueType.INTEGER)
    aggregate = choice(Aggregate.choices, default=Aggregate.SUM)

    class Meta:
        model = RequestIndicator
        fields = ["code", "label", "unit", "value_type", "min_value", "max_value", "required", "aggregate"]


class DistrictRequestSerializer(serializers.ModelSerializer):
    indicators = IndicatorSerializer(many=True)

    class Meta:
        model = DistrictRequest
        fields = ["id", "title", "number", "period_start", "period_end", "deadline", "instructions", "indicators"]


class BoardRowSerializer(serializers.Serializer):
    district = serializers.CharField(source="district.code")
    name = serializers.CharField(source="district.name")
    report = serializers.IntegerField(source="report.pk")
    status = choice(DistrictReportStatus.choices)
    submitted_on = serializers.DateField(allow_null=True)
    late = serializers.BooleanField()
    values = serializers.ListField(child=serializers.FloatField(allow_null=True))


class BoardSerializer(serializers.Serializer):
    indicators = serializers.ListField(child=serializers.CharField())
    rows = BoardRowSerializer(many=True)
    totals = serializers.ListField(child=serializers.FloatField())
    submitted = serializers.IntegerField()
    late = serializers.IntegerField()
    count = serializers.IntegerField()


class RemindedSerializer(serializers.Serializer):
    reminded = serializers.IntegerField(help_text="How many district offices were reminded.")


class DistrictRequestViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Requests for figures sent to the district offices; `board` gives who submitted, who is late, the
    per-district table and the province totals; `remind` reminds the districts that have not submitted."""

    serializer_class = DistrictRequestSerializer

    def get_queryset(self):
        return selectors.district_requests_visible_to(self.request.user).prefetch_related("indicators")

    @extend_schema(responses={201: DistrictRequestSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        indicators = [dict(i) for i in data.pop("indicators")]
        item = services.district_request_create(actor=request.user, indicators=indicators, **data)
        return Response(self.get_serializer(item).data, status=201)

    @extend_schema(responses={200: BoardSerializer, **ERRORS})
    @action(detail=True, methods=["get"])
    def board(self, request: Request, pk: str | None = None) -> Response:
        item = self.get_object()
        if not permissions.can_request_districts(request.user, item.agency_id):
            raise PermissionDenied
        board = selectors.district_board(item)
        board["indicators"] = [i.code for i in board["indicators"]]
        return Response(BoardSerializer(board).data)

    @extend_schema(request=None, responses={200: RemindedSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def remind(self, request: Request, pk: str | None = None) -> Response:
        return Response({"reminded": services.district_remind(self.get_object(), actor=request.user)})


class DistrictReportSerializer(serializers.ModelSerializer):
    district = serializers.CharField(source="district.code", read_only=True)
    status = choice(DistrictReportStatus.choices, read_only=True)
    actions = ActionsField("district_report")

    class Meta:
        model = DistrictReport
        fields = [
            "id",
            "request",
            "district",
            "status",
            "raw",
            "values",
            "note",
            "submitted_at",
            "return_reason",
            "reminders",
            "actions",
        ]
        read_only_fields = fields


class DistrictReportSaveSerializer(serializers.Serializer):
    values = serializers.DictField(
        child=serializers.CharField(allow_blank=True),
        help_text='Figures as typed, by indicator code, e.g. {"cum-loa": "1.250"}.',
    )
    note = serializers.CharField(required=False, allow_blank=True, default="")
    submit = serializers.BooleanField(default=False)


class ReturnSerializer(serializers.Serializer):
    reason = serializers.CharField()


class DistrictReportViewSet(viewsets.ReadOnlyModelViewSet):
    """District reports: a district officer sees and writes only their district's; `save` keeps a draft
    or submits (figures validated, 400 with a message per indicator); `return` reopens a submitted one."""

    serializer_class = DistrictReportSerializer
    filterset_fields = ["request", "status"]

    def get_queryset(self):
        return selectors.district_reports_visible_to(self.request.user)

    @extend_schema(request=DistrictReportSaveSerializer, responses={200: DistrictReportSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def save(self, request: Request, pk: str | None = None) -> Response:
        report = self.get_object()
        serializer = DistrictReportSaveSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        report = services.district_report_save(
            report, actor=request.user, raw=data["values"], note=data["note"], submit=data["submit"]
        )
        return Response(self.get_serializer(report).data)

    @extend_schema(request=ReturnSerializer, responses={200: DistrictReportSerializer, **ERRORS})
    @action(detail=True, methods=["post"], url_path="return")
    def return_for_correction(self, request: Request, pk: str | None = None) -> Response:
        report = self.get_object()
        serializer = ReturnSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        report = services.district_report_return(report, actor=request.user, reason=serializer.validated_data["reason"])
        return Response(self.get_serializer(report).data)
