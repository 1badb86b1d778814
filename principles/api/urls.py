from rest_framework.routers import SimpleRouter

from principles.api.views import PrincipleViewSet

router = SimpleRouter()
router.register("principles", PrincipleViewSet, basename="principle")

urlpatterns = router.urls
