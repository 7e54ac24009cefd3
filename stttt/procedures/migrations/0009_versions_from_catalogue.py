"""Today's catalogue rows become version 1 of each procedure, every dossier is bound to it, and published
versions are frozen in the database (the service refuses first; the trigger holds for the admin, the shell
and any other writer).

The trigger allows one change to a published version: closing its open validity (`valid_to` from empty to a
date), which is how a successor, a repeal or a transfer ends it. A later migration that adds a column to
ProcedureVersion must re-run `freeze` so that SQLite compares the new column too.
"""

from django.db import migrations

TABLE = "procedures_procedureversion"
MESSAGE = "a published procedure version never changes"
# The Department's internal split of the time limit between its steps; the act fixing it is not on file.
STEP_BASIS = "Quy trình nội bộ của Sở (phân bổ thời gian giữa các bước) [verify]"

PG_FREEZE = f"""
CREATE OR REPLACE FUNCTION procedures_version_frozen() RETURNS trigger AS $$
BEGIN
    IF OLD.status = 'published' THEN
        IF TG_OP = 'DELETE' OR OLD.valid_to IS NOT NULL
           OR (to_jsonb(NEW) - 'valid_to' - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'valid_to' - 'updated_at')
        THEN
            RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS procedures_version_frozen ON {TABLE};
CREATE TRIGGER procedures_version_frozen BEFORE UPDATE OR DELETE ON {TABLE}
FOR EACH ROW EXECUTE FUNCTION procedures_version_frozen();
"""


def freeze(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(PG_FREEZE)
            return
        if connection.vendor != "sqlite":
            return
        model = apps.get_model("procedures", "ProcedureVersion")
        columns = [f.column for f in model._meta.concrete_fields if f.column not in ("valid_to", "updated_at")]
        changed = " OR ".join(f'NEW."{c}" IS NOT OLD."{c}"' for c in columns)
        cursor.execute("DROP TRIGGER IF EXISTS procedures_version_frozen_upd")
        cursor.execute("DROP TRIGGER IF EXISTS procedures_version_frozen_del")
        cursor.execute(
            f"CREATE TRIGGER procedures_version_frozen_upd BEFORE UPDATE ON {TABLE} "
            f"WHEN OLD.status = 'published' AND (OLD.valid_to IS NOT NULL OR {changed}) "
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
        )
        cursor.execute(
            f"CREATE TRIGGER procedures_version_frozen_del BEFORE DELETE ON {TABLE} "
            f"WHEN OLD.status = 'published' BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
        )


def unfreeze(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        if schema_editor.connection.vendor == "postgresql":
            cursor.execute(f"DROP TRIGGER IF EXISTS procedures_version_frozen ON {TABLE}")
        elif schema_editor.connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER IF EXISTS procedures_version_frozen_upd")
            cursor.execute("DROP TRIGGER IF EXISTS procedures_version_frozen_del")


def first_versions(apps, schema_editor):
    Procedure = apps.get_model("procedures", "Procedure")
    Version = apps.get_model("procedures", "ProcedureVersion")
    Dossier = apps.get_model("procedures", "Dossier")
    for procedure in Procedure.objects.all():
        if Version.objects.filter(procedure=procedure).exists():
            continue
        version = Version.objects.create(**version_one(procedure))
        Dossier.objects.filter(procedure=procedure, procedure_version__isnull=True).update(procedure_version=version)


def version_one(procedure) -> dict:
    """The facts of the catalogue row as version 1, in force since before the platform kept versions."""
    steps = [
        {"stage": stage, "days": getattr(procedure, f"{stage}_days"), "unit": "working", "basis": STEP_BASIS}
        for stage in ("desk", "division", "leader")
    ]
    components = [
        {"name": c.name, "copy_kind": c.copy_kind, "copies": c.copies, "form": c.form, "required": c.required}
        for c in procedure.components.order_by("order", "id")
    ]
    return {
        "procedure": procedure,
        "number": 1,
        "status": "published",
        "valid_from": None,
        "national_code": procedure.code,
        "name": procedure.name,
        "field_code": procedure.field_code,
        "legal_basis": procedure.legal_basis,
        "time_limit": procedure.time_limit,
        "time_unit": procedure.time_unit,
        "time_limit_basis": procedure.time_limit_basis,
        "local_time_limit": procedure.local_time_limit,
        "steps": steps,
        "components": components,
        "fee": procedure.fee,
        "result_kind": procedure.result_kind,
        "result_name": procedure.result_name,
        "handling": procedure.handling,
        "division_code": procedure.division_code,
        "online": procedure.online,
        "service_level": procedure.service_level,
        "change_note": "Phiên bản 1: danh mục đang áp dụng khi bắt đầu quản lý phiên bản.",
    }


class Migration(migrations.Migration):
    dependencies = [("procedures", "0008_procedure_versions")]

    operations = [
        migrations.RunPython(first_versions, migrations.RunPython.noop),
        migrations.RunPython(freeze, unfreeze),
    ]
