from typing import Any

from django.utils.translation import gettext_lazy as _

from stttt.core.apps import CapabilityConfig


class LicensingConfig(CapabilityConfig):
    name = "stttt.licensing"
    label = "licensing"
    verbose_name = _("Licences")
    url_prefix = "giay-phep/"
    nav_label = _("Licences")
    nav_url = "licensing:index"
    description = _("Licences issued from dossiers or recorded, their life events, documents and expiry warnings.")
    nav_order = 40
    nav_group = "services"

    def ready(self) -> None:
        from stttt.core import caching
        from stttt.legal import citing
        from stttt.licensing import effects  # noqa: F401  (registers the workflow effects)
        from stttt.licensing.models import Licence, LicenceEvent
        from stttt.licensing.selectors import REVISION, citing_visible_to

        citing.register(Licence, "provision", _("Licences"), visible_to=citing_visible_to)
        caching.bump_on_change(REVISION, Licence, LicenceEvent)

    def summary(self, user: Any = None) -> list[tuple[str, object]]:
        """Figures of the user's agency (none without a user: figures are never shown unscoped)."""
        from django.db import DatabaseError

        from stttt.licensing.selectors import home_figures

        try:
            return home_figures(user)
        except DatabaseError:  # the tables may not exist yet (before migrate)
            return []
