from drf_spectacular.utils import extend_schema
from rest_framework import permissions, viewsets
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.request import Request
from rest_framework.response import Response

from stttt.api.serializers import ErrorSerializer, MeSerializer


class MeViewSet(viewsets.ViewSet):
    """The signed-in user."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses={200: MeSerializer, 401: ErrorSerializer, 403: ErrorSerializer})
    def list(self, request: Request) -> Response:
        return Response(MeSerializer(request.user).data)


class TokenView(ObtainAuthToken):
    """Exchange a username and password for an API token (send it as `Authorization: Token <key>`)."""

    permission_classes = [permissions.AllowAny]
