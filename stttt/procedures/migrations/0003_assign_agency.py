"""Existing procedures, dossiers and day sequences belong to the installation's existing agency (the first,
the only one before agencies were modelled). On a fresh database there is nothing to assign."""

from django.db import migrations


def assign(apps, schema_editor):
    Agency = apps.get_model("org", "Agency")
    Procedure = apps.get_model("procedures", "Procedure")
    Dossier = apps.get_model("procedures", "Dossier")
    DailySequence = apps.get_model("procedures", "DailySequence")
    pending = (Procedure.objects.filter(agency__isnull=True).exists()
               or DailySequence.objects.filter(agency__isnull=True).exists())
    if not pending:
        return
    agency = Agency.objects.order_by("pk").first()
    if agency is None:
        raise RuntimeError("Procedures exist but no agency does: import the organisation (stttt org import) "
                           "before migrating, so that the catalogue can be assigned to its agency.")
    Procedure.objects.filter(agency__isnull=True).update(agency=agency)
    for procedure in Procedure.objects.all():
        Dossier.objects.filter(procedure=procedure, agency__isnull=True).update(agency_id=procedure.agency_id)
    DailySequence.objects.filter(agency__isnull=True).update(agency=agency)


class Migration(migrations.Migration):

    dependencies = [
        ("procedures", "0002_agency_and_rating"),
    ]

    operations = [
        migrations.RunPython(assign, migrations.RunPython.noop),
    ]
