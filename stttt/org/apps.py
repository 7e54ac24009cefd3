from typing import Any

from django.utils.translation import gettext_lazy as _

from stttt.core.apps import CapabilityConfig


class OrgConfig(CapabilityConfig):
    name = "stttt.org"
    label = "org"
    verbose_name = _("Organisation")
    url_prefix = "to-chuc/"
    nav_label = _("Organisation")
    nav_url = "org:index"
    description = _("Units, staff and posts checked against Art. 4; duties, areas in charge, acting appointments.")
    nav_order = 20
    nav_group = "operations"

    def ready(self) -> None:
        from stttt.core import caching
        from stttt.legal import citing
        from stttt.org.models import Agency, Duty
        from stttt.org.selectors import AGENCIES, visible_to_department_staff

        caching.bump_on_change(AGENCIES, Agency)
        citing.register(Duty, "provision", _("Duties and their owners"), visible_to=visible_to_department_staff)

    def summary(self, user: Any = None) -> list[tuple[str, object]]:
        from stttt.org import selectors
        from stttt.org.choices import Severity
        from stttt.org.powers import agency_of

        agency = agency_of(user)
        if agency is None:
            return []
        findings = selectors.findings_at(agency)
        return [
            (str(_("Units")), selectors.units_at(agency, selectors.today()).count()),
            (
                str(_("Staff")),
                selectors.assignments_at(selectors.today()).filter(unit__agency=agency, kind="primary").count(),
            ),
            (str(_("Errors")), sum(1 for f in findings if f.severity == Severity.ERROR)),
        ]
