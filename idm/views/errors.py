"""The portal's answers to errors (handler400/403/404/500 in idm.urls).

People get the site's pages (templates/400.html … 500.html, in their language, with a way
back); the API answers JSON, as DRF does for errors raised inside its views, so that an
unknown API address or a crash gives a client `{"detail": …}` too. The 500 answer touches
neither the database nor the session: it must work when they are the cause. It shows the
request's id (idm/observability.py), which finds the error's log lines.
"""

from django.http import HttpResponseServerError, JsonResponse
from django.template import loader
from django.views import defaults
from django.views.decorators.csrf import requires_csrf_token

from idm.observability import current_request_id

API_PREFIX = "/api/"
API_DETAILS = {
    400: "Bad request.",
    403: "You do not have permission to perform this action.",
    404: "Not found.",
    500: "Server error.",
}


def is_api_request(request):
    return request.path.startswith(API_PREFIX)


def api_error(status):
    return JsonResponse({"detail": API_DETAILS[status]}, status=status)


def bad_request(request, exception):
    if is_api_request(request):
        return api_error(400)
    return defaults.bad_request(request, exception)


def permission_denied(request, exception):
    """403.html shows the exception's message: raise PermissionDenied(_("Why, in words."))."""
    if is_api_request(request):
        return api_error(403)
    return defaults.permission_denied(request, exception)


def page_not_found(request, exception):
    if is_api_request(request):
        return api_error(404)
    return defaults.page_not_found(request, exception)


@requires_csrf_token
def server_error(request):
    """Like Django's handler: 500.html rendered without the request (no context processor,
    no query), given only the request id."""
    if is_api_request(request):
        return api_error(500)
    template = loader.get_template(defaults.ERROR_500_TEMPLATE_NAME)
    return HttpResponseServerError(template.render({"request_id": current_request_id()}))
