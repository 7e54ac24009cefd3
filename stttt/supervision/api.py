"""API of sector supervision (`/api/v1/supervision/...`), for the agency's staff.

Lists and records are scoped to the user's agency (another agency's record answers 404). Each record with a
workflow has `act` (POST), which applies one step of its table in `workflow.py` through `services.transition`;
`actions` in each record lists the steps the requesting user may take now. Errors use the shared format.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException
from rest_framework.exceptions import PermissionDenied as DRFPermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from stttt.core.apierrors import ErrorSerializer
from stttt.core.apifields import choice
from stttt.core.workflow import TransitionRefused
from stttt.org.powers import agency_of, is_department_staff
from stttt.supervision import rules, selectors, services, workflow
from stttt.supervision.choices import (
    BroadcastStatus,
    CaseKind,
    CaseStatus,
    ExternalPlanStatus,
    IncidentStatus,
    OperatorStatus,
    ReportStatus,
    Sector,
    SiteStatus,
)
from stttt.supervision.models import (
    BroadcastRequest,
    Case,
    ExternalPlan,
    Incident,
    Operator,
    OperatorReport,
    RadioStation,
    Site,
)

ERRORS = {400: ErrorSerializer, 403: ErrorSerializer, 404: ErrorSerializer, 409: ErrorSerializer}


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"
    default_detail = "Conflict."


@extend_schema_field({"type": "array", "items": {"type": "string"}, "description": "Steps the user may take now."})
class ActionsField(serializers.SerializerMethodField):
    def to_representation(self, value: Any) -> list[str]:
        request = self.parent.context.get("request")
        return [t.action for t in workflow.actions_for(request.user, value)] if request else []


class SupervisionOperatorSerializer(serializers.ModelSerializer):
    sector = choice(Sector.choices)
    status = choice(OperatorStatus.choices)

    class Meta:
        model = Operator
        fields = [
            "id",
            "name",
            "short_name",
            "sector",
            "tax_code",
            "address",
            "representative",
            "email",
            "phone",
            "status",
            "owns_infrastructure",
        ]


class SupervisionReportSerializer(serializers.ModelSerializer):
    operator: serializers.StringRelatedField = serializers.StringRelatedField()
    operator_id = serializers.IntegerField(read_only=True)
    kind: serializers.SlugRelatedField = serializers.SlugRelatedField(slug_field="code", read_only=True)
    status = choice(ReportStatus.choices, read_only=True)
    deadline = serializers.SerializerMethodField(help_text="awaited, on_time, late or overdue")
    actions = ActionsField()

    class Meta:
        model = OperatorReport
        fields = [
            "id",
            "operator",
            "operator_id",
            "kind",
            "period_start",
            "period_end",
            "due_on",
            "status",
            "submitted_on",
            "figures",
            "return_reason",
            "reminded_on",
            "version",
            "deadline",
            "actions",
        ]

    def get_deadline(self, obj: OperatorReport) -> str:
        return rules.report_state(obj.due_on, obj.submitted_on, selectors.today())


class SupervisionSiteSerializer(serializers.ModelSerializer):
    owner: serializers.StringRelatedField = serializers.StringRelatedField()
    owner_id = serializers.IntegerField(read_only=True)
    sharers = serializers.SerializerMethodField()
    status = choice(SiteStatus.choices)
    district: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True
    )

    class Meta:
        model = Site
        fields = [
            "id",
            "code",
            "name",
            "kind",
            "owner",
            "owner_id",
            "sharers",
            "district",
            "commune",
            "latitude",
            "longitude",
            "height_m",
            "technologies",
            "permit_number",
            "permit_date",
            "status",
            "conformity",
        ]

    def get_sharers(self, obj: Site) -> list[int]:
        return [o.pk for o in obj.sharers.all()]


class SupervisionCaseSerializer(serializers.ModelSerializer):
    kind = choice(CaseKind.choices)
    status = choice(CaseStatus.choices, read_only=True)
    respondent = serializers.PrimaryKeyRelatedField(queryset=Operator.objects.all())
    site = serializers.PrimaryKeyRelatedField(queryset=Site.objects.all(), allow_null=True, required=False)
    actions = ActionsField()

    class Meta:
        model = Case
        fields = [
            "id",
            "reference",
            "kind",
            "title",
            "claimant",
            "respondent",
            "site",
            "received_on",
            "due_on",
            "description",
            "status",
            "outcome",
            "closed_on",
            "version",
            "actions",
        ]
        read_only_fields = ["reference", "due_on", "outcome", "closed_on", "version"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["respondent"].queryset = selectors.operators_visible_to(request.user)  # type: ignore[attr-defined]
            self.fields["site"].queryset = selectors.sites_visible_to(request.user)  # type: ignore[attr-defined]


class SupervisionIncidentSerializer(serializers.ModelSerializer):
    status = choice(IncidentStatus.choices, read_only=True)
    actions = ActionsField()

    class Meta:
        model = Incident
        fields = [
            "id",
            "title",
            "cause",
            "started_at",
            "communes",
            "sites_down",
            "status",
            "restored_at",
            "version",
            "actions",
        ]


class SupervisionStationSerializer(serializers.ModelSerializer):
    district: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True
    )

    class Meta:
        model = RadioStation
        fields = [
            "id",
            "name",
            "kind",
            "district",
            "commune",
            "loudspeaker_clusters",
            "status",
            "connected_to_source",
            "upgrade_year",
        ]


class SupervisionBroadcastSerializer(serializers.ModelSerializer):
    status = choice(BroadcastStatus.choices, read_only=True)
    asked = serializers.IntegerField(read_only=True)
    confirmed = serializers.IntegerField(read_only=True)
    actions = ActionsField()

    class Meta:
        model = BroadcastRequest
        fields = [
            "id",
            "title",
            "content",
            "priority",
            "broadcast_from",
            "broadcast_until",
            "times_per_day",
            "status",
            "sent_on",
            "asked",
            "confirmed",
            "version",
            "actions",
        ]


class SupervisionExternalPlanSerializer(serializers.ModelSerializer):
    status = choice(ExternalPlanStatus.choices, read_only=True)
    actions = ActionsField()

    class Meta:
        model = ExternalPlan
        fields = [
            "id",
            "submitted_by",
            "title",
            "year",
            "received_on",
            "due_on",
            "status",
            "opinion",
            "decided_on",
            "version",
            "actions",
        ]


class SupervisionStepSerializer(serializers.Serializer):
    """One step of the record's workflow table and what it needs (see docs/supervision.md)."""

    action = serializers.CharField()
    version = serializers.IntegerField(required=False, help_text="The version the client saw (refused if changed).")
    note = serializers.CharField(required=False, allow_blank=True)
    outcome = serializers.CharField(required=False, allow_blank=True)
    reason = serializers.CharField(required=False, allow_blank=True)
    opinion = serializers.CharField(required=False, allow_blank=True)
    submitted_on = serializers.DateField(required=False)
    confirmed_on = serializers.DateField(required=False)
    figures = serializers.DictField(child=serializers.IntegerField(), required=False)
    station = serializers.IntegerField(required=False)
    times_broadcast = serializers.IntegerField(required=False, min_value=1)
    sites_down = serializers.IntegerField(required=False, min_value=0)


class _Scoped(viewsets.ReadOnlyModelViewSet):
    """Staff of an agency only; the queryset is the user's agency's."""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        if not is_department_staff(request.user):
            raise DRFPermissionDenied()

    def _step(self, request: Request) -> Response:
        record = self.get_object()
        step = SupervisionStepSerializer(data=request.data)
        step.is_valid(raise_exception=True)
        data = dict(step.validated_data)
        verb, version = data.pop("action"), data.pop("version", None)
        if workflow.table_of(record).get(verb) is None:
            raise serializers.ValidationError({"action": ["Unknown action."]})
        try:
            record = services.transition(record, verb, actor=request.user, expected_version=version, **data)
        except TransitionRefused as exc:
            raise Conflict(str(exc)) from exc
        except PermissionDenied as exc:
            raise DRFPermissionDenied(str(exc)) from exc
        fresh = self.get_queryset().get(pk=record.pk)
        return Response(self.get_serializer(fresh).data)


@extend_schema(tags=["supervision"])
class OperatorViewSet(_Scoped):
    """Supervised organisations of the user's agency (3.17)."""

    serializer_class = SupervisionOperatorSerializer
    filterset_fields = ["sector", "status"]

    def get_queryset(self):
        return selectors.operators_visible_to(self.request.user).order_by("name", "pk")


@extend_schema(tags=["supervision"])
class ReportViewSet(_Scoped):
    """Periodic reports the organisations owe; `act`: receive, accept, return, remind."""

    serializer_class = SupervisionReportSerializer
    filterset_fields = ["status", "operator"]

    def get_queryset(self):
        return selectors.reports_visible_to(self.request.user).order_by("due_on", "pk")

    @extend_schema(request=SupervisionStepSerializer, responses={200: SupervisionReportSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def act(self, request: Request, pk: str | None = None) -> Response:
        return self._step(request)


@extend_schema(tags=["supervision"])
class SiteViewSet(_Scoped):
    """BTS sites and towers of the user's agency."""

    serializer_class = SupervisionSiteSerializer
    filterset_fields = ["status", "owner", "commune", "conformity"]

    def get_queryset(self):
        return selectors.sites_visible_to(self.request.user).prefetch_related("sharers").order_by("code")


@extend_schema(tags=["supervision"])
class CaseViewSet(_Scoped):
    """Disputes, complaints and advertising checks; POST opens one, `act` takes a handling step."""

    serializer_class = SupervisionCaseSerializer
    filterset_fields = ["kind", "status"]

    def get_queryset(self):
        return selectors.cases_visible_to(self.request.user).order_by("-received_on", "-pk")

    @extend_schema(responses={201: SupervisionCaseSerializer, **ERRORS})
    def create(self, request: Request) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        case = services.case_open(actor=request.user, agency=agency_of(request.user), **serializer.validated_data)
        return Response(self.get_serializer(case).data, status=201)

    @extend_schema(request=SupervisionStepSerializer, responses={200: SupervisionCaseSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def act(self, request: Request, pk: str | None = None) -> Response:
        return self._step(request)


@extend_schema(tags=["supervision"])
class IncidentViewSet(_Scoped):
    """Incidents of emergency communications (3.21); `act`: update, restore, close."""

    serializer_class = SupervisionIncidentSerializer
    filterset_fields = ["status"]

    def get_queryset(self):
        return selectors.incidents_visible_to(self.request.user).order_by("-started_at", "-pk")

    @extend_schema(request=SupervisionStepSerializer, responses={200: SupervisionIncidentSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def act(self, request: Request, pk: str | None = None) -> Response:
        return self._step(request)


@extend_schema(tags=["supervision"])
class StationViewSet(_Scoped):
    """Commune radio stations of the grassroots information network (3.7)."""

    serializer_class = SupervisionStationSerializer
    filterset_fields = ["kind", "status"]

    def get_queryset(self):
        return selectors.stations_visible_to(self.request.user).order_by("commune", "pk")


@extend_schema(tags=["supervision"])
class BroadcastViewSet(_Scoped):
    """Broadcast requests to commune stations; `act`: send, confirm (a station), close."""

    serializer_class = SupervisionBroadcastSerializer
    filterset_fields = ["status", "priority"]

    def get_queryset(self):
        return selectors.broadcasts_visible_to(self.request.user).order_by("-broadcast_from", "-pk")

    @extend_schema(request=SupervisionStepSerializer, responses={200: SupervisionBroadcastSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def act(self, request: Request, pk: str | None = None) -> Response:
        return self._step(request)


@extend_schema(tags=["supervision"])
class ExternalPlanViewSet(_Scoped):
    """External-information plans sent for appraisal (3.6.c); `act`: appraise, return, resubmit, approve."""

    serializer_class = SupervisionExternalPlanSerializer
    filterset_fields = ["status", "year"]

    def get_queryset(self):
        return selectors.external_plans_visible_to(self.request.user).order_by("-received_on", "-pk")

    @extend_schema(request=SupervisionStepSerializer, responses={200: SupervisionExternalPlanSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def act(self, request: Request, pk: str | None = None) -> Response:
        return self._step(request)


def register(router: Any) -> None:
    router.register("supervision/operators", OperatorViewSet, basename="supervision-operator")
    router.register("supervision/reports", ReportViewSet, basename="supervision-report")
    router.register("supervision/sites", SiteViewSet, basename="supervision-site")
    router.register("supervision/cases", CaseViewSet, basename="supervision-case")
    router.register("supervision/incidents", IncidentViewSet, basename="supervision-incident")
    router.register("supervision/stations", StationViewSet, basename="supervision-station")
    router.register("supervision/broadcasts", BroadcastViewSet, basename="supervision-broadcast")
    router.register("supervision/external-plans", ExternalPlanViewSet, basename="supervision-external-plan")
