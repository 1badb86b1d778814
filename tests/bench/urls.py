"""The portal's routes with the benchmark's baseline view, as the bench's server mounts them."""

from django.urls import include, path

from idm.urls import handler400, handler403, handler404, handler500, urlpatterns  # noqa: F401

urlpatterns = [path("", include("bench.urls")), *urlpatterns]
