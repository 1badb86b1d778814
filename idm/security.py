"""Hooks of the brute-force protection (django-axes): whom a login attempt counts against,
and what a locked-out client is told."""

import json

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.http import JsonResponse
from django.http.request import RawPostDataException
from django.shortcuts import render
from django.utils.translation import gettext as _

from idm.views.errors import is_api_request

LOCKOUT_TEMPLATE = "429.html"


class LoginAttemptBackend(AxesStandaloneBackend):
    """django-axes' guard, first in AUTHENTICATION_BACKENDS: refuses locked-out attempts.

    Every login surface (the login page, the admin through it, the API token endpoint) passes
    the request. An `authenticate()` without a request comes from code, not from a client
    (the test client's `login()`, a shell), and has no address to count: it is let through to
    the password check instead of failing with axes' "request required" error.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


# The fields that name the account, however a login surface calls it: the login page posts
# `username`, the API token endpoint `email`; django-axes itself keys credentials by
# AXES_USERNAME_FORM_FIELD (the user model's USERNAME_FIELD, `email`).
USERNAME_KEYS = ("username", "email")


def axes_username(request, credentials=None):
    """Attempts count per account: the email in lower case, however the person typed it.

    django-axes calls this with the credentials given to `authenticate()` (keyed `username` or
    `email`, depending on the caller), or with a request only. Credentials come first, then
    the request's body: a DRF request's parsed data, a form's POST, or a JSON body.
    """
    username = username_in(credentials) or username_in(request_data(request))
    return str(username or "").strip().lower()


def username_in(data):
    if not data or not hasattr(data, "items"):
        return ""
    values = {str(key): value for key, value in data.items()}
    return next((values[key] for key in USERNAME_KEYS if values.get(key)), "")


def request_data(request):
    """The body's fields: `request.data` for a DRF request, else the form or JSON body."""
    data = getattr(request, "data", None)
    if data:
        return data
    if request.POST:
        return request.POST
    if request.content_type != "application/json":
        return {}
    try:
        return json.loads(request.body)
    except (RawPostDataException, ValueError, RecursionError):
        return {}


def cooloff_minutes():
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def lockout_message():
    return _(
        "Too many failed login attempts: logging in to this account or from this network is "
        "blocked for %(minutes)d minutes. Please try again later, or reset your password."
    ) % {"minutes": cooloff_minutes()}


def lockout_response(request, original_response=None, credentials=None):
    """429 with a clear message: JSON for the API, a page for people."""
    status = settings.AXES_HTTP_RESPONSE_CODE
    if is_api_request(request):
        return JsonResponse({"detail": lockout_message()}, status=status)
    context = {"message": lockout_message(), "minutes": cooloff_minutes()}
    return render(request, LOCKOUT_TEMPLATE, context, status=status)
