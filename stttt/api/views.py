from __future__ import annotations

import threading
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.utils import extend_schema, inline_serializer
from drf_spectacular.views import SpectacularAPIView
from rest_framework import permissions, serializers, status, viewsets
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.request import Request
from rest_framework.response import Response

from stttt.accounts import mfa, tokens
from stttt.api.serializers import ErrorSerializer, MeSerializer
from stttt.core.apierrors import OneObjectSchema
from stttt.core.caching import code_version


class MeViewSet(viewsets.ViewSet):
    """The signed-in user."""

    permission_classes = [permissions.IsAuthenticated]
    schema = OneObjectSchema()

    @extend_schema(responses={200: MeSerializer, 401: ErrorSerializer, 403: ErrorSerializer})
    def list(self, request: Request) -> Response:
        return Response(MeSerializer(request.user).data)


class TokenRequestSerializer(AuthTokenSerializer):
    otp = serializers.CharField(
        required=False,
        allow_blank=True,
        write_only=True,
        help_text="Code from the authenticator app, or a recovery code (staff with MFA).",
    )


def _error(code: str, message: str, http_status: int, errors: dict[str, list[str]] | None = None) -> Response:
    return Response({"code": code, "message": message, "errors": errors or {}}, status=http_status)


def _locked(request: Request) -> bool:
    return bool(getattr(request, "axes_locked_out", False) or getattr(request._request, "axes_locked_out", False))


class TokenView(ObtainAuthToken):
    """Exchange a username and password (and, for staff with MFA, an `otp` code) for an API token.

    Send it as `Authorization: Token <key>`; it expires after `STTTT_TOKEN_TTL_HOURS` hours and is revoked
    when the password changes or the account is disabled. A locked-out account gets 429."""

    permission_classes = [permissions.AllowAny]
    serializer_class = TokenRequestSerializer

    @extend_schema(
        request=TokenRequestSerializer,
        responses={
            200: inline_serializer("Token", {"token": serializers.CharField()}),
            400: ErrorSerializer,
            403: ErrorSerializer,
            429: ErrorSerializer,
        },
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        valid = serializer.is_valid()
        if _locked(request):
            response = _error(
                "locked_out", _("Too many failed log-in attempts: try again later."), status.HTTP_429_TOO_MANY_REQUESTS
            )
            response["Retry-After"] = str(int(float(getattr(settings, "AXES_COOLOFF_TIME", 0.25) or 0.25) * 3600))
            return response
        if not valid:
            serializer.is_valid(raise_exception=True)
        user = serializer.validated_data["user"]
        if mfa.has_device(user):
            code = str(serializer.validated_data.get("otp") or "")
            if not code or mfa.verify(user, code, request=request) is None:
                return _error(
                    "otp_invalid",
                    _("A valid code from the authenticator app is required."),
                    status.HTTP_400_BAD_REQUEST,
                    {"otp": [_("The code is not right, or it has already been used.")]},
                )
        elif mfa.must_enrol(user):
            return _error(
                "mfa_enrolment_required",
                _("Set up two-step verification on the website before asking for a token."),
                status.HTTP_403_FORBIDDEN,
            )
        token = tokens.issue(user)
        return Response({"token": token.key})


_schema_lock = threading.Lock()
_schemas: dict[tuple[str, str], Any] = {}
#: How many times this process built the schema (read by the tests and the operator's debugging).
generations = 0


def _schema_key(language: str, public: bool) -> str:
    return f"stttt:api-schema:{code_version()}:{settings.SPECTACULAR_SETTINGS.get('VERSION', '')}:{language}:{public}"


def cached_schema(request: Any, *, public: bool = True) -> Any:
    """The OpenAPI schema, built once per code version and language and kept in the shared cache.

    Building walks every view (costly, and not safe to run in many threads at once): one thread builds, the
    others wait and read the result."""
    global generations
    language = translation.get_language() or settings.LANGUAGE_CODE
    key = _schema_key(language, public)
    local = _schemas.get((key, language))
    if local is not None:
        return local
    with _schema_lock:
        local = _schemas.get((key, language))
        if local is not None:
            return local
        schema = cache.get(key)
        if schema is None:
            schema = SchemaGenerator().get_schema(request=None, public=public)
            generations += 1
            cache.set(key, schema, timeout=7 * 24 * 3600)
        _schemas[(key, language)] = schema
        return schema


class CachedSchemaView(SpectacularAPIView):
    """`/api/schema/`: the same document for everyone, served from the cached build."""

    def _get_schema_response(self, request: Request) -> Response:
        return Response(
            cached_schema(request, public=True),
            headers={"Content-Disposition": f'inline; filename="{self._get_filename(request, None)}"'},
        )
