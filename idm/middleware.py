"""Request rules of the portal: addresses that name nothing, staff sessions (always
two-factor verified, short-lived when idle), the language a person last used and the language
the API answers in."""

import time

from django.conf import settings
from django.contrib.auth import get_user_model, logout
from django.http import Http404, JsonResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header

from idm.content_languages import CONTENT_LANGUAGES, ORIGINAL_LANGUAGE, content_language
from idm.emails import email_language
from idm.validators import has_control_character
from idm.views.errors import api_error, is_api_request

LAST_ACTIVITY_SESSION_KEY = "idm_last_activity"


class ControlCharacterPathMiddleware:
    """A path with a control character (`/delegations/%00/`) names no page: 404 for every
    route, before a view looks it up in the database (PostgreSQL refuses NUL with a 500)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_control_character(request.path_info):
            if is_api_request(request):  # JSON, in development (DEBUG) too
                return api_error(404)
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


class PreferredLanguageMiddleware:
    """Remembers the language a logged-in person last used, for the emails they receive.

    Runs after LocaleMiddleware (which activated the request's language: the one chosen with
    the language buttons, else the browser's) and after the authentication middleware. Writes
    only when the language changed: one UPDATE, no history entry, no model signals.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            language = email_language(translation.get_language())
            if user.preferred_language != language:
                get_user_model().objects.filter(pk=user.pk).update(preferred_language=language)
                user.preferred_language = language
        return self.get_response(request)


LANGUAGE_PARAMETER = "lang"


def api_language(request):
    """The language an API request asks for: `?lang=` (en, fr or es), else the first of
    Accept-Language's languages that the portal has, else English. None: `?lang=` names
    another language."""
    asked = request.GET.get(LANGUAGE_PARAMETER, "")
    if asked:
        return asked if asked in CONTENT_LANGUAGES else None
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for code, _quality in parse_accept_lang_header(header):
        language = content_language(code) if code != "*" else None
        if language:
            return language
    return ORIGINAL_LANGUAGE


class ApiLanguageMiddleware:
    """The API answers in one language chosen by the request alone (`?lang=`, else
    Accept-Language, else English): never a page's language cookie or a person's last
    language, so that the same request always gets the same answer. Runs after
    PreferredLanguageMiddleware: `?lang=` does not change the language of a person's emails."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_api_request(request):
            return self.get_response(request)
        language = api_language(request)
        if language is None:
            return JsonResponse(
                {LANGUAGE_PARAMETER: [f"Choose one of: {', '.join(CONTENT_LANGUAGES)}."]},
                status=400,
            )
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers["Content-Language"] = language
        patch_vary_headers(response, ("Accept-Language",))
        return response
