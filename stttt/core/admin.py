from typing import Any

from django.contrib import admin
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stttt.core import outbox
from stttt.core.models import CalendarDay, OutboundMessage


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ["date", "kind", "name", "source"]
    list_filter = ["kind"]
    search_fields = ["name", "source"]
    date_hierarchy = "date"


@admin.register(OutboundMessage)
class OutboundMessageAdmin(admin.ModelAdmin):
    """What was sent to whom, and what is still waiting or failed; read-only but for sending again."""

    list_display = ["created_at", "channel", "recipient", "subject", "topic", "status", "attempts", "sent_at"]
    list_filter = ["status", "channel", "topic"]
    search_fields = ["recipient", "subject", "idempotency_key"]
    date_hierarchy = "created_at"
    actions = ["send_again"]

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    @admin.action(description=gettext_lazy("Send the failed messages again"), permissions=["view"])
    def send_again(self, request: Any, queryset: Any) -> None:
        count = outbox.send_again(queryset)
        self.message_user(request, _("%(count)s messages will be sent again.") % {"count": count})
