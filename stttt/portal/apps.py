from typing import Any

from django.utils.translation import gettext_lazy as _

from stttt.core.apps import CapabilityConfig


class PortalConfig(CapabilityConfig):
    name = "stttt.portal"
    label = "portal"
    verbose_name = _("Public portal")
    url_prefix = "cong-khai/"
    nav_label = _("Public services")
    nav_url = "portal:index"
    description = _("Online submission and tracking of dossiers, public registers of licences, ratings.")
    nav_order = 90
    nav_group = "services"
    public = True

    def ready(self) -> None:
        from stttt.portal.particulars import PROVIDER, REFERENCE
        from stttt.procedures import filing

        filing.register(PROVIDER)
        filing.register(REFERENCE)

    def summary(self, user: Any = None) -> list[tuple[str, object]]:
        from django.db import DatabaseError

        from stttt.org.powers import agency_of
        from stttt.portal.selectors import home_figures

        agency = agency_of(user)
        if agency is None:
            return []
        try:
            return home_figures(agency)
        except DatabaseError:  # the tables may not exist yet (before migrate)
            return []
