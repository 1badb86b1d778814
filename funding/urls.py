"""Pages of the funding app, mounted by dotted path in idm/urls.py (nothing imports funding)."""

from django.urls import include, path

app_name = "funding"

urlpatterns = [
    path("", include("funding.urls_sponsorship")),
]
