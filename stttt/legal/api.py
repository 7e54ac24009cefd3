"""REST API of the regulation: documents, provisions (by eId or citation), search, cited documents, fields."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from stttt.legal import citing, selectors
from stttt.legal.models import Document, ExternalDocument, Field, Provision


class ExternalDocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = ExternalDocument
        fields = ["id", "doc_type", "number", "date", "issuer", "title"]


class DocumentSerializer(serializers.ModelSerializer):
    replaces = ExternalDocumentSerializer(read_only=True)

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


def _document(request: Request) -> Document:
    reference = request.query_params.get("document")
    document = selectors.document_find(reference) if reference else selectors.default_document()
    if document is None:
        raise NotFound("No such document.")
    return document


class DocumentViewSet(viewsets.ReadOnlyModelViewSet):
    """Imported legal documents (each version is one document) with their metadata."""

    queryset = Document.objects.select_related("replaces").order_by("work_uri", "-version_date")
    serializer_class = DocumentSerializer

    @action(detail=True)
    def tree(self, request: Request, pk: Any = None) -> Response:
        """The Decision and the Regulation as two roots (eid, citation, kind, num, heading, text, children)."""
        return Response(selectors.document_tree(self.get_object()))


class ProvisionViewSet(viewsets.ViewSet):
    """Provisions of a document (default: the Department's regulation in force); one by eId or citation."""

    lookup_field = "ref"
    lookup_value_regex = "[^/]+"

    @extend_schema(
        parameters=[OpenApiParameter("document", str), OpenApiParameter("kind", str), OpenApiParameter("field", str)],
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

    @extend_schema(parameters=[OpenApiParameter("document", str)], responses=ProvisionSerializer)
    def retrieve(self, request: Request, ref: str | None = None) -> Response:
        """`3.14.đ`, `3.14.dd`, `art_3__para_14__point_dd` or `điểm đ khoản 14 Điều 3`, with its children."""
        try:
            provision = selectors.provision_get(ref or "", document=_document(request))
        except selectors.ProvisionNotFound as exc:
            raise NotFound(exc.message) from exc
        data = dict(ProvisionSerializer(provision).data)
        data["children"] = selectors.subtree(provision)["children"]
        data["cited_by"] = [
            {"label": str(label), "count": total, "records": [str(record) for record in records]}
            for label, records, total in citing.citing_records(provision, user=request.user)
        ]
        return Response(data)


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
