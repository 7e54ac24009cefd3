"""API of the correspondence app (`/api/v1/correspondence/...`): incoming documents and their routing,
outgoing documents from draft to issue, drafting dossiers for the Province, the year's figures, the
delegations of signature (TL., TUQ.). Every list
starts from what the user may see; writes go through services; errors come out in the shared format."""

from __future__ import annotations

from typing import Any, cast

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from stttt.accounts.models import User
from stttt.core import apiparams as params
from stttt.core.apierrors import ErrorSerializer, OneObjectSchema
from stttt.core.apifields import choice
from stttt.correspondence import permissions, selectors, services, workflow
from stttt.correspondence.choices import (
    DELEGATION_KINDS,
    Channel,
    DocType,
    DossierFor,
    DossierKind,
    DossierStage,
    IncomingStatus,
    OutgoingStatus,
    Secrecy,
    Urgency,
)
from stttt.correspondence.models import Delegation, Dossier, DossierComment, Incoming, Outgoing
from stttt.org.models import Unit
from stttt.org.powers import scope_to_agency

ERRORS = {400: ErrorSerializer, 403: ErrorSerializer, 404: ErrorSerializer}


def _user(field: Any) -> Any:
    request = field.context.get("request") if hasattr(field, "context") else None
    return getattr(request, "user", None)


class UnitField(serializers.SlugRelatedField):
    """A unit by its code, among the units of the user's agency."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("queryset", Unit.objects.all())
        super().__init__(slug_field="code", **kwargs)

    def get_queryset(self) -> Any:
        return scope_to_agency(cast(QuerySet, super().get_queryset()), _user(self))


class StaffField(serializers.SlugRelatedField):
    """A user by user name, among the staff of the user's agency."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("queryset", User.objects.filter(is_active=True))
        super().__init__(slug_field="username", **kwargs)

    def get_queryset(self) -> Any:
        return scope_to_agency(
            cast(QuerySet, super().get_queryset()).filter(staff__isnull=False), _user(self), field="staff__agency"
        )


@extend_schema_field({"type": "array", "items": {"type": "string"}, "description": "Steps the user may take now."})
class ActionsField(serializers.SerializerMethodField):
    def __init__(self, kind: str, **kwargs: Any) -> None:
        self.kind = kind
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> list[str]:
        user = _user(self.parent)
        return [t.action for t in workflow.actions_for(self.kind, user, value)] if user else []


# --- Incoming ------------------------------------------------------------------------------------------


class CorrIncomingSerializer(serializers.ModelSerializer):
    doc_type = choice(DocType.choices, required=False)
    channel = choice(Channel.choices, required=False)
    urgency = choice(Urgency.choices, required=False, allow_blank=True)
    secrecy = choice(Secrecy.choices, required=False, allow_blank=True)
    status = choice(IncomingStatus.choices, read_only=True)
    lead_unit: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True
    )
    proposed_unit: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True
    )
    coordinating_units: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    officer: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )
    files: serializers.SlugRelatedField = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    allow_duplicate = serializers.BooleanField(write_only=True, required=False, default=False)
    actions = ActionsField("incoming")

    class Meta:
        model = Incoming
        fields = [
            "id",
            "register",
            "arrival_year",
            "arrival_number",
            "received_at",
            "channel",
            "issuer",
            "number_symbol",
            "doc_date",
            "doc_type",
            "summary",
            "urgency",
            "secrecy",
            "pages",
            "status",
            "proposed_unit",
            "proposal",
            "lead_unit",
            "coordinating_units",
            "instruction",
            "deadline",
            "officer",
            "task",
            "result",
            "done_on",
            "files",
            "allow_duplicate",
            "actions",
        ]
        read_only_fields = [
            "register",
            "arrival_year",
            "arrival_number",
            "proposal",
            "instruction",
            "deadline",
            "task",
            "result",
            "done_on",
        ]
        extra_kwargs = {"received_at": {"required": False}}


class CorrProposeSerializer(serializers.Serializer):
    unit = UnitField()
    proposal = serializers.CharField(required=False, allow_blank=True, default="")


class CorrRouteSerializer(serializers.Serializer):
    lead_unit = UnitField()
    coordinating_units = UnitField(many=True, required=False)
    instruction = serializers.CharField()
    deadline = serializers.DateField(required=False, allow_null=True, default=None)
    create_task = serializers.BooleanField(required=False, default=False)


class CorrAssignSerializer(serializers.Serializer):
    officer = StaffField()


class CorrResultSerializer(serializers.Serializer):
    result = serializers.CharField()


class IncomingViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Incoming documents the user may see (routing and confidentiality applied); `?box=` one of
    register, route, unit, mine, overdue, all; `?q=` searches without diacritics (files' text included).
    Creating one registers it (the clerical desk) with the next arrival number of the year."""

    serializer_class = CorrIncomingSerializer
    filter_backends: list[Any] = []
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def get_queryset(self) -> Any:
        return selectors.incoming_visible_to(self.request.user).prefetch_related("coordinating_units", "files")

    @extend_schema(parameters=[OpenApiParameter("box", str), OpenApiParameter("q", str)])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        box = request.query_params.get("box", "all")
        found = selectors.incoming_inbox(
            request.user, box if box in selectors.INBOXES else "all", request.query_params.get("q", "")
        )
        page = self.paginate_queryset(found.prefetch_related("coordinating_units", "files"))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(responses={201: CorrIncomingSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        doc = services.incoming_register(actor=request.user, files=request.FILES.getlist("files"), **data)
        return Response(self.get_serializer(doc).data, status=201)

    def _after(self, doc: Incoming) -> Response:
        return Response(self.get_serializer(self.get_queryset().get(pk=doc.pk)).data)

    @extend_schema(request=CorrProposeSerializer, responses={200: CorrIncomingSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def propose(self, request: Request, pk: str | None = None) -> Response:
        """The Office proposes the unit to handle it (Decree 30/2020 Art. 23(1))."""
        doc = self.get_object()
        s = CorrProposeSerializer(data=request.data, context=self.get_serializer_context())
        s.is_valid(raise_exception=True)
        return self._after(services.incoming_propose(doc, actor=request.user, **s.validated_data))

    @extend_schema(request=CorrRouteSerializer, responses={200: CorrIncomingSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def route(self, request: Request, pk: str | None = None) -> Response:
        """The Director or the Deputy in charge routes it: lead and coordinating units, instruction, deadline;
        `create_task` makes it a task in the work app."""
        doc = self.get_object()
        s = CorrRouteSerializer(data=request.data, context=self.get_serializer_context())
        s.is_valid(raise_exception=True)
        return self._after(services.incoming_route(doc, actor=request.user, **s.validated_data))

    @extend_schema(request=CorrAssignSerializer, responses={200: CorrIncomingSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def assign(self, request: Request, pk: str | None = None) -> Response:
        """The head of the lead unit assigns an officer."""
        doc = self.get_object()
        s = CorrAssignSerializer(data=request.data, context=self.get_serializer_context())
        s.is_valid(raise_exception=True)
        return self._after(services.incoming_assign(doc, actor=request.user, **s.validated_data))

    @extend_schema(request=CorrResultSerializer, responses={200: CorrIncomingSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def complete(self, request: Request, pk: str | None = None) -> Response:
        """Mark it handled with the result."""
        doc = self.get_object()
        s = CorrResultSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        return self._after(services.incoming_complete(doc, actor=request.user, **s.validated_data))


# --- Outgoing ------------------------------------------------------------------------------------------


class CorrOutgoingSerializer(serializers.ModelSerializer):
    doc_type = choice(DocType.choices, required=False)
    urgency = choice(Urgency.choices, required=False, allow_blank=True)
    secrecy = choice(Secrecy.choices, required=False, allow_blank=True)
    status = choice(OutgoingStatus.choices, read_only=True)
    drafting_unit = UnitField()
    drafter: serializers.SlugRelatedField = serializers.SlugRelatedField(slug_field="username", read_only=True)
    signed_by: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )
    recipients = serializers.ListField(child=serializers.CharField(), required=False)
    reply_to = serializers.PrimaryKeyRelatedField(queryset=Incoming.objects.none(), required=False, allow_null=True)
    actions = ActionsField("outgoing")

    class Meta:
        model = Outgoing
        fields = [
            "id",
            "doc_type",
            "summary",
            "body",
            "drafting_unit",
            "drafter",
            "urgency",
            "secrecy",
            "recipients",
            "reply_to",
            "status",
            "version",
            "signed_by",
            "signed_on",
            "capacity",
            "authority_line",
            "title_line",
            "signer_name",
            "register",
            "year",
            "number",
            "number_symbol",
            "issued_on",
            "actions",
        ]
        read_only_fields = [
            "version",
            "signed_on",
            "capacity",
            "authority_line",
            "title_line",
            "signer_name",
            "register",
            "year",
            "number",
            "number_symbol",
            "issued_on",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        user = _user(self)
        if user is not None:
            self.fields["reply_to"].queryset = selectors.incoming_visible_to(user)  # type: ignore[attr-defined]


class CorrReturnSerializer(serializers.Serializer):
    comment = serializers.CharField()


class CorrCommentSerializer(serializers.Serializer):
    text = serializers.CharField()


class CorrReviseSerializer(serializers.Serializer):
    summary = serializers.CharField()
    body = serializers.CharField(allow_blank=True)
    recipients = serializers.ListField(child=serializers.CharField(), required=False)
    doc_type = choice(DocType.choices, required=False)


class OutgoingViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Outgoing documents the user may see; `?box=` one of drafts, review, sign, issue, issued, all; `?q=`.
    Creating one starts a draft; `sign` computes the signature block from the organisation on the day
    (KT./TL./TUQ./Q.); `issue` numbers it in the year's series."""

    serializer_class = CorrOutgoingSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        return selectors.outgoing_visible_to(self.request.user)

    @extend_schema(parameters=[OpenApiParameter("box", str), OpenApiParameter("q", str)])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        box = request.query_params.get("box", "all")
        found = selectors.outgoing_box(
            request.user, box if box in selectors.OUTBOXES else "all", request.query_params.get("q", "")
        )
        page = self.paginate_queryset(found)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(responses={201: CorrOutgoingSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        doc = services.outgoing_create(actor=request.user, **serializer.validated_data)
        return Response(self.get_serializer(doc).data, status=201)

    def _after(self, doc: Outgoing) -> Response:
        return Response(self.get_serializer(self.get_queryset().get(pk=doc.pk)).data)

    @extend_schema(request=CorrReviseSerializer, responses={200: CorrOutgoingSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def revise(self, request: Request, pk: str | None = None) -> Response:
        """Save a new version of the draft."""
        doc = self.get_object()
        s = CorrReviseSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        return self._after(services.outgoing_save(doc, actor=request.user, **s.validated_data))

    @extend_schema(request=None, responses={200: CorrOutgoingSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str | None = None) -> Response:
        """Submit the draft for review."""
        return self._after(services.outgoing_submit(self.get_object(), actor=request.user))

    @extend_schema(request=None, responses={200: CorrOutgoingSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def review(self, request: Request, pk: str | None = None) -> Response:
        """The head of the drafting unit approves the draft."""
        return self._after(services.outgoing_review(self.get_object(), actor=request.user))

    @extend_schema(request=CorrReturnSerializer, responses={200: CorrOutgoingSerializer, **ERRORS})
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_(self, request: Request, pk: str | None = None) -> Response:
        """Return the draft for correction with a comment."""
        doc = self.get_object()
        s = CorrReturnSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        return self._after(services.outgoing_return(doc, actor=request.user, **s.validated_data))

    @extend_schema(request=None, responses={200: CorrOutgoingSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def sign(self, request: Request, pk: str | None = None) -> Response:
        """Approve and sign (capacity from the organisation today)."""
        return self._after(services.outgoing_sign(self.get_object(), actor=request.user))

    @extend_schema(request=None, responses={200: CorrOutgoingSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def issue(self, request: Request, pk: str | None = None) -> Response:
        """Number and issue (the clerical desk)."""
        return self._after(services.outgoing_issue(self.get_object(), actor=request.user))

    @extend_schema(request=CorrCommentSerializer, responses={200: CorrOutgoingSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def comment(self, request: Request, pk: str | None = None) -> Response:
        """Comment on the draft."""
        doc = self.get_object()
        s = CorrCommentSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        services.outgoing_comment(doc, actor=request.user, **s.validated_data)
        return self._after(doc)


# --- Dossiers ------------------------------------------------------------------------------------------


class CorrDossierCommentSerializer(serializers.ModelSerializer):
    class Meta:
        model = DossierComment
        fields = ["id", "stage", "commenter", "text", "accepted", "response"]


class CorrDossierSerializer(serializers.ModelSerializer):
    kind = choice(DossierKind.choices)
    for_body = choice(DossierFor.choices, required=False)
    stage = choice(DossierStage.choices, read_only=True)
    lead_unit = UnitField()
    comments = CorrDossierCommentSerializer(many=True, read_only=True)
    actions = ActionsField("dossier")

    class Meta:
        model = Dossier
        fields = [
            "id",
            "kind",
            "for_body",
            "title",
            "is_legal",
            "duty",
            "source_note",
            "lead_unit",
            "stage",
            "stage_deadline",
            "deadline",
            "note",
            "legal_document",
            "comments",
            "actions",
        ]
        read_only_fields = ["stage_deadline", "note", "legal_document"]


class CorrStepSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=["start", "consult", "appraise", "submit", "revise"])
    stage_deadline = serializers.DateField(required=False, allow_null=True, default=None)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class DossierViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Drafting dossiers for the PPC and its Chairman (regulation 3.1-3.3) with their comments."""

    serializer_class = CorrDossierSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        return selectors.dossiers_visible_to(self.request.user).prefetch_related("comments")

    @extend_schema(responses={201: CorrDossierSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        dossier = services.dossier_create(actor=request.user, **serializer.validated_data)
        return Response(self.get_serializer(dossier).data, status=201)

    @extend_schema(request=CorrStepSerializer, responses={200: CorrDossierSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def step(self, request: Request, pk: str | None = None) -> Response:
        """Move the dossier to its next stage, with the stage's deadline."""
        dossier = self.get_object()
        s = CorrStepSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        data = dict(s.validated_data)
        services.dossier_step(dossier, data.pop("action"), actor=request.user, **data)
        return Response(self.get_serializer(self.get_queryset().get(pk=dossier.pk)).data)


# --- Figures -------------------------------------------------------------------------------------------


class CorrMonthSerializer(serializers.Serializer):
    month = serializers.IntegerField()
    incoming = serializers.IntegerField()
    outgoing = serializers.IntegerField()


class CorrUnitFigureSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    open = serializers.IntegerField()
    overdue = serializers.IntegerField()


class CorrFiguresSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    months = CorrMonthSerializer(many=True)
    units = CorrUnitFigureSerializer(many=True)


class FiguresViewSet(viewsets.ViewSet):
    """The year's documents in and out per month and the routed documents per lead unit (leaders, Office)."""

    schema = OneObjectSchema()

    @extend_schema(
        parameters=[params.YEAR],
        responses={200: CorrFiguresSerializer, 403: ErrorSerializer},
    )
    def list(self, request: Request) -> Response:
        agency = selectors.working_agency(request.user)
        if agency is None or not (permissions.is_leader(request.user) or permissions.is_clerk(request.user)):
            raise PermissionDenied
        year = params.year(request)
        data = {
            "year": year,
            "months": selectors.monthly_counts(agency, year),
            "units": selectors.overdue_by_unit(agency),
        }
        return Response(CorrFiguresSerializer(data).data)


# --- Delegations of signature -------------------------------------------------------------------------

DELEGATION_STATES = ("upcoming", "current", "ended")


class CorrDelegationSerializer(serializers.ModelSerializer):
    unit = UnitField(help_text="Code of the unit whose head signs.")
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    kind = choice(DELEGATION_KINDS, help_text="tl: by order (TL., Art. 13(4)); tuq: by authorisation (TUQ., 13(3)).")
    doc_types = serializers.ListField(
        child=choice(DocType.choices), help_text="The document types the unit head signs under the delegation."
    )
    end_on = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="Last day; required for TUQ."
    )
    state = serializers.SerializerMethodField()

    class Meta:
        model = Delegation
        fields = ["id", "unit", "unit_name", "kind", "doc_types", "start_on", "end_on", "basis", "state"]

    @extend_schema_field(
        {
            "type": "string",
            "pattern": f"^({'|'.join(DELEGATION_STATES)})$",
            "description": "On today's date: " + ", ".join(DELEGATION_STATES),
        }
    )
    def get_state(self, obj: Delegation) -> str:
        return selectors.delegation_state(obj)


class CorrDelegationEndSerializer(serializers.Serializer):
    end_on = serializers.DateField(help_text="The delegation's last day (not before its first).")


class DelegationViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """The agency's delegations of signature to unit heads, current and past (Decree 30/2020 Art. 13(3)-(4)),
    read by the leaders and the Office. The Director (acting included) records one (`POST`) and ends one
    (`end`); a unit head then signs documents of those types "TL. GIÁM ĐỐC" or "TUQ. GIÁM ĐỐC"."""

    serializer_class = CorrDelegationSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        return selectors.delegations_visible_to(self.request.user)

    @extend_schema(responses={200: CorrDelegationSerializer(many=True), 403: ErrorSerializer})
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        if not permissions.can_view_delegations(request.user):
            raise PermissionDenied
        return super().list(request, *args, **kwargs)

    @extend_schema(responses={201: CorrDelegationSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Record a delegation (the Director): refused for a unit of another agency, without a written basis,
        ending before it starts, with a type that is not one of the app's, a TUQ. without a last day, or
        sharing a day and a type with a delegation of the same kind to the same unit."""
        agency = selectors.working_agency(request.user)
        if agency is None or not permissions.can_manage_delegations(request.user, agency.pk):
            raise PermissionDenied
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        delegation = services.delegation_create(actor=request.user, agency=agency, **serializer.validated_data)
        return Response(self.get_serializer(delegation).data, status=201)

    @extend_schema(request=CorrDelegationEndSerializer, responses={200: CorrDelegationSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def end(self, request: Request, pk: str | None = None) -> Response:
        """End the delegation on `end_on`, its last day (the Director); never later than a last day already
        written."""
        delegation = self.get_object()
        if not permissions.can_manage_delegations(request.user, delegation.agency_id):
            raise PermissionDenied
        s = CorrDelegationEndSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        delegation = services.delegation_end(delegation, actor=request.user, **s.validated_data)
        return Response(self.get_serializer(delegation).data)


def register(router: Any) -> None:
    router.register("correspondence/incoming", IncomingViewSet, basename="correspondence-incoming")
    router.register("correspondence/outgoing", OutgoingViewSet, basename="correspondence-outgoing")
    router.register("correspondence/dossiers", DossierViewSet, basename="correspondence-dossier")
    router.register("correspondence/figures", FiguresViewSet, basename="correspondence-figures")
    router.register("correspondence/delegations", DelegationViewSet, basename="correspondence-delegation")
