"""The portal's URLs plus test-only views that fail in each way (tests of the error pages)."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.urls import include, path

from idm.urls import handler400, handler403, handler404, handler500  # noqa: F401


def bad_request(request):
    raise SuspiciousOperation("A hostile request.")


def refused(request):
    raise PermissionDenied("Only the focal point may do this.")


def missing(request):
    raise Http404


def crash(request):
    raise RuntimeError("Something broke.")


def api_crash(request):
    raise RuntimeError("Something broke in the API.")


urlpatterns = [
    path("fail/400/", bad_request),
    path("fail/403/", refused),
    path("fail/404/", missing),
    path("fail/500/", crash),
    path("api/v1/fail/500/", api_crash),
    path("", include("idm.urls")),
]
