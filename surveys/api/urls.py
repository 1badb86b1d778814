from rest_framework.routers import SimpleRouter

from surveys.api.views import ResponseViewSet, SurveyViewSet

router = SimpleRouter()
router.register("surveys", SurveyViewSet, basename="survey")
router.register("responses", ResponseViewSet, basename="response")

urlpatterns = router.urls
