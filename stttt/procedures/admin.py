from django.contrib import admin

from stttt.procedures.models import Component, Dossier, DossierStep, Procedure


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
