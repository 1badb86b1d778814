"""IDM Portal settings: one module, configured from the environment.

With nothing set, the portal runs on an embedded SQLite file; `DJANGO_DEBUG=1` is needed
for local development (it allows a development secret key). In production, set
`DJANGO_SECRET_KEY`, `DJANGO_ALLOWED_HOSTS` and `DATABASE_URL` (PostgreSQL).
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from idm.caching import cache_settings
from idm.database import with_postgresql_timeouts
from idm.observability import logging_config
from idm.storage import document_storage

BASE_DIR = Path(__file__).resolve().parent.parent


TRUE_VALUES = ("1", "true", "yes", "on")
FALSE_VALUES = ("0", "false", "no", "off")


def env_bool(name, default=False):
    """A yes/no variable: unset or empty gives `default`; a value that is neither yes nor no
    (a typo such as `ture`) stops startup instead of silently meaning "no"."""
    value = os.environ.get(name, "").strip().lower()
    if value == "":
        return default
    if value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    raise ImproperlyConfigured(
        f"{name}={os.environ[name]!r} is not a yes/no value. Accepted values (any case): "
        f"{', '.join(TRUE_VALUES)} for yes; {', '.join(FALSE_VALUES)} for no."
    )


def env_int(name, default, minimum=0):
    """A whole-number variable; anything else (or less than `minimum`) stops startup."""
    value = os.environ.get(name, "").strip()
    if value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        number = None
    if number is None or number < minimum:
        raise ImproperlyConfigured(
            f"{name}={os.environ[name]!r} is not valid: it must be a whole number of at least "
            f"{minimum}."
        )
    return number


def env_choice(name, choices, default):
    """A variable with a fixed set of values (any case); anything else stops startup."""
    value = os.environ.get(name, "").strip().lower() or default
    if value not in choices:
        raise ImproperlyConfigured(
            f"{name}={os.environ[name]!r} is not valid. Accepted values: {', '.join(choices)}."
        )
    return value


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_site_url(name, default):
    """The portal's public address: an absolute http(s) URL, without a trailing slash."""
    value = os.environ.get(name, "").strip() or default
    if not value:
        raise ImproperlyConfigured(
            f"{name} is not set. With DJANGO_DEBUG off, set it to the portal's public address "
            f"(e.g. {name}=https://idm.iom.int): the links in emails are built from it."
        )
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise ImproperlyConfigured(
            f"{name}={value!r} is not an absolute http(s) address such as "
            f"https://idm.iom.int (scheme, host and optionally a port and a path; no query)."
        )
    return value.rstrip("/")


DEBUG = env_bool("DJANGO_DEBUG", default=False)
# manage.py turns development mode on by itself in a checkout with no configuration at all
# (neither DJANGO_DEBUG nor DJANGO_SECRET_KEY set) and says so with this variable.
IDM_IMPLICIT_DEVELOPMENT_MODE = DEBUG and os.environ.get("IDM_IMPLICIT_DEVELOPMENT_MODE") == "1"

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Production (DJANGO_DEBUG off) needs a long random "
            "secret key, e.g. DJANGO_SECRET_KEY=$(python -c 'import secrets; "
            "print(secrets.token_urlsafe(50))'). For local development set DJANGO_DEBUG=1."
        )
    SECRET_KEY = "development-only-key-never-used-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Before the admin: translated content fields (`title_fr`, …) registered in each app's
    # translation.py, edited side by side in the back office.
    "modeltranslation",
    "idm.apps.IdmAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "crispy_forms",
    "crispy_bootstrap5",
    "bootstrap",
    "simple_history",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "rules",
    "idm",
    "workshops",
    "principles",
    "surveys",
    "funding",
    "bench",
    # After idm: idm's db_worker (a heartbeat around the backport's worker) takes precedence.
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # First: every answer, even a redirect or an error page, carries the request's id.
    "idm.observability.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Early: a control character in the path is a 404 for every route.
    "idm.middleware.ControlCharacterPathMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "idm.middleware.StaffSessionMiddleware",
    "idm.middleware.PreferredLanguageMiddleware",
    # The API's language: ?lang= or Accept-Language, else English (after the line above).
    "idm.middleware.ApiLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a locked-out login attempt into the lockout answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "idm.urls"
WSGI_APPLICATION = "idm.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                # A cacheable page renders a placeholder for the CSRF token (idm/page_cache.py).
                "idm.page_cache.csrf_placeholder",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# A database that accepts connections but never answers must not hold a worker until it is
# killed: connecting gives up after IDM_DB_CONNECT_TIMEOUT seconds and PostgreSQL cancels any
# statement running longer than IDM_DB_STATEMENT_TIMEOUT seconds (0: no limit). /healthz
# gives up sooner, after IDM_HEALTHZ_DB_TIMEOUT seconds (libpq waits at least 2).
IDM_DB_CONNECT_TIMEOUT = env_int("IDM_DB_CONNECT_TIMEOUT", 5, minimum=1)
IDM_DB_STATEMENT_TIMEOUT = env_int("IDM_DB_STATEMENT_TIMEOUT", 30)
IDM_HEALTHZ_DB_TIMEOUT = env_int("IDM_HEALTHZ_DB_TIMEOUT", 3, minimum=1)


DATABASES["default"] = with_postgresql_timeouts(
    DATABASES["default"],
    connect_timeout=IDM_DB_CONNECT_TIMEOUT,
    statement_timeout=IDM_DB_STATEMENT_TIMEOUT,
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache: what must hold across web processes and machines lives here (the API throttles'
# counters). REDIS_URL (e.g. redis://127.0.0.1:6379/0) shares it through Redis; without it
# each process has its own memory, which is right for `make run` (one process).
# A Redis that is down or slow is not hidden: after a one-second timeout the API answers 503
# (idm/api/throttling.py; the throttles never silently stop counting) and /readyz reports
# the cache; sessions and the login lockout do not use the cache, and pages are rendered
# without it (idm/page_cache.py), so they keep working.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
CACHES = cache_settings(REDIS_URL)
# Public pages (anonymous visitors) and API reads are cached until what they show changes
# (idm/page_cache.py), and at most this many seconds: what depends on the clock (a
# registration window closing) is at most that late on a cached page. 0: no caching.
IDM_PAGE_CACHE_SECONDS = env_int("IDM_PAGE_CACHE_SECONDS", 60)

AUTH_USER_MODEL = "idm.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Database sessions whose cookie key is checked before it reaches a query (idm/sessions.py):
# every web process serves every user, with or without Redis.
SESSION_ENGINE = "idm.sessions"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "my_tasks"  # a delegate's surveys, nominations and registrations
LOGOUT_REDIRECT_URL = "home"
# django-axes first: it refuses a locked-out account or address before the password is checked.
AUTHENTICATION_BACKENDS = [
    "idm.security.LoginAttemptBackend",
    # The named permissions of idm/permissions.py (and each app's), asked with has_perm:
    # django-rules, whose answer is final for them (ModelBackend is not asked).
    "idm.permissions.NamedPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Invitations of delegates: how long the emailed link stays valid.
IDM_INVITATION_VALID_DAYS = env_int("IDM_INVITATION_VALID_DAYS", 14, minimum=1)
# IOM staff sessions end after this much idle time; delegates keep Django's default.
IDM_STAFF_SESSION_IDLE_SECONDS = env_int("IDM_STAFF_SESSION_IDLE_SECONDS", 1800, minimum=1)
# Between the password and the two-factor code, a staff login waits at most this long.
IDM_TWO_FACTOR_PENDING_SECONDS = 300

# Brute-force protection (django-axes) on every login surface: the login page (which the
# admin uses too) and the API token endpoint. Five failures lock the account AND, separately,
# the client address for 15 minutes; the lock runs from the last counted failure. The counters
# are rows in the shared database (axes' database handler), not in the cache: the limit holds
# across processes and machines, with or without Redis.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_USERNAME_CALLABLE = "idm.security.axes_username"
AXES_LOCKOUT_CALLABLE = "idm.security.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_VERBOSE = False
# Behind a reverse proxy, set how many proxies append to X-Forwarded-For, so that each
# client (not the proxy) is counted.
IDM_PROXY_COUNT = env_int("IDM_PROXY_COUNT", 0)
AXES_IPWARE_PROXY_COUNT = IDM_PROXY_COUNT or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)

# Two-factor authentication (django-otp TOTP) for IOM staff.
OTP_TOTP_ISSUER = "IDM Portal"

# Internationalisation: IOM's official languages.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
# Content (themes, events, agenda items, principles, document titles) in the same three languages:
# django-modeltranslation adds `<field>_en`, `_fr`, `_es` columns (each app's translation.py).
# English is the original, required and kept in the original column too; a missing French or
# Spanish text shows the English one.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "fr", "es")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
MODELTRANSLATION_PREPOPULATE_LANGUAGE = "en"  # an event's web address comes from its English title


def content_field_label(verbose_name, language):
    """The label of one language's field in the back office: "headline (French)"."""
    return f"{verbose_name} ({dict(LANGUAGES)[language]})"


MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = content_field_label
TIME_ZONE = "Europe/Zurich"  # the IDM meets in Geneva
USE_TZ = True

# Static files: Bootstrap, Swagger UI and our own assets, served by WhiteNoise.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Uploaded files: an S3-compatible bucket when IDM_S3_BUCKET is set, else MEDIA_ROOT
# (idm/storage.py).
STORAGES = {
    "default": document_storage(os.environ),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Email: the console in development, SMTP in production.
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", default=False)
# An SMTP server that accepts the connection but never answers gives up after this many seconds.
EMAIL_TIMEOUT = env_int("DJANGO_EMAIL_TIMEOUT", 30, minimum=1)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "IDM Portal <idm@iom.int>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks (Django's Tasks framework; the django-tasks backport on Django 5.2): the
# database backend, run by `python manage.py db_worker`. Development (`make run`) runs each task
# at once instead, so that no worker is needed; IDM_TASKS_RUN_IMMEDIATELY=0 queues them even
# there (then start a worker beside the server).
IDM_TASKS_RUN_IMMEDIATELY = env_bool("IDM_TASKS_RUN_IMMEDIATELY", default=DEBUG)

# The benchmark's baseline view (bench/): mounted only in the benchmark's own server.
IDM_BENCH_BASELINE = env_bool("IDM_BENCH_BASELINE", default=False)
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if IDM_TASKS_RUN_IMMEDIATELY
        else "django_tasks_db.DatabaseBackend",
    }
}
# Every email is queued (idm.emails) and sent by a task; an SMTP failure is retried after
# IDM_EMAIL_RETRY_DELAY seconds, then twice as long each time, IDM_EMAIL_MAX_ATTEMPTS attempts in
# all; then the email is marked failed for staff to re-send from the back office.
IDM_EMAIL_MAX_ATTEMPTS = env_int("IDM_EMAIL_MAX_ATTEMPTS", 6, minimum=1)
IDM_EMAIL_RETRY_DELAY = env_int("IDM_EMAIL_RETRY_DELAY", 60, minimum=1)
# Each db_worker records a heartbeat; a worker silent for longer than this many minutes counts as
# gone (/readyz reports it, and the tasks it was running are queued again).
IDM_WORKER_HEARTBEAT_MAX_AGE = env_int("IDM_WORKER_HEARTBEAT_MAX_AGE", 5, minimum=1)
# Automatic reminders (`python manage.py send_due_reminders`): registrants of an event get one
# this many days before it starts (a survey's own field says when its focal points get theirs).
IDM_EVENT_REMINDER_DAYS = env_int("IDM_EVENT_REMINDER_DAYS", 2, minimum=1)
# The portal's public address, for every link in emails: required in production (a link
# must never point at a development address); `make run` sets it to its own port.
IDM_SITE_URL = env_site_url("IDM_SITE_URL", "http://127.0.0.1:8000" if DEBUG else "")
# Largest document file staff may upload (bytes).
IDM_DOCUMENT_MAX_BYTES = env_int("IDM_DOCUMENT_MAX_BYTES", 25 * 1024 * 1024, minimum=1)

# Security: strict in production; each setting can be relaxed from the environment.
# X-Forwarded-Proto says whether the client used HTTPS only when our own proxy sets it: it is
# trusted only when the operator says there is one (IDM_PROXY_COUNT >= 1); without a proxy,
# any client could send it.
if IDM_PROXY_COUNT >= 1:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Submitting a domain to the browsers' HSTS preload list binds the whole registered domain and
# every subdomain for months and is hard to undo: an operator's explicit choice.
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=False)
# security.W021 only says that without `preload` the site cannot be submitted to the preload
# list; that is the chosen default above, so the warning is silenced while preload is off.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Content Security Policy (django-csp): scripts only from our own static files, never
# inline. Styles allow 'unsafe-inline' only because Swagger UI and Redoc inject <style>
# elements; no script may run from an attribute or an inline block.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# REST API: deny by default; each view states who may do what.
REST_FRAMEWORK = {
    # Token first: a request without valid credentials gets 401 with `WWW-Authenticate: Token`
    # (with session authentication first DRF turns every 401 into a 403).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "idm.api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["idm.api.permissions.StaffOnly"],
    # The API takes JSON (one parser that answers 400 to malformed or too deeply nested JSON);
    # only endpoints that receive a file add multipart.
    "DEFAULT_PARSER_CLASSES": ["idm.api.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "idm.api.pagination.StandardPagination",
    "DEFAULT_FILTER_BACKENDS": [
        "idm.api.filters.ApiFilterBackend",
        "idm.api.filters.ApiSearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        "idm.api.throttling.AnonRateThrottle",
        "idm.api.throttling.UserRateThrottle",
    ],
    # Throttles count the client address: X-Forwarded-For only through declared proxies.
    "NUM_PROXIES": IDM_PROXY_COUNT,
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("IDM_API_ANON_RATE", "120/minute"),
        "user": os.environ.get("IDM_API_USER_RATE", "1200/minute"),
        "registrations": os.environ.get("IDM_API_REGISTRATION_RATE", "30/hour"),
    },
    "DEFAULT_SCHEMA_CLASS": "idm.api.schema.ApiAutoSchema",
    "DEFAULT_VERSIONING_CLASS": None,
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "IDM Portal API",
    "DESCRIPTION": (
        "Programme, documents, key policy principles and aggregate survey results of IOM's "
        "International Dialogue on Migration. Staff tokens also reach registrations and raw "
        "survey responses."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # Request bodies get their own components (`DocumentRequest`, without the read-only fields)
    # so that generated clients do not ask for `id` or `href` when creating an object.
    "COMPONENT_SPLIT_REQUEST": True,
    # OpenAPI 3.1: a nullable object is `oneOf: [{$ref}, {type: null}]`; 3.0's `nullable` beside
    # an `allOf` does not admit null in validators, so a served null broke the contract.
    "OAS_VERSION": "3.1.0",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "idm.api.schema.nullable_as_openapi_3_1",
    ],
    "ENUM_NAME_OVERRIDES": {
        "DocumentKindEnum": "idm.models.programme.Document.Kind",
        "DocumentStatusEnum": "idm.models.programme.Document.Status",
        "EventKindEnum": "workshops.models.events.Event.Kind",
        "EventStatusEnum": "workshops.models.events.Event.Status",
        "SessionKindEnum": "workshops.models.events.Session.Kind",
        "RegistrationStatusEnum": "workshops.models.registrations.Registration.Status",
        # The registrations' name before budget lines had a category too (clients use it).
        "CategoryEnum": "workshops.models.registrations.Registration.Category",
        "BudgetLineCategoryEnum": "funding.models.BudgetLine.Category",
        "ContributionStatusEnum": "funding.models.Contribution.Status",
        "DonorKindEnum": "funding.models.Donor.Kind",
    },
}

# Logs: one line per record on the console, with the request's id (idm/observability.py);
# JSON lines in production (one per request with its status, duration and user), readable
# text in development.
IDM_LOG_FORMAT = env_choice("IDM_LOG_FORMAT", ("json", "text"), "text" if DEBUG else "json")
LOGGING = logging_config(
    log_format=IDM_LOG_FORMAT, level=os.environ.get("DJANGO_LOG_LEVEL", "INFO")
)

# Error reporting: with SENTRY_DSN set, unhandled errors go to Sentry (or a compatible
# service), tagged with the request id; without it nothing is sent anywhere.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "").strip()
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(dsn=SENTRY_DSN, send_default_pii=False)
