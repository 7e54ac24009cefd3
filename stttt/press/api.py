"""API of the press app (`/api/v1/press/...`), for the agency's press and publishing division and leadership:
outlets, deposited items with their reading steps, the daily list of deposits due, offices and resident
reporters, press conferences and the press picture. Lists start from what the user may see; writes go through
services; errors come out in the shared format."""

from __future__ import annotations

from typing import Any

import django_filters
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import mixins, serializers, viewsets
from rest_framework import permissions as drf_permissions
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from stttt.core import apiparams as params
from stttt.core.apierrors import ErrorSerializer, OneObjectSchema
from stttt.core.apifields import choice
from stttt.press import permissions, rules, selectors, services, workflow
from stttt.press.choices import Conclusion, ConferenceStatus, ItemKind, ItemStatus, OfficeStatus, OutletKind, Timeliness
from stttt.press.models import DepositItem, Outlet, PressConference, RepresentativeOffice

ERRORS = {400: ErrorSerializer, 403: ErrorSerializer, 404: ErrorSerializer}


class ActionsField(serializers.SerializerMethodField):
    """The workflow steps the requesting user may take on the record now (from the table)."""

    def __init__(self, kind: str, **kwargs: Any) -> None:
        self.kind = kind
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> list[str]:
        request = self.parent.context.get("request")
        if request is None:
            return []
        return [t.action for t in workflow.actions_for(self.kind, request.user, value)]


extend_schema_field({"type": "array", "items": {"type": "string"}})(ActionsField)


def _require_view(request: Request) -> None:
    if not permissions.may_view(request.user):
        raise PermissionDenied


class MayViewPress(drf_permissions.IsAuthenticated):
    """The press and publishing division and the leadership (`permissions.may_view`); everyone else 403."""

    def has_permission(self, request: Any, view: Any) -> bool:
        return super().has_permission(request, view) and permissions.may_view(request.user)


# --- Outlets ------------------------------------------------------------------------------------------------


class PressOutletSerializer(serializers.ModelSerializer):
    kind = choice(OutletKind.choices)
    release_weekdays = serializers.ListField(child=serializers.IntegerField(min_value=0, max_value=6), required=False)
    release_monthdays = serializers.ListField(child=serializers.IntegerField(min_value=1, max_value=31), required=False)
    licence: serializers.PrimaryKeyRelatedField = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = Outlet
        fields = [
            "id",
            "name",
            "kind",
            "governing_body",
            "address",
            "email",
            "phone",
            "field",
            "licence_number",
            "licence_issued_on",
            "licence_valid_until",
            "licence",
            "release_weekdays",
            "release_monthdays",
            "skips_days_off",
            "active",
        ]


class OutletViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """The agency's outlets (press agencies, bulletin publishers, publishers of non-business documents)."""

    permission_classes = [MayViewPress]
    serializer_class = PressOutletSerializer

    def get_queryset(self):
        return selectors.outlets_visible_to(self.request.user).order_by("name", "id")

    @extend_schema(responses={201: PressOutletSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = PressOutletSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        outlet = services.outlet_save(actor=request.user, data=dict(serializer.validated_data))
        return Response(PressOutletSerializer(outlet).data, status=201)


# --- Deposited items ----------------------------------------------------------------------------------------


class PressReadingSerializer(serializers.Serializer):
    content_summary = serializers.CharField(required=False, allow_blank=True, default="")
    legal_conformity = serializers.CharField(required=False, allow_blank=True, default="")
    licence_conformity = serializers.CharField(required=False, allow_blank=True, default="")
    conclusion = choice(Conclusion.choices)
    provision_violated = serializers.CharField(required=False, allow_blank=True, default="")
    findings = serializers.CharField(required=False, allow_blank=True, default="")


class PressItemSerializer(serializers.ModelSerializer):
    kind = choice(ItemKind.choices)
    status = choice(ItemStatus.choices, read_only=True)
    timeliness = choice(Timeliness.choices, read_only=True)
    outlet = serializers.PrimaryKeyRelatedField(queryset=Outlet.objects.all())
    licence: serializers.PrimaryKeyRelatedField = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    licence_id = serializers.IntegerField(write_only=True, required=False, allow_null=True)
    flags = serializers.ListField(child=serializers.CharField(), read_only=True)
    reader: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )
    reading = serializers.SerializerMethodField()
    actions = ActionsField("item")

    class Meta:
        model = DepositItem
        fields = [
            "id",
            "outlet",
            "outlet_name",
            "kind",
            "title",
            "issue_number",
            "release_date",
            "period_end",
            "distribution_date",
            "received_at",
            "postmarked_at",
            "copies",
            "print_run",
            "electronic_format",
            "reprint",
            "licence",
            "licence_id",
            "deadline",
            "timeliness",
            "flags",
            "status",
            "reader",
            "assigned_on",
            "reading_due_on",
            "reading",
            "actions",
        ]
        read_only_fields = ["outlet_name", "deadline", "assigned_on", "reading_due_on"]

    @extend_schema_field(PressReadingSerializer(allow_null=True))
    def get_reading(self, obj: DepositItem) -> dict[str, Any] | None:
        request = self.context.get("request")
        reading = getattr(obj, "reading", None)
        if reading is None or request is None or not permissions.may_see_reading(request.user, obj):
            return None
        return PressReadingSerializer(reading).data


class ItemFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=ItemKind.choices)
    status = django_filters.ChoiceFilter(choices=ItemStatus.choices)
    timeliness = django_filters.ChoiceFilter(choices=Timeliness.choices)
    released_from = django_filters.DateFilter(field_name="release_date", lookup_expr="gte")
    released_to = django_filters.DateFilter(field_name="release_date", lookup_expr="lte")
    outlet = django_filters.NumberFilter(field_name="outlet_id")

    class Meta:
        model = DepositItem
        fields = ["kind", "status", "timeliness", "outlet"]


class PressAssignSerializer(serializers.Serializer):
    reader = serializers.CharField(help_text="User name of a member of the press and publishing division.")


class PressReviewSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=["return", "approve", "refer"])
    note = serializers.CharField(required=False, allow_blank=True, default="")


class ItemViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Deposited items; filter with `?kind=&status=&timeliness=&outlet=&released_from=&released_to=`. Intake (POST)
    records the deadline, timeliness and licence flags; `actions` lists the steps the user may take now."""

    permission_classes = [MayViewPress]
    serializer_class = PressItemSerializer
    filterset_class = ItemFilter

    def get_queryset(self):
        return selectors.items_visible_to(self.request.user).select_related("reading").order_by("-release_date", "-id")

    @extend_schema(responses={201: PressItemSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = PressItemSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        outlet = data.pop("outlet")
        if not selectors.outlets_visible_to(request.user).filter(pk=outlet.pk).exists():
            raise ValidationError({"outlet": [_("Unknown outlet.")]})
        licence_id = data.pop("licence_id", None)
        licence = None
        if licence_id:
            from stttt.licensing.selectors import licences_visible_to

            licence = licences_visible_to(request.user).filter(pk=licence_id).first()
            if licence is None:
                raise ValidationError({"licence_id": [_("Unknown licence.")]})
        item = services.item_receive(actor=request.user, outlet=outlet, licence=licence, **data)
        return Response(PressItemSerializer(item, context=self.get_serializer_context()).data, status=201)

    @extend_schema(request=PressAssignSerializer, responses={200: PressItemSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def assign(self, request: Request, pk: str | None = None) -> Response:
        item = self.get_object()
        serializer = PressAssignSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        reader = selectors.readers(item.agency_id).filter(username=serializer.validated_data["reader"]).first()
        if reader is None:
            raise ValidationError({"reader": [_("The reader must be a member of the press and publishing division.")]})
        item = services.item_assign(item, actor=request.user, reader=reader)
        return Response(PressItemSerializer(item, context=self.get_serializer_context()).data)

    @extend_schema(request=PressReadingSerializer, responses={200: PressItemSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def reading(self, request: Request, pk: str | None = None) -> Response:
        """Submit the reading form (the item's reader)."""
        item = self.get_object()
        serializer = PressReadingSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = services.reading_submit(item, actor=request.user, data=dict(serializer.validated_data))
        return Response(PressItemSerializer(item, context=self.get_serializer_context()).data)

    @extend_schema(request=PressReviewSerializer, responses={200: PressItemSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def review(self, request: Request, pk: str | None = None) -> Response:
        """The division head returns, approves, or approves the violation and refers it to the Inspectorate."""
        item = self.get_object()
        serializer = PressReviewSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = services.reading_review(
            item, serializer.validated_data["action"], actor=request.user, note=serializer.validated_data["note"]
        )
        return Response(PressItemSerializer(item, context=self.get_serializer_context()).data)


# --- The daily list and the press picture -------------------------------------------------------------------


class PressDueSerializer(serializers.Serializer):
    outlet = serializers.IntegerField(source="outlet.pk")
    outlet_name = serializers.CharField(source="outlet.name")
    kind = serializers.CharField()
    deadline = serializers.DateTimeField(allow_null=True)
    state = serializers.ChoiceField(choices=["on_time", "late", "awaited", "missing", "no_deadline"])
    item = serializers.IntegerField(source="item.pk", allow_null=True, default=None)
    reminded = serializers.BooleanField()


class DueViewSet(viewsets.GenericViewSet):
    """What was due on a day by the outlets' schedules (Press Law 2016 Art. 52.1.b) and whether it came."""

    permission_classes = [MayViewPress]
    serializer_class = PressDueSerializer
    pagination_class = None
    queryset = DepositItem.objects.none()

    @extend_schema(parameters=[params.DAY], responses={200: PressDueSerializer(many=True), **ERRORS})
    def list(self, request: Request) -> Response:
        _require_view(request)
        rows = selectors.due_list(selectors.working_agency(request.user), params.day(request))
        return Response(PressDueSerializer(rows, many=True).data)


class PressOutletCountSerializer(serializers.Serializer):
    outlet = serializers.CharField()
    expected = serializers.IntegerField(default=0)
    deposited = serializers.IntegerField(default=0)
    on_time = serializers.IntegerField(default=0)
    late = serializers.IntegerField(default=0)
    missing = serializers.IntegerField(default=0)
    violations = serializers.IntegerField(default=0)


class PressArticleSerializer(serializers.Serializer):
    title = serializers.CharField()
    outlet = serializers.CharField(source="outlet.name")
    published_on = serializers.DateField()
    topic = serializers.CharField()
    tone = serializers.CharField()
    url = serializers.CharField()


class PressPictureSerializer(serializers.Serializer):
    start = serializers.DateField()
    end = serializers.DateField()
    deposited = serializers.IntegerField()
    on_time = serializers.IntegerField()
    late = serializers.IntegerField()
    missing = serializers.IntegerField()
    flagged_at_intake = serializers.IntegerField()
    read = serializers.IntegerField()
    violations = serializers.IntegerField()
    rows = PressOutletCountSerializer(many=True)
    articles = PressArticleSerializer(many=True)


class PictureViewSet(viewsets.GenericViewSet):
    """The press picture of the week or month holding `day` (`?period=week|month&day=YYYY-MM-DD`)."""

    permission_classes = [MayViewPress]
    schema = OneObjectSchema()
    serializer_class = PressPictureSerializer
    pagination_class = None
    queryset = DepositItem.objects.none()

    @extend_schema(
        parameters=[params.DAY, OpenApiParameter("period", {"type": "string", "pattern": "^(week|month)$"})],
        responses={200: PressPictureSerializer, **ERRORS},
    )
    def list(self, request: Request) -> Response:
        _require_view(request)
        day = params.day(request)
        start, end = rules.month_of(day) if request.query_params.get("period") == "month" else rules.week_of(day)
        return Response(
            PressPictureSerializer(selectors.picture(selectors.working_agency(request.user), start, end)).data
        )


# --- Offices and press conferences --------------------------------------------------------------------------


class PressOfficeSerializer(serializers.ModelSerializer):
    status = choice(OfficeStatus.choices, read_only=True)
    actions = ActionsField("office")

    class Meta:
        model = RepresentativeOffice
        fields = [
            "id",
            "kind",
            "press_agency",
            "governing_body",
            "head_name",
            "press_card",
            "address",
            "approval",
            "notified_on",
            "starts_on",
            "ends_on",
            "status",
            "department_opinion",
            "actions",
        ]


class OfficeViewSet(viewsets.ReadOnlyModelViewSet):
    """Representative offices and resident reporters of press agencies in the province (Press Law 2016 Art. 22)."""

    permission_classes = [MayViewPress]
    serializer_class = PressOfficeSerializer

    def get_queryset(self):
        return selectors.offices_visible_to(self.request.user).order_by("press_agency", "id")


class PressConferenceSerializer(serializers.ModelSerializer):
    status = choice(ConferenceStatus.choices, read_only=True)
    actions = ActionsField("conference")

    class Meta:
        model = PressConference
        fields = [
            "id",
            "organiser",
            "organiser_email",
            "notified_at",
            "starts_at",
            "venue",
            "content",
            "chair",
            "notice_in_time",
            "status",
            "answer",
            "answered_at",
            "report_required",
            "report",
            "actions",
        ]
        read_only_fields = ["notice_in_time", "answer", "answered_at", "report"]


class ConferenceViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Press conference notices (Press Law 2016 Art. 41) and their handling; POST records a notice."""

    permission_classes = [MayViewPress]
    serializer_class = PressConferenceSerializer

    def get_queryset(self):
        return selectors.conferences_visible_to(self.request.user).order_by("-starts_at", "-id")

    @extend_schema(responses={201: PressConferenceSerializer, **ERRORS})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = PressConferenceSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        data = {k: v for k, v in serializer.validated_data.items() if k != "status"}
        conference = services.conference_notify(actor=request.user, **data)
        return Response(PressConferenceSerializer(conference, context=self.get_serializer_context()).data, status=201)


def register(router: Any) -> None:
    router.register("press/outlets", OutletViewSet, basename="press-outlet")
    router.register("press/items", ItemViewSet, basename="press-item")
    router.register("press/due", DueViewSet, basename="press-due")
    router.register("press/picture", PictureViewSet, basename="press-picture")
    router.register("press/offices", OfficeViewSet, basename="press-office")
    router.register("press/conferences", ConferenceViewSet, basename="press-conference")
