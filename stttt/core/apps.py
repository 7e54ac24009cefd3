from __future__ import annotations

from typing import Any

from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _

# The header's groups of capabilities for staff, in order.
NAV_GROUPS: dict[str, object] = {
    "operations": _("Running the Department"),
    "services": _("Public services"),
    "sector": _("Sector management"),
}


class CapabilityConfig(AppConfig):
    """An app that users meet: its pages, API and demo data are found from this one declaration.

    - `nav_label`/`nav_url`: the entry in the header navigation and on the home page, under `nav_group`
      (one of `NAV_GROUPS`: the Department's own running, public services, state management of the sectors);
    - `description`: one sentence for the home page;
    - `url_prefix`: where `<app>/urls.py` is mounted (namespace = app label); None for no pages;
    - `api.py` with `register(router)` adds API routes; `demo.py` with `load(stdout)` adds demo data.
    """

    nav_label: object = None
    nav_url: str | None = None
    description: object = ""
    url_prefix: str | None = None
    nav_order: int = 100
    nav_group: str = "sector"
    public: bool = False  # shown to anonymous visitors too
    # Pages of a staff capability that other signed-in roles use (role -> route names): the staff-area gate
    # (`stttt.web.middleware`) lets them through; each page still checks what the visitor may see.
    open_to: dict[str, frozenset[str]] = {}

    def opens_for(self, user: Any) -> bool:
        """Whether this capability's pages open for `user`, a member of staff: a capability kept to those who
        need to know (press reading, say) answers False for the others, and the header and the home page
        then do not offer it."""
        return True

    def own_links(self, user: Any) -> list[tuple[str, object]]:
        """Pages this capability keeps for a signed-in user outside the Department (an owner body's systems, a
        district's figures), as (URL name, label) for their header; none by default."""
        return []

    def summary(self, user: Any) -> list[tuple[str, object]]:
        """Figures shown on a leader's home page card, e.g. [(label, count)], of `user`'s own agency only
        (figures are never shown across agencies)."""
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
        from django.core.signals import request_finished
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate, pre_migrate

        from stttt.core import (
            apifields,
            audit,
            auditlog,
            authaudit,
            caching,
            datarevision,
            jobstats,
            requestid,
            searchindex,
            signing,
        )
        from stttt.core import calendar as working_calendar
        from stttt.core.models import CalendarDay

        apifields.use_moments()
        audit.connect()
        caching.bump_on_change(working_calendar.REVISION, CalendarDay)
        jobstats.connect()  # job runtimes and worker heartbeats for /metrics and /readyz
        authaudit.connect()
        request_finished.connect(requestid.forget_request, dispatch_uid="stttt.core.forget_request")
        # Append-only tables: SQLite triggers call this function; migrations run without the triggers,
        # which are put back on every table once all apps have migrated (docs/audit.md).
        connection_created.connect(auditlog.register_sqlite_function, dispatch_uid="stttt.core.sqlite_fn")
        # Every committed write renews the data revision that pages kept for their reader are stored under.
        connection_created.connect(datarevision.watch, dispatch_uid="stttt.core.data_revision")
        pre_migrate.connect(auditlog.on_pre_migrate, sender=self, dispatch_uid="stttt.core.drop_triggers")
        post_migrate.connect(auditlog.on_post_migrate, sender=self, dispatch_uid="stttt.core.install_triggers")
        # Substring indexes of every searchable model's folded text (FTS5 on SQLite, pg_trgm on PostgreSQL).
        post_migrate.connect(searchindex.on_post_migrate, sender=self, dispatch_uid="stttt.core.search_indexes")
        checks.register(_check_workflow_effects)
        checks.register(signing.check_signing)


def _check_workflow_effects(app_configs: Any = None, **kwargs: Any) -> list[Any]:
    """Every effect a workflow table declares is implemented by an installed app."""
    from django.core import checks

    from stttt.core.workflow import WORKFLOWS

    return [
        checks.Error(f"workflow {wf.name!r} declares effect {name!r} that no installed app registers", id="stttt.E001")
        for wf in WORKFLOWS.values()
        for name in wf.missing_effects()
    ]
