"""Request ids and structured logs: one mechanism for tracing a request through the logs.

`RequestIdMiddleware` (first in MIDDLEWARE) gives every request an id: the incoming
`X-Request-ID` when it is a sane token (a proxy or load balancer set it), a new one otherwise.
The id is kept in a context variable for the time of the request, so that code without the
request reads it: the logging filter puts it on every log line of the request, the 500 page
shows it (idm/views/errors.py) and error reports carry it. The response echoes it in
`X-Request-ID`, and the middleware logs one line per request (logger `idm.request`) with the
method, path, status, duration and user id: JSON in production, plain text in development
(`IDM_LOG_FORMAT`).
"""

import contextvars
import json
import logging
import re
import time
import uuid
from datetime import datetime

import sentry_sdk
from django.utils.functional import SimpleLazyObject, empty

REQUEST_ID_HEADER = "X-Request-ID"
# Letters, digits and . _ - (UUIDs and the ids of common proxies), up to 64 characters:
# anything else (spaces, control characters, markup, a megabyte) is replaced, never logged.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
NOT_KNOWN = "-"  # in a log line: no request id, no user

request_id_var = contextvars.ContextVar("idm_request_id", default=None)
request_logger = logging.getLogger("idm.request")

# The fields of the per-request line, in the order the JSON line lists them.
REQUEST_FIELDS = ("method", "path", "status", "duration_ms", "user_id")
# Parts of an address that work as a key (an invitation or password-reset link, a
# registration's own page): the request line shows the route's name for them, never the value.
SECRET_URL_PARAMETERS = ("token", "uidb64", "reference")


def current_request_id():
    """The id of the request being served in this thread or task, or None outside one."""
    return request_id_var.get()


def request_id_from(request):
    incoming = request.headers.get(REQUEST_ID_HEADER, "")
    if SANE_REQUEST_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


def evaluated_user_id(request):
    """The id of the logged-in user, if the request already looked the user up: the log line
    never costs a session or user query of its own (nor fails when the database did)."""
    user = getattr(request, "user", None)
    if user is None or (isinstance(user, SimpleLazyObject) and user._wrapped is empty):
        return None
    return user.pk if user.is_authenticated else None


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request_id_from(request)
        request.request_id = request_id
        token = request_id_var.set(request_id)
        if sentry_sdk.is_initialized():
            sentry_sdk.set_tag("request_id", request_id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            log_request(request, response.status_code, started)
            return response
        finally:
            request_id_var.reset(token)


def logged_path(request):
    """The request's path with the values of SECRET_URL_PARAMETERS replaced by their name."""
    path = request.path
    match = getattr(request, "resolver_match", None)
    for name in SECRET_URL_PARAMETERS:
        value = match.kwargs.get(name) if match else None
        if value:
            path = path.replace(str(value), f"<{name}>")
    return path


def log_request(request, status, started):
    fields = {
        "method": request.method,
        "path": logged_path(request),
        "status": status,
        "duration_ms": round((time.monotonic() - started) * 1000, 1),
        "user_id": evaluated_user_id(request),
    }
    request_logger.info(
        "%s %s %s %sms user=%s",
        *(fields[name] if fields[name] is not None else NOT_KNOWN for name in REQUEST_FIELDS),
        extra=fields,
    )


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (a handler's filter): the current request's id, or
    "-" outside a request (management commands, the worker, startup)."""

    def filter(self, record):
        record.request_id = current_request_id() or NOT_KNOWN
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, the request's
    fields on the per-request line, and the traceback of an exception."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created)
            .astimezone()
            .isoformat("T", "milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or current_request_id(),
        }
        for name in REQUEST_FIELDS:
            if hasattr(record, name):
                entry[name] = getattr(record, name)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


def logging_config(*, log_format, level):
    """The LOGGING setting: every record through one console handler that adds the request
    id, formatted as JSON lines (`json`) or readable text (`text`)."""
    formatter = {"()": JsonFormatter} if log_format == "json" else {"format": TEXT_FORMAT}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {"default": formatter},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["request_id"],
                "formatter": "default",
            }
        },
        "root": {"handlers": ["console"], "level": level},
        # Django's own loggers write to the root's handler (one line each, one format) rather
        # than to their own, which only apply in DEBUG or mail the admins.
        # WeasyPrint logs every layout step at INFO (eight lines per PDF): warnings only.
        "loggers": {
            "django": {"handlers": [], "level": level, "propagate": True},
            "weasyprint": {"handlers": [], "level": "WARNING", "propagate": True},
        },
    }
