"""API of the procedures app: catalogue, dossiers, transitions and statistics (`/api/v1/procedures/...`)."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from stttt.core.apierrors import Conflict, ErrorSerializer
from stttt.org.selectors import served_agency
from stttt.procedures import permissions, rules, selectors, services, versions
from stttt.procedures.choices import Channel
from stttt.procedures.models import Component, Dossier, DossierStep, Procedure, ProcedureVersion
from stttt.procedures.workflow import ACTIONS


class ComponentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Component
        fields = ["id", "name", "copy_kind", "copies", "form", "required"]


class ProcedureSerializer(serializers.ModelSerializer):
    components = ComponentSerializer(many=True, read_only=True)

    class Meta:
        model = Procedure
        # The catalogue's own fields, as the catalogue file defines them (internal notes left out).
        fields = ["code", *(f for f in services.PROCEDURE_FIELDS if f != "notes"), "components"]


class AnnouncementSerializer(serializers.Serializer):
    document = serializers.CharField(help_text="The announcing decision: number, date, issuer.")
    row = serializers.CharField(help_text="Its article or annex row.")
    demo = serializers.BooleanField(required=False, default=False, help_text="A fictional decision of the demo.")


class VersionStepSerializer(serializers.Serializer):
    stage = serializers.CharField()
    days = serializers.IntegerField(min_value=0)
    unit = serializers.CharField()
    basis = serializers.CharField(allow_blank=True)


class VersionComponentSerializer(serializers.Serializer):
    name = serializers.CharField()
    copy_kind = serializers.CharField()
    copies = serializers.IntegerField()
    form = serializers.CharField(allow_blank=True)
    required = serializers.BooleanField()  # type: ignore[assignment]  # a field named like Field.required


class ProcedureVersionSerializer(serializers.ModelSerializer):
    """One version of a procedure's facts (`versions`); read-only: drafts change through the services."""

    announcements = AnnouncementSerializer(many=True, read_only=True)
    steps = VersionStepSerializer(many=True, read_only=True)
    components = VersionComponentSerializer(many=True, read_only=True)
    limit_basis = serializers.CharField(read_only=True)

    class Meta:
        model = ProcedureVersion
        fields = [
            "number",
            "status",
            "valid_from",
            "valid_to",
            "announcements",
            *rules.FACT_FIELDS,
            "limit_basis",
            "change_note",
            "published_at",
        ]
        read_only_fields = fields


class VersionImportSerializer(serializers.Serializer):
    export = serializers.DictField(help_text="The national database's JSON export of this procedure (MaTTHC, ...).")


class VersionImportedSerializer(serializers.Serializer):
    version = ProcedureVersionSerializer()
    diff = serializers.ListField(child=serializers.CharField(), help_text="What changes against the version in force.")


class StepSerializer(serializers.ModelSerializer):
    actor: serializers.StringRelatedField = serializers.StringRelatedField(allow_null=True)
    # Plain strings: the values are those of `status` (one enum in the schema, not three).
    from_status = serializers.CharField(read_only=True)
    to_status = serializers.CharField(read_only=True)

    class Meta:
        model = DossierStep
        fields = ["action", "from_status", "to_status", "actor", "at", "due_date", "on_time", "note", "basis"]


class DossierSerializer(serializers.ModelSerializer):
    procedure = serializers.CharField(source="procedure.code", read_only=True)
    procedure_version = serializers.IntegerField(
        source="procedure_version.number",
        read_only=True,
        allow_null=True,
        help_text="The version of the procedure the dossier was filed under.",
    )
    portal_status_code = serializers.IntegerField(read_only=True)
    deadline_state = serializers.SerializerMethodField()
    steps = StepSerializer(many=True, read_only=True)

    class Meta:
        model = Dossier
        fields = [
            "id",
            "code",
            "procedure",
            "procedure_version",
            "status",
            "portal_status_code",
            "version",
            "channel",
            "applicant_name",
            "applicant_id_number",
            "applicant_address",
            "applicant_phone",
            "applicant_email",
            "subject",
            "submitted_at",
            "received_at",
            "counting_start",
            "statutory_due_date",
            "due_date",
            "deadline_state",
            "assignee",
            "resolved_at",
            "returned_at",
            "refusal_reasons",
            "supplement_reasons",
            "result_number",
            "closed_late",
            "steps",
        ]
        read_only_fields = fields

    def get_deadline_state(self, obj: Dossier) -> str:
        return selectors.deadline_state(obj)


class FilingFileSerializer(serializers.Serializer):
    component = serializers.IntegerField(required=False, allow_null=True, help_text="Id of the component.")
    name = serializers.CharField(max_length=255)
    content = serializers.CharField(help_text="The file, base64-encoded.")


class FilingSerializer(serializers.Serializer):
    """A filing: the same as the portal's page and the desk's (`services.dossier_file`)."""

    procedure = serializers.CharField(help_text="Code of the procedure in the agency's catalogue.")
    channel = serializers.ChoiceField(choices=Channel.choices, default=Channel.ONLINE)
    applicant_name = serializers.CharField(max_length=300, allow_blank=True)
    applicant_id_number = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    applicant_address = serializers.CharField(max_length=400, required=False, allow_blank=True, default="")
    applicant_phone = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")
    applicant_email = serializers.EmailField(required=False, allow_blank=True)
    subject = serializers.CharField(max_length=400, required=False, allow_blank=True, default="")
    particulars = serializers.DictField(
        required=False, default=dict, help_text="holder_type, district and subject of a licence applied for."
    )
    files = FilingFileSerializer(many=True, required=False, default=list)
    paper = serializers.ListField(
        child=serializers.IntegerField(),
        required=False,
        default=list,
        help_text="Components whose paper original the desk has seen.",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """The same checks of the applicant as the portal's and the desk's forms (`rules.applicant_problems`)."""
        holder = str((attrs.get("particulars") or {}).get("holder_type") or "")
        problems = rules.applicant_problems({"applicant_email": "", **attrs}, holder, timezone.localdate())
        if problems:
            raise serializers.ValidationError({field: [problem] for field, problem in problems.items()})
        return attrs


class TransitionSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=sorted(ACTIONS))
    expected_version = serializers.IntegerField(required=False)
    reasons = serializers.CharField(required=False, allow_blank=True, default="")
    assignee = serializers.IntegerField(required=False)
    new_due = serializers.DateField(required=False)
    result_number = serializers.CharField(required=False, allow_blank=True, default="")


class ProcedureViewSet(viewsets.ReadOnlyModelViewSet):
    """The catalogue of procedures with their legal facts and dossier components."""

    serializer_class = ProcedureSerializer
    lookup_field = "code"
    lookup_value_regex = r"[^/]+"  # catalogue codes contain dots (STTTT.BC.01)
    filterset_fields = ["field_code", "division_code", "handling", "time_unit"]

    def get_queryset(self):
        return selectors.procedures_active(selectors.catalogue_agency(self.request.user, served_agency(self.request)))

    @extend_schema(responses={200: ProcedureVersionSerializer(many=True)})
    @action(detail=True, methods=["get"])
    def versions(self, request: Request, code: str | None = None) -> Response:
        """Every version of the procedure (drafts only for those who draft them: the Office, the processing
        division and the leaders)."""
        procedure = self.get_object()
        found = versions.versions_of(procedure)
        if not permissions.may_draft_versions(request.user, procedure):
            found = found.filter(status="published")
        return Response(ProcedureVersionSerializer(found, many=True).data)

    @extend_schema(
        request=None,
        responses={200: ProcedureVersionSerializer, 400: ErrorSerializer, 403: ErrorSerializer, 404: ErrorSerializer},
    )
    @action(detail=True, methods=["post"], url_path=r"versions/(?P<number>[0-9]{1,5})/publish")
    def publish(self, request: Request, code: str | None = None, number: str = "") -> Response:
        """Publish a draft version: checked complete and not overlapping another published version. The
        Director or the Deputy Director in charge of the procedure's field publishes."""
        procedure = self.get_object()
        if not permissions.may_publish_versions(request.user, procedure):
            raise PermissionDenied()
        version = versions.versions_of(procedure).filter(number=int(number)).first()
        if version is None:
            raise NotFound()
        return Response(ProcedureVersionSerializer(services.version_publish(version, actor=request.user)).data)

    @extend_schema(
        request=VersionImportSerializer,
        responses={201: VersionImportedSerializer, 400: ErrorSerializer, 403: ErrorSerializer},
    )
    @action(detail=True, methods=["post"], url_path="import")
    def import_export(self, request: Request, code: str | None = None) -> Response:
        """A national database export of the procedure as a draft version, with its diff (the Office, the
        processing division or the leaders)."""
        procedure = self.get_object()
        if not permissions.may_draft_versions(request.user, procedure):
            raise PermissionDenied()
        serializer = VersionImportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        content = json.dumps(serializer.validated_data["export"]).encode()
        draft, diff = services.version_import(procedure, content, actor=request.user)
        body = {"version": ProcedureVersionSerializer(draft).data, "diff": diff}
        return Response(body, status=status.HTTP_201_CREATED)


class DossierViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Dossiers the user may see. POST files one online (send `Idempotency-Key` to make retries safe)."""

    serializer_class = DossierSerializer
    filterset_fields = ["status", "procedure__code"]

    def get_queryset(self):
        return (
            selectors.dossiers_visible_to(self.request.user)
            .select_related("procedure_version")
            .prefetch_related("steps__actor")
        )

    @extend_schema(
        request=FilingSerializer,
        parameters=[OpenApiParameter("Idempotency-Key", str, OpenApiParameter.HEADER, required=False)],
        responses={201: DossierSerializer, 200: DossierSerializer, 400: ErrorSerializer, 403: ErrorSerializer},
    )
    def create(self, request: Request, *args, **kwargs) -> Response:
        serializer = FilingSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        agency = selectors.catalogue_agency(request.user, served_agency(request))
        procedure = selectors.procedures_active(agency).filter(code=data.pop("procedure")).first()
        if procedure is None:
            raise ValidationError({"procedure": ["Unknown procedure."]})
        components = {c.pk: c for c in procedure.components.all()}
        uploads = []
        for item in data.pop("files"):
            try:
                content = base64.b64decode(item["content"], validate=True)
            except (binascii.Error, ValueError):
                raise ValidationError({"files": ["The content is not base64."]}) from None
            component = components.get(item["component"]) if item.get("component") is not None else None
            if item.get("component") is not None and component is None:
                raise ValidationError({"files": ["This component belongs to another procedure."]})
            uploads.append(services.Upload(component, item["name"], content))
        dossier, created = services.dossier_file(
            procedure,
            actor=request.user,
            channel=data.pop("channel"),
            data=data,
            uploads=uploads,
            paper=data.pop("paper"),
            particulars=data.pop("particulars"),
            idempotency_key=request.headers.get("Idempotency-Key"),
        )
        return Response(
            DossierSerializer(dossier).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK
        )

    @extend_schema(
        request=TransitionSerializer,
        responses={200: DossierSerializer, 400: ErrorSerializer, 403: ErrorSerializer, 409: ErrorSerializer},
    )
    @action(detail=True, methods=["post"])
    def transition(self, request: Request, pk: str | None = None) -> Response:
        """Apply one workflow action; 409 when someone else changed the dossier first."""
        dossier = self.get_object()
        serializer = TransitionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        assignee = None
        if data.get("assignee") is not None:
            assignee = get_user_model().objects.filter(pk=data["assignee"]).first()
            if assignee is None:
                raise ValidationError({"assignee": ["Unknown user."]})
        try:
            dossier = services.dossier_transition(
                dossier.pk,
                data["action"],
                actor=request.user,
                expected_version=data.get("expected_version"),
                reasons=data["reasons"],
                assignee=assignee,
                new_due=data.get("new_due"),
                result_number=data["result_number"],
            )
        except services.Conflict as exc:
            raise Conflict(" ".join(str(m) for m in exc.messages)) from None
        except DjangoValidationError:
            raise
        return Response(DossierSerializer(dossier).data)


class StatisticsViewSet(viewsets.ViewSet):
    """Per procedure or division for one month (`?month=YYYY-MM&by=procedure|division`)."""

    @extend_schema(
        parameters=[OpenApiParameter("month", str), OpenApiParameter("by", str)],
        responses={200: serializers.ListSerializer(child=serializers.DictField()), 400: ErrorSerializer},
    )
    def list(self, request: Request) -> Response:
        from django.utils import timezone

        month = request.query_params.get("month") or timezone.localdate().strftime("%Y-%m")
        by = request.query_params.get("by", "procedure")
        if not permissions.can_see_statistics(request.user):
            raise PermissionDenied()
        if by not in ("procedure", "division"):
            raise ValidationError({"by": ["procedure or division"]})
        try:
            selectors.month_bounds(month)
        except ValueError:
            raise ValidationError({"month": ["YYYY-MM"]}) from None
        return Response(selectors.statistics(month, by=by, user=request.user))


def register(router) -> None:
    router.register("procedures/catalog", ProcedureViewSet, basename="procedure")
    router.register("procedures/dossiers", DossierViewSet, basename="dossier")
    router.register("procedures/statistics", StatisticsViewSet, basename="procedure-statistics")
