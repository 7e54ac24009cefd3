from typing import Any

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
    nav_group = "services"

    def ready(self) -> None:
        from stttt.procedures import notifications  # noqa: F401  (registers the workflow effects)

        try:
            from stttt.legal import citing
        except ImportError:
            return
        from stttt.procedures.models import Procedure

        citing.register(Procedure, "provision", _("Administrative procedures"))

    def summary(self, user: Any = None) -> list[tuple[str, object]]:
        from django.db import DatabaseError

        from stttt.org.powers import agency_of
        from stttt.procedures.selectors import home_figures

        agency = agency_of(user)
        if agency is None:
            return []
        try:
            return home_figures(agency)
        except DatabaseError:  # the tables may not exist yet (before migrate)
            return []
