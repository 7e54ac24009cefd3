from django.utils.translation import gettext_lazy as _

from stttt.core.apps import CapabilityConfig


class ProceduresConfig(CapabilityConfig):
    name = "stttt.procedures"
    label = "procedures"
    verbose_name = _("Administrative procedures")
    url_prefix = "thu-tuc/"
    nav_label = _("Procedures")
    nav_url = "procedures:index"
    description = _("Dossiers through the one-stop desk, working-day deadlines, slips and statistics.")
    nav_order = 30

    def ready(self) -> None:
        try:
            from stttt.legal import citing
        except ImportError:
            return
        from stttt.procedures.models import Procedure

        citing.register(Procedure, "provision", _("Administrative procedures"))

    def summary(self) -> list[tuple[str, object]]:
        from stttt.procedures.selectors import home_figures

        try:
            return home_figures()
        except Exception:  # the tables may not exist yet (before migrate)
            return []
