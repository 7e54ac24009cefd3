from django.utils.translation import gettext_lazy as _

from stttt.core.apps import CapabilityConfig


class ProceduresConfig(CapabilityConfig):
    name = "stttt.procedures"
    label = "procedures"
    verbose_name = _("Administrative procedures")
