from typing import Any

from django.contrib import admin

from stttt.legal import pages
from stttt.legal.models import DataWarning, Document, ExternalDocument, Field, Provision


class RegulationAdmin(admin.ModelAdmin):
    """An edit here changes what the regulation pages show: their kept rendering is built anew."""

    def save_related(self, request: Any, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        pages.changed()

    def delete_model(self, request: Any, obj: Any) -> None:
        super().delete_model(request, obj)
        pages.changed()

    def delete_queryset(self, request: Any, queryset: Any) -> None:
        super().delete_queryset(request, queryset)
        pages.changed()


@admin.register(Field)
class FieldAdmin(RegulationAdmin):
    list_display = ("order", "code", "name")
    list_display_links = ("code", "name")
    ordering = ("order",)


@admin.register(Provision)
class ProvisionAdmin(RegulationAdmin):
    """Editors adjust the field tags of a provision here; its text comes from the import."""

    list_display = ("citation", "eid", "kind", "document")
    list_filter = ("document", "kind", "fields")
    search_fields = ("citation", "eid", "search_text")
    filter_horizontal = ("fields",)
    readonly_fields = (
        "document",
        "parent",
        "part",
        "kind",
        "eid",
        "citation",
        "num",
        "heading",
        "text",
        "wrap_up",
        "position",
    )


@admin.register(ExternalDocument)
class ExternalDocumentAdmin(RegulationAdmin):
    list_display = ("doc_type", "number", "date", "issuer", "title")
    search_fields = ("number", "title", "issuer")


@admin.register(Document)
class DocumentAdmin(RegulationAdmin):
    list_display = ("number", "version_date", "effective_from", "effective_to", "primary")
    readonly_fields = ("work_uri", "source_text", "source_format")


@admin.register(DataWarning)
class DataWarningAdmin(admin.ModelAdmin):
    list_display = ("document", "provision", "code", "message")
    list_filter = ("code",)
