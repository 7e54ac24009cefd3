"""Test settings: the same as production code paths, with a fast password hasher."""

from stttt.config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["*"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Django's test client logs in without a request, which the lockout backend refuses; the lockout
# tests turn it back on.
AXES_ENABLED = False
# Second factor: enforced only in the tests that turn it on (stttt/accounts/tests/test_security.py); elsewhere
# tests sign in with force_login. A throwaway cache per test process (cleared before each test).
STTTT_MFA_ENFORCED = False
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": __import__("tempfile").mkdtemp(prefix="stttt-test-cache-"),
    },
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "stttt-test-pages"},
}
# Jobs run in-process after commit; text messages are kept in memory (`stttt.core.sms.MemoryBackend`).
CELERY_TASK_ALWAYS_EAGER = True
STTTT_SMS_BACKEND = "stttt.core.sms.MemoryBackend"
