"""Second factor for staff: TOTP apps plus single-use recovery codes (django-otp; docs/security.md).

Who must use it is a policy of the organisation (`settings.STTTT_MFA_POLICY`, a dotted path to a function
of the user), asked here without importing the layer above. Anyone who has enrolled a device is asked for
a code too, required or not.
"""

from __future__ import annotations

import io
from typing import Any

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice

from stttt.accounts import recovery
from stttt.accounts.models import RecoveryCode, RecoveryDevice
from stttt.core import auditlog

RECOVERY_CODES = 10
DEVICE_NAME = "default"
TOTP_DIGITS = 6  # TOTPDevice.digits as enrolled here (the default)


def required_for(user: Any) -> bool:
    """True when `user` must sign in with a second factor (the configured policy decides)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    path = getattr(settings, "STTTT_MFA_POLICY", "")
    if not path:
        return bool(user.is_superuser or user.is_staff)
    return bool(import_string(path)(user))


def enforced() -> bool:
    """False only where an operator turned enforcement off (`STTTT_MFA_ENFORCED=0`)."""
    return bool(getattr(settings, "STTTT_MFA_ENFORCED", True))


def has_device(user: Any) -> bool:
    """An authenticator app enrolled and confirmed. Asked on each request of a user not yet verified: one query
    on the TOTP devices, where django-otp's `devices_for_user` reads every kind of device."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def must_enrol(user: Any) -> bool:
    return enforced() and required_for(user) and not has_device(user)


def must_verify(user: Any) -> bool:
    """A signed-in user who has to give a code before anything else (enrolled, or obliged to)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if getattr(user, "is_verified", lambda: False)():
        return False
    return has_device(user) or (enforced() and required_for(user))


def pending_device(user: Any) -> TOTPDevice:
    """The unconfirmed TOTP device being enrolled (made once, kept until confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// URL of `device` as an inline SVG (made here, no network)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return svg[svg.index("<svg") :] if "<svg" in svg else svg


def secret_text(device: TOTPDevice) -> str:
    """The secret as base32 in groups of four, to type into an app that cannot scan."""
    from base64 import b32encode

    raw = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def new_recovery_codes(user: Any) -> list[str]:
    """Replace the user's recovery codes with fresh ones; returned once, stored only as hashes."""
    device, _created = RecoveryDevice.objects.get_or_create(user=user, name="recovery", defaults={"confirmed": True})
    device.codes.all().delete()
    codes = [recovery.new_code() for _ in range(RECOVERY_CODES)]
    RecoveryCode.objects.bulk_create([RecoveryCode(device=device, digest=recovery.digest(code)) for code in codes])
    return codes


@transaction.atomic
def enrol_confirm(user: Any, device: TOTPDevice, code: str, *, request: Any = None) -> list[str] | None:
    """Confirm `device` with a first code; returns the recovery codes (shown once), or None when wrong."""
    if device.user_id != user.pk or not device.verify_token(code.strip().replace(" ", "")):
        auditlog.append("mfa_failed", obj=user, user=user, request=request, changes={"step": "enrol"})
        return None
    TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = new_recovery_codes(user)
    auditlog.append("mfa_enrol", obj=user, user=user, request=request)
    return codes


def verify(user: Any, code: str, *, request: Any = None) -> Any:
    """The device that accepts `code` (a TOTP code, used once, or a recovery code, used once), or None.

    A code is tried only on the kind of device it looks like (six digits: the app; else a recovery code),
    so signing in with the app does not count as a failure of the recovery codes, nor the reverse."""
    typed = code.strip().replace(" ", "")
    kind = TOTPDevice if typed.isdigit() and len(typed) == TOTP_DIGITS else RecoveryDevice
    with transaction.atomic():  # devices locked while checked, as django_otp.match_token does
        device = next(
            (d for d in devices_for_user(user, for_verify=True) if isinstance(d, kind) and d.verify_token(typed)),
            None,
        )
    if device is None:
        auditlog.append("mfa_failed", obj=user, user=user, request=request, changes={"step": "verify"})
        return None
    kind = "recovery" if isinstance(device, RecoveryDevice) else "totp"
    auditlog.append("mfa_verify", obj=user, user=user, request=request, changes={"device": kind})
    return device


@transaction.atomic
def reset(user: Any, *, actor: Any, request: Any = None) -> int:
    """An administrator removes every device of `user` (lost phone): they enrol again at next sign-in."""
    if not getattr(actor, "is_superuser", False):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    removed = 0
    for device in list(devices_for_user(user, confirmed=None)):
        device.delete()
        removed += 1
    auditlog.append("mfa_reset", obj=user, user=actor, request=request, changes={"devices": removed})
    return removed
