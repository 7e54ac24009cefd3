"""Council questions (6.2) and coordination (6.4, 6.5): `/api/v1/work/questions|coordination/`."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from stttt.core.apifields import choice
from stttt.work import rules, selectors, services
from stttt.work.api.common import ERRORS, ActionsField, StaffUserField, UnitCodeField
from stttt.work.choices import CoordinationStatus, CounterpartKind, Direction, QuestionKind, QuestionStatus
from stttt.work.models import Coordination, CouncilQuestion


class QuestionSerializer(serializers.ModelSerializer):
    kind = choice(QuestionKind.choices)
    status = choice(QuestionStatus.choices, read_only=True)
    unit = UnitCodeField(required=False, allow_null=True)
    late = serializers.SerializerMethodField()
    actions = ActionsField("question")

    class Meta:
        model = CouncilQuestion
        fields = [
            "id",
            "kind",
            "session",
            "asked_by",
            "received_on",
            "content",
            "deadline",
            "unit",
            "status",
            "late",
            "answer",
            "answer_number",
            "answered_on",
            "actions",
        ]
        read_only_fields = ["answer", "answer_number", "answered_on"]

    def get_late(self, obj: CouncilQuestion) -> bool:
        return rules.is_late(obj.deadline, obj.answered_on, selectors.today())


class AnswerSerializer(serializers.Serializer):
    answer = serializers.CharField()
    number = serializers.CharField(required=False, allow_blank=True, default="")
    on = serializers.DateField(required=False)


class AssignSerializer(serializers.Serializer):
    unit = UnitCodeField()
    assignee = StaffUserField(required=False, allow_null=True)


class QuestionViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Questions of Council delegates and voters' petitions (6.2); `assign` gives one to a unit, `answer`
    records the answer."""

    serializer_class = QuestionSerializer
    filterset_fields = ["status", "kind"]

    def get_queryset(self):
        return selectors.questions_visible_to(self.request.user)

    @extend_schema(responses={201: QuestionSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = services.question_create(actor=request.user, **serializer.validated_data)
        return Response(self.get_serializer(item).data, status=201)

    @extend_schema(request=AssignSerializer, responses={200: QuestionSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def assign(self, request: Request, pk: str | None = None) -> Response:
        """Give the question to a unit (a leader of that unit, or the leadership) and optionally a person."""
        item = self.get_object()
        serializer = AssignSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        item = services.question_assign(item, actor=request.user, **serializer.validated_data)
        return Response(self.get_serializer(item).data)

    @extend_schema(request=AnswerSerializer, responses={200: QuestionSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def answer(self, request: Request, pk: str | None = None) -> Response:
        item = self.get_object()
        serializer = AnswerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = services.question_answer(item, actor=request.user, **serializer.validated_data)
        return Response(self.get_serializer(item).data)


class CoordinationSerializer(serializers.ModelSerializer):
    direction = choice(Direction.choices)
    counterpart_kind = choice(CounterpartKind.choices)
    status = choice(CoordinationStatus.choices, read_only=True)
    unit = UnitCodeField(required=False, allow_null=True)
    actions = ActionsField("coordination")

    class Meta:
        model = Coordination
        fields = [
            "id",
            "direction",
            "counterpart_kind",
            "counterpart",
            "subject",
            "content",
            "document_number",
            "sent_on",
            "deadline",
            "unit",
            "status",
            "reply",
            "replied_on",
            "escalated_on",
            "escalation_note",
            "ppc_direction",
            "actions",
        ]
        read_only_fields = ["reply", "replied_on", "escalated_on", "escalation_note", "ppc_direction"]


class CoordinationActionSerializer(serializers.Serializer):
    action = choice([("agree", "agree"), ("disagree", "disagree"), ("escalate", "escalate"), ("close", "close")])
    text = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="The reply, the points of disagreement, or the PPC's direction.",
    )


class CoordinationViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Coordination with departments and district People's Committees (6.4, 6.5); `act` records a reply,
    a disagreement, an escalation to the PPC, or closes it with the PPC's direction."""

    serializer_class = CoordinationSerializer
    filterset_fields = ["status", "direction"]

    def get_queryset(self):
        return selectors.coordinations_visible_to(self.request.user)

    @extend_schema(responses={201: CoordinationSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = services.coordination_create(actor=request.user, **serializer.validated_data)
        return Response(self.get_serializer(item).data, status=201)

    @extend_schema(request=CoordinationActionSerializer, responses={200: CoordinationSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def act(self, request: Request, pk: str | None = None) -> Response:
        item = self.get_object()
        serializer = CoordinationActionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        verb, text = serializer.validated_data["action"], serializer.validated_data["text"]
        if verb in ("agree", "disagree"):
            item = services.coordination_reply(item, actor=request.user, reply=text, agreed=verb == "agree")
        elif verb == "escalate":
            item = services.coordination_escalate(item, actor=request.user, note=text)
        else:
            item = services.coordination_close(item, actor=request.user, ppc_direction=text)
        return Response(self.get_serializer(item).data)
