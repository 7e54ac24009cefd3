from typing import Any

from django.utils.translation import gettext_lazy as _

from stttt.core.apps import CapabilityConfig


class SupervisionConfig(CapabilityConfig):
    name = "stttt.supervision"
    label = "supervision"
    verbose_name = _("Sector supervision")
    url_prefix = "quan-ly-nganh/"
    nav_label = _("Sector supervision")
    nav_url = "supervision:index"
    description = _(
        "Supervised telecom, postal, broadcasting, advertising and online organisations with their licences and "
        "reports; BTS sites, cable routes and postal points on an offline map; disputes and complaints; emergency "
        "communications; the commune radio network and external information."
    )
    nav_order = 55

    def ready(self) -> None:
        from stttt.supervision import effects  # noqa: F401  (effects: registered on import)

    def summary(self, user: Any = None) -> list[tuple[str, object]]:
        from django.db import DatabaseError

        from stttt.org.powers import agency_of
        from stttt.supervision.selectors import home_figures

        agency = agency_of(user)
        if agency is None:
            return []
        try:
            return home_figures(agency)
        except DatabaseError:  # the tables may not exist yet (before migrate)
            return []
