from typing import Any

from django.utils.translation import gettext_lazy as _

from stttt.core.apps import CapabilityConfig


class InspectionConfig(CapabilityConfig):
    name = "stttt.inspection"
    label = "inspection"
    verbose_name = _("Inspection")
    url_prefix = "thanh-tra/"
    nav_label = _("Inspection")
    nav_url = "inspection:index"
    description = _(
        "Inspection plans and cases, administrative violations and sanctions, complaints, denunciations "
        "and citizen reception, with their statutory time limits."
    )
    nav_order = 60

    def ready(self) -> None:
        from stttt.inspection import effects, indicators  # noqa: F401  (effects: registered on import)

        indicators.register_builtin()

    def summary(self, user: Any = None) -> list[tuple[str, object]]:
        from django.db import DatabaseError

        from stttt.inspection.selectors import home_figures

        try:
            return home_figures(user)
        except DatabaseError:  # the tables may not exist yet (before migrate)
            return []
