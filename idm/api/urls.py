from rest_framework.routers import SimpleRouter

from idm.api.views import DialogueViewSet, DocumentViewSet, MemberStateViewSet

router = SimpleRouter()
router.register("member-states", MemberStateViewSet, basename="memberstate")
router.register("dialogues", DialogueViewSet, basename="dialogue")
router.register("documents", DocumentViewSet, basename="document")

urlpatterns = router.urls
