"""URL wiring of the portal: pages, staff admin, the API and operations endpoints.

Apps are mounted by dotted path so that the programme core imports none of them.
"""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)

from idm.api.root import ApiNotFoundView, ApiRootView

api_patterns = [
    path("", ApiRootView.as_view(), name="root"),
    path("", include("idm.api.urls")),
    path("", include("workshops.api.urls")),
    path("", include("principles.api.urls")),
    path("", include("surveys.api.urls")),
    path("", include("funding.api.urls")),
    re_path(r"^.+/$", ApiNotFoundView.as_view(), name="not-found"),  # last: JSON 404
]

urlpatterns = [
    path("", include("idm.urls_pages")),
    path("", include("idm.urls_accounts")),
    path("", include("workshops.urls")),
    path("", include("principles.urls")),
    path("", include("surveys.urls")),
    path("", include("funding.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", include((api_patterns, "api"))),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
]

if settings.IDM_BENCH_BASELINE:  # `make bench` only: the cheapest view behind every middleware
    urlpatterns.insert(0, path("", include("bench.urls")))

# Error pages in the site's layout for people, JSON for the API (idm/views/errors.py).
handler400 = "idm.views.errors.bad_request"
handler403 = "idm.views.errors.permission_denied"
handler404 = "idm.views.errors.page_not_found"
handler500 = "idm.views.errors.server_error"
# No /media/ route, in development either: document files are served only by the document
# view, after its access checks (a forthcoming document's file stays unreachable).
