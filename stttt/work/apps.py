from django.utils.translation import gettext_lazy as _

from stttt.core.apps import CapabilityConfig


class WorkConfig(CapabilityConfig):
    name = "stttt.work"
    label = "work"
    verbose_name = _("Tasks and reporting")
    url_prefix = "cong-viec/"
    nav_label = _("Tasks and reports")
    nav_url = "work:index"
    description = _("Tasks from the PPC and the Ministry, the monthly briefing, reports upward and from the "
                    "districts, Council questions and coordination.")
    nav_order = 40

    def ready(self) -> None:
        from stttt.legal import citing
        from stttt.work import indicators
        from stttt.work.models import CouncilQuestion, ReportType, Task

        citing.register(Task, "duty", _("Tasks"))
        citing.register(ReportType, "provision", _("Report types"))
        citing.register(CouncilQuestion, "provision", _("Council questions and petitions"))
        indicators.register_builtin()

    def summary(self) -> list[tuple[str, object]]:
        from stttt.work.selectors import home_figures

        try:
            return home_figures()
        except Exception:  # the tables may not exist yet (before migrate)
            return []
