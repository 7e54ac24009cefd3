from django.utils.translation import gettext_lazy as _

from stttt.core.apps import CapabilityConfig


class WebConfig(CapabilityConfig):
    """The staff web shell: layout, home page, record history pages."""

    name = "stttt.web"
    label = "web"
    verbose_name = _("Web")
    url_prefix = ""
    nav_order = 1000
