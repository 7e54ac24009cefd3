from __future__ import annotations

from typing import Any

from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class CapabilityConfig(AppConfig):
    """An app that users meet: its pages, API and demo data are found from this one declaration.

    - `nav_label`/`nav_url`: the entry in the header navigation and on the home page;
    - `description`: one sentence for the home page;
    - `url_prefix`: where `<app>/urls.py` is mounted (namespace = app label); None for no pages;
    - `api.py` with `register(router)` adds API routes; `demo.py` with `load(stdout)` adds demo data.
    """

    nav_label: object = None
    nav_url: str | None = None
    description: object = ""
    url_prefix: str | None = None
    nav_order: int = 100
    public: bool = False  # shown to anonymous visitors too

    def summary(self) -> list[tuple[str, object]]:
        """Figures shown on the home page card, e.g. [(label, count)]."""
        return []


def capabilities() -> list[CapabilityConfig]:
    found = [c for c in apps.get_app_configs() if isinstance(c, CapabilityConfig)]
    return sorted(found, key=lambda c: (c.nav_order, c.label))


class CoreConfig(AppConfig):
    name = "stttt.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.core import checks

        from stttt.core import audit, signing

        audit.connect()
        checks.register(_check_workflow_effects)
        checks.register(signing.check_signing)


def _check_workflow_effects(app_configs: Any = None, **kwargs: Any) -> list[Any]:
    """Every effect a workflow table declares is implemented by an installed app."""
    from django.core import checks

    from stttt.core.workflow import WORKFLOWS

    return [
        checks.Error(f"workflow {wf.name!r} declares effect {name!r} that no installed app registers",
                     id="stttt.E001")
        for wf in WORKFLOWS.values() for name in wf.missing_effects()
    ]
