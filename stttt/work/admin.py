"""Admin for the data that has no page of its own: report types, and the districts (kept in `org`, the one
district model) with their officers.

Tasks, reports and district reports change through services (pages, API, CLI); the admin shows them
read-only."""

from django.contrib import admin

from stttt.org.models import District, DistrictOfficer
from stttt.work.models import (
    Coordination,
    CouncilQuestion,
    DistrictReport,
    DistrictRequest,
    Meeting,
    Report,
    ReportType,
    Task,
)


@admin.register(ReportType)
class ReportTypeAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "agency", "recipient", "periodicity", "due_offset_days", "active"]
    list_filter = ["agency", "recipient", "periodicity", "active"]
    search_fields = ["code", "name"]
    raw_id_fields = ["provision"]


class OfficerInline(admin.TabularInline):
    model = DistrictOfficer
    extra = 0
    raw_id_fields = ["user"]


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "agency", "kind", "order", "active"]
    list_filter = ["agency", "active"]
    inlines = [OfficerInline]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


for model, fields in [
    (Task, ["title", "agency", "lead_unit", "deadline", "status"]),
    (Meeting, ["held_on", "agency", "kind", "title"]),
    (Report, ["report_type", "agency", "period_start", "period_end", "status", "due_on", "sent_on"]),
    (DistrictRequest, ["title", "agency", "deadline"]),
    (DistrictReport, ["request", "district", "status", "submitted_at"]),
    (CouncilQuestion, ["asked_by", "agency", "deadline", "status"]),
    (Coordination, ["subject", "agency", "counterpart", "status"]),
]:
    admin.site.register(model, type(f"{model.__name__}Admin", (ReadOnlyAdmin,), {"list_display": fields}))
