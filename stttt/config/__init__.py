"""Project configuration. The Celery app is loaded with Django so that jobs bind to it (docs/operations.md)."""

from stttt.config.celery import app as celery_app

__all__ = ["celery_app"]
