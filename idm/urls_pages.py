from django.urls import path

from idm import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("documents/", views.document_list, name="documents"),
]
