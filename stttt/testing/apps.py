from django.apps import AppConfig


class TestingConfig(AppConfig):
    """Test and benchmark support: not a capability (no pages, no tables); installed for its `bench`
    command (`stttt bench data`)."""

    name = "stttt.testing"
    label = "testing"
