from typing import Any

from django.utils.translation import gettext_lazy as _

from stttt.core.apps import CapabilityConfig


class LegalConfig(CapabilityConfig):
    name = "stttt.legal"
    label = "legal"
    verbose_name = _("Regulation")
    url_prefix = "van-ban/"
    nav_label = _("Regulation")
    nav_url = "legal:index"
    description = _("The Department's regulation as citable, searchable, versioned data.")
    nav_order = 10
    nav_group = "operations"
    public = True

    def summary(self, user: Any = None) -> list[tuple[str, object]]:  # public legal data
        from stttt.legal.models import Document, Provision
        from stttt.legal.selectors import default_document

        document = default_document()
        if document is None:
            return [(str(_("Documents")), Document.objects.count())]
        return [
            (str(_("Documents")), Document.objects.count()),
            (str(_("Provisions")), Provision.objects.filter(document=document).count()),
        ]
