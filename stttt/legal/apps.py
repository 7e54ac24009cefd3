from django.utils.translation import gettext_lazy as _

from stttt.core.apps import CapabilityConfig


class LegalConfig(CapabilityConfig):
    name = "stttt.legal"
    label = "legal"
    verbose_name = _("Regulation")
