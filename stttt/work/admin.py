"""Admin for the data that has no page of its own: report types, districts and their officers.

Tasks, reports and district reports change through services (pages, API, CLI); the admin shows them
read-only."""

from django.contrib import admin

from stttt.work.models import (
    Coordination,
    CouncilQuestion,
    District,
    DistrictOfficer,
    DistrictReport,
    DistrictRequest,
    Meeting,
    Report,
    ReportType,
    Task,
)


@admin.register(ReportType)
class ReportTypeAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "recipient", "periodicity", "due_offset_days", "active"]
    list_filter = ["recipient", "periodicity", "active"]
    search_fields = ["code", "name"]
    raw_id_fields = ["provision"]


class OfficerInline(admin.TabularInline):
    model = DistrictOfficer
    extra = 0
    raw_id_fields = ["user"]


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "order", "active"]
    inlines = [OfficerInline]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


for model, fields in [(Task, ["title", "lead_unit", "deadline", "status"]),
                      (Meeting, ["held_on", "kind", "title"]),
                      (Report, ["report_type", "period_start", "period_end", "status", "due_on", "sent_on"]),
                      (DistrictRequest, ["title", "deadline"]),
                      (DistrictReport, ["request", "district", "status", "submitted_at"]),
                      (CouncilQuestion, ["asked_by", "deadline", "status"]),
                      (Coordination, ["subject", "counterpart", "status"])]:
    admin.site.register(model, type(f"{model.__name__}Admin", (ReadOnlyAdmin,), {"list_display": fields}))
