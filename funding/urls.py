"""Pages of the funding app (namespace "funding"), mounted by dotted path in idm/urls.py
(nothing imports funding)."""

from django.urls import include, path

app_name = "funding"

urlpatterns = [
    path("", include("funding.urls_reports")),
    path("", include("funding.urls_sponsorship")),
]
