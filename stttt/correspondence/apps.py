from typing import Any

from django.utils.translation import gettext_lazy as _

from stttt.core.apps import CapabilityConfig


class CorrespondenceConfig(CapabilityConfig):
    name = "stttt.correspondence"
    label = "correspondence"
    verbose_name = _("Official correspondence")
    url_prefix = "van-thu/"
    nav_label = _("Incoming and outgoing documents")
    nav_url = "correspondence:index"
    description = _(
        "Incoming documents registered, routed and followed; outgoing documents drafted, signed, numbered and "
        "issued in the format of Decree 30/2020; drafts for the Province."
    )
    nav_order = 35
    nav_group = "operations"

    def ready(self) -> None:
        from stttt.correspondence import effects  # noqa: F401  (effects: registered on import)

    def summary(self, user: Any = None) -> list[tuple[str, object]]:
        from django.db import DatabaseError

        from stttt.correspondence.selectors import home_figures
        from stttt.org.powers import agency_of

        agency = agency_of(user)
        if agency is None:
            return []
        try:
            return home_figures(agency)
        except DatabaseError:
            return []
