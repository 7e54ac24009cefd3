"""Tasks, the briefing pack and meetings (5.1-5.4): `/api/v1/work/tasks|briefing|meetings/`."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from stttt.core.apierrors import ErrorSerializer, OneObjectSchema
from stttt.core.apifields import choice
from stttt.org.powers import is_department_staff
from stttt.work import selectors, services
from stttt.work.api.common import ERRORS, ActionsField, StaffUserField, UnitCodeField
from stttt.work.choices import MeetingKind, SourceKind, TaskStatus
from stttt.work.models import Conclusion, Meeting, Task, TaskUpdate


class TaskUpdateSerializer(serializers.ModelSerializer):
    author: serializers.StringRelatedField = serializers.StringRelatedField()

    class Meta:
        model = TaskUpdate
        fields = ["on", "author", "progress", "note", "reason"]


class TaskSerializer(serializers.ModelSerializer):
    source_kind = choice(SourceKind.choices)
    status = choice(TaskStatus.choices, read_only=True)
    lead_unit = UnitCodeField()
    coordinating_units = UnitCodeField(many=True, required=False)
    duty = serializers.CharField(source="duty.citation", read_only=True, allow_null=True)
    duty_citation = serializers.CharField(write_only=True, required=False, allow_blank=True)
    person_in_charge = StaffUserField(required=False, allow_null=True)
    state = serializers.SerializerMethodField()
    updates = TaskUpdateSerializer(many=True, read_only=True)
    actions = ActionsField("task")

    class Meta:
        model = Task
        fields = [
            "id",
            "source_kind",
            "source_body",
            "source_number",
            "source_date",
            "title",
            "content",
            "duty",
            "duty_citation",
            "deadline",
            "lead_unit",
            "coordinating_units",
            "person_in_charge",
            "status",
            "state",
            "completed_on",
            "completion_report",
            "updates",
            "actions",
        ]
        read_only_fields = ["completed_on", "completion_report"]

    @extend_schema_field({"type": "string", "pattern": "^(overdue|due_soon|on_track|none)$"})
    def get_state(self, obj: Task) -> str:
        return selectors.task_state(obj)


class ProgressSerializer(serializers.Serializer):
    note = serializers.CharField()
    progress = serializers.IntegerField(min_value=0, max_value=100, default=0)
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class CompleteSerializer(serializers.Serializer):
    report = serializers.CharField()


class CancelSerializer(serializers.Serializer):
    reason = serializers.CharField()


class TaskViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Tasks the user may see; filter with `?unit=&person=&source=&duty=&state=&status=&q=`. `actions` lists
    the steps the user may take now (`progress`, `complete`, `cancel`)."""

    serializer_class = TaskSerializer
    filter_backends: list[Any] = []

    def get_queryset(self):
        return selectors.tasks_visible_to(self.request.user).prefetch_related("coordinating_units", "updates__author")

    @extend_schema(
        parameters=[
            OpenApiParameter(name, str) for name in ("unit", "person", "source", "duty", "state", "status", "q")
        ]
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        params = request.query_params
        found = selectors.task_query(
            request.user,
            unit=params.get("unit", ""),
            person=params.get("person", ""),
            source=params.get("source", ""),
            duty=params.get("duty", ""),
            state=params.get("state", ""),
            status=params.get("status", ""),
            query=params.get("q", ""),
        )
        page = self.paginate_queryset(found.prefetch_related("coordinating_units", "updates__author"))
        return self.get_paginated_response(TaskSerializer(page, many=True, context=self.get_serializer_context()).data)

    @extend_schema(responses={201: TaskSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = TaskSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        citation = data.pop("duty_citation", "")
        duty = None
        if citation:
            from stttt.legal.selectors import ProvisionNotFound, provision_get

            try:
                duty = provision_get(citation)
            except ProvisionNotFound as exc:
                raise ValidationError({"duty_citation": [str(exc)]}) from None
        task = services.task_create(actor=request.user, duty=duty, **data)
        return Response(TaskSerializer(task, context=self.get_serializer_context()).data, status=201)

    @extend_schema(request=ProgressSerializer, responses={200: TaskSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def progress(self, request: Request, pk: str | None = None) -> Response:
        """Add a dated progress update (with the reason for any delay)."""
        task = self.get_object()
        serializer = ProgressSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.task_progress(task, actor=request.user, **serializer.validated_data)
        return Response(self.get_serializer(selectors.task_get(request.user, task.pk)).data)

    @extend_schema(request=CompleteSerializer, responses={200: TaskSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def complete(self, request: Request, pk: str | None = None) -> Response:
        """Close the task with its completion report."""
        task = self.get_object()
        serializer = CompleteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.task_complete(task, actor=request.user, report=serializer.validated_data["report"])
        return Response(self.get_serializer(selectors.task_get(request.user, task.pk)).data)

    @extend_schema(request=CancelSerializer, responses={200: TaskSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def cancel(self, request: Request, pk: str | None = None) -> Response:
        """Withdraw the task (whoever may give the lead unit work), saying why."""
        task = self.get_object()
        serializer = CancelSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.task_cancel(task, actor=request.user, reason=serializer.validated_data["reason"])
        return Response(self.get_serializer(selectors.task_get(request.user, task.pk)).data)


class BriefingUnitSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    completed = serializers.IntegerField()
    in_progress = serializers.IntegerField()
    overdue = serializers.IntegerField()
    overdue_tasks = serializers.ListField(child=serializers.DictField())
    indicators = serializers.DictField(child=serializers.FloatField(allow_null=True))


class BriefingSerializer(serializers.Serializer):
    month = serializers.CharField()
    units = BriefingUnitSerializer(many=True)
    totals = serializers.DictField(child=serializers.IntegerField())
    indicator_labels = serializers.DictField(child=serializers.CharField())
    indicator_totals = serializers.DictField(child=serializers.FloatField(allow_null=True))
    programme_tasks = serializers.ListField(child=serializers.IntegerField())


class BriefingViewSet(viewsets.ViewSet):
    """The briefing pack of a month (`?month=YYYY-MM`): per unit counts, overdue tasks, indicators (5.4)."""

    schema = OneObjectSchema()

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "month",
                {"type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"},
                required=True,
                description="YYYY-MM",
            )
        ],
        responses={200: BriefingSerializer, 400: ErrorSerializer},
    )
    def list(self, request: Request) -> Response:
        if not is_department_staff(request.user):
            raise PermissionDenied
        month = request.query_params.get("month", "")
        try:
            pack = selectors.briefing_pack(month, agency=selectors.working_agency(request.user))
        except ValueError as exc:
            raise ValidationError({"month": [str(exc)]}) from None
        data = {
            **pack,
            "indicator_labels": {k: str(v) for k, v in pack["indicator_labels"].items()},
            "programme_tasks": [t.pk for t in pack["programme"]["tasks"]],
        }
        return Response(BriefingSerializer(data).data)


class ConclusionSerializer(serializers.ModelSerializer):
    unit = UnitCodeField(required=False, allow_null=True)

    class Meta:
        model = Conclusion
        fields = ["id", "order", "text", "unit", "deadline", "task"]
        read_only_fields = ["order", "task"]


class MeetingSerializer(serializers.ModelSerializer):
    kind = choice(MeetingKind.choices)
    conclusions = ConclusionSerializer(many=True, read_only=True)
    attendance = serializers.SerializerMethodField()
    chaired_by: serializers.StringRelatedField = serializers.StringRelatedField(allow_null=True)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "kind",
            "month",
            "held_on",
            "title",
            "place",
            "notes",
            "chaired_by",
            "attendance",
            "conclusions",
        ]

    def get_attendance(self, obj: Meeting) -> list[dict[str, Any]]:
        return [{"user": a.user.username, "present": a.present, "note": a.note} for a in obj.attendance.all()]


class MeetingViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Monthly briefings and extraordinary meetings; POST `conclusions` adds one, and
    `conclusions/{id}/task` turns it into a task."""

    serializer_class = MeetingSerializer

    def get_queryset(self):
        return selectors.meetings_visible_to(self.request.user).prefetch_related("conclusions", "attendance__user")

    @extend_schema(responses={201: MeetingSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = MeetingSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        meeting = services.meeting_create(actor=request.user, chaired_by=request.user, **serializer.validated_data)
        return Response(MeetingSerializer(meeting).data, status=201)

    @extend_schema(request=ConclusionSerializer, responses={201: ConclusionSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def conclusions(self, request: Request, pk: str | None = None) -> Response:
        meeting = self.get_object()
        serializer = ConclusionSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        conclusion = services.conclusion_add(meeting, actor=request.user, **serializer.validated_data)
        return Response(ConclusionSerializer(conclusion).data, status=201)

    @extend_schema(
        request=None,
        responses={201: TaskSerializer, **ERRORS},
        parameters=[OpenApiParameter("conclusion_id", int, OpenApiParameter.PATH)],
    )
    @action(detail=True, methods=["post"], url_path=r"conclusions/(?P<conclusion_id>\d+)/task")
    def conclusion_task(self, request: Request, pk: str | None = None, conclusion_id: str | None = None) -> Response:
        """Turn a conclusion into a task on its unit (one action)."""
        meeting = self.get_object()
        conclusion = meeting.conclusions.filter(pk=conclusion_id).first()
        if conclusion is None:
            raise ValidationError({"conclusion_id": ["Unknown conclusion."]})
        task = services.conclusion_to_task(conclusion, actor=request.user)
        return Response(TaskSerializer(task, context=self.get_serializer_context()).data, status=201)
