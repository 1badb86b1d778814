"""Pages of the funding app (namespace "funding"), mounted by dotted path in idm/urls.py
(nothing imports funding)."""

from django.urls import include, path

from funding import views

app_name = "funding"

urlpatterns = [
    path("events/<slug:slug>/confirm/", views.confirm_event, name="confirm-event"),
    path("", include("funding.urls_reports")),
    path("", include("funding.urls_sponsorship")),
]
