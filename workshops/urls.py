from django.urls import path

from workshops import views, views_selfservice

app_name = "workshops"

urlpatterns = [
    path("dialogues/", views.dialogue_archive, name="dialogue-archive"),
    path("dialogues/<int:year>/", views.dialogue_detail, name="dialogue"),
    path("dialogues/<int:year>/calendar.ics", views.dialogue_ics, name="dialogue-ics"),
    path("events/<slug:slug>/", views.event_detail, name="event"),
    path("events/<slug:slug>/calendar.ics", views.event_ics, name="event-ics"),
    path("events/<slug:slug>/register/", views.register, name="register"),
    path("registrations/lost-link/", views_selfservice.lost_link, name="lost-link"),
    path(
        "registrations/<uuid:reference>/",
        views_selfservice.registration_detail,
        name="registration",
    ),
    path(
        "registrations/<uuid:reference>/change/",
        views_selfservice.registration_change,
        name="registration-change",
    ),
    path(
        "registrations/<uuid:reference>/cancel/",
        views_selfservice.registration_cancel,
        name="registration-cancel",
    ),
    path("accounts/registrations/", views_selfservice.my_registrations, name="my-registrations"),
]
