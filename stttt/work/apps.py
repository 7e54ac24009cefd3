from typing import Any

from django.utils.translation import gettext_lazy as _

from stttt.core.apps import CapabilityConfig


class WorkConfig(CapabilityConfig):
    name = "stttt.work"
    label = "work"
    verbose_name = _("Tasks and reporting")
    url_prefix = "cong-viec/"
    nav_label = _("Tasks and reports")
    nav_url = "work:index"
    description = _(
        "Tasks from the PPC and the Ministry, the monthly briefing, reports upward and from the "
        "districts, Council questions and coordination."
    )
    nav_order = 40
    nav_group = "operations"

    def ready(self) -> None:
        from stttt.legal import citing
        from stttt.work import effects, indicators  # noqa: F401  (effects: registered on import)
        from stttt.work.models import CouncilQuestion, ReportType, Task
        from stttt.work.selectors import department_records, tasks_visible_to

        citing.register(
            Task,
            "duty",
            _("Tasks"),
            visible_to=lambda user, tasks: tasks.filter(pk__in=tasks_visible_to(user).values("pk")),
        )
        citing.register(ReportType, "provision", _("Report types"), visible_to=department_records)
        citing.register(
            CouncilQuestion, "provision", _("Council questions and petitions"), visible_to=department_records
        )
        indicators.register_builtin()

    def summary(self, user: Any = None) -> list[tuple[str, object]]:
        from django.db import DatabaseError

        from stttt.org.powers import agency_of
        from stttt.work.selectors import home_figures

        agency = agency_of(user)
        if agency is None:
            return []
        try:
            return home_figures(agency)
        except DatabaseError:  # the tables may not exist yet (before migrate)
            return []
