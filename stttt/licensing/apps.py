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

    def ready(self) -> None:
        from stttt.legal import citing
        from stttt.licensing import signals
        from stttt.licensing.models import Licence
        from stttt.org.selectors import visible_to_department_staff

        signals.connect()
        citing.register(Licence, "provision", _("Licences"), visible_to=visible_to_department_staff)

    def summary(self) -> list[tuple[str, object]]:
        from stttt.licensing.selectors import home_figures

        try:
            return home_figures()
        except Exception:  # the tables may not exist yet (before migrate)
            return []
