"""REST API of the organisation under /api/v1/org/…: units, staff, assignments, acting appointments,
findings, what-if, chart, staffing plan, duties and who handles them, powers, YAML import and export."""

from __future__ import annotations

import datetime
from typing import Any, cast

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FileUploadParser, MultiPartParser
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from stttt.core.apierrors import ErrorSerializer
from stttt.org import importing, permissions, selectors, services
from stttt.org.choices import AssignmentKind, Position, ReorgKind, UnitKind
from stttt.org.models import Agency, Assignment, Duty, Staff, Unit, UnitFunction
from stttt.org.selectors import served_agency
from stttt.org.titles import position_title

AT = OpenApiParameter("at", OpenApiTypes.DATE, description="Date the organisation is looked at (default today)")


class IsAgencyStaff(BasePermission):
    """The organisation API is internal: staff of an agency (or administrators) only, fail closed."""

    def has_permission(self, request: Any, view: Any) -> bool:
        return permissions.can_view(request.user)


def _agency(request: Request) -> Agency:
    """The user's own agency (a superuser without a post: the site's); nothing to show is a 404."""
    agency = permissions.agency_to_show(request.user, served_agency(request))
    if agency is None:
        raise Http404
    return agency


STAFF_ONLY = [IsAuthenticated, IsAgencyStaff]


class _AgencyScoped:
    """Staff and units named in a request body are looked up in the user's agency only."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        serializer = cast(serializers.Serializer, self)
        agency = serializer.context.get("agency")
        fields = serializer.fields
        scoped: dict[str, Any] = {
            "staff": Staff.objects.filter(agency=agency) if agency else Staff.objects.none(),
            "unit": Unit.objects.filter(agency=agency) if agency else Unit.objects.none(),
        }
        for name, queryset in scoped.items():
            field: Any = fields.get(name)
            if field is not None:
                field.queryset = queryset


def _at(request: Request) -> datetime.date:
    value = request.query_params.get("at")
    if not value:
        return selectors.today()
    try:
        return importing.parse_date(value)
    except ValueError as exc:
        raise exceptions.ValidationError({"at": [str(exc)]}) from None


def _field(request: Request, name: str) -> Any:
    data = request.data
    return data.get(name) if hasattr(data, "get") else None


def _require_manager(request: Request) -> None:
    if not permissions.can_manage(request.user, _agency(request)):
        raise exceptions.PermissionDenied()


def _service(call: Any) -> Any:
    try:
        return call()
    except DjangoValidationError as exc:
        raise exceptions.ValidationError({"non_field_errors": exc.messages}) from None


class FindingSerializer(serializers.Serializer):
    unit = serializers.CharField()
    provision = serializers.CharField()
    severity = serializers.ChoiceField(choices=["error", "warning"])
    message = serializers.CharField()
    code = serializers.CharField()


class UnitSerializer(serializers.ModelSerializer):
    parent: Any = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = Unit
        fields = ["id", "code", "name", "short_name", "kind", "parent", "established_on", "dissolved_on", "order"]


class StaffSerializer(serializers.ModelSerializer):
    username = serializers.SerializerMethodField()

    class Meta:
        model = Staff
        fields = ["id", "code", "full_name", "category", "email", "phone", "username"]

    def get_username(self, obj: Staff) -> str | None:
        return obj.user.get_username() if obj.user else None


class AssignmentSerializer(_AgencyScoped, serializers.ModelSerializer):
    staff = serializers.SlugRelatedField(slug_field="code", queryset=Staff.objects.all())
    unit = serializers.SlugRelatedField(slug_field="code", queryset=Unit.objects.all())
    acting_for: Any = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    title = serializers.SerializerMethodField()

    class Meta:
        model = Assignment
        fields = [
            "id",
            "staff",
            "unit",
            "position",
            "kind",
            "title",
            "start_on",
            "end_on",
            "acting_for",
            "basis",
            "note",
        ]
        read_only_fields = ["acting_for"]

    def get_title(self, obj: Assignment) -> str:
        return position_title(obj.unit.kind, obj.position, obj.staff.category, obj.kind)


class ActingSerializer(_AgencyScoped, serializers.Serializer):
    staff = serializers.SlugRelatedField(slug_field="code", queryset=Staff.objects.all())
    unit = serializers.SlugRelatedField(slug_field="code", queryset=Unit.objects.all())
    start_on = serializers.DateField()
    end_on = serializers.DateField()
    basis = serializers.CharField(required=False, allow_blank=True, default="")


class DutySerializer(serializers.ModelSerializer):
    lead_unit: Any = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    coordinating_units: Any = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    provision = serializers.SerializerMethodField()

    class Meta:
        model = Duty
        fields = ["id", "citation", "title", "lead_unit", "coordinating_units", "provision"]

    def get_provision(self, obj: Duty) -> str | None:
        return obj.provision.eid if obj.provision_id and obj.provision else None


class UnitViewSet(viewsets.ReadOnlyModelViewSet):
    """Units alive on `at` (all units with `?all=1`); a unit's detail lists its people on `at`."""

    permission_classes = STAFF_ONLY

    serializer_class = UnitSerializer
    lookup_field = "code"
    filterset_fields = ["kind"]

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):  # schema generation: no agency needed
            return Unit.objects.none()
        agency = _agency(self.request)
        if self.request.query_params.get("all"):
            return Unit.objects.filter(agency=agency).select_related("parent")
        return selectors.units_at(agency, _at(self.request))

    @extend_schema(parameters=[AT])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    @extend_schema(parameters=[AT])
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        unit = get_unit(_agency(request), kwargs["code"])
        at = _at(request)
        data = dict(UnitSerializer(unit).data)
        data["name_at"] = selectors.unit_name_at(unit, at)
        head = selectors.head_at(unit, at)
        data["head_now"] = head.code if head else None
        data["people"] = [
            {"staff": p["code"], "name": p["name"], "position": p["position"], "kind": p["kind"], "title": p["title"]}
            for p in selectors.unit_people(unit, at)
        ]
        data["findings"] = [f.as_dict() for f in selectors.findings_at(unit.agency, at) if f.unit == unit.code]
        return Response(data)


def get_unit(agency: Agency, code: str) -> Unit:
    unit = Unit.objects.select_related("agency", "parent").filter(agency=agency, code=code).first()
    if unit is None:
        raise Http404
    return unit


class StaffViewSet(viewsets.ReadOnlyModelViewSet):
    """Staff of the Department; `?q=` searches names and IDs ignoring diacritics."""

    permission_classes = STAFF_ONLY

    serializer_class = StaffSerializer
    lookup_field = "code"
    filterset_fields = ["category"]

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return Staff.objects.none()
        return selectors.staff_search(_agency(self.request), self.request.query_params.get("q", ""))

    @extend_schema(
        request=inline_serializer(
            "StaffAccount", {"username": serializers.CharField(required=False, allow_blank=True, default="")}
        ),
        responses={200: StaffSerializer, 400: ErrorSerializer, 403: ErrorSerializer},
    )
    @action(detail=True, methods=["post"])
    def account(self, request: Request, code: str | None = None) -> Response:
        """Link the person to a login (empty username: unlink); their powers then follow their posts."""
        staff = self.get_object()  # another agency's staff: 404 before anything else
        _require_manager(request)
        username = str(_field(request, "username") or "").strip()
        user = None
        if username:
            user = get_user_model().objects.filter(username=username).first()
            if user is None:
                raise exceptions.ValidationError({"username": [_("No account %(username)s.") % {"username": username}]})
        _service(lambda: services.staff_link_user(staff, user, actor=request.user))
        return Response(StaffSerializer(staff).data)


class AssignmentViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Dated posts. Creating one with `reassign: true` ends the person's current primary post the day before."""

    permission_classes = STAFF_ONLY

    serializer_class = AssignmentSerializer
    filterset_fields = ["kind", "position"]

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return Assignment.objects.none()
        qs = Assignment.objects.filter(unit__agency=_agency(self.request)).select_related("staff", "unit", "acting_for")
        params = self.request.query_params
        if params.get("unit"):
            qs = qs.filter(unit__code=params["unit"])
        if params.get("staff"):
            qs = qs.filter(staff__code=params["staff"])
        if params.get("at"):
            qs = qs & selectors.assignments_at(_at(self.request))
        return qs

    def get_serializer_context(self) -> dict[str, Any]:
        context = dict(super().get_serializer_context())
        if not getattr(self, "swagger_fake_view", False):
            context["agency"] = _agency(self.request)
        return context

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        _require_manager(request)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        d = serializer.validated_data
        if _field(request, "reassign") in (True, "true", "1", 1):
            assignment = _service(
                lambda: services.staff_reassign(
                    d["staff"],
                    d["unit"],
                    position=d["position"],
                    on=d["start_on"],
                    basis=d.get("basis", ""),
                    actor=request.user,
                )
            )
        else:
            assignment = _service(
                lambda: services.assignment_create(
                    d["staff"],
                    d["unit"],
                    position=d["position"],
                    kind=d.get("kind", AssignmentKind.PRIMARY),
                    start_on=d["start_on"],
                    end_on=d.get("end_on"),
                    basis=d.get("basis", ""),
                    note=d.get("note", ""),
                    actor=request.user,
                )
            )
        return Response(AssignmentSerializer(assignment).data, status=status.HTTP_201_CREATED)


class ActingViewSet(viewsets.ViewSet):
    """Acting appointments (5.2, 5.3)."""

    permission_classes = STAFF_ONLY
    lookup_value_regex = r"[0-9]+"

    @extend_schema(responses={200: AssignmentSerializer(many=True)})
    def list(self, request: Request) -> Response:
        return Response(AssignmentSerializer(selectors.acting_appointments(_agency(request)), many=True).data)

    @extend_schema(
        request=ActingSerializer, responses={201: AssignmentSerializer, 400: ErrorSerializer, 403: ErrorSerializer}
    )
    def create(self, request: Request) -> Response:
        serializer = ActingSerializer(data=request.data, context={"agency": _agency(request)})
        serializer.is_valid(raise_exception=True)
        d = serializer.validated_data
        if not permissions.can_appoint_acting(request.user, d["unit"]):
            raise exceptions.PermissionDenied()
        appointment = _service(
            lambda: services.acting_appoint(
                d["staff"], d["unit"], start_on=d["start_on"], end_on=d["end_on"], basis=d["basis"], actor=request.user
            )
        )
        return Response(AssignmentSerializer(appointment).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=None,
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH)],
        responses={200: AssignmentSerializer},
    )
    @action(detail=True, methods=["post"])
    def end(self, request: Request, pk: str | None = None) -> Response:
        appointment = Assignment.objects.filter(
            pk=str(pk), kind=AssignmentKind.ACTING, unit__agency=_agency(request)
        ).first()
        if appointment is None:
            raise Http404
        if not permissions.can_appoint_acting(request.user, appointment.unit):
            raise exceptions.PermissionDenied()
        _service(lambda: services.acting_cancel(appointment, actor=request.user))
        return Response(AssignmentSerializer(appointment).data)


class FindingViewSet(viewsets.ViewSet):
    """Findings against Art. 4 and 5 on `at`."""

    permission_classes = STAFF_ONLY

    @extend_schema(parameters=[AT], responses={200: FindingSerializer(many=True)})
    def list(self, request: Request) -> Response:
        return Response([f.as_dict() for f in selectors.findings_at(_agency(request), _at(request))])


class WhatIfSerializer(serializers.Serializer):
    staff = serializers.CharField()
    unit = serializers.CharField()
    position = serializers.ChoiceField(choices=Position.choices)
    at = serializers.DateField(required=False)


class WhatIfViewSet(viewsets.ViewSet):
    """Findings a reassignment would add and clear; nothing is saved."""

    permission_classes = STAFF_ONLY

    @extend_schema(
        request=WhatIfSerializer,
        responses={
            200: inline_serializer(
                "WhatIf", {"added": FindingSerializer(many=True), "cleared": FindingSerializer(many=True)}
            )
        },
    )
    def create(self, request: Request) -> Response:
        serializer = WhatIfSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        d = serializer.validated_data
        agency = _agency(request)
        at = d.get("at") or selectors.today()
        if not Staff.objects.filter(agency=agency, code=d["staff"]).exists():
            raise exceptions.ValidationError({"staff": [_("Unknown staff ID %(code)s.") % {"code": d["staff"]}]})
        if not selectors.units_at(agency, at).filter(code=d["unit"]).exists():
            raise exceptions.ValidationError({"unit": [_("Unknown unit %(code)s.") % {"code": d["unit"]}]})
        result = selectors.what_if(agency, selectors.Move(d["staff"], d["unit"], d["position"]), at)
        return Response(
            {"added": [f.as_dict() for f in result["added"]], "cleared": [f.as_dict() for f in result["cleared"]]}
        )


class ChartViewSet(viewsets.ViewSet):
    """The org chart on `at` as a tree (`?as=svg` for the drawing)."""

    permission_classes = STAFF_ONLY

    @extend_schema(parameters=[AT], responses={200: OpenApiTypes.OBJECT})
    def list(self, request: Request) -> Any:
        chart = selectors.chart(_agency(request), _at(request))
        if request.query_params.get("as") == "svg":
            from stttt.org.exports import chart_svg

            return HttpResponse(chart_svg(chart), content_type="image/svg+xml; charset=utf-8")
        return Response(chart)


class WhoAnswerSerializer(serializers.Serializer):
    """Documents `duties/who/` (one answer per matching duty)."""

    citation = serializers.CharField()
    title = serializers.CharField()
    lead_unit = serializers.CharField(allow_null=True)
    lead_unit_name = serializers.CharField(allow_null=True)
    coordinating_units = serializers.ListField(child=serializers.CharField())
    head = serializers.CharField(allow_null=True)
    deputy_in_charge = serializers.CharField(allow_null=True)
    leader = serializers.CharField(allow_null=True)


class CoverageRowSerializer(serializers.Serializer):
    """Documents `duties/coverage/` (one row per duty)."""

    citation = serializers.CharField()
    title = serializers.CharField()
    covered = serializers.BooleanField()
    lead_unit = serializers.CharField(allow_null=True)
    coordinating_units = serializers.ListField(child=serializers.CharField())
    deputies = serializers.ListField(child=serializers.CharField())


class ReorgEventSerializer(serializers.Serializer):
    """Documents `reorganisations/` (one row per event)."""

    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=ReorgKind.choices)
    on = serializers.DateField()
    units = serializers.ListField(child=serializers.CharField())
    result_units = serializers.ListField(child=serializers.CharField())
    old_name = serializers.CharField()
    new_name = serializers.CharField()
    function = serializers.CharField(allow_null=True)
    note = serializers.CharField()
    basis = serializers.CharField()


class PlanQuerySerializer(serializers.Serializer):
    # Bounded so that the dates of the year and of the next one exist.
    year = serializers.IntegerField(required=False, min_value=1900, max_value=2999)


class PlanViewSet(viewsets.ViewSet):
    """Staffing plan (4.3.b): per unit, quota of `year`, people counted now, proposal for `year + 1`."""

    permission_classes = STAFF_ONLY

    @extend_schema(parameters=[PlanQuerySerializer], responses={200: OpenApiTypes.OBJECT})
    def list(self, request: Request) -> Response:
        query = PlanQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        year = query.validated_data.get("year") or selectors.today().year
        return Response({"year": year, "rows": selectors.staffing_plan(_agency(request), year)})


class DutyViewSet(viewsets.ReadOnlyModelViewSet):
    """Duties of Art. 3 with their owners; `/who/?q=3.8.a` answers who handles one."""

    permission_classes = STAFF_ONLY

    serializer_class = DutySerializer
    lookup_field = "citation"
    lookup_value_regex = r"[0-9a-zđ.]+"

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return Duty.objects.none()
        return (
            Duty.objects.filter(agency=_agency(self.request))
            .select_related("lead_unit", "provision")
            .prefetch_related("coordinating_units")
        )

    @extend_schema(parameters=[OpenApiParameter("q", str), AT], responses={200: WhoAnswerSerializer(many=True)})
    @action(detail=False, pagination_class=None, filter_backends=[])  # one unpaged list
    def who(self, request: Request) -> Response:
        query = request.query_params.get("q", "").strip()
        if not query:
            raise exceptions.ValidationError({"q": [_("Required.")]})
        return Response(selectors.who(_agency(request), query, _at(request)))

    @extend_schema(parameters=[AT], responses={200: CoverageRowSerializer(many=True)})
    @action(detail=False, pagination_class=None, filter_backends=[])  # one unpaged list
    def coverage(self, request: Request) -> Response:
        rows = selectors.coverage(_agency(request), _at(request))
        return Response(
            [
                {
                    "citation": r["citation"],
                    "title": r["title"],
                    "covered": r["covered"],
                    "lead_unit": r["lead_unit"].code if r["lead_unit"] else None,
                    "coordinating_units": [u.code for u in r["coordinating_units"]],
                    "deputies": r["deputies"],
                }
                for r in rows
            ]
        )


class PowersViewSet(viewsets.ViewSet):
    """The signed-in user's powers on `at`, from their assignments."""

    @extend_schema(parameters=[AT], responses={200: OpenApiTypes.OBJECT})
    def list(self, request: Request) -> Response:
        from stttt.org.powers import powers_of

        p = powers_of(request.user, _at(request))
        return Response(
            {
                "at": p.at,
                "staff": p.staff.code if p.staff else None,
                "unit_codes": sorted(p.unit_codes),
                "primary_unit_code": p.primary_unit_code,
                "headed_unit_codes": sorted(p.headed_unit_codes),
                "is_director": p.is_director,
                "is_acting_director": p.is_acting_director,
                "is_deputy_director": p.is_deputy_director,
                "areas_in_charge": sorted(p.areas_in_charge),
                "units_in_charge": sorted(p.units_in_charge),
            }
        )


class ImportViewSet(viewsets.ViewSet):
    """Import a YAML organisation file or an XLSX staff list (multipart `file`); all or nothing."""

    permission_classes = STAFF_ONLY

    parser_classes = [MultiPartParser, FileUploadParser]

    @extend_schema(
        request={"multipart/form-data": inline_serializer("OrgImport", {"file": serializers.FileField()})},
        responses={200: OpenApiTypes.OBJECT, 400: ErrorSerializer},
    )
    def create(self, request: Request) -> Response:
        _require_manager(request)
        upload = _field(request, "file")
        if upload is None:
            raise exceptions.ValidationError({"file": [_("Required.")]})
        content = upload.read()
        try:
            if str(getattr(upload, "name", "")).lower().endswith(".xlsx"):
                report = importing.import_staff_xlsx(content, actor=request.user, agency=_agency(request))
            else:
                report = importing.import_yaml(content, actor=request.user, agency=_agency(request))
        except importing.ImportFailed as failed:
            return Response(
                {
                    "code": "invalid",
                    "message": str(failed),
                    "errors": {"rows": [str(p) for p in failed.problems]},
                    "problems": [p.as_dict() for p in failed.problems],
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        return Response(report.as_dict())


class ReorgSerializer(serializers.Serializer):
    """A reorganisation: which fields matter depends on `kind` (see docs/org.md)."""

    kind = serializers.ChoiceField(choices=ReorgKind.choices)
    on = serializers.DateField()
    units = serializers.ListField(child=serializers.CharField(), required=False, default=list)
    code = serializers.CharField(required=False, allow_blank=True, default="")
    name = serializers.CharField(required=False, allow_blank=True, default="")
    unit_kind = serializers.ChoiceField(choices=UnitKind.choices, required=False)
    parent: Any = serializers.CharField(required=False, allow_blank=True, default="")
    into = serializers.CharField(required=False, allow_blank=True, default="")
    parts = serializers.ListField(child=serializers.DictField(), required=False, default=list)
    moves = serializers.DictField(child=serializers.CharField(), required=False, default=dict)
    keep = serializers.BooleanField(required=False, default=False)
    function = serializers.CharField(required=False, allow_blank=True, default="")
    to_unit = serializers.CharField(required=False, allow_blank=True, default="")
    to_external = serializers.CharField(required=False, allow_blank=True, default="")
    basis = serializers.CharField(required=False, allow_blank=True, default="")


class ReorgViewSet(viewsets.ViewSet):
    """Reorganisations: the dated events (list) and a new one (establish, rename, merge, split, dissolve,
    transfer_function); history is never rewritten."""

    permission_classes = STAFF_ONLY

    @extend_schema(responses={200: ReorgEventSerializer(many=True)})
    def list(self, request: Request) -> Response:
        return Response(
            [
                {
                    "id": e.pk,
                    "kind": e.kind,
                    "on": e.effective_on,
                    "units": [u.code for u in e.units.all()],
                    "result_units": [u.code for u in e.result_units.all()],
                    "old_name": e.old_name,
                    "new_name": e.new_name,
                    "function": e.function.title if e.function else None,
                    "note": e.note,
                    "basis": e.basis,
                }
                for e in selectors.events(_agency(request))
            ]
        )

    @extend_schema(request=ReorgSerializer, responses={201: OpenApiTypes.OBJECT, 400: ErrorSerializer})
    def create(self, request: Request) -> Response:
        _require_manager(request)
        serializer = ReorgSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        d = serializer.validated_data
        agency = _agency(request)

        def unit(code: str, field: str = "units") -> Unit:
            found = Unit.objects.filter(agency=agency, code=code).first()
            if found is None:
                raise exceptions.ValidationError({field: [_("Unknown unit %(code)s.") % {"code": code}]})
            return found

        units = [unit(code) for code in d["units"]]
        if d["kind"] != ReorgKind.ESTABLISH and d["kind"] != ReorgKind.MERGE and len(units) != 1:
            raise exceptions.ValidationError({"units": [_("Give exactly one unit.")]})
        kind = d["kind"]
        if kind == ReorgKind.ESTABLISH:
            if not (d["code"] and d["name"] and d.get("unit_kind")):
                raise exceptions.ValidationError({"code": [_("Give the code, name and kind of the new unit.")]})
            created = _service(
                lambda: services.unit_establish(
                    agency,
                    code=d["code"],
                    name=d["name"],
                    kind=d["unit_kind"],
                    on=d["on"],
                    basis=d["basis"],
                    parent=unit(d["parent"], "parent") if d["parent"] else None,
                    actor=request.user,
                )
            )
            event = created.events_as_result.order_by("-pk").first()
        elif kind == ReorgKind.RENAME:
            event = _service(
                lambda: services.unit_rename(units[0], name=d["name"], on=d["on"], basis=d["basis"], actor=request.user)
            )
        elif kind == ReorgKind.DISSOLVE:
            event = _service(lambda: services.unit_dissolve(units[0], on=d["on"], basis=d["basis"], actor=request.user))
        elif kind == ReorgKind.MERGE:
            event = _service(
                lambda: services.units_merge(
                    units,
                    into=unit(d["into"], "into") if d["into"] else None,
                    code=d["code"],
                    name=d["name"],
                    on=d["on"],
                    basis=d["basis"],
                    actor=request.user,
                )
            )
        elif kind == ReorgKind.SPLIT:
            event = _service(
                lambda: services.unit_split(
                    units[0],
                    parts=d["parts"],
                    moves=d["moves"],
                    on=d["on"],
                    keep=d["keep"],
                    basis=d["basis"],
                    actor=request.user,
                )
            )
        else:
            function = UnitFunction.objects.filter(unit=units[0], title=d["function"]).order_by("-valid_from").first()
            if function is None:
                raise exceptions.ValidationError(
                    {
                        "function": [
                            _("%(unit)s has no function “%(title)s”.") % {"unit": units[0].code, "title": d["function"]}
                        ]
                    }
                )
            event = _service(
                lambda: services.function_transfer(
                    function,
                    on=d["on"],
                    to_unit=unit(d["to_unit"], "to_unit") if d["to_unit"] else None,
                    to_external=d["to_external"],
                    basis=d["basis"],
                    actor=request.user,
                )
            )
        return Response({"id": event.pk if event else None, "kind": kind}, status=status.HTTP_201_CREATED)


class ExportViewSet(viewsets.ViewSet):
    """The organisation as a YAML file that `stttt org import` accepts."""

    permission_classes = STAFF_ONLY

    # A YAML document (a mapping of the organisation's records), read back by `stttt org import`.
    @extend_schema(responses={(200, "application/yaml"): OpenApiTypes.OBJECT})
    def list(self, request: Request) -> HttpResponse:
        response = HttpResponse(importing.export_yaml(_agency(request)), content_type="application/yaml; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="to-chuc.yaml"'
        return response


def register(router: Any) -> None:
    router.register("org/units", UnitViewSet, basename="org-unit")
    router.register("org/staff", StaffViewSet, basename="org-staff")
    router.register("org/assignments", AssignmentViewSet, basename="org-assignment")
    router.register("org/acting", ActingViewSet, basename="org-acting")
    router.register("org/findings", FindingViewSet, basename="org-finding")
    router.register("org/whatif", WhatIfViewSet, basename="org-whatif")
    router.register("org/chart", ChartViewSet, basename="org-chart")
    router.register("org/plan", PlanViewSet, basename="org-plan")
    router.register("org/duties", DutyViewSet, basename="org-duty")
    router.register("org/powers", PowersViewSet, basename="org-powers")
    router.register("org/import", ImportViewSet, basename="org-import")
    router.register("org/export", ExportViewSet, basename="org-export")
    router.register("org/reorganisations", ReorgViewSet, basename="org-reorganisation")
