"""On SQLite, Django's `flush` (test databases between transactional tests, `stttt flush`) empties tables
with DELETE, which a delete trigger would refuse; PostgreSQL empties them with TRUNCATE, which row triggers
do not see. So on SQLite deleting a published version is refused by the model's pre_delete guard (every
ORM delete, the admin's included), and the database refuses only updates."""

from django.db import migrations


def drop_delete_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER IF EXISTS procedures_version_frozen_del")


class Migration(migrations.Migration):
    dependencies = [("procedures", "0009_versions_from_catalogue")]

    operations = [migrations.RunPython(drop_delete_trigger, migrations.RunPython.noop)]
