"""API of the inspection app (`/api/v1/inspection/...`), the Department's staff only, scoped to their agency:

- `referrals`, `plans`, `cases`: read, and `act` (POST `{action, ...}`: the step of the workflow table with
  its inputs, `inputs.FIELDS`);
- `violations`: read, create (a violation record), `act` (decide, drop, pay, register_suspension, close);
- `letters`: complaints, denunciations, petitions for the Inspectorate and the Board; a denouncer's identity
  is never in the API (it is read on the letter's page by those allowed, and logged).
Writes go through the services; errors come out in the shared format.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, viewsets
from rest_framework import permissions as drf_permissions
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from stttt.core.apierrors import ErrorSerializer
from stttt.core.apifields import choice
from stttt.inspection import catalogue, permissions, selectors, services, workflow
from stttt.inspection.choices import (
    CaseStatus,
    Channel,
    LetterKind,
    LetterStatus,
    OffenderType,
    PlanStatus,
    ReferralStatus,
    ViolationStatus,
)
from stttt.inspection.inputs import FIELDS
from stttt.inspection.models import InspectionCase, InspectionPlan, Letter, Referral, ViolationRecord
from stttt.org.powers import agency_of

ERRORS = {400: ErrorSerializer, 403: ErrorSerializer, 404: ErrorSerializer}


class DepartmentStaff(drf_permissions.IsAuthenticated):
    """Staff of an agency (their agency's records); everyone else 403."""

    def has_permission(self, request: Any, view: Any) -> bool:
        from stttt.org.powers import is_department_staff

        return super().has_permission(request, view) and is_department_staff(request.user)


class LetterReaders(DepartmentStaff):
    """The Inspectorate and the Board (`permissions.can_read_letters`); other staff 403."""

    def has_permission(self, request: Any, view: Any) -> bool:
        if not super().has_permission(request, view):
            return False
        agency = agency_of(request.user)
        return agency is not None and permissions.can_read_letters(request.user, agency.pk)


def _inspector_agency(request: Request) -> Any:
    """The agency of an Inspectorate member (who records violations and logs letters); 403 otherwise."""
    agency = agency_of(request.user)
    if agency is None or not permissions.can_act(request.user, agency.pk):
        raise PermissionDenied
    return agency


@extend_schema_field({"type": "array", "items": {"type": "string"}, "description": "Actions the user may take now."})
class ActionsField(serializers.SerializerMethodField):
    def __init__(self, table: Any, **kwargs: Any) -> None:
        self.table = table
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> list[str]:
        request = self.parent.context.get("request")
        if request is None:
            return []
        return [t.action for t in workflow.actions_for(self.table, request.user, value)]


class InspectionReferralSerializer(serializers.ModelSerializer):
    status = choice(ReferralStatus.choices, read_only=True)
    actions = ActionsField(workflow.REFERRALS)

    class Meta:
        model = Referral
        fields = [
            "id",
            "source_app",
            "source_label",
            "source_url",
            "summary",
            "provision",
            "status",
            "dismissal_reason",
            "created_at",
            "actions",
        ]


class InspectionPlanSerializer(serializers.ModelSerializer):
    status = choice(PlanStatus.choices, read_only=True)
    actions = ActionsField(workflow.PLANS)

    class Meta:
        model = InspectionPlan
        fields = [
            "id",
            "year",
            "title",
            "number",
            "status",
            "overlap_check",
            "approved_on",
            "published_on",
            "version",
            "actions",
        ]


class InspectionCaseSerializer(serializers.ModelSerializer):
    status = choice(CaseStatus.choices, read_only=True)
    actions = ActionsField(workflow.CASES)

    class Meta:
        model = InspectionCase
        fields = [
            "id",
            "kind",
            "decision_number",
            "decided_on",
            "subject_name",
            "sector",
            "content",
            "legal_basis",
            "status",
            "announced_on",
            "extension_days",
            "onsite_ended_on",
            "reported_on",
            "concluded_on",
            "conclusion_number",
            "conclusion",
            "due_on",
            "version",
            "actions",
        ]


class InspectionViolationSerializer(serializers.ModelSerializer):
    status = choice(ViolationStatus.choices, read_only=True)
    provision_code = choice(catalogue.provision_choices())
    offender_type = choice(OffenderType.choices)
    fine = serializers.SerializerMethodField()
    actions = ActionsField(workflow.VIOLATIONS)

    class Meta:
        model = ViolationRecord
        fields = [
            "id",
            "number",
            "recorded_on",
            "place",
            "offender_type",
            "offender_name",
            "offender_id_number",
            "offender_address",
            "provision_code",
            "sector",
            "citation",
            "act",
            "min_fine",
            "max_fine",
            "ended_on",
            "discovered_on",
            "explanation",
            "transferred",
            "decide_by",
            "status",
            "fine",
            "version",
            "actions",
        ]
        read_only_fields = ["number", "recorded_on", "sector", "citation", "min_fine", "max_fine", "decide_by"]

    def get_fine(self, obj: ViolationRecord) -> int | None:
        decision = getattr(obj, "decision", None)
        return decision.fine if decision else None


class InspectionLetterSerializer(serializers.ModelSerializer):
    """A letter without any identity of a denouncer (it is not on the letter)."""

    kind = choice(LetterKind.choices)
    channel = choice(Channel.choices)
    status = choice(LetterStatus.choices, read_only=True)
    sender_name = serializers.CharField(
        required=False,
        allow_blank=True,
        write_only=True,
        help_text="Written in; a denouncer's name goes to the protected identity.",
    )
    sender = serializers.SerializerMethodField()
    actions = ActionsField(workflow.LETTERS)

    class Meta:
        model = Letter
        fields = [
            "id",
            "code",
            "kind",
            "channel",
            "received_on",
            "subject",
            "summary",
            "sender_name",
            "sender",
            "status",
            "accepted_on",
            "due_on",
            "forwarded_to",
            "result",
            "resolved_on",
            "version",
            "actions",
        ]
        read_only_fields = ["code", "accepted_on", "due_on", "forwarded_to", "result", "resolved_on"]

    def get_sender(self, obj: Letter) -> str:
        return "" if obj.kind == LetterKind.DENUNCIATION else obj.sender_name


def _action_serializer(name: str, table: Any) -> type[serializers.Serializer]:
    inputs = sorted({f for per_action in FIELDS[name].values() for f in per_action})
    fields: dict[str, serializers.Field] = {
        "action": choice([(t.action, t.action) for t in table]),
        "version": serializers.IntegerField(required=False),
    }
    for field in inputs:
        if field in ("on", "received_on"):
            fields[field] = serializers.DateField(required=False)
        elif field in ("days", "fine", "suspension_months", "amount"):
            fields[field] = serializers.IntegerField(required=False, min_value=0)
        elif field in ("complex_case", "especially_complex", "remote", "published"):
            fields[field] = serializers.BooleanField(required=False)
        elif field == "assignee":
            fields[field] = serializers.CharField(required=False, help_text="User name of an inspector.")
        else:
            fields[field] = serializers.CharField(required=False, allow_blank=True)
    return type(f"Inspection{name.title()}ActionSerializer", (serializers.Serializer,), fields)


class _ActViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [DepartmentStaff]
    kind = ""
    table: Any = None
    transition: Any = None

    def _act(self, request: Request, pk: str | None) -> Response:
        record = self.get_object()
        serializer = self.get_serializer_class_for_act()(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        step = data.pop("action")
        kwargs = {k: v for k, v in data.items() if k in FIELDS[self.kind].get(step, ())}
        if "version" in data:
            kwargs["expected_version"] = data["version"]
        if "assignee" in kwargs:
            users = {u.username: u for u in selectors.inspectors_of(record.agency_id)}
            kwargs["assignee"] = users.get(kwargs["assignee"])
        type(self).transition(record.pk, step, actor=request.user, **kwargs)
        return Response(self.get_serializer(self.get_queryset().get(pk=record.pk)).data)

    def get_serializer_class_for_act(self) -> type[serializers.Serializer]:
        return ACT_SERIALIZERS[self.kind]


ACT_SERIALIZERS = {
    "referral": _action_serializer("referral", workflow.REFERRALS),
    "plan": _action_serializer("plan", workflow.PLANS),
    "case": _action_serializer("case", workflow.CASES),
    "violation": _action_serializer("violation", workflow.VIOLATIONS),
    "letter": _action_serializer("letter", workflow.LETTERS),
}


@extend_schema(tags=["inspection"])
class ReferralViewSet(_ActViewSet):
    """Findings referred to the Inspectorate by other apps; `act` dismisses one with reasons."""

    serializer_class = InspectionReferralSerializer
    filterset_fields = ["status", "source_app"]
    kind = "referral"
    transition = staticmethod(services.referral_transition)

    def get_queryset(self):
        return selectors.referrals_visible_to(self.request.user)

    @extend_schema(request=ACT_SERIALIZERS["referral"], responses={200: InspectionReferralSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def act(self, request: Request, pk: str | None = None) -> Response:
        return self._act(request, pk)


@extend_schema(tags=["inspection"])
class PlanViewSet(_ActViewSet):
    """Annual inspection plans; `act` submits, sends back, approves, publishes."""

    serializer_class = InspectionPlanSerializer
    filterset_fields = ["status", "year"]
    kind = "plan"
    transition = staticmethod(services.plan_transition)

    def get_queryset(self):
        return selectors.plans_visible_to(self.request.user)

    @extend_schema(request=ACT_SERIALIZERS["plan"], responses={200: InspectionPlanSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def act(self, request: Request, pk: str | None = None) -> Response:
        return self._act(request, pk)


@extend_schema(tags=["inspection"])
class CaseViewSet(_ActViewSet):
    """Inspections; `act` announces, extends, ends on-site work, reports, concludes, closes, cancels."""

    serializer_class = InspectionCaseSerializer
    filterset_fields = ["status", "kind", "sector"]
    kind = "case"
    transition = staticmethod(services.case_transition)

    def get_queryset(self):
        return selectors.cases_visible_to(self.request.user)

    @extend_schema(request=ACT_SERIALIZERS["case"], responses={200: InspectionCaseSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def act(self, request: Request, pk: str | None = None) -> Response:
        return self._act(request, pk)


@extend_schema(tags=["inspection"])
class ViolationViewSet(mixins.CreateModelMixin, _ActViewSet):
    """Violation records; POST records one (an inspector), `act` decides the sanction, records payment..."""

    serializer_class = InspectionViolationSerializer
    filterset_fields = ["status", "sector"]
    kind = "violation"
    transition = staticmethod(services.violation_transition)

    def get_queryset(self):
        return selectors.violations_visible_to(self.request.user)

    @extend_schema(responses={201: InspectionViolationSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        agency = _inspector_agency(request)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = {k: v for k, v in serializer.validated_data.items() if k != "status"}
        record = services.violation_record(agency=agency, actor=request.user, **data)
        return Response(self.get_serializer(record).data, status=201)

    @extend_schema(request=ACT_SERIALIZERS["violation"], responses={200: InspectionViolationSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def act(self, request: Request, pk: str | None = None) -> Response:
        return self._act(request, pk)


@extend_schema(tags=["inspection"])
class LetterViewSet(mixins.CreateModelMixin, _ActViewSet):
    """Complaints, denunciations, petitions (the Inspectorate and the Board; never a denouncer's identity)."""

    serializer_class = InspectionLetterSerializer
    permission_classes = [LetterReaders]
    filterset_fields = ["status", "kind"]
    kind = "letter"
    transition = staticmethod(services.letter_transition)

    def get_queryset(self):
        return selectors.letters_visible_to(self.request.user)

    @extend_schema(responses={201: InspectionLetterSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        agency = _inspector_agency(request)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        letter = services.letter_receive(agency=agency, actor=request.user, **serializer.validated_data)
        return Response(self.get_serializer(letter).data, status=201)

    @extend_schema(request=ACT_SERIALIZERS["letter"], responses={200: InspectionLetterSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def act(self, request: Request, pk: str | None = None) -> Response:
        return self._act(request, pk)


def register(router: Any) -> None:
    router.register("inspection/referrals", ReferralViewSet, basename="inspection-referral")
    router.register("inspection/plans", PlanViewSet, basename="inspection-plan")
    router.register("inspection/cases", CaseViewSet, basename="inspection-case")
    router.register("inspection/violations", ViolationViewSet, basename="inspection-violation")
    router.register("inspection/letters", LetterViewSet, basename="inspection-letter")
