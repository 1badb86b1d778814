from django.urls import path

from workshops import views

app_name = "workshops"

urlpatterns = [
    path("dialogues/", views.dialogue_archive, name="dialogue-archive"),
    path("dialogues/<int:year>/", views.dialogue_detail, name="dialogue"),
    path("dialogues/<int:year>/calendar.ics", views.dialogue_ics, name="dialogue-ics"),
    path("events/<slug:slug>/", views.event_detail, name="event"),
    path("events/<slug:slug>/calendar.ics", views.event_ics, name="event-ics"),
    path("events/<slug:slug>/register/", views.register, name="register"),
    path("registrations/<uuid:reference>/", views.registration_detail, name="registration"),
]
