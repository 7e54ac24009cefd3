from rest_framework import serializers

from stttt.accounts.models import User
from stttt.core.apierrors import ErrorSerializer

__all__ = ["ErrorSerializer", "MeSerializer"]


class MeSerializer(serializers.ModelSerializer):
    display_name = serializers.CharField(read_only=True)

    class Meta:
        model = User
        fields = ["id", "username", "display_name", "email", "is_staff"]
        read_only_fields = fields
