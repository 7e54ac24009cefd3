from django.utils.translation import gettext_lazy as _

from stttt.core.apps import CapabilityConfig


class OrgConfig(CapabilityConfig):
    name = "stttt.org"
    label = "org"
    verbose_name = _("Organisation")
