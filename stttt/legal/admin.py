from django.contrib import admin

from stttt.legal.models import DataWarning, Document, ExternalDocument, Field, Provision


@admin.register(Field)
class FieldAdmin(admin.ModelAdmin):
    list_display = ("order", "code", "name")
    list_display_links = ("code", "name")
    ordering = ("order",)


@admin.register(Provision)
class ProvisionAdmin(admin.ModelAdmin):
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
class ExternalDocumentAdmin(admin.ModelAdmin):
    list_display = ("doc_type", "number", "date", "issuer", "title")
    search_fields = ("number", "title", "issuer")


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("number", "version_date", "effective_from", "effective_to", "primary")
    readonly_fields = ("work_uri", "source_text", "source_format")


@admin.register(DataWarning)
class DataWarningAdmin(admin.ModelAdmin):
    list_display = ("document", "provision", "code", "message")
    list_filter = ("code",)
