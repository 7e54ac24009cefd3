from typing import Any

from django.utils.translation import gettext_lazy as _

from stttt.core.apps import CapabilityConfig


class CyberConfig(CapabilityConfig):
    name = "stttt.cyber"
    label = "cyber"
    verbose_name = _("Information security")
    url_prefix = "an-toan-thong-tin/"
    nav_label = _("Information security")
    nav_url = "cyber:index"
    description = _(
        "The province's information systems and their security levels, level dossiers, periodic checks, "
        "incidents, warnings from the national centre and reports of illegal content online."
    )
    nav_order = 60
    # An owner body's account (a portal account linked to its owner record) keeps its systems and reports
    # incidents on these pages; each page shows only that owner's records.
    open_to = {
        "citizen": frozenset(
            f"cyber:cyber_owner:{name}" for name in ("home", "system", "incident_new", "incident", "delivery")
        )
    }

    def own_links(self, user: Any) -> list[tuple[str, object]]:
        from stttt.cyber.permissions import owner_id_of

        return [("cyber:cyber_owner:home", _("Our information systems"))] if owner_id_of(user) is not None else []

    def ready(self) -> None:
        from stttt.cyber import effects, indicators  # noqa: F401  (registered on import)

        indicators.register_all()

    def summary(self, user: Any = None) -> list[tuple[str, object]]:
        from django.db import DatabaseError

        from stttt.cyber.selectors import home_figures
        from stttt.org.powers import agency_of

        agency = agency_of(user)
        if agency is None:
            return []
        try:
            return home_figures(agency)
        except DatabaseError:  # the tables may not exist yet (before migrate)
            return []
