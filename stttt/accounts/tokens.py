"""API tokens that expire, and that die with a password change or a disabled account (docs/security.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models.signals import post_save, pre_save
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token


def ttl() -> dt.timedelta:
    return dt.timedelta(hours=float(getattr(settings, "STTTT_TOKEN_TTL_HOURS", 12)))


def expired(token: Token, now: dt.datetime | None = None) -> bool:
    return (now or timezone.now()) >= token.created + ttl()


def issue(user: Any) -> Token:
    """The user's token: the current one while it is valid, else a new one."""
    token = Token.objects.filter(user=user).first()
    if token is not None and expired(token):
        token.delete()
        token = None
    return token or Token.objects.create(user=user)


def revoke(user: Any) -> int:
    deleted = 0
    for token in Token.objects.filter(user=user):  # one by one: each deletion is audited
        token.delete()
        deleted += 1
    return deleted


class ExpiringTokenAuthentication(TokenAuthentication):
    """`Authorization: Token <key>`, refused (and deleted) after `STTTT_TOKEN_TTL_HOURS`."""

    def authenticate_credentials(self, key: str) -> tuple[Any, Token]:
        user, token = super().authenticate_credentials(key)
        if expired(token):
            token.delete()
            raise exceptions.AuthenticationFailed(_("The token has expired: ask for a new one."))
        return user, token


def _remember(sender: Any, instance: Any, **kwargs: Any) -> None:
    if instance.pk is None:
        instance._token_old = None
        return
    instance._token_old = sender._default_manager.filter(pk=instance.pk).values("password", "is_active").first()


def _revoke_if_needed(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    old = getattr(instance, "_token_old", None)
    instance._token_old = None
    if created or not old:
        return
    if old["password"] != instance.password or (old["is_active"] and not instance.is_active):
        revoke(instance)


def connect() -> None:
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    pre_save.connect(_remember, sender=user_model, dispatch_uid="stttt.accounts.tokens.pre")
    post_save.connect(_revoke_if_needed, sender=user_model, dispatch_uid="stttt.accounts.tokens.post")
