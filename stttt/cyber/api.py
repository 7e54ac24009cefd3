"""API of the information-security capability (`/api/v1/cyber/...`): owner bodies, systems, level dossiers,
incidents, warnings and their deliveries, content reports. Every list starts from what the user may see
(their agency's records, or an owner account's own); writes go through services; workflow steps through
`act` with the inputs the step needs; errors come out in the shared format."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from stttt.core.apierrors import ErrorSerializer
from stttt.core.apifields import choice
from stttt.cyber import choices as c
from stttt.cyber import selectors, services, workflow
from stttt.cyber.models import (
    ContentReport,
    Incident,
    InfoSystem,
    LevelDossier,
    Owner,
    SecurityWarning,
    WarningDelivery,
)

ERRORS = {400: ErrorSerializer, 403: ErrorSerializer, 404: ErrorSerializer}


def _user(field: Any) -> Any:
    request = field.context.get("request") if hasattr(field, "context") else None
    return getattr(request, "user", None)


@extend_schema_field({"type": "array", "items": {"type": "string"}, "description": "Steps the user may take now."})
class ActionsField(serializers.SerializerMethodField):
    def __init__(self, kind: str, **kwargs: Any) -> None:
        self.kind = kind
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> list[str]:
        user = _user(self.parent)
        return [t.action for t in workflow.actions_for(self.kind, user, value)] if user else []


class OwnerField(serializers.SlugRelatedField):
    """An owner body by its code, among those the user may see."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("queryset", Owner.objects.all())
        super().__init__(slug_field="code", **kwargs)

    def get_queryset(self) -> Any:
        return selectors.owners_visible_to(_user(self))


class SystemField(serializers.SlugRelatedField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("queryset", InfoSystem.objects.all())
        super().__init__(slug_field="code", **kwargs)

    def get_queryset(self) -> Any:
        return selectors.systems_visible_to(_user(self))


class CyberCriterionSerializer(serializers.Serializer):
    level = serializers.IntegerField()
    text = serializers.CharField()
    basis = serializers.CharField()


class CyberOwnerSerializer(serializers.ModelSerializer):
    kind = choice(c.OwnerKind.choices)

    class Meta:
        model = Owner
        fields = ["id", "code", "name", "kind", "email", "phone", "focal_point"]


class CyberSystemSerializer(serializers.ModelSerializer):
    owner = OwnerField()
    system_type = choice(c.SystemType.choices, required=False)
    secret_level = choice(c.SecretLevel.choices, required=False)
    online_service = choice(c.OnlineService.choices, required=False)
    infra_scope = choice(c.InfraScope.choices, required=False)
    hosting = choice(c.Hosting.choices, required=False)
    approval_status = choice(c.ApprovalStatus.choices, read_only=True)
    implied_level = serializers.IntegerField(read_only=True)
    approved_level = serializers.IntegerField(read_only=True, allow_null=True)
    criteria = CyberCriterionSerializer(many=True, read_only=True)
    next_assessment_due = serializers.DateField(read_only=True, allow_null=True)

    class Meta:
        model = InfoSystem
        fields = [
            "id",
            "owner",
            *services.SYSTEM_FIELDS,
            "implied_level",
            "criteria",
            "approval_status",
            "approved_level",
            "approved_on",
            "approval_decision",
            "last_assessment_on",
            "next_assessment_due",
        ]
        read_only_fields = ["approved_level", "approved_on", "approval_decision", "last_assessment_on"]
        validators: list[Any] = []


class CyberDossierSerializer(serializers.ModelSerializer):
    system = SystemField()
    status = choice(c.DossierStatus.choices, read_only=True)
    proposed_level = serializers.IntegerField(min_value=1, max_value=5)
    approved_level = serializers.IntegerField(read_only=True, allow_null=True)
    lower_than_criteria = serializers.SerializerMethodField()
    actions = ActionsField("dossier")

    class Meta:
        model = LevelDossier
        fields = [
            "id",
            "reference",
            "system",
            "proposed_level",
            "explanation",
            "security_plan",
            "status",
            "submitted_on",
            "received_on",
            "appraisal_due",
            "appraised_on",
            "opinion",
            "opinion_number",
            "approval_due",
            "approved_on",
            "approved_level",
            "decision_number",
            "return_reason",
            "lower_than_criteria",
            "actions",
        ]
        read_only_fields = [f for f in fields if f not in ("system", "proposed_level", "explanation", "security_plan")]

    @extend_schema_field(CyberCriterionSerializer(allow_null=True))
    def get_lower_than_criteria(self, obj: LevelDossier) -> dict[str, Any] | None:
        flag = obj.under_classified
        return {"level": flag.level, "text": flag.text, "basis": flag.basis} if flag else None


class CyberIncidentSerializer(serializers.ModelSerializer):
    owner = OwnerField()
    kind = choice(c.IncidentKind.choices, required=False)
    severity = choice(c.Severity.choices, required=False)
    status = choice(c.IncidentStatus.choices, read_only=True)
    systems = SystemField(many=True, required=False)
    actions = ActionsField("incident")

    class Meta:
        model = Incident
        fields = [
            "id",
            "reference",
            "owner",
            "title",
            "description",
            "kind",
            "severity",
            "systems",
            "detected_on",
            "received_on",
            "status",
            "national_notified_on",
            "team_notified_on",
            "verified_on",
            "recovered_on",
            "closed_on",
            "closing_report",
            "actions",
        ]
        read_only_fields = [
            "reference",
            "received_on",
            "national_notified_on",
            "team_notified_on",
            "verified_on",
            "recovered_on",
            "closed_on",
            "closing_report",
        ]


class CyberDeliverySerializer(serializers.ModelSerializer):
    owner: serializers.SlugRelatedField = serializers.SlugRelatedField(slug_field="code", read_only=True)
    warning: serializers.SlugRelatedField = serializers.SlugRelatedField(slug_field="reference", read_only=True)
    status = choice(c.DeliveryStatus.choices, read_only=True)
    actions = ActionsField("delivery")

    class Meta:
        model = WarningDelivery
        fields = [
            "id",
            "warning",
            "owner",
            "matched",
            "status",
            "ack_due",
            "remediation_due",
            "acknowledged_on",
            "remediated_on",
            "note",
            "actions",
        ]
        read_only_fields = fields


class CyberWarningSerializer(serializers.ModelSerializer):
    kind = choice(c.WarningKind.choices, required=False)
    severity = choice(c.Severity.choices, required=False)
    status = choice(c.WarningStatus.choices, read_only=True)
    actions = ActionsField("warning")

    class Meta:
        model = SecurityWarning
        fields = [
            "id",
            "reference",
            "source",
            "title",
            "description",
            "kind",
            "severity",
            "product",
            "versions",
            "received_on",
            "remediation_days",
            "relayed_on",
            "status",
            "actions",
        ]
        read_only_fields = ["relayed_on"]
        extra_kwargs = {"reference": {"required": False, "allow_blank": True}}  # blank: the next one of the year
        validators: list[Any] = []


class CyberContentSerializer(serializers.ModelSerializer):
    category = choice(c.ContentCategory.choices)
    status = choice(c.ContentStatus.choices, read_only=True)
    actions = ActionsField("content")

    class Meta:
        model = ContentReport
        fields = [
            "id",
            "reference",
            "received_on",
            "reporter",
            "url",
            "platform",
            "category",
            "summary",
            "assessment",
            "referred_to",
            "outcome",
            "status",
            "actions",
        ]
        read_only_fields = ["reference", "assessment", "referred_to", "outcome"]
        extra_kwargs = {"received_on": {"required": False}}


class CyberStepSerializer(serializers.Serializer):
    """A workflow step and what it needs (only the fields the step names are read)."""

    action = serializers.CharField()
    reason = serializers.CharField(required=False, allow_blank=True)
    opinion = serializers.CharField(required=False, allow_blank=True)
    opinion_number = serializers.CharField(required=False, allow_blank=True)
    decision_number = serializers.CharField(required=False, allow_blank=True)
    level = serializers.IntegerField(required=False, min_value=1, max_value=5)
    severity = choice(c.Severity.choices, required=False)
    whom = choice([("national", "national"), ("team", "team"), ("both", "both")], required=False)
    note = serializers.CharField(required=False, allow_blank=True)
    report = serializers.CharField(required=False, allow_blank=True)
    assessment = serializers.CharField(required=False, allow_blank=True)
    referred_to = serializers.CharField(required=False, allow_blank=True)
    outcome = serializers.CharField(required=False, allow_blank=True)


def _step(request: Request, kind: str) -> tuple[str, dict[str, Any]]:
    serializer = CyberStepSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    data = dict(serializer.validated_data)
    verb = data.pop("action")
    if workflow.WORKFLOWS[kind].get(verb) is None:
        raise serializers.ValidationError({"action": ["Unknown action."]})
    return verb, data


class OwnerViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Owner bodies: the provincial agencies that own or operate information systems."""

    serializer_class = CyberOwnerSerializer
    filterset_fields = ["kind"]

    def get_queryset(self):
        return selectors.owners_visible_to(self.request.user)

    @extend_schema(responses={201: CyberOwnerSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = services.owner_save(actor=request.user, **serializer.validated_data)
        return Response(self.get_serializer(item).data, status=201)


class SystemViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """The inventory of the province's information systems, with the level the criteria imply (Decree
    85/2016 Art. 7-11) and the approved level."""

    serializer_class = CyberSystemSerializer
    filterset_fields = ["approval_status", "approved_level", "system_type"]

    def get_queryset(self):
        return selectors.systems_visible_to(self.request.user)

    @extend_schema(responses={201: CyberSystemSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        item = services.system_save(actor=request.user, owner=data.pop("owner"), **data)
        return Response(self.get_serializer(item).data, status=201)


class DossierViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Level dossiers (Decree 85/2016 Art. 12-15); `act` applies a step: receive, return, resubmit,
    appraise (opinion), approve (decision_number, level), refuse (reason)."""

    serializer_class = CyberDossierSerializer
    filterset_fields = ["status", "proposed_level"]

    def get_queryset(self):
        return selectors.dossiers_visible_to(self.request.user)

    @extend_schema(responses={201: CyberDossierSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        item = services.dossier_submit(data.pop("system"), actor=request.user, **data)
        return Response(self.get_serializer(item).data, status=201)

    @extend_schema(request=CyberStepSerializer, responses={200: CyberDossierSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def act(self, request: Request, pk: str | None = None) -> Response:
        item = self.get_object()
        verb, data = _step(request, "dossier")
        item = services.dossier_transition(item, verb, actor=request.user, **data)
        return Response(self.get_serializer(item).data)


class IncidentViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Incidents reported by agencies (Circular 20/2017; Decision 05/2017); `act` applies a step: verify
    (severity), notify (whom), respond, recover, update (note), close (report)."""

    serializer_class = CyberIncidentSerializer
    filterset_fields = ["status", "severity", "kind"]

    def get_queryset(self):
        return selectors.incidents_visible_to(self.request.user).prefetch_related("systems")

    @extend_schema(responses={201: CyberIncidentSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        item = services.incident_report(actor=request.user, **data)
        return Response(self.get_serializer(item).data, status=201)

    @extend_schema(request=CyberStepSerializer, responses={200: CyberIncidentSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def act(self, request: Request, pk: str | None = None) -> Response:
        item = self.get_object()
        verb, data = _step(request, "incident")
        item = services.incident_transition(item, verb, actor=request.user, **data)
        return Response(self.get_serializer(item).data)


class WarningViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Warnings from the national centre; `act` with `relay` sends one to the bodies whose systems match."""

    serializer_class = CyberWarningSerializer
    filterset_fields = ["status", "kind", "severity"]

    def get_queryset(self):
        return selectors.warnings_visible_to(self.request.user)

    @extend_schema(responses={201: CyberWarningSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = services.warning_record(actor=request.user, **serializer.validated_data)
        return Response(self.get_serializer(item).data, status=201)

    @extend_schema(request=CyberStepSerializer, responses={200: CyberWarningSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def act(self, request: Request, pk: str | None = None) -> Response:
        item = self.get_object()
        verb, _data = _step(request, "warning")
        item = services.warning_transition(item, verb, actor=request.user)
        return Response(self.get_serializer(item).data)


class DeliveryViewSet(viewsets.ReadOnlyModelViewSet):
    """A warning as relayed to one body; `act`: acknowledge, remediate (note), remind."""

    serializer_class = CyberDeliverySerializer
    filterset_fields = ["status"]

    def get_queryset(self):
        return selectors.deliveries_visible_to(self.request.user)

    @extend_schema(request=CyberStepSerializer, responses={200: CyberDeliverySerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def act(self, request: Request, pk: str | None = None) -> Response:
        item = self.get_object()
        verb, data = _step(request, "delivery")
        item = services.delivery_transition(item, verb, actor=request.user, **data)
        return Response(self.get_serializer(item).data)


class ContentViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Reports of illegal content or false information online; `act`: assess, refer, close."""

    serializer_class = CyberContentSerializer
    filterset_fields = ["status", "category"]

    def get_queryset(self):
        return selectors.content_visible_to(self.request.user)

    @extend_schema(responses={201: CyberContentSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = services.content_record(actor=request.user, **serializer.validated_data)
        return Response(self.get_serializer(item).data, status=201)

    @extend_schema(request=CyberStepSerializer, responses={200: CyberContentSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def act(self, request: Request, pk: str | None = None) -> Response:
        item = self.get_object()
        verb, data = _step(request, "content")
        item = services.content_transition(item, verb, actor=request.user, **data)
        return Response(self.get_serializer(item).data)


def register(router: Any) -> None:
    router.register("cyber/owners", OwnerViewSet, basename="cyber-owner")
    router.register("cyber/systems", SystemViewSet, basename="cyber-system")
    router.register("cyber/dossiers", DossierViewSet, basename="cyber-dossier")
    router.register("cyber/incidents", IncidentViewSet, basename="cyber-incident")
    router.register("cyber/warnings", WarningViewSet, basename="cyber-warning")
    router.register("cyber/deliveries", DeliveryViewSet, basename="cyber-delivery")
    router.register("cyber/content-reports", ContentViewSet, basename="cyber-content")
