from django.contrib import admin

from stttt.licensing.models import KindDivision


@admin.register(KindDivision)
class KindDivisionAdmin(admin.ModelAdmin):
    """Catalogue: which division of an agency processes a kind of licence that no procedure produces."""

    list_display = ["agency", "kind", "unit_code"]
    list_filter = ["agency", "kind"]
