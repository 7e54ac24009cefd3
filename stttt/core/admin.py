from django.contrib import admin

from stttt.core.models import CalendarDay


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ["date", "kind", "name", "source"]
    list_filter = ["kind"]
    search_fields = ["name", "source"]
    date_hierarchy = "date"
