"""Settings of stttt, read from the environment (see docs/configuration.md and .env.example)."""

from __future__ import annotations

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from stttt.config import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = env.data_dir(BASE_DIR)

PRODUCTION = env.env_bool("STTTT_PRODUCTION")
DEBUG = env.env_bool("STTTT_DEBUG") and not PRODUCTION
SECRET_KEY = env.secret_key(DATA_DIR, production=PRODUCTION)
ALLOWED_HOSTS = env.env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.env_list("CSRF_TRUSTED_ORIGINS", [])

# Domain apps, lowest layer first (DESIGN.md §3): a lower app never imports a higher one.
# Named by their AppConfig class: an apps.py that imports CapabilityConfig holds two candidates.
STTTT_APPS = [
    "stttt.core.apps.CoreConfig",
    "stttt.accounts.apps.AccountsConfig",
    "stttt.legal.apps.LegalConfig",
    "stttt.org.apps.OrgConfig",
    "stttt.procedures.apps.ProceduresConfig",
    "stttt.licensing.apps.LicensingConfig",
    "stttt.work.apps.WorkConfig",
    "stttt.cyber.apps.CyberConfig",
    "stttt.inspection.apps.InspectionConfig",
    "stttt.press.apps.PressConfig",
    "stttt.digital.apps.DigitalConfig",
    "stttt.supervision.apps.SupervisionConfig",
    "stttt.correspondence.apps.CorrespondenceConfig",
    "stttt.portal.apps.PortalConfig",
    "stttt.api.apps.ApiConfig",
    "stttt.web.apps.WebConfig",
]

INSTALLED_APPS = [
    *STTTT_APPS,
    "stttt.testing.apps.TestingConfig",  # `stttt bench data`: generated data at scale (no tables)
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "stttt.core.health.ProbeMiddleware",  # /healthz, /readyz, /metrics before host checks and redirects
    "django_prometheus.middleware.PrometheusBeforeMiddleware",  # request metrics (stttt.core.metrics)
    "stttt.core.limits.RequestLimitsMiddleware",  # 413 over STTTT_MAX_REQUEST_BYTES, 405 to TRACE (before any read)
    "django.middleware.security.SecurityMiddleware",
    "stttt.core.requestid.RequestIdMiddleware",  # audit: X-Request-ID, who/where on log lines (docs/audit.md)
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "stttt.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "stttt.accounts.middleware.SessionCapMiddleware",  # absolute session cap (STTTT_SESSION_MAX_HOURS)
    "stttt.accounts.middleware.MFAMiddleware",  # second factor before anything else (docs/security.md)
    "stttt.core.requestid.DeniedAccessMiddleware",  # audit: every 403 with the user and the path
    "stttt.org.middleware.AgencyMiddleware",
    "stttt.web.middleware.StaffAreaMiddleware",  # staff pages send other signed-in roles to their home
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "stttt.core.middleware.NoStoreForUsersMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "stttt.config.urls"
WSGI_APPLICATION = "stttt.config.wsgi.application"

# Inputs and selects written in Python, to the character of Django's templates (stttt.core.forms).
FORM_RENDERER = "stttt.core.forms.Renderer"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "stttt.web.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {"default": env.database(DATA_DIR)}
# A PostgreSQL read replica for the reads that opt in with `stttt.core.replica.reads` (docs/deployment.md).
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = {**env.database(DATA_DIR, "DATABASE_REPLICA_URL"), "TEST": {"MIRROR": "default"}}
DATABASE_ROUTERS = ["stttt.core.replica.Router"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Brute force (docs/security.md; ASVS 6.3.1, 4:2.2.1): 10 failures for one username, whatever the addresses,
# or 10 from one address, whatever the usernames, lock for 15 minutes: at most 40 failures per hour per
# account. The lockout page is shown in the user's language; the token endpoint answers 429.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend with an atomic ceiling of failures per account and per address (stttt/accounts/backends.py)
    "stttt.accounts.backends.CeilingModelBackend",
]
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "stttt.core.throttle.client_ip"

# Reverse proxies in front of the app (docs/security.md): 0 = the client is REMOTE_ADDR; N = the Nth address
# from the right of X-Forwarded-For. Everything that counts per address (throttles, lockouts) uses it.
STTTT_TRUSTED_PROXIES = int(os.environ.get("STTTT_TRUSTED_PROXIES") or os.environ.get("STTTT_PROXY_COUNT") or 0)

# Shared cache (throttles, lockouts, the API schema): Redis when REDIS_URL/CACHE_URL is set, else a file
# cache in the data folder, shared by every process of the embedded default; never per-process memory.
_CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL") or ""
# Abuse-limit counters (`stttt.core.counters`): Redis INCR with Redis, else one SQL UPDATE (the file cache's
# incr is a read then a write, not atomic across processes).
STTTT_COUNTER_STORE = "cache" if _CACHE_URL else "database"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _CACHE_URL, "KEY_PREFIX": "stttt"}
    if _CACHE_URL
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("STTTT_CACHE_DIR") or str(DATA_DIR / "cache"),
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }
}
# Whole pages kept for their readers (`core.pagecache`): in Redis when there is one, else in each process's
# memory. Both are safe: a kept page's key holds the data revision read from the shared cache above, so no
# process serves a page built before the last write. Memory spares the file cache a file per page (once full,
# it lists its whole folder at every write).
CACHES["pages"] = (
    {**CACHES["default"], "KEY_PREFIX": "stttt-pages"}
    if _CACHE_URL
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "stttt-pages",
        "OPTIONS": {"MAX_ENTRIES": 500},
    }
)
# With Redis, sessions are read from the cache and written through to the database (they survive a flush).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db" if _CACHE_URL else "django.contrib.sessions.backends.db"
# Page limits (`stttt.core.throttle.limit`): {"scope": "count/period"} overrides the code's defaults.
STTTT_RATE_LIMITS: dict[str, str] = {}

# Second factor (docs/security.md): who must use it is the organisation's policy.
STTTT_MFA_POLICY = "stttt.org.mfa_policy.mfa_required"
STTTT_MFA_ENFORCED = env.env_bool("STTTT_MFA_ENFORCED", True)
OTP_TOTP_ISSUER = os.environ.get("STTTT_OTP_ISSUER", "stttt")
OTP_TOTP_TOLERANCE = 1  # one 30-second step either side (reliability.md row 7)

# Request size: bodies over STTTT_MAX_REQUEST_BYTES are refused before reading; uploads over 256 KB go to a
# temporary file instead of memory; form fields (without files) are capped at 5 MB.
STTTT_MAX_REQUEST_BYTES = int(os.environ.get("STTTT_MAX_REQUEST_BYTES") or 25 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
DATA_UPLOAD_MAX_NUMBER_FILES = 50

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Language and time: Vietnamese first, English as a full translation (DESIGN.md §4).
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
FORMAT_MODULE_PATH = ["stttt.config.formats"]  # amounts grouped by thousands in Vietnamese too
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True
LANGUAGE_COOKIE_NAME = "stttt_language"

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise warns about a missing folder
# Uploaded files: a folder every app server mounts (STTTT_MEDIA_ROOT), or an S3-compatible bucket.
MEDIA_ROOT = Path(os.environ.get("STTTT_MEDIA_ROOT") or DATA_DIR / "media")
MEDIA_URL = "/media/"
STORAGES = {
    "default": env.media_storage(),
    # Production serves hashed, compressed copies made by `stttt collectstatic`; elsewhere the files are
    # served straight from the apps, so the embedded default needs no build step.
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_MANIFEST_STRICT = False

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "stttt@localhost")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT") or 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env.env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT") or 20)  # a delivery job never hangs on a mail server

# Text messages (docs/configuration.md "SMS gateway"): a dotted path to a backend of `stttt.core.sms`.
STTTT_SMS_BACKEND = os.environ.get("STTTT_SMS_BACKEND", "stttt.core.sms.ConsoleBackend")
STTTT_SMS_URL = os.environ.get("STTTT_SMS_URL", "")  # HttpBackend: the gateway's address
STTTT_SMS_TOKEN = os.environ.get("STTTT_SMS_TOKEN", "")  # HttpBackend: sent as a bearer token
STTTT_SMS_SENDER = os.environ.get("STTTT_SMS_SENDER", "")  # the brand name registered with the carriers
STTTT_SMS_FILE_PATH = os.environ.get("STTTT_SMS_FILE_PATH") or str(DATA_DIR / "sms")  # FileBackend

# Background jobs (docs/operations.md "Jobs"): Celery with Redis as the broker when CELERY_BROKER_URL (or
# REDIS_URL) is set; otherwise each job runs in-process right after the commit that enqueued it.
_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or os.environ.get("REDIS_URL") or ""
CELERY_BROKER_URL = _BROKER_URL or "memory://localhost/"
CELERY_TASK_ALWAYS_EAGER = not _BROKER_URL
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("STTTT_JOB_QUEUE") or "stttt"  # one per installation on a shared Redis
CELERY_TASK_EAGER_PROPAGATES = False  # a failed in-process job is logged and left to the outbox sweep
CELERY_TASK_ACKS_LATE = True  # a job is acknowledged when done: a killed worker's job runs again
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Asia/Ho_Chi_Minh"
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# An unacknowledged job (its worker died) is given to another worker after this many seconds.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("STTTT_JOB_VISIBILITY_TIMEOUT") or 3600),
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}
CELERY_BEAT_SCHEDULE_FILENAME = os.environ.get("STTTT_BEAT_SCHEDULE") or str(DATA_DIR / "celerybeat-schedule")

# Sessions: 30 minutes idle, renewed at most once a minute while in use, and at most STTTT_SESSION_MAX_HOURS
# after sign-in (reliability.md, ASVS 4:3.3.2; stttt.accounts.middleware.SessionCapMiddleware).
STTTT_SESSION_MAX_HOURS = float(os.environ.get("STTTT_SESSION_MAX_HOURS") or 12)
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = False  # SessionCapMiddleware renews the idle timeout once a minute
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content Security Policy: everything is served by the app itself (no CDN, DESIGN.md §4).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

if PRODUCTION:
    SECURE_SSL_REDIRECT = env.env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: an anonymous request gets 401 with a WWW-Authenticate header, not 403.
        "stttt.accounts.tokens.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "stttt.api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "stttt.core.apischema.AutoSchema",
    "EXCEPTION_HANDLER": "stttt.api.errors.exception_handler",
    "DEFAULT_VERSIONING_CLASS": None,
    # Throttles count in the shared cache, per client address from STTTT_TRUSTED_PROXIES (docs/security.md).
    "NUM_PROXIES": STTTT_TRUSTED_PROXIES,
    "DEFAULT_THROTTLE_CLASSES": ["stttt.core.throttle.AnonThrottle", "stttt.core.throttle.UserThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": "60/min", "user": "600/min"},
}
STTTT_TOKEN_TTL_HOURS = float(os.environ.get("STTTT_TOKEN_TTL_HOURS") or 12)
SPECTACULAR_SETTINGS = {
    "TITLE": "stttt API",
    "DESCRIPTION": "REST API of stttt, the operations platform of a Department of Information and "
    "Communications. Errors share one format: {code, message, errors}.",
    "VERSION": "1.2.0",  # docs/api.md: semantic versioning of the API contract
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Every operation's error answers (401, 403, 404, 429, 500, and 400/415 where it takes input) in the schema.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "stttt.api.schema.add_error_responses",
    ],
    # Several apps name a choice field "kind" or "status": give each choice set its own schema name.
    "ENUM_NAME_OVERRIDES": {
        "CalendarDayKindEnum": "stttt.core.models.CalendarDay.Kind",
        "ProvisionKindEnum": "stttt.legal.choices.ProvisionKind",
        "LegalBasisKindEnum": "stttt.legal.choices.BasisKind",
        "UnitKindEnum": "stttt.org.choices.UnitKind",
        "AssignmentKindEnum": "stttt.org.choices.AssignmentKind",
        "ReorganisationKindEnum": "stttt.org.choices.ReorgKind",
        "ProcedureResultKindEnum": "stttt.procedures.choices.ResultKind",
        "DossierStatusEnum": "stttt.procedures.choices.Status",
        "LicenceStatusEnum": "stttt.licensing.choices.Status",
        "TaskSourceKindEnum": "stttt.work.choices.SourceKind",
        "MeetingKindEnum": "stttt.work.choices.MeetingKind",
        "DistrictKindEnum": "stttt.org.choices.DistrictKind",
        "TaskStatusEnum": "stttt.work.choices.TaskStatus",
        "ReportStatusEnum": "stttt.work.choices.ReportStatus",
        "ActionEnum": "stttt.procedures.workflow.ACTIONS",  # the dossier step (its name before other apps had steps)
    },
}

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Audit (docs/audit.md): every line carries the request id, the user and the client address.
    "filters": {"request": {"()": "stttt.core.requestid.RequestContext"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s %(user)s %(client)s] %(message)s"},
        # STTTT_LOG_FORMAT=json: one JSON object per line for a log collector (docs/deployment.md).
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(message)s %(request_id)s %(user)s %(client)s %(process)d",
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": "time",
            "json_ensure_ascii": False,
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if os.environ.get("STTTT_LOG_FORMAT", "plain").lower() == "json" else "plain",
            "filters": ["request"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}, "pyhanko": {"level": "ERROR"}},
}

# Probes and metrics (docs/deployment.md): who may read /metrics, and whether /readyz needs a live worker.
STTTT_METRICS_TOKEN = os.environ.get("STTTT_METRICS_TOKEN", "")
STTTT_METRICS_ALLOWED_NETWORKS = env.env_list("STTTT_METRICS_ALLOWED_NETWORKS", ["127.0.0.1/32", "::1/128"])
STTTT_READY_REQUIRE_WORKER = env.env_bool("STTTT_READY_REQUIRE_WORKER")
STTTT_WORKER_HEARTBEAT_MAX_AGE = int(os.environ.get("STTTT_WORKER_HEARTBEAT_MAX_AGE") or 60)

# The Department's identity and local parameters (docs/configuration.md).
# The agency whose portal answers on hosts no agency claims (`org.Agency.host_names`); default: the first.
STTTT_DEFAULT_AGENCY = os.environ.get("STTTT_DEFAULT_AGENCY", "")
STTTT_PAPER_CUTOFF = os.environ.get("STTTT_PAPER_CUTOFF", "15:00")  # Decree 61/2018: afternoon cut-off
STTTT_PUBLIC_BASE_URL = os.environ.get("STTTT_PUBLIC_BASE_URL", "http://localhost:8000")  # printed on licences
STTTT_LICENCE_WARNING_DAYS = env.env_int_list("STTTT_LICENCE_WARNING_DAYS", [60, 30, 7])

# Signed documents (docs/signing.md): paths to files; unset = the files of `stttt pki init` in DATA_DIR/pki/.
STTTT_SIGNING_ENABLED = env.env_bool("STTTT_SIGNING_ENABLED") if os.environ.get("STTTT_SIGNING_ENABLED") else None
STTTT_SIGNING_KEY = os.environ.get("STTTT_SIGNING_KEY", "")
STTTT_SIGNING_CERT = os.environ.get("STTTT_SIGNING_CERT", "")
STTTT_SIGNING_CHAIN = env.env_list("STTTT_SIGNING_CHAIN", [])
STTTT_SIGNING_PASSPHRASE = os.environ.get("STTTT_SIGNING_PASSPHRASE", "")
STTTT_SIGNING_PASSPHRASE_FILE = os.environ.get("STTTT_SIGNING_PASSPHRASE_FILE", "")
STTTT_SIGNING_TRUST_ROOTS = env.env_list("STTTT_SIGNING_TRUST_ROOTS", [])

# Demo accounts share one password, printed by `stttt demo`; override with STTTT_DEMO_PASSWORD.
DEMO_PASSWORD = os.environ.get("STTTT_DEMO_PASSWORD", "Demo@stttt2026")
