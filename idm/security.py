"""Hooks of the brute-force protection (django-axes): whom a login attempt counts against,
and what a locked-out client is told."""

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.http import JsonResponse
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


def axes_username(request, credentials=None):
    """Attempts count per account: the email in lower case, however the person typed it."""
    if credentials and credentials.get("username"):
        username = credentials["username"]
    else:
        data = getattr(request, "data", None) or request.POST
        username = data.get("username") or data.get("email") or ""
    return str(username).strip().lower()


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
