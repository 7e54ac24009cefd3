"""Writes after a change of the working-day calendar: the due dates of every open dossier counted again.

A day off announced late (a Tết bridge, a swapped Saturday: Labour Code 2019 Art. 112(3), entered as
`core.CalendarDay`) moves the last day of every period counted in working days across it (Civil Code 2015
Arts 147-148, as `procedures.rules.due_date` counts them). The dates depend only on the procedure version
the dossier was filed under, the day the period counts from and the step's start, so they are computed once
per distinct combination and written with one UPDATE per combination that changed: seconds for a million
dossiers, not a row at a time.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.functions import TruncDate

from stttt.core import auditlog
from stttt.core.calendar import calendar
from stttt.procedures import rules
from stttt.procedures.choices import IN_PROGRESS, Status
from stttt.procedures.models import Dossier, Procedure, ProcedureVersion
from stttt.procedures.workflow import STAGE_OF_STATUS


@transaction.atomic
def due_dates_recompute(*, actor: Any = None) -> int:
    """Count again the statutory due date, the appointment date (unless an apology set a new one, Decree
    61/2018 Art. 19) and the current step's due date of every dossier in progress; returns how many
    dossiers changed. One audit entry records the recount."""
    cal = calendar()
    open_dossiers = Dossier.objects.filter(status__in=IN_PROGRESS, counting_start__isnull=False)
    terms = _terms(open_dossiers)
    changed = 0
    periods = open_dossiers.values_list(*TERMS, "counting_start", "statutory_due_date").distinct()
    for procedure_id, version_id, start, old in list(periods):
        if start is None:  # excluded by the filter; for the type checker
            continue
        days, unit = terms[procedure_id, version_id].applicable_limit
        new = rules.due_date(cal, start, days, unit)
        if new != old:
            rows = open_dossiers.filter(
                procedure_id=procedure_id, procedure_version_id=version_id, counting_start=start, statutory_due_date=old
            )
            changed += rows.filter(apology_at__isnull=True).update(statutory_due_date=new, due_date=new)
            changed += rows.filter(apology_at__isnull=False).update(statutory_due_date=new)
    changed += _stage_due_dates(cal, terms)
    if changed:
        auditlog.append(
            "recompute",
            object_type="procedures.dossier",
            changes={"due_dates_changed": changed},
            reason="working-day calendar changed",
            user=actor,
        )
    return changed


TERMS = ("procedure_id", "procedure_version_id")


def _terms(dossiers: Any) -> dict[tuple[int, int | None], Procedure | ProcedureVersion]:
    """The facts each (procedure, version) pair of `dossiers` is handled under: the version the dossier was
    filed under, or the procedure's row for a dossier filed before versions."""
    procedures = {p.pk: p for p in Procedure.objects.filter(pk__in=dossiers.values("procedure_id"))}
    versions = {v.pk: v for v in ProcedureVersion.objects.filter(pk__in=dossiers.values("procedure_version_id"))}
    pairs = dossiers.values_list(*TERMS).distinct()
    return {(p, v): versions[v] if v is not None else procedures[p] for p, v in pairs}


def _stage_due_dates(cal: Any, terms: dict[tuple[int, int | None], Procedure | ProcedureVersion]) -> int:
    """The current step's due date, as `services._enter_stage` sets it: the step's allotment in working days
    from its start (not before the period's start), never past the dossier's due date."""
    changed = 0
    # The division's step runs from the transfer through the appraisal (its due date is set once, at transfer).
    stage_of = {**STAGE_OF_STATUS, Status.IN_APPRAISAL: "division"}
    staged = Dossier.objects.filter(
        status__in=[s for s, stage in stage_of.items() if stage != "return" and s in IN_PROGRESS],
        counting_start__isnull=False,
        stage_started_at__isnull=False,
    )
    keys = (*TERMS, "status", "stage_day", "counting_start", "due_date", "stage_due_date")
    combinations = staged.annotate(stage_day=TruncDate("stage_started_at")).values_list(*keys).distinct()
    for procedure_id, version_id, status, stage_day, start, due, old in list(combinations):
        facts = terms[procedure_id, version_id]
        allotment = {"desk": facts.desk_days, "division": facts.division_days, "leader": facts.leader_days}
        new = rules.stage_due_date(cal, max(stage_day, start), allotment[stage_of[status]], due)
        if new != old:
            changed += staged.filter(
                procedure_id=procedure_id,
                procedure_version_id=version_id,
                status=status,
                stage_started_at__date=stage_day,  # the local day, in the current time zone
                counting_start=start,
                due_date=due,
                stage_due_date=old,
            ).update(stage_due_date=new)
    return changed
