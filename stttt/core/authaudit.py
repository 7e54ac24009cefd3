"""Authentication events in the audit log: sign-in, failure, lockout, sign-out, password change, tokens."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_delete, post_save, pre_save

from stttt.core import auditlog


def _logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    auditlog.append("login", obj=user, user=user, request=request)


def _logged_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        auditlog.append("logout", obj=user, user=user, request=request)


def _login_failed(sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
    username = str(credentials.get("username") or credentials.get("email") or "")[:150]
    auditlog.append(
        "login_failed",
        object_type=settings.AUTH_USER_MODEL.lower(),
        request=request,
        actor=username,
        changes={"username": username},
    )


def _locked_out(
    sender: Any, request: Any = None, username: str = "", ip_address: str | None = None, **kwargs: Any
) -> None:
    auditlog.append(
        "lockout",
        object_type=settings.AUTH_USER_MODEL.lower(),
        request=request,
        actor=str(username or "")[:150],
        address=ip_address,
        changes={"username": str(username or "")[:150]},
    )


def _remember_password(sender: Any, instance: Any, **kwargs: Any) -> None:
    update_fields = kwargs.get("update_fields")
    if instance.pk is None or (update_fields is not None and "password" not in update_fields):
        instance._audit_old_password = None
        return
    instance._audit_old_password = (
        sender._default_manager.filter(pk=instance.pk).values_list("password", flat=True).first()
    )


def _password_changed(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    old = getattr(instance, "_audit_old_password", None)
    if not created and old is not None and old != instance.password:
        auditlog.append("password_change", obj=instance)
    instance._audit_old_password = instance.password


def _token_saved(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    if created:
        auditlog.append("token_issue", object_type=settings.AUTH_USER_MODEL.lower(), object_id=instance.user_id)


def _token_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    auditlog.append("token_revoke", object_type=settings.AUTH_USER_MODEL.lower(), object_id=instance.user_id)


def connect() -> None:
    from axes.signals import user_locked_out
    from django.contrib.auth import get_user_model
    from rest_framework.authtoken.models import Token

    user_model = get_user_model()
    user_logged_in.connect(_logged_in, dispatch_uid="stttt.audit.login")
    user_logged_out.connect(_logged_out, dispatch_uid="stttt.audit.logout")
    user_login_failed.connect(_login_failed, dispatch_uid="stttt.audit.login_failed")
    user_locked_out.connect(_locked_out, dispatch_uid="stttt.audit.lockout")
    pre_save.connect(_remember_password, sender=user_model, dispatch_uid="stttt.audit.password_pre")
    post_save.connect(_password_changed, sender=user_model, dispatch_uid="stttt.audit.password_post")
    post_save.connect(_token_saved, sender=Token, dispatch_uid="stttt.audit.token_issue")
    post_delete.connect(_token_deleted, sender=Token, dispatch_uid="stttt.audit.token_revoke")
