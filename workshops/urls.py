from django.urls import path

from workshops import (
    views,
    views_approval,
    views_nominations,
    views_participants,
    views_selfservice,
)

app_name = "workshops"

urlpatterns = [
    path("dialogues/", views.dialogue_archive, name="dialogue-archive"),
    path("dialogues/<int:year>/", views.dialogue_detail, name="dialogue"),
    path("dialogues/<int:year>/calendar.ics", views.dialogue_ics, name="dialogue-ics"),
    path("events/<slug:slug>/", views.event_detail, name="event"),
    path("events/<slug:slug>/calendar.ics", views.event_ics, name="event-ics"),
    path("events/<slug:slug>/register/", views.register, name="register"),
    path(
        "events/<slug:slug>/registrations/",
        views_approval.event_registrations,
        name="event-registrations",
    ),
    path("events/<slug:slug>/nominate/", views_nominations.nominate, name="nominate"),
    path(
        "events/<slug:slug>/nominate/<int:pk>/withdraw/",
        views_nominations.withdraw,
        name="withdraw-nomination",
    ),
    path(
        "events/<slug:slug>/participants/",
        views_participants.participant_list,
        name="participants",
    ),
    path(
        "events/<slug:slug>/participants/all/",
        views_participants.staff_participant_list,
        name="participants-staff",
    ),
    path(
        "events/<slug:slug>/participants.pdf",
        views_participants.participants_pdf,
        name="participants-pdf",
    ),
    path(
        "events/<slug:slug>/participants.csv",
        views_participants.participants_csv,
        name="participants-csv",
    ),
    path(
        "events/<slug:slug>/participants.xlsx",
        views_participants.participants_xlsx,
        name="participants-xlsx",
    ),
    path("events/<slug:slug>/badges.pdf", views_participants.badges_pdf, name="badges"),
    path("events/<slug:slug>/check-in/", views_participants.check_in, name="check-in"),
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
