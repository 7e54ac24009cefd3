"""Writes on user accounts."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from stttt.accounts.models import User


@transaction.atomic
def demo_user_ensure(username: str, *, full_name: str, is_superuser: bool = False) -> User:
    """Create the demo account once; later runs leave an existing account as it is (idempotent)."""
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"full_name": full_name, "is_staff": is_superuser, "is_superuser": is_superuser},
    )
    if created:
        user.set_password(settings.DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user
