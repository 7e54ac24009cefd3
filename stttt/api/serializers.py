from rest_framework import serializers

from stttt.accounts.models import User


class ErrorSerializer(serializers.Serializer):
    """The shape of every error response."""

    code = serializers.CharField()
    message = serializers.CharField()
    errors = serializers.DictField(  # type: ignore[assignment]  # the field is named like the API's key
        child=serializers.ListField(child=serializers.CharField())
    )


class MeSerializer(serializers.ModelSerializer):
    display_name = serializers.CharField(read_only=True)

    class Meta:
        model = User
        fields = ["id", "username", "display_name", "email", "is_staff"]
        read_only_fields = fields
