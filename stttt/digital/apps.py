from typing import Any

from django.utils.translation import gettext_lazy as _

from stttt.core.apps import CapabilityConfig


class DigitalConfig(CapabilityConfig):
    name = "stttt.digital"
    label = "digital"
    verbose_name = _("Digital transformation")
    url_prefix = "chuyen-doi-so/"
    nav_label = _("Digital transformation")
    nav_url = "digital:index"
    description = _(
        "The province's digital-transformation plan and indicators, the DTI, the data catalogue and sharing, "
        "IT investment appraisal, the IT enterprise register and digital signatures for agencies."
    )
    nav_order = 60
    # District officers fill in their district's indicator figures; the open data catalogue is public data.
    open_to = {
        "district": frozenset({"digital:my_submissions", "digital:submission", "digital:open_data"}),
        "citizen": frozenset({"digital:open_data"}),
        "observer": frozenset({"digital:open_data"}),
    }

    def own_links(self, user: Any) -> list[tuple[str, object]]:
        from stttt.digital.permissions import district_of

        return [("digital:my_submissions", _("Digital-transformation figures"))] if district_of(user) else []

    def ready(self) -> None:
        from stttt.digital import effects  # noqa: F401  (effects: registered on import)

    def summary(self, user: Any = None) -> list[tuple[str, object]]:
        from django.db import DatabaseError

        from stttt.digital.selectors import home_figures
        from stttt.org.powers import agency_of

        agency = agency_of(user)
        if agency is None:
            return []
        try:
            return home_figures(agency)
        except DatabaseError:  # the tables may not exist yet (before migrate)
            return []
