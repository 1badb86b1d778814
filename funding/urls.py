from django.urls import path

from funding import views

app_name = "funding"

urlpatterns = [
    path("events/<slug:slug>/confirm/", views.confirm_event, name="confirm-event"),
]
