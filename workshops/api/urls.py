from rest_framework.routers import SimpleRouter

from workshops.api.views import EventViewSet, RegistrationViewSet

router = SimpleRouter()
router.register("events", EventViewSet, basename="event")
router.register("registrations", RegistrationViewSet, basename="registration")

urlpatterns = router.urls
