"""Recovery codes that django-otp's static plugin kept in plain text become hashed `RecoveryCode` rows, and
the plain rows are deleted. The plugin is no longer installed, so its tables are read with SQL when they
exist (a database made before this change); on a new database there is nothing to do."""

from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import migrations

ITERATIONS = 20_000  # as stttt.accounts.recovery (copied: a migration must not change when the code does)
DEVICES, TOKENS = "otp_static_staticdevice", "otp_static_statictoken"


def hash_static_codes(apps, schema_editor):
    connection = schema_editor.connection
    if not {DEVICES, TOKENS} <= set(connection.introspection.table_names()):
        return
    RecoveryDevice = apps.get_model("accounts", "RecoveryDevice")
    RecoveryCode = apps.get_model("accounts", "RecoveryCode")
    hasher = PBKDF2PasswordHasher()
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT d.user_id, t.token FROM {quote(DEVICES)} d JOIN {quote(TOKENS)} t ON t.device_id = d.id"
        )
        rows = cursor.fetchall()
        for user_id, token in rows:
            device, _created = RecoveryDevice.objects.get_or_create(
                user_id=user_id, name="recovery", defaults={"confirmed": True}
            )
            code = "".join(ch for ch in str(token).upper() if ch.isalnum())
            RecoveryCode.objects.create(device=device, digest=hasher.encode(code, hasher.salt(), ITERATIONS))
        cursor.execute(f"DELETE FROM {quote(TOKENS)}")
        cursor.execute(f"DELETE FROM {quote(DEVICES)}")


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_recovery_codes")]

    operations = [migrations.RunPython(hash_static_codes, migrations.RunPython.noop)]
