"""REST API of the regulation: documents, provisions (by eId or citation), search, cited documents, fields."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from stttt.core import apiparams as params
from stttt.legal import citing, selectors
from stttt.legal.models import Document, ExternalDocument, Field, Provision


class ExternalDocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = ExternalDocument
        fields = ["id", "doc_type", "number", "date", "issuer", "title"]


class DocumentSerializer(serializers.ModelSerializer):
    replaces = ExternalDocumentSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Document
        fields = [
            "id",
            "work_uri",
            "version_date",
            "doc_type",
            "number",
            "title",
            "issuer",
            "place",
            "signing_date",
            "signer",
            "signer_capacity",
            "signed_on_behalf",
            "effective_from",
            "effective_to",
            "replaces",
            "regulation_title",
            "regulation_caption",
            "recipients",
            "primary",
        ]


class ProvisionNodeSerializer(serializers.Serializer):
    """Documents a node of `documents/{id}/tree/`."""

    eid = serializers.CharField()
    citation = serializers.CharField()
    kind = serializers.CharField()
    num = serializers.CharField()
    heading = serializers.CharField()
    text = serializers.CharField()
    wrap_up = serializers.CharField(required=False, help_text="Closing words after the children, if any.")
    children = serializers.ListField(child=serializers.DictField(), help_text="Nodes of the same shape.")


class FieldSerializer(serializers.ModelSerializer):
    class Meta:
        model = Field
        fields = ["code", "name", "order", "keywords"]


class ProvisionSerializer(serializers.ModelSerializer):
    field_codes: serializers.SlugRelatedField = serializers.SlugRelatedField(
        source="fields", slug_field="code", many=True, read_only=True
    )
    full_citation = serializers.SerializerMethodField()

    class Meta:
        model = Provision
        fields = [
            "id",
            "document",
            "eid",
            "citation",
            "full_citation",
            "kind",
            "num",
            "heading",
            "text",
            "wrap_up",
            "field_codes",
        ]

    def get_full_citation(self, obj: Provision) -> str:
        return selectors.full_citation(obj)


def _at(request: Request) -> datetime.date | None:
    """`?at=YYYY-MM-DD` (the version in force that day); a malformed date is a 400 in the shared format."""
    raw = request.query_params.get("at") or request.query_params.get("as_of")
    if not raw:
        return None
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        raise ValidationError({"at": [_("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": raw}]}) from None


def _document(request: Request) -> Document:
    reference = request.query_params.get("document")
    at = _at(request)
    if reference:
        document = selectors.document_find(reference)
        if document is not None and at is not None:
            document = selectors.document_as_of(document.work_uri, at)
    else:
        document = selectors.default_document(as_of=at)
    if document is None:
        raise NotFound(_("No such document (or none in force on that date)."))
    return document


_AT = OpenApiParameter("at", str, description="YYYY-MM-DD: the version in force that day (default today).")


class DocumentViewSet(viewsets.ReadOnlyModelViewSet):
    """Imported legal documents (each version is one document) with their metadata."""

    queryset = Document.objects.select_related("replaces").order_by("work_uri", "-version_date")
    serializer_class = DocumentSerializer

    @extend_schema(responses={200: ProvisionNodeSerializer(many=True)})
    @action(detail=True)
    def tree(self, request: Request, pk: Any = None) -> Response:
        """The Decision and the Regulation as two roots (eid, citation, kind, num, heading, text, children)."""
        return Response(selectors.document_tree(self.get_object()))


class ProvisionViewSet(viewsets.ViewSet):
    """Provisions of a document (default: the Department's regulation in force); one by eId or citation."""

    lookup_field = "ref"
    lookup_value_regex = "[^/]+"

    @extend_schema(
        parameters=[
            OpenApiParameter("document", str),
            _AT,
            OpenApiParameter("kind", str),
            OpenApiParameter("field", str),
        ],
        responses=ProvisionSerializer(many=True),
    )
    def list(self, request: Request) -> Response:
        queryset = (
            Provision.objects.filter(document=_document(request))
            .prefetch_related("fields")
            .select_related("document")
            .order_by("position")
        )
        if request.query_params.get("kind"):
            queryset = queryset.filter(kind=request.query_params["kind"])
        if request.query_params.get("field"):
            queryset = queryset.filter(fields__code=request.query_params["field"])
        return Response(ProvisionSerializer(queryset, many=True).data)

    @extend_schema(parameters=[OpenApiParameter("document", str), _AT], responses=ProvisionSerializer)
    def retrieve(self, request: Request, ref: str | None = None) -> Response:
        """`3.14.đ`, `3.14.dd`, `art_3__para_14__point_dd` or `điểm đ khoản 14 Điều 3`, with its children,
        the version it is read from, and the notes of the consolidated text (which document changed it)."""
        document = _document(request)
        try:
            provision = selectors.provision_get(ref or "", document=document)
        except selectors.ProvisionNotFound as exc:
            raise NotFound(exc.message) from exc
        data = dict(ProvisionSerializer(provision).data)
        data["children"] = selectors.subtree(provision)["children"]
        data["version"] = {"id": document.pk, "in_force_from": document.effective_from, "until": document.effective_to}
        notes = selectors.consolidation_notes(document)
        data["notes"] = [
            {k: v for k, v in note.items() if k != "amending_title"}
            for eid in [provision.eid, *selectors.provision_descendants(provision).values_list("eid", flat=True)]
            for note in notes.get(eid, [])
        ]
        data["cited_by"] = [
            {"label": str(label), "count": total, "records": [str(record) for record in records]}
            for label, records, total in citing.citing_records(provision, user=request.user)
        ]
        return Response(data)


class HolderStepSerializer(serializers.Serializer):
    holder = serializers.CharField()
    basis = serializers.CharField()
    scope = serializers.CharField(help_text="Citation prefix the step covers; empty: the whole regulation.")
    source_url = serializers.CharField(source="source", help_text="Where the fact was read.")
    certainty = serializers.CharField(help_text="fact (read in the source) or verify (to check).")
    note = serializers.CharField()
    since = serializers.DateField(source="from", allow_null=True, help_text="The day the step takes effect.")


class HolderSerializer(serializers.Serializer):
    citation = serializers.CharField()
    full_citation = serializers.CharField()
    at = serializers.DateField()
    holder = serializers.CharField()
    basis = serializers.CharField()
    certainty = serializers.CharField()
    unsure = serializers.BooleanField()
    history = HolderStepSerializer(many=True)


class ParameterSerializer(serializers.Serializer):
    key = serializers.CharField()
    value = serializers.IntegerField(allow_null=True)
    unit = serializers.CharField()
    citation = serializers.CharField()
    description = serializers.CharField()
    valid_from = serializers.DateField()
    amended_by = serializers.CharField()


class WhoViewSet(viewsets.ViewSet):
    """Who holds the duty of a provision on a date: the body the regulation names, or its successor after a
    recorded reorganisation, with the basis of each step (`certainty: verify` where not confirmed)."""

    lookup_field = "ref"
    lookup_value_regex = "[^/]+"

    @extend_schema(parameters=[_AT], responses=HolderSerializer)
    def retrieve(self, request: Request, ref: str | None = None) -> Response:
        day = _at(request) or timezone.localdate()
        try:
            provision = selectors.provision_get(ref or "", as_of=day)
        except selectors.ProvisionNotFound as exc:
            raise NotFound(exc.message) from exc
        return Response(HolderSerializer(selectors.holder_of(provision, day)).data)


class ParameterViewSet(viewsets.ViewSet):
    """The rule parameters of the Department's regulation in force on `at` (OpenFisca-style dated values),
    each with the provision it is read from and the amending document that set it, if any."""

    @extend_schema(parameters=[_AT], responses=ParameterSerializer(many=True))
    def list(self, request: Request) -> Response:
        day = _at(request) or timezone.localdate()
        rows = selectors.parameters_at(_document(request).work_uri, day).values()
        return Response(ParameterSerializer(rows, many=True).data)


class LegalFactSerializer(serializers.Serializer):
    """A fact of law the system applies (`stttt.core.legalfacts`); `value` is read with `unit`."""

    capability = serializers.CharField()
    key = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field, collected by the metaclass
    value = serializers.JSONField()
    unit = serializers.CharField()
    basis = serializers.CharField()
    unsure = serializers.BooleanField()
    note = serializers.CharField()


class LegalFactViewSet(viewsets.ViewSet):
    """The time limits, thresholds and competences the capabilities apply, each with its provision; those not
    confirmed against the official text first (`unsure`)."""

    @extend_schema(
        parameters=[
            OpenApiParameter("q", str, description="Words of the label, key or provision (diacritics ignored)."),
            OpenApiParameter("unsure", bool, description="Only the facts still to verify."),
        ],
        responses=LegalFactSerializer(many=True),
    )
    def list(self, request: Request) -> Response:
        rows = selectors.legal_facts(
            unsure_only=params.flag(request, "unsure"),
            query=request.query_params.get("q", "").strip(),
        )
        data = [
            {
                "capability": app,
                "key": item.key,
                "label": str(item.label),
                "value": _plain(item.value),
                "unit": item.unit,
                "basis": item.basis,
                "unsure": item.unsure,
                "note": item.note,
            }
            for app, item in rows
        ]
        return Response(LegalFactSerializer(data, many=True).data)


def _plain(value: Any) -> Any:
    """A fact's value as JSON: numbers stay numbers, ranges become lists, anything else its text."""
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)


class SearchHitSerializer(serializers.Serializer):
    """One search hit; `snippet` is HTML with the matched words in <mark>."""

    citation = serializers.CharField()
    eid = serializers.CharField()
    kind = serializers.CharField()
    score = serializers.FloatField()
    snippet = serializers.CharField()


class SearchViewSet(viewsets.ViewSet):
    """Provisions matching `q` (diacritics ignored), best first, with a highlighted snippet."""

    @extend_schema(
        parameters=[OpenApiParameter("q", str, required=True), OpenApiParameter("document", str)],
        responses=SearchHitSerializer(many=True),
    )
    def list(self, request: Request) -> Response:
        query = request.query_params.get("q", "").strip()
        if not query:
            raise ValidationError({"q": ["Give words to search for."]})
        hits = selectors.provision_search(query, document=_document(request))
        return Response([{k: v for k, v in hit.items() if k != "provision"} for hit in hits])


class ExternalDocumentViewSet(viewsets.ReadOnlyModelViewSet):
    """The catalogue of documents cited as legal bases (one record per document)."""

    queryset = ExternalDocument.objects.order_by("date", "doc_type", "number")
    serializer_class = ExternalDocumentSerializer


class FieldViewSet(viewsets.ReadOnlyModelViewSet):
    """Fields of state management (Article 2)."""

    queryset = Field.objects.order_by("order")
    serializer_class = FieldSerializer
    lookup_field = "code"


def register(router: Any) -> None:
    router.register("legal/documents", DocumentViewSet, basename="legal-document")
    router.register("legal/provisions", ProvisionViewSet, basename="legal-provision")
    router.register("legal/search", SearchViewSet, basename="legal-search")
    router.register("legal/references", ExternalDocumentViewSet, basename="legal-reference")
    router.register("legal/fields", FieldViewSet, basename="legal-field")
    router.register("legal/who", WhoViewSet, basename="legal-who")
    router.register("legal/parameters", ParameterViewSet, basename="legal-parameter")
    router.register("legal/facts", LegalFactViewSet, basename="legal-fact")
