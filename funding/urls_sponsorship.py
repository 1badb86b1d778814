"""Routes of sponsored participation (included from funding/urls.py)."""

from django.urls import path

from funding import views_sponsorship as views

urlpatterns = [
    path(
        "registrations/<uuid:reference>/sponsorship/",
        views.request_by_link,
        name="sponsorship-request",
    ),
    path(
        "events/<slug:slug>/registrations/<int:pk>/sponsorship/",
        views.request_for_registration,
        name="registration-sponsorship",
    ),
    path(
        "events/<slug:slug>/sponsorships/",
        views.event_sponsorships,
        name="event-sponsorships",
    ),
    path(
        "events/<slug:slug>/sponsorships/delegation/",
        views.delegation_sponsorships,
        name="delegation-sponsorships",
    ),
]
