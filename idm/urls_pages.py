from django.urls import path

from idm import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("documents/", views.document_list, name="documents"),
    path("tasks/", views.my_tasks, name="my_tasks"),
    path("documents/<int:pk>/file/", views.document_file, name="document-file"),
]
