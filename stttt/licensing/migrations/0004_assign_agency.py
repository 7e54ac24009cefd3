"""Existing licences belong to an agency: the agency of their dossier, else the installation's existing
agency (the default agency setting, else the first: the only one before agencies were modelled). Their
district codes are kept as they are: the organisation's districts carry the same codes. On a fresh
database there is nothing to assign."""

from django.conf import settings
from django.db import migrations


def assign(apps, schema_editor):
    Agency = apps.get_model("org", "Agency")
    Licence = apps.get_model("licensing", "Licence")
    pending = Licence.objects.filter(agency__isnull=True)
    if not pending.exists():
        return
    for licence in pending.filter(dossier__isnull=False).select_related("dossier"):
        Licence.objects.filter(pk=licence.pk).update(agency_id=licence.dossier.agency_id)
    code = getattr(settings, "STTTT_DEFAULT_AGENCY", "")
    agency = (Agency.objects.filter(code=code).first() if code else None) or Agency.objects.order_by("pk").first()
    if pending.exists() and agency is None:
        raise RuntimeError("Licences exist but no agency does: import the organisation (stttt org import) "
                           "before migrating, so that the registers can be assigned to their agency.")
    pending.update(agency=agency)


class Migration(migrations.Migration):

    dependencies = [
        ("licensing", "0003_agency_and_kind_division"),
        ("procedures", "0004_agency_required"),
    ]

    operations = [
        migrations.RunPython(assign, migrations.RunPython.noop),
    ]
