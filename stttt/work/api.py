"""API of the work app (`/api/v1/work/...`): tasks, briefing, meetings, reports upward, district reports,
Council questions and coordination. Every list starts from what the user may see; writes go through
services; errors come out in the shared format."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from stttt.accounts.models import User
from stttt.api.serializers import ErrorSerializer
from stttt.work import rules, selectors, services
from stttt.work.choices import (
    Aggregate,
    CoordinationStatus,
    CounterpartKind,
    Direction,
    DistrictReportStatus,
    MeetingKind,
    Periodicity,
    QuestionKind,
    QuestionStatus,
    Recipient,
    ReportStatus,
    SourceKind,
    TaskStatus,
    ValueType,
)
from stttt.work.models import (
    Conclusion,
    Coordination,
    CouncilQuestion,
    DistrictReport,
    DistrictRequest,
    Meeting,
    Report,
    ReportType,
    RequestIndicator,
    Task,
    TaskUpdate,
)

ERRORS = {400: ErrorSerializer, 403: ErrorSerializer, 404: ErrorSerializer}


def choice(choices: Any, **kwargs: Any) -> serializers.ChoiceField:
    """A choice field documented as a string with its allowed values as a pattern: the schema gets no
    named enum, so fields called `status` or `kind` in different apps never collide."""
    values = [value for value, _label in choices]
    field_class = extend_schema_field({"type": "string", "pattern": f"^({'|'.join(values)})$",
                                       "description": ", ".join(values)})(
        type("ChoiceString", (serializers.ChoiceField,), {}))
    return field_class(choices=choices, **kwargs)


class UnitCodeField(serializers.SlugRelatedField):
    def __init__(self, **kwargs: Any) -> None:
        from stttt.org.models import Unit

        kwargs.setdefault("queryset", Unit.objects.all())
        super().__init__(slug_field="code", **kwargs)


# --- Tasks ----------------------------------------------------------------------------------------------

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
    person_in_charge = serializers.SlugRelatedField(slug_field="username", required=False, allow_null=True,
                                                    queryset=User.objects.filter(is_active=True))
    state = serializers.SerializerMethodField()
    updates = TaskUpdateSerializer(many=True, read_only=True)

    class Meta:
        model = Task
        fields = ["id", "source_kind", "source_body", "source_number", "source_date", "title", "content", "duty",
                  "duty_citation", "deadline", "lead_unit", "coordinating_units", "person_in_charge", "status",
                  "state", "completed_on", "completion_report", "updates"]
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


class TaskViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Tasks the user may see; filter with `?unit=&person=&source=&duty=&state=&status=&q=`."""

    serializer_class = TaskSerializer
    filter_backends: list[Any] = []

    def get_queryset(self):
        return selectors.tasks_visible_to(self.request.user).prefetch_related("updates__author")

    @extend_schema(parameters=[OpenApiParameter(name, str) for name in
                               ("unit", "person", "source", "duty", "state", "status", "q")])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        params = request.query_params
        items = selectors.task_list(request.user, unit=params.get("unit", ""), person=params.get("person", ""),
                                    source=params.get("source", ""), duty=params.get("duty", ""),
                                    state=params.get("state", ""), status=params.get("status", ""),
                                    query=params.get("q", ""))
        page = self.paginate_queryset(items)
        return self.get_paginated_response(TaskSerializer(page, many=True).data)

    @extend_schema(responses={201: TaskSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = TaskSerializer(data=request.data)
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
        return Response(TaskSerializer(task).data, status=201)

    @extend_schema(request=ProgressSerializer, responses={200: TaskSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def progress(self, request: Request, pk: str | None = None) -> Response:
        """Add a dated progress update (with the reason for any delay)."""
        task = self.get_object()
        serializer = ProgressSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.task_progress(task, actor=request.user, **serializer.validated_data)
        return Response(TaskSerializer(selectors.task_get(request.user, task.pk)).data)

    @extend_schema(request=CompleteSerializer, responses={200: TaskSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def complete(self, request: Request, pk: str | None = None) -> Response:
        """Close the task with its completion report."""
        task = self.get_object()
        serializer = CompleteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.task_complete(task, actor=request.user, report=serializer.validated_data["report"])
        return Response(TaskSerializer(selectors.task_get(request.user, task.pk)).data)


# --- Briefing and meetings (5.4) ------------------------------------------------------------------------

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

    @extend_schema(parameters=[OpenApiParameter("month", str, required=True)],
                   responses={200: BriefingSerializer, 400: ErrorSerializer})
    def list(self, request: Request) -> Response:
        if not selectors.is_department_staff(request.user):
            raise PermissionDenied
        month = request.query_params.get("month", "")
        try:
            pack = selectors.briefing_pack(month)
        except ValueError as exc:
            raise ValidationError({"month": [str(exc)]}) from None
        data = {**pack, "indicator_labels": {k: str(v) for k, v in pack["indicator_labels"].items()},
                "programme_tasks": [t.pk for t in pack["programme"]["tasks"]]}
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
    chaired_by: serializers.StringRelatedField = serializers.StringRelatedField()

    class Meta:
        model = Meeting
        fields = ["id", "kind", "month", "held_on", "title", "place", "notes", "chaired_by", "attendance",
                  "conclusions"]

    def get_attendance(self, obj: Meeting) -> list[dict[str, Any]]:
        return [{"user": a.user.username, "present": a.present, "note": a.note} for a in obj.attendance.all()]


class MeetingViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Monthly briefings and extraordinary meetings; POST `conclusions` adds one, and
    `conclusions/{id}/task` turns it into a task."""

    serializer_class = MeetingSerializer

    def get_queryset(self):
        if not selectors.is_department_staff(self.request.user):
            return Meeting.objects.none()
        return Meeting.objects.prefetch_related("conclusions", "attendance__user")

    @extend_schema(responses={201: MeetingSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = MeetingSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        meeting = services.meeting_create(actor=request.user, chaired_by=request.user, **serializer.validated_data)
        return Response(MeetingSerializer(meeting).data, status=201)

    @extend_schema(request=ConclusionSerializer, responses={201: ConclusionSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def conclusions(self, request: Request, pk: str | None = None) -> Response:
        meeting = self.get_object()
        serializer = ConclusionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        conclusion = services.conclusion_add(meeting, actor=request.user, **serializer.validated_data)
        return Response(ConclusionSerializer(conclusion).data, status=201)

    @extend_schema(request=None, responses={201: TaskSerializer, **ERRORS},
                   parameters=[OpenApiParameter("conclusion_id", int, OpenApiParameter.PATH)])
    @action(detail=True, methods=["post"], url_path=r"conclusions/(?P<conclusion_id>\d+)/task")
    def conclusion_task(self, request: Request, pk: str | None = None, conclusion_id: str | None = None
                        ) -> Response:
        """Turn a conclusion into a task on its unit (one action)."""
        meeting = self.get_object()
        conclusion = meeting.conclusions.filter(pk=conclusion_id).first()
        if conclusion is None:
            raise ValidationError({"conclusion_id": ["Unknown conclusion."]})
        task = services.conclusion_to_task(conclusion, actor=request.user)
        return Response(TaskSerializer(task).data, status=201)


# --- Reports upward -------------------------------------------------------------------------------------

class ReportTypeSerializer(serializers.ModelSerializer):
    recipient = choice(Recipient.choices)
    periodicity = choice(Periodicity.choices)
    provision = serializers.CharField(source="provision.citation", read_only=True, allow_null=True)

    class Meta:
        model = ReportType
        fields = ["code", "name", "recipient", "periodicity", "due_offset_days", "sections", "indicators",
                  "provision", "basis"]


class ReportSerializer(serializers.ModelSerializer):
    report_type = serializers.SlugRelatedField(slug_field="code", queryset=ReportType.objects.filter(active=True))
    status = choice(ReportStatus.choices, read_only=True)
    late = serializers.SerializerMethodField()
    period_start = serializers.DateField(required=False)
    period_end = serializers.DateField(required=False)

    class Meta:
        model = Report
        fields = ["id", "report_type", "period_start", "period_end", "due_on", "status", "late", "values",
                  "narrative", "number", "approved_by", "approved_at", "sent_on"]
        read_only_fields = ["due_on", "values", "approved_by", "approved_at", "sent_on"]

    def get_late(self, obj: Report) -> bool:
        return selectors.report_is_late(obj)


class ReportEditSerializer(serializers.Serializer):
    narrative = serializers.DictField(child=serializers.CharField(allow_blank=True), required=False)
    values = serializers.DictField(child=serializers.CharField(allow_blank=True), required=False)
    number = serializers.CharField(required=False, allow_blank=True)


class ReportActionSerializer(serializers.Serializer):
    action = choice([("submit", "submit"), ("approve", "approve"), ("reject", "reject"), ("send", "send"),
                     ("refresh", "refresh")])
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
        serializer = ReportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        report = services.report_create(data["report_type"], actor=request.user,
                                        period_start=data.get("period_start"), period_end=data.get("period_end"))
        return Response(ReportSerializer(report).data, status=201)

    @extend_schema(request=ReportEditSerializer, responses={200: ReportSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def edit(self, request: Request, pk: str | None = None) -> Response:
        report = self.get_object()
        serializer = ReportEditSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        report = services.report_save(report, actor=request.user, **serializer.validated_data)
        return Response(ReportSerializer(report).data)

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
            report = services.report_mark_sent(report, actor=request.user, sent_on=data.get("sent_on"),
                                               number=data["number"])
        else:
            report = services.report_refresh(report, actor=request.user)
        return Response(ReportSerializer(report).data)


class ReportTypeViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ReportTypeSerializer
    lookup_field = "code"

    def get_queryset(self):
        return selectors.report_types()


# --- Reports from districts (6.6) -----------------------------------------------------------------------

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
        serializer = DistrictRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        indicators = [dict(i) for i in data.pop("indicators")]
        item = services.district_request_create(actor=request.user, indicators=indicators, **data)
        return Response(DistrictRequestSerializer(item).data, status=201)

    @extend_schema(responses={200: BoardSerializer, **ERRORS})
    @action(detail=True, methods=["get"])
    def board(self, request: Request, pk: str | None = None) -> Response:
        if not selectors.is_department_staff(request.user):
            raise PermissionDenied
        board = selectors.district_board(self.get_object())
        board["indicators"] = [i.code for i in board["indicators"]]
        return Response(BoardSerializer(board).data)

    @extend_schema(request=None, responses={200: RemindedSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def remind(self, request: Request, pk: str | None = None) -> Response:
        return Response({"reminded": services.district_remind(self.get_object(), actor=request.user)})


class DistrictReportSerializer(serializers.ModelSerializer):
    district = serializers.CharField(source="district.code", read_only=True)
    status = choice(DistrictReportStatus.choices, read_only=True)

    class Meta:
        model = DistrictReport
        fields = ["id", "request", "district", "status", "raw", "values", "note", "submitted_at", "return_reason",
                  "reminders"]
        read_only_fields = fields


class DistrictReportSaveSerializer(serializers.Serializer):
    values = serializers.DictField(child=serializers.CharField(allow_blank=True),
                                   help_text="Figures as typed, by indicator code, e.g. {\"cum-loa\": \"1.250\"}.")
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
        report = services.district_report_save(report, actor=request.user, raw=data["values"], note=data["note"],
                                               submit=data["submit"])
        return Response(DistrictReportSerializer(report).data)

    @extend_schema(request=ReturnSerializer, responses={200: DistrictReportSerializer, **ERRORS})
    @action(detail=True, methods=["post"], url_path="return")
    def return_for_correction(self, request: Request, pk: str | None = None) -> Response:
        report = self.get_object()
        serializer = ReturnSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        report = services.district_report_return(report, actor=request.user,
                                                 reason=serializer.validated_data["reason"])
        return Response(DistrictReportSerializer(report).data)


# --- Council questions and coordination -----------------------------------------------------------------

class QuestionSerializer(serializers.ModelSerializer):
    kind = choice(QuestionKind.choices)
    status = choice(QuestionStatus.choices, read_only=True)
    unit = UnitCodeField(required=False, allow_null=True)
    late = serializers.SerializerMethodField()

    class Meta:
        model = CouncilQuestion
        fields = ["id", "kind", "session", "asked_by", "received_on", "content", "deadline", "unit", "status",
                  "late", "answer", "answer_number", "answered_on"]
        read_only_fields = ["answer", "answer_number", "answered_on"]

    def get_late(self, obj: CouncilQuestion) -> bool:
        return rules.is_late(obj.deadline, obj.answered_on, selectors.today())


class AnswerSerializer(serializers.Serializer):
    answer = serializers.CharField()
    number = serializers.CharField(required=False, allow_blank=True, default="")
    on = serializers.DateField(required=False)


class AssignSerializer(serializers.Serializer):
    unit = UnitCodeField()
    assignee = serializers.SlugRelatedField(slug_field="username", required=False, allow_null=True,
                                            queryset=User.objects.filter(is_active=True))


class QuestionViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Questions of Council delegates and voters' petitions (6.2); `assign` gives one to a unit, `answer`
    records the answer."""

    serializer_class = QuestionSerializer
    filterset_fields = ["status", "kind"]

    def get_queryset(self):
        return selectors.questions_visible_to(self.request.user)

    @extend_schema(responses={201: QuestionSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = QuestionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = services.question_create(actor=request.user, **serializer.validated_data)
        return Response(QuestionSerializer(item).data, status=201)

    @extend_schema(request=AssignSerializer, responses={200: QuestionSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def assign(self, request: Request, pk: str | None = None) -> Response:
        """Give the question to a unit (a leader of that unit, or the leadership) and optionally a person."""
        item = self.get_object()
        serializer = AssignSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = services.question_assign(item, actor=request.user, **serializer.validated_data)
        return Response(QuestionSerializer(item).data)

    @extend_schema(request=AnswerSerializer, responses={200: QuestionSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def answer(self, request: Request, pk: str | None = None) -> Response:
        item = self.get_object()
        serializer = AnswerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = services.question_answer(item, actor=request.user, **serializer.validated_data)
        return Response(QuestionSerializer(item).data)


class CoordinationSerializer(serializers.ModelSerializer):
    direction = choice(Direction.choices)
    counterpart_kind = choice(CounterpartKind.choices)
    status = choice(CoordinationStatus.choices, read_only=True)
    unit = UnitCodeField(required=False, allow_null=True)

    class Meta:
        model = Coordination
        fields = ["id", "direction", "counterpart_kind", "counterpart", "subject", "content", "document_number",
                  "sent_on", "deadline", "unit", "status", "reply", "replied_on", "escalated_on", "escalation_note",
                  "ppc_direction"]
        read_only_fields = ["reply", "replied_on", "escalated_on", "escalation_note", "ppc_direction"]


class CoordinationActionSerializer(serializers.Serializer):
    action = choice([("agree", "agree"), ("disagree", "disagree"), ("escalate", "escalate"), ("close", "close")])
    text = serializers.CharField(required=False, allow_blank=True, default="",
                                 help_text="The reply, the points of disagreement, or the PPC's direction.")


class CoordinationViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Coordination with departments and district People's Committees (6.4, 6.5); `act` records a reply,
    a disagreement, an escalation to the PPC, or closes it with the PPC's direction."""

    serializer_class = CoordinationSerializer
    filterset_fields = ["status", "direction"]

    def get_queryset(self):
        return selectors.coordinations_visible_to(self.request.user)

    @extend_schema(responses={201: CoordinationSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = CoordinationSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = services.coordination_create(actor=request.user, **serializer.validated_data)
        return Response(CoordinationSerializer(item).data, status=201)

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
        return Response(CoordinationSerializer(item).data)


def register(router) -> None:
    router.register("work/tasks", TaskViewSet, basename="work-task")
    router.register("work/briefing", BriefingViewSet, basename="work-briefing")
    router.register("work/meetings", MeetingViewSet, basename="work-meeting")
    router.register("work/report-types", ReportTypeViewSet, basename="work-report-type")
    router.register("work/reports", ReportViewSet, basename="work-report")
    router.register("work/district-requests", DistrictRequestViewSet, basename="work-district-request")
    router.register("work/district-reports", DistrictReportViewSet, basename="work-district-report")
    router.register("work/questions", QuestionViewSet, basename="work-question")
    router.register("work/coordination", CoordinationViewSet, basename="work-coordination")
