"""API of the digital app (`/api/v1/digital/...`): enterprises, datasets, sharing requests, appraisals,
signature requests, indicator collections and submissions, the DTI and online-service figures. Lists start from
what the user may see (their agency's records); writes go through services; errors in the shared format."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from stttt.core import apiparams as params
from stttt.core.apierrors import OneObjectSchema
from stttt.core.apifields import choice
from stttt.digital import selectors, services
from stttt.digital.choices import (
    AccessLevel,
    AppraisalStatus,
    CertificateKind,
    EnterpriseStatus,
    FieldOfActivity,
    Frequency,
    Funding,
    Outcome,
    ProjectGroup,
    SharingStatus,
    SignatureStatus,
    Stage,
    SubmissionStatus,
)
from stttt.digital.models import Appraisal, Dataset, ITEnterprise, SharingRequest, SignatureRequest, Submission
from stttt.work.api.common import ERRORS


def _agency(request: Request) -> Any:
    agency = selectors.working_agency(request.user)
    if agency is None:
        from rest_framework.exceptions import PermissionDenied

        raise PermissionDenied("Only the Department's staff may do this.")
    return agency


# --- Enterprises -------------------------------------------------------------------------------------------


class DigitalEnterpriseSerializer(serializers.ModelSerializer):
    field_of_activity = choice(FieldOfActivity.choices)
    status = choice(EnterpriseStatus.choices, default=EnterpriseStatus.ACTIVE)

    class Meta:
        model = ITEnterprise
        fields = [
            "id",
            "name",
            "tax_code",
            "address",
            "field_of_activity",
            "products",
            "representative",
            "phone",
            "email",
            "website",
            "founded_on",
            "status",
            "note",
        ]


class EnterpriseViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """The register of IT and digital-technology enterprises (3.13.b)."""

    serializer_class = DigitalEnterpriseSerializer
    filterset_fields = ["field_of_activity", "status"]

    def get_queryset(self):
        return selectors.enterprises_visible_to(self.request.user)

    @extend_schema(responses={201: DigitalEnterpriseSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = services.enterprise_save(actor=request.user, **serializer.validated_data)
        return Response(self.get_serializer(item).data, status=201)


# --- Datasets and sharing ----------------------------------------------------------------------------------


class DigitalDatasetSerializer(serializers.ModelSerializer):
    access_level = choice(AccessLevel.choices)
    frequency = choice(Frequency.choices)

    class Meta:
        model = Dataset
        fields = [
            "id",
            "code",
            "name",
            "owner",
            "content",
            "fields",
            "frequency",
            "legal_basis",
            "personal_data",
            "access_level",
            "is_database",
            "system",
            "keywords",
            "licence",
            "access_url",
            "issued_on",
            "modified_on",
        ]


class DatasetViewSet(viewsets.ReadOnlyModelViewSet):
    """The catalogue of the province's databases and shared datasets (Decree 47/2020/NĐ-CP; 3.14.đ)."""

    serializer_class = DigitalDatasetSerializer
    filterset_fields = ["access_level", "is_database", "personal_data"]

    def get_queryset(self):
        return selectors.datasets_visible_to(self.request.user)


class DigitalSharingSerializer(serializers.ModelSerializer):
    status = choice(SharingStatus.choices, read_only=True)
    dataset = serializers.PrimaryKeyRelatedField(queryset=Dataset.objects.none())

    class Meta:
        model = SharingRequest
        fields = [
            "id",
            "dataset",
            "requester",
            "number",
            "purpose",
            "legal_basis",
            "received_on",
            "due_on",
            "status",
            "decided_on",
            "reasons",
            "terms",
            "method",
        ]
        read_only_fields = ["due_on", "decided_on", "reasons", "terms", "method"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["dataset"].queryset = selectors.datasets_visible_to(request.user)  # type: ignore[attr-defined]


class DigitalDecisionSerializer(serializers.Serializer):
    action = choice([("agree", "agree"), ("refuse", "refuse"), ("withdraw", "withdraw")])
    reasons = serializers.CharField(required=False, allow_blank=True, default="")
    terms = serializers.CharField(required=False, allow_blank=True, default="")
    method = serializers.CharField(required=False, allow_blank=True, default="")


class SharingViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Data-sharing requests with their legal time limit to answer (Decree 47/2020/NĐ-CP)."""

    serializer_class = DigitalSharingSerializer
    filterset_fields = ["status"]

    def get_queryset(self):
        return selectors.sharing_visible_to(self.request.user)

    @extend_schema(responses={201: DigitalSharingSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = services.sharing_request_create(actor=request.user, **serializer.validated_data)
        return Response(self.get_serializer(item).data, status=201)

    @extend_schema(request=DigitalDecisionSerializer, responses={200: DigitalSharingSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def decide(self, request: Request, pk: str | None = None) -> Response:
        record = self.get_object()
        data = DigitalDecisionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item = services.sharing_decide(record, actor=request.user, **data.validated_data)
        return Response(self.get_serializer(item).data)


# --- Appraisals ----------------------------------------------------------------------------------------------


class DigitalAppraisalSerializer(serializers.ModelSerializer):
    funding = choice(Funding.choices)
    stage = choice(Stage.choices)
    group = choice(ProjectGroup.choices, read_only=True)
    status = choice(AppraisalStatus.choices, read_only=True)
    outcome = choice(Outcome.choices, read_only=True)
    national = serializers.BooleanField(write_only=True, required=False, default=False)

    class Meta:
        model = Appraisal
        fields = [
            "id",
            "title",
            "owner",
            "number",
            "funding",
            "stage",
            "total",
            "group",
            "received_on",
            "due_on",
            "status",
            "opinion",
            "opinion_number",
            "outcome",
            "appraised_on",
            "approved_total",
            "national",
        ]
        read_only_fields = ["due_on", "opinion", "opinion_number", "appraised_on", "approved_total"]


class DigitalAppraiseSerializer(serializers.Serializer):
    opinion = serializers.CharField()
    outcome = choice(Outcome.choices)
    opinion_number = serializers.CharField(required=False, allow_blank=True, default="")
    approved_total = serializers.DecimalField(max_digits=18, decimal_places=0, required=False, allow_null=True)


class AppraisalViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """IT investment appraisals (Decree 73/2019/NĐ-CP as amended): group and due date computed on receipt."""

    serializer_class = DigitalAppraisalSerializer
    filterset_fields = ["status", "stage", "group"]

    def get_queryset(self):
        return selectors.appraisals_visible_to(self.request.user)

    @extend_schema(responses={201: DigitalAppraisalSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = services.appraisal_create(actor=request.user, **serializer.validated_data)
        return Response(self.get_serializer(item).data, status=201)

    @extend_schema(request=DigitalAppraiseSerializer, responses={200: DigitalAppraisalSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def appraise(self, request: Request, pk: str | None = None) -> Response:
        record = self.get_object()
        data = DigitalAppraiseSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item = services.appraisal_appraise(record, actor=request.user, **data.validated_data)
        return Response(self.get_serializer(item).data)


# --- Signatures ----------------------------------------------------------------------------------------------


class DigitalSignatureSerializer(serializers.ModelSerializer):
    kind = choice(CertificateKind.choices)
    status = choice(SignatureStatus.choices, read_only=True)

    class Meta:
        model = SignatureRequest
        fields = [
            "id",
            "kind",
            "body",
            "holder",
            "position",
            "email",
            "received_on",
            "status",
            "forwarded_on",
            "forwarded_number",
            "serial",
            "issued_on",
            "expires_on",
            "reasons",
        ]
        read_only_fields = ["forwarded_on", "forwarded_number", "serial", "issued_on", "expires_on", "reasons"]


class SignatureViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Requests for specialised digital-signature certificates for agencies and officials (3.14.h)."""

    serializer_class = DigitalSignatureSerializer
    filterset_fields = ["status", "kind"]

    def get_queryset(self):
        return selectors.signatures_visible_to(self.request.user)

    @extend_schema(responses={201: DigitalSignatureSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = services.signature_request_create(actor=request.user, **serializer.validated_data)
        return Response(self.get_serializer(item).data, status=201)


# --- Submissions ---------------------------------------------------------------------------------------------


class DigitalSubmissionSerializer(serializers.ModelSerializer):
    status = choice(SubmissionStatus.choices, read_only=True)
    collection = serializers.CharField(source="collection.title", read_only=True)
    year = serializers.IntegerField(source="collection.year", read_only=True)
    deadline = serializers.DateField(source="collection.deadline", read_only=True)
    entity = serializers.CharField(source="entity.name", read_only=True)
    values = serializers.DictField(child=serializers.FloatField(allow_null=True), read_only=True)

    class Meta:
        model = Submission
        fields = [
            "id",
            "collection",
            "year",
            "deadline",
            "entity",
            "status",
            "values",
            "note",
            "submitted_at",
            "return_reason",
        ]


class DigitalFiguresSerializer(serializers.Serializer):
    raw = serializers.DictField(child=serializers.CharField(allow_blank=True), help_text="Figures by field code.")
    note = serializers.CharField(required=False, allow_blank=True, default="")
    submit = serializers.BooleanField(required=False, default=False)


class SubmissionViewSet(viewsets.ReadOnlyModelViewSet):
    """Indicator figures of a reporting entity: a district officer their district's, staff their agency's."""

    serializer_class = DigitalSubmissionSerializer
    filterset_fields = ["status"]

    def get_queryset(self):
        return selectors.submissions_visible_to(self.request.user)

    @extend_schema(request=DigitalFiguresSerializer, responses={200: DigitalSubmissionSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def figures(self, request: Request, pk: str | None = None) -> Response:
        record = self.get_object()
        data = DigitalFiguresSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item = services.submission_save(record, actor=request.user, **data.validated_data)
        return Response(self.get_serializer(item).data)


# --- Figures -------------------------------------------------------------------------------------------------


class DigitalDtiRowSerializer(serializers.Serializer):
    key = serializers.CharField()
    computed = serializers.FloatField()
    previous = serializers.FloatField()
    change = serializers.FloatField(allow_null=True)
    published = serializers.FloatField(allow_null=True)
    rank = serializers.IntegerField(allow_null=True)
    of_provinces = serializers.IntegerField(allow_null=True)
    previous_rank = serializers.IntegerField(allow_null=True)


class DigitalDtiSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    total_points = serializers.FloatField()
    points = serializers.DictField(child=serializers.FloatField())
    rows = DigitalDtiRowSerializer(many=True)


class DtiViewSet(viewsets.ViewSet):
    """The DTI computed for a year from the submitted figures, against the year before and the published ranking."""

    schema = OneObjectSchema()

    @extend_schema(parameters=[params.YEAR], responses={200: DigitalDtiSerializer, **ERRORS})
    def list(self, request: Request) -> Response:
        year = params.year(request)
        comparison = selectors.dti_comparison(_agency(request), year)
        result = comparison["current"]["result"]
        return Response(
            DigitalDtiSerializer(
                {"year": year, "total_points": result.total, "points": result.points, "rows": comparison["rows"]}
            ).data
        )


class DigitalOnlineMonthSerializer(serializers.Serializer):
    month = serializers.IntegerField()
    received = serializers.IntegerField()
    online = serializers.IntegerField()
    full_online = serializers.IntegerField()
    resolved_on_time = serializers.IntegerField()
    resolved_late = serializers.IntegerField()
    online_share = serializers.FloatField(allow_null=True)
    full_online_share = serializers.FloatField(allow_null=True)
    on_time_share = serializers.FloatField(allow_null=True)


class DigitalOnlineSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    months = DigitalOnlineMonthSerializer(many=True)


class OnlineViewSet(viewsets.ViewSet):
    """Online public services of the year by month, computed from the dossiers (Decrees 45/2020, 42/2022)."""

    schema = OneObjectSchema()

    @extend_schema(parameters=[params.YEAR], responses={200: DigitalOnlineSerializer, **ERRORS})
    def list(self, request: Request) -> Response:
        year = params.year(request)
        online = selectors.online_services(_agency(request), year)
        return Response(DigitalOnlineSerializer({"year": year, "months": online["months"]}).data)


def register(router: Any) -> None:
    router.register("digital/enterprises", EnterpriseViewSet, basename="digital-enterprise")
    router.register("digital/datasets", DatasetViewSet, basename="digital-dataset")
    router.register("digital/sharing-requests", SharingViewSet, basename="digital-sharing")
    router.register("digital/appraisals", AppraisalViewSet, basename="digital-appraisal")
    router.register("digital/signatures", SignatureViewSet, basename="digital-signature")
    router.register("digital/submissions", SubmissionViewSet, basename="digital-submission")
    router.register("digital/dti", DtiViewSet, basename="digital-dti")
    router.register("digital/online-services", OnlineViewSet, basename="digital-online")
