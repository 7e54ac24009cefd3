"""WSGI entry point for production servers (gunicorn stttt.config.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stttt.config.settings")
application = get_wsgi_application()

from stttt.config.warmup import settle  # noqa: E402 — needs the application's settings loaded

settle()
