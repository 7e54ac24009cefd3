"""Reports upward (3.29, 6.1, 6.3): `/api/v1/work/reports/` and `/api/v1/work/report-types/`."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from stttt.core.apifields import choice
from stttt.work import selectors, services
from stttt.work.api.common import ERRORS, ActionsField
from stttt.work.choices import Periodicity, Recipient, ReportStatus
from stttt.work.models import Report, ReportType


class ReportTypeSerializer(serializers.ModelSerializer):
    recipient = choice(Recipient.choices)
    periodicity = choice(Periodicity.choices)
    provision = serializers.CharField(source="provision.citation", read_only=True, allow_null=True)

    class Meta:
        model = ReportType
        fields = [
            "code",
            "name",
            "recipient",
            "periodicity",
            "due_offset_days",
            "sections",
            "indicators",
            "provision",
            "basis",
        ]


class ReportTypeCodeField(serializers.SlugRelatedField):
    """An active report type of the user's agency, by its code."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(slug_field="code", queryset=ReportType.objects.filter(active=True), **kwargs)

    def get_queryset(self) -> Any:
        request = self.context.get("request")
        return selectors.report_types(getattr(request, "user", None))


class ReportSerializer(serializers.ModelSerializer):
    report_type = ReportTypeCodeField()
    status = choice(ReportStatus.choices, read_only=True)
    late = serializers.SerializerMethodField()
    actions = ActionsField("report")
    period_start = serializers.DateField(required=False)
    period_end = serializers.DateField(required=False)

    class Meta:
        model = Report
        fields = [
            "id",
            "report_type",
            "period_start",
            "period_end",
            "due_on",
            "status",
            "late",
            "values",
            "narrative",
            "number",
            "approved_by",
            "approved_at",
            "sent_on",
            "actions",
        ]
        read_only_fields = ["due_on", "values", "approved_by", "approved_at", "sent_on"]

    def get_late(self, obj: Report) -> bool:
        return selectors.report_is_late(obj)


class ReportEditSerializer(serializers.Serializer):
    narrative = serializers.DictField(child=serializers.CharField(allow_blank=True), required=False)
    values = serializers.DictField(child=serializers.CharField(allow_blank=True), required=False)
    number = serializers.CharField(required=False, allow_blank=True)


class ReportActionSerializer(serializers.Serializer):
    action = choice(
        [("submit", "submit"), ("approve", "approve"), ("reject", "reject"), ("send", "send"), ("refresh", "refresh")]
    )
    number = serializers.CharField(required=False, allow_blank=True, default="")
    sent_on = serializers.DateField(required=False)


class ReportViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Reports upward: POST opens one (indicators pre-filled), `edit` writes the narrative, `act` submits,
    approves (leader in charge), sends back, marks sent or refreshes the figures."""

    serializer_class = ReportSerializer

    def get_queryset(self):
        return selectors.reports_visible_to(self.request.user)

    @extend_schema(responses={201: ReportSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        report = services.report_create(
            data["report_type"],
            actor=request.user,
            period_start=data.get("period_start"),
            period_end=data.get("period_end"),
        )
        return Response(self.get_serializer(report).data, status=201)

    @extend_schema(request=ReportEditSerializer, responses={200: ReportSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def edit(self, request: Request, pk: str | None = None) -> Response:
        report = self.get_object()
        serializer = ReportEditSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        report = services.report_save(report, actor=request.user, **serializer.validated_data)
        return Response(self.get_serializer(report).data)

    @extend_schema(request=ReportActionSerializer, responses={200: ReportSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def act(self, request: Request, pk: str | None = None) -> Response:
        report = self.get_object()
        serializer = ReportActionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        verb = data["action"]
        if verb == "submit":
            report = services.report_submit(report, actor=request.user)
        elif verb in ("approve", "reject"):
            report = services.report_approve(report, actor=request.user, approve=verb == "approve")
        elif verb == "send":
            report = services.report_mark_sent(
                report, actor=request.user, sent_on=data.get("sent_on"), number=data["number"]
            )
        else:
            report = services.report_refresh(report, actor=request.user)
        return Response(self.get_serializer(report).data)


class ReportTypeViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ReportTypeSerializer
    lookup_field = "code"

    def get_queryset(self):
        return selectors.report_types(self.request.user)
