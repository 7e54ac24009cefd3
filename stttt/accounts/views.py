"""Sign-in pages: the password step (rate-limited), then the second factor (enrol or verify)."""

from __future__ import annotations

import time
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from stttt.accounts import mfa
from stttt.accounts.middleware import SESSION_STARTED
from stttt.core.throttle import limit


@method_decorator(limit("login", "30/min", methods=("POST",)), name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=20,
        # No numeric keypad: recovery codes have letters.
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("web:home")


@login_required
@limit("mfa", "20/min", methods=("POST",))
def mfa_enrol(request: HttpRequest) -> HttpResponse:
    """Add an authenticator app: QR code and secret, then a first code; recovery codes are shown once."""
    user = request.user
    if mfa.has_device(user) and not user.is_verified():  # type: ignore[union-attr]
        return redirect(f"{reverse('accounts:mfa_verify')}?next={_next(request)}")
    device = mfa.pending_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = mfa.enrol_confirm(user, device, form.cleaned_data["code"], request=request)
        if codes is not None:
            otp_login(request, device)
            return render(request, "accounts/mfa_recovery_codes.html", {"codes": codes, "next": _next(request)})
        form.add_error("code", _("The code is not right. Check the time on your phone and try again."))
    return render(
        request,
        "accounts/mfa_enrol.html",
        {
            "form": form,
            "qr_svg": mfa.qr_svg(device),
            "secret": mfa.secret_text(device),
            "next": _next(request),
            "required": mfa.required_for(user),
        },
    )


@login_required
@limit("mfa", "20/min", methods=("POST",))
def mfa_verify(request: HttpRequest) -> HttpResponse:
    """The second step of sign-in: a code from the app, or one recovery code."""
    user = request.user
    if not mfa.has_device(user):
        return redirect(f"{reverse('accounts:mfa_enrol')}?next={_next(request)}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = mfa.verify(user, form.cleaned_data["code"], request=request)
        if device is not None:
            otp_login(request, device)
            request.session[SESSION_STARTED] = int(time.time())
            return redirect(_next(request))
        form.add_error("code", _("The code is not right, or it has already been used."))
    return render(request, "accounts/mfa_verify.html", {"form": form, "next": _next(request)})


@require_POST
@login_required
def mfa_reset(request: HttpRequest, user_id: int) -> HttpResponse:
    """An administrator removes another user's devices (lost phone); the user enrols again."""
    if not request.user.is_superuser:
        raise PermissionDenied
    target: Any = get_object_or_404(get_user_model(), pk=user_id)
    removed = mfa.reset(target, actor=request.user, request=request)
    messages.success(
        request, _("Second factor reset for %(user)s (%(count)s devices removed).") % {"user": target, "count": removed}
    )
    return redirect(request.POST.get("next") or reverse("admin:accounts_user_change", args=[target.pk]))
