from django.contrib import admin

from stttt.procedures.models import Component, Dossier, DossierStep, Procedure, ProcedureVersion


class ComponentInline(admin.TabularInline):
    model = Component
    extra = 0


@admin.register(Procedure)
class ProcedureAdmin(admin.ModelAdmin):
    list_display = [
        "code",
        "agency",
        "name",
        "empowering_citation",
        "time_limit",
        "time_unit",
        "local_time_limit",
        "handling",
        "division_code",
        "active",
    ]
    list_filter = ["agency", "field_code", "handling", "time_unit", "division_code", "active"]
    search_fields = ["code", "name", "legal_basis"]
    inlines = [ComponentInline]
    raw_id_fields = ["provision"]


class StepInline(admin.TabularInline):
    model = DossierStep
    extra = 0
    can_delete = False
    readonly_fields = [f.name for f in DossierStep._meta.fields]


@admin.register(Dossier)
class DossierAdmin(admin.ModelAdmin):
    """Read-only: dossiers change only through the workflow (pages, API, CLI)."""

    list_display = ["code", "agency", "procedure", "applicant_name", "status", "due_date"]
    list_filter = ["agency", "status"]
    search_fields = ["code", "applicant_name"]
    inlines = [StepInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ProcedureVersion)
class ProcedureVersionAdmin(admin.ModelAdmin):
    """Drafts are edited here or by `stttt procedures`; a published version is shown read-only and cannot be
    deleted (the database refuses as well). Publishing goes through the service (`stttt procedures publish`)."""

    list_display = ["procedure", "number", "status", "valid_from", "valid_to", "time_limit", "local_time_limit"]
    list_filter = ["status", "procedure__agency"]
    search_fields = ["national_code", "name"]
    raw_id_fields = ["procedure"]
    readonly_fields = ["status", "published_at", "published_by"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.published:
            return [f.name for f in ProcedureVersion._meta.fields]
        return self.readonly_fields

    def has_delete_permission(self, request, obj=None):
        return obj is None or not obj.published
