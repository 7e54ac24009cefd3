from typing import Any

from django.utils.translation import gettext_lazy as _

from stttt.core.apps import CapabilityConfig


class PressConfig(CapabilityConfig):
    name = "stttt.press"
    label = "press"
    verbose_name = _("Press and publishing")
    url_prefix = "bao-chi/"
    nav_label = _("Press and publishing")
    nav_url = "press:index"
    description = _(
        "Legal deposit of press, bulletins and publications with its reading, press agencies' offices and "
        "reporters, press conferences and the weekly press picture for the leadership."
    )
    nav_order = 55

    def ready(self) -> None:
        from stttt.press import (
            effects,  # noqa: F401  (registers the workflow effects)
            indicators,
        )

        indicators.register()

    def opens_for(self, user: Any) -> bool:
        """Press work is the division's and the leadership's (`permissions.may_view`)."""
        from stttt.press.permissions import may_view

        return may_view(user)

    def summary(self, user: Any = None) -> list[tuple[str, object]]:
        """Figures of the user's agency (none without a user or for those who may not see press work)."""
        from django.db import DatabaseError

        from stttt.press.selectors import home_figures

        try:
            return home_figures(user)
        except DatabaseError:  # the tables may not exist yet (before migrate)
            return []
