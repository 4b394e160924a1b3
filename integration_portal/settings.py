"""Settings for the integration portal: one module, every value from the environment.

With no configuration at all the portal runs as a development install on SQLite with an
embedded Celery broker (kombu's filesystem transport), so a new user needs nothing but
Python. `DATABASE_URL` and `REDIS_URL` switch it to PostgreSQL and Redis. With `DEBUG` off,
the process refuses to start without a `SECRET_KEY`; the production image sets DEBUG=0.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from integration_portal.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

# With no configuration at all this is a development install (the embedded default); the
# production image and docker-compose set DEBUG=0, and then SECRET_KEY is required.
DEBUG = env_bool("DEBUG", default=True)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off. For a development install set DEBUG=1."
        )
    # Development only: a fixed key keeps sessions valid across restarts of `make run`.
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"  # noqa: S105

# The portal's own address, for links in e-mails (which are read outside the portal).
PORTAL_BASE_URL = env_str("PORTAL_BASE_URL", "http://127.0.0.1:8000")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "integration_portal.accounts",
    "integration_portal.core",
    "integration_portal.audit",
    "integration_portal.notifications",
    "integration_portal.letters",
    "integration_portal.rules",
    "integration_portal.reports",
    "integration_portal.api",
    "integration_portal.retention",
    "reception",
    "volunteers",
    "housing",
    "employment",
    "children",
    "community",
    "surveys",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "integration_portal.core.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "integration_portal.core.limits.RequestSizeLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "integration_portal.core.security.SessionIdleTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "integration_portal.accounts.middleware.RequireMfaMiddleware",
]

ROOT_URLCONF = "integration_portal.urls"
WSGI_APPLICATION = "integration_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "integration_portal.core.context_processors.portal",
                "integration_portal.notifications.context_processors.notifications",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_health_checks=True)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server and the worker read while the other writes; IMMEDIATE makes a
    # writer take the lock up front instead of failing half-way with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # A file, not memory, so that a worker process started by a test sees the test database;
    # one per test process, so that two test runs on one machine do not share it.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-db-{os.getpid()}.sqlite3")}
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("CONN_MAX_AGE", 60)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
ACCOUNT_ADAPTER = "integration_portal.accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
# Staff accounts are created by an administrator with a known address.
ACCOUNT_EMAIL_VERIFICATION = "none"
# allauth puts "[host] " before every subject; ours name the portal and the municipality.
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Integrationsportalen: "
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PREVENT_ENUMERATION = True
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Administrators reach every municipality's data through the admin: two-factor for them too.
ADMIN_MFA_REQUIRED = env_bool("ADMIN_MFA_REQUIRED", default=True)
# Failed sign-ins (password or two-factor code): at most 5 per account from anywhere and 20
# per address, each within a sliding window; the counters live in the shared part of the
# cache (see CACHES). The refusal tells the user to wait the window out.
LOGIN_LOCKOUT_MINUTES = env_int("LOGIN_LOCKOUT_MINUTES", 15)
ACCOUNT_RATE_LIMITS = {
    "login_failed": f"20/{LOGIN_LOCKOUT_MINUTES}m/ip,5/{LOGIN_LOCKOUT_MINUTES}m/key",
}
# Behind a reverse proxy every request comes from the proxy's address: name how many proxies
# append to X-Forwarded-For so that the per-address limit counts the real client.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
MFA_TOTP_ISSUER = env_str("MFA_TOTP_ISSUER", "Integrationsportalen")
# Accept the code of the 30 seconds before and after too: a phone's clock drifts, and a code
# typed at the end of its period arrives in the next.
MFA_TOTP_TOLERANCE = 1
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)

# --- CPR numbers ----------------------------------------------------------------------------
# Encrypted at rest with CPR_ENCRYPTION_KEY (Fernet keys, comma-separated: the first encrypts,
# all decrypt, for rotation) and found through an HMAC keyed with CPR_HASH_KEY. Like the
# SECRET_KEY, production refuses to start without them (integration_portal/core/crypto.py).
CPR_ENCRYPTION_KEY = env_str("CPR_ENCRYPTION_KEY")
CPR_HASH_KEY = env_str("CPR_HASH_KEY")
if not (CPR_ENCRYPTION_KEY and CPR_HASH_KEY):
    if not DEBUG:
        raise ImproperlyConfigured(
            "CPR_ENCRYPTION_KEY and CPR_HASH_KEY must be set when DEBUG is off. Make an "
            "encryption key with `python -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())'`."
        )
    from integration_portal.core.crypto import development_keys

    # Development only: stable keys, so the data survives restarts of `make run`.
    _dev_encryption_key, _dev_hash_key = development_keys(SECRET_KEY)
    CPR_ENCRYPTION_KEY = CPR_ENCRYPTION_KEY or _dev_encryption_key
    CPR_HASH_KEY = CPR_HASH_KEY or _dev_hash_key

# --- Cache ----------------------------------------------------------------------------------
# Each process's own memory: what is kept (the managers' figures, for minutes) may differ a
# little between gunicorn's workers, never between what a page says and when it says it was
# made. Nothing that must be shared or must last (sessions, locks, queued work) is kept here,
# except allauth's sign-in counters and used TOTP codes: the default cache sends those to a
# database table every process shares (created by `migrate`), see accounts/cache.py.
CACHES = {
    "default": {
        "BACKEND": "integration_portal.accounts.cache.SignInSharedCache",
        "OPTIONS": {"LOCAL": "local", "SHARED": "shared", "SHARED_PREFIXES": ["allauth"]},
    },
    "local": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "portal",
        "OPTIONS": {"MAX_ENTRIES": 1000},
    },
    "shared": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "portal_shared_cache",
        "OPTIONS": {"MAX_ENTRIES": 10000},
    },
}

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files --------------------------------------------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
MEDIA_ROOT = VAR_DIR / "media"  # private: served only through access-checked views
DOCUMENT_MAX_BYTES = env_int("DOCUMENT_MAX_BYTES", 10 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # form fields; files stream to disk
# Any one request body (a document upload with its form); more is refused with 413 unread.
MAX_REQUEST_BYTES = env_int("MAX_REQUEST_BYTES", 12 * 1024 * 1024)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Celery ---------------------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    # A task taken by a worker that died (acks late) goes back to the queue after this long.
    # Above the longest task's run time, or a slow task is run twice; tests use a few seconds.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600)
    }
else:
    # The embedded broker: messages are files under var/broker, shared by web, worker and beat.
    _broker_dir = VAR_DIR / "broker"
    for _sub in ("queue", "processed", "control"):
        (_broker_dir / _sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "queue"),
        "data_folder_out": str(_broker_dir / "queue"),
        "processed_folder": str(_broker_dir / "processed"),
        "store_processed": False,
        # Broadcast (remote control) messages; kombu's default is ./control in the cwd.
        "control_folder": str(_broker_dir / "control"),
    }
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# A web request must not hang on a broker that is down: one quick retry (a pooled connection
# that went stale when Redis restarted), then the message waits in the outbox.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2,
}
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
HEARTBEAT_INTERVAL_SECONDS = env_int("HEARTBEAT_INTERVAL_SECONDS", 15)
CELERY_BEAT_SCHEDULE = {
    # Messages the outbox kept while the broker was down (integration_portal.core.queue).
    "outbox-relay": {
        "task": "integration_portal.core.tasks.outbox_relay_task",
        "schedule": 60.0,
    },
    "worker-heartbeat": {
        "task": "integration_portal.core.tasks.worker_heartbeat",
        "schedule": float(HEARTBEAT_INTERVAL_SECONDS),
    },
    # Every morning, before the office opens: reminders about deadlines near or passed.
    # CELERY_TIMEZONE makes this 06:15 Danish time, summer and winter.
    "reminder-scan": {
        "task": "reception.tasks.reminders.reminder_scan_task",
        "schedule": crontab(hour=6, minute=15),
    },
    # The volunteers' morning: tasks nobody took, agreement evaluations, child certificates.
    "volunteer-reminder-scan": {
        "task": "volunteers.tasks.volunteer_reminder_scan_task",
        "schedule": crontab(hour=6, minute=30),
    },
    # Job-centre e-mails not sent (enqueue lost, retries spent, address configured since).
    "jobcentre-email-sweep": {
        "task": "employment.tasks.jobcentre_email_sweep_task",
        "schedule": crontab(minute=25),
    },
    # Welcome letters whose enqueue was lost (broker down at the time) are sent again.
    "welcome-letter-sweep": {
        "task": "reception.tasks.letters.welcome_letter_sweep_task",
        "schedule": crontab(minute=20),
    },
    # Managers' PDF reports whose enqueue was lost or whose worker died: a manager is waiting.
    "report-sweep": {
        "task": "integration_portal.reports.tasks.report_sweep_task",
        "schedule": crontab(minute="*/5"),
    },
    # Referrals to associations due for follow-up: 06:40, after the other morning scans.
    "community-referral-follow-up-scan": {
        "task": "community.tasks.referral_follow_up_scan_task",
        "schedule": crontab(hour=6, minute=40),
    },
    # Referral e-mails to associations whose enqueue was lost.
    "community-referral-email-sweep": {
        "task": "community.tasks.referral_email_sweep_task",
        "schedule": crontab(minute=35),
    },
    # Approved anonymisations whose enqueue was lost or whose worker died are carried out.
    "retention-sweep": {
        "task": "integration_portal.retention.tasks.retention_sweep_task",
        "schedule": crontab(hour=2, minute=40),
    },
}

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Integrationsportalen <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- REST API -------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "integration_portal.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Every viewset names its own permission (integration_portal.api.permissions.requires);
    # one that forgets is closed to everyone.
    "DEFAULT_PERMISSION_CLASSES": ["integration_portal.api.permissions.DenyAll"],
    "DEFAULT_PAGINATION_CLASS": "integration_portal.api.pagination.PortalPagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_VERSIONING_CLASS": None,
    # A service's ValidationError answers 400 with field messages, like a serializer's.
    "EXCEPTION_HANDLER": "integration_portal.api.exceptions.portal_exception_handler",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Integration Portal API",
    "DESCRIPTION": "The portal's data for other systems, with the same municipality and role "
                   "rules as its pages. Authenticate with `Authorization: Token <token>`; "
                   "tokens are issued by an administrator and bound to one municipality.",
    "VERSION": "1",
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # One name per choice set where several fields share it (or share a field name).
    "ENUM_NAME_OVERRIDES": {
        "HouseholdStatusEnum": "reception.models.HouseholdStatus",
        "LanguageEnum": "integration_portal.letters.languages.Language",
        "LetterLanguageEnum": "integration_portal.letters.languages.LetterLanguage",
        "TaskStatusEnum": "volunteers.models.TaskStatus",
    },
}

# --- Security -------------------------------------------------------------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Scripts never read the CSRF cookie: htmx sends the token from the page (base.html).
CSRF_COOKIE_HTTPONLY = True
# Logged out after this many seconds without a request (integration_portal/core/security.py),
# and SESSION_COOKIE_AGE after login at the latest.
SESSION_IDLE_TIMEOUT = env_int("SESSION_IDLE_TIMEOUT", 30 * 60)
# Scripts, styles, fonts and images come from our own static files only (no inline code, no
# CDN); data: images are the MFA set-up QR code and DKFDS's icons. CSP_REPORT_ONLY=1 makes the
# browser report violations instead of blocking them.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}
CSP_REPORT_ONLY = env_bool("CSP_REPORT_ONLY", default=False)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    # Load balancers and compose health checks call /healthz over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    if env_bool("TRUST_PROXY_SSL_HEADER", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
