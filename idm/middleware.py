"""Request rules of the portal: addresses that name nothing, and staff sessions (always
two-factor verified, short-lived when idle)."""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.http import Http404

from idm.validators import has_control_character

LAST_ACTIVITY_SESSION_KEY = "idm_last_activity"


class ControlCharacterPathMiddleware:
    """A path with a control character (`/delegations/%00/`) names no page: 404 for every
    route, before a view looks it up in the database (PostgreSQL refuses NUL with a 500)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_control_character(request.path_info):
            raise Http404("No address holds a control character.")
        return self.get_response(request)


class StaffSessionMiddleware:
    """Runs after django-otp's middleware.

    - A staff session that is not verified by a two-factor device is ended (e.g. a delegate
      who was made staff while logged in, or a device that was removed).
    - A staff session idle for longer than IDM_STAFF_SESSION_IDLE_SECONDS is ended; each
      request moves the session's expiry (cookie and store) forward by that much.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and user.is_staff:
            idle_limit = settings.IDM_STAFF_SESSION_IDLE_SECONDS
            now = int(time.time())
            last_activity = request.session.get(LAST_ACTIVITY_SESSION_KEY, now)
            if not user.is_verified() or now - last_activity > idle_limit:
                logout(request)
            else:
                request.session[LAST_ACTIVITY_SESSION_KEY] = now
                request.session.set_expiry(idle_limit)
        return self.get_response(request)
